// The console's start-up path (server/boot.ts) on a database left behind by a crash.
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it, vi } from "vitest";
import { audited, RESTART_MESSAGE } from "@/server/audit/audit";
import { prepareDatabase } from "@/server/boot";
import { createDb, getDb } from "@/server/db/client";
import { pendingMigrations } from "@/server/db/migration-engine";

// argon2 hashing and SQLite on a busy 2-core machine: generous, not infinite.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

// env.ts reads DATABASE_URL when first imported: a temp file, never the real var/vigil.db.
const { dir, url } = vi.hoisted(() => {
  const fs = require("node:fs") as typeof import("node:fs");
  const os = require("node:os") as typeof import("node:os");
  const p = require("node:path") as typeof import("node:path");
  const d = fs.mkdtempSync(p.join(os.tmpdir(), "vigil-boot-"));
  const u = `file:${p.join(d, "boot.db")}`;
  process.env.DATABASE_URL = u;
  return { dir: d, url: u };
});

afterAll(async () => {
  await getDb().$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("console start-up", () => {
  it("migrates a fresh database, turns WAL on, and marks a crashed action 'outcome unknown'", async () => {
    const log: string[] = [];
    expect(pendingMigrations(url).length).toBeGreaterThan(0);
    await prepareDatabase((m) => log.push(m));
    expect(pendingMigrations(url)).toEqual([]);
    expect(log.some((m) => m.startsWith("database: applied"))).toBe(true);

    // A previous console process died in the middle of an action.
    const before = createDb(url);
    void audited(before, { userId: null, username: "otto", role: "operator" }, { action: "resources.move", target: "WebService1" }, () => new Promise(() => {}));
    await vi.waitFor(async () => expect(await before.auditEvent.count({ where: { status: "pending" } })).toBe(1));
    await before.$disconnect();

    await prepareDatabase((m) => log.push(m));
    const row = await getDb().auditEvent.findFirstOrThrow({ where: { action: "resources.move" } });
    expect(row).toMatchObject({ status: "unknown", message: RESTART_MESSAGE, username: "otto" });
    expect(log.at(-1)).toMatch(/1 action\(s\) were cut off/);
    const mode = await getDb().$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    expect(mode[0]?.journal_mode).toBe("wal");
  });
});
