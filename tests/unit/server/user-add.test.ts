import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { verifyPassword } from "@/server/auth/password";
import { createDb } from "@/server/db/client";
import { userAddCommand } from "@/server/cli/user-add";

// argon2 hashing and SQLite on a busy 2-core machine: generous, not infinite.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

// env.ts reads DATABASE_URL when first imported: point it at a temp file before any import runs
// (never at the real var/vigil.db).
const { dir, url } = vi.hoisted(() => {
  const fs = require("node:fs") as typeof import("node:fs");
  const os = require("node:os") as typeof import("node:os");
  const p = require("node:path") as typeof import("node:path");
  const d = fs.mkdtempSync(p.join(os.tmpdir(), "vigil-useradd-"));
  const u = `file:${p.join(d, "cli.db")}`;
  process.env.DATABASE_URL = u;
  return { dir: d, url: u };
});
const pwFile = path.join(dir, "pw");

beforeAll(() => {
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
});
afterAll(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe("vigil user add", () => {
  it("creates the first admin on a fresh database from a password file", async () => {
    writeFileSync(pwFile, "correct horse battery\n");
    expect(await userAddCommand(["root", "--role", "admin", "--password-file", pwFile])).toBe(0);
    const db = createDb(url);
    try {
      const user = await db.user.findUniqueOrThrow({ where: { username: "root" } });
      expect(user.role).toBe("admin");
      expect(await verifyPassword(user.passwordHash, "correct horse battery")).toBe(true);
      expect(await db.auditEvent.count({ where: { action: "users.add", target: "root", status: "ok" } })).toBe(1);
    } finally {
      await db.$disconnect();
    }
  });

  it("refuses a duplicate (1) and bad arguments (2)", async () => {
    expect(await userAddCommand(["root", "--role", "admin", "--password-file", pwFile])).toBe(1);
    expect(await userAddCommand(["x", "--role", "root", "--password-file", pwFile])).toBe(2);
    expect(await userAddCommand(["x", "--password-file", pwFile])).toBe(2);
    writeFileSync(pwFile, "short\n");
    expect(await userAddCommand(["x", "--role", "viewer", "--password-file", pwFile])).toBe(2);
  });
});
