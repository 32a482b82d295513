import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { audited, markPendingUnknown, RESTART_MESSAGE } from "@/server/audit/audit";
import { createDb } from "@/server/db/client";
import { createTestDb, type TestDb } from "./helpers";

// argon2 hashing and SQLite on a busy 2-core machine: generous, not infinite.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.cleanup());

const actor = { userId: null, username: "ops", role: "operator" };

describe("audit", () => {
  it("writes pending before the action runs, then ok or failed", async () => {
    const seen: string[] = [];
    await audited(t.db, actor, { action: "test.ok", params: { a: 1 } }, async (notes) => {
      seen.push((await t.db.auditEvent.findFirstOrThrow({ where: { action: "test.ok" } })).status);
      notes.summary = "did it";
    });
    expect(seen).toEqual(["pending"]);
    expect(await t.db.auditEvent.findFirstOrThrow({ where: { action: "test.ok" } })).toMatchObject({ status: "ok", summary: "did it" });
    await expect(audited(t.db, actor, { action: "test.fail" }, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await t.db.auditEvent.findFirstOrThrow({ where: { action: "test.fail" } })).toMatchObject({ status: "failed", message: "boom" });
  });

  it("marks rows left pending by a crash as unknown at the next start", async () => {
    // A "crash": the action never finishes, the process goes away with the row pending.
    void audited(t.db, actor, { action: "test.crash" }, () => new Promise(() => {}));
    await new Promise((r) => setTimeout(r, 200));
    expect((await t.db.auditEvent.findFirstOrThrow({ where: { action: "test.crash" } })).status).toBe("pending");

    const restarted = createDb(t.url);
    try {
      expect(await markPendingUnknown(restarted)).toBe(1);
      expect(await restarted.auditEvent.findFirstOrThrow({ where: { action: "test.crash" } })).toMatchObject({
        status: "unknown",
        message: RESTART_MESSAGE,
      });
      expect(await markPendingUnknown(restarted)).toBe(0);
    } finally {
      await restarted.$disconnect();
    }
  });
});
