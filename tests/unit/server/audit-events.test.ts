// The console's own events are in the audit history with who, from where and what they named:
// logins (ok, failed, rate-limited), logouts, user changes, cluster registration and removal.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { LoginRateLimiter } from "@/server/auth/rate-limit";
import { addUser, createTestDb, createTestHub, expectTrpcError, TestClient, type TestDb } from "./helpers";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let t: TestDb;
const { hub, agents } = createTestHub();

beforeAll(async () => {
  t = await createTestDb();
  await addUser(t.db, "ada", "admin");
  await addUser(t.db, "otto", "operator");
});
afterAll(async () => {
  hub.close();
  await t.cleanup();
});

const client = (clientIp: string, limiter = new LoginRateLimiter()) => new TestClient({ db: t.db, hub, limiter, clientIp });
const rows = (action: string) => t.db.auditEvent.findMany({ where: { action }, orderBy: [{ time: "asc" }, { id: "asc" }] });

describe("console events in the audit history", () => {
  it("a rate-limited login is audited as refused, with the address, even with the right password", async () => {
    const limiter = new LoginRateLimiter({ maxFailures: 2, maxFailuresPerAddress: 30, windowMs: 60_000 });
    const c = client("203.0.113.9", limiter);
    for (let i = 0; i < 2; i++) expect((await expectTrpcError(c.login("otto", "wrong-password"))).code).toBe("UNAUTHORIZED");
    const limited = await expectTrpcError(c.login("otto")); // even the right password: refused
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
    const logins = (await rows("auth.login")).filter((r) => r.address === "203.0.113.9");
    expect(logins.map((r) => r.status)).toEqual(["failed", "failed", "denied"]);
    expect(logins[2]).toMatchObject({ username: "otto", targetKind: "user", target: "otto", userId: null });
    expect(logins[2]!.message).toMatch(/^rate-limited: Too many failed logins — try again in \d+ s$/);
    expect(logins.every((r) => !r.params.includes("password") && !r.params.includes("203.0.113.9"))).toBe(true);
  });

  it("a logout is audited with the user and address; an anonymous logout writes nothing", async () => {
    const c = client("198.51.100.4");
    await c.login("otto");
    await (await c.caller()).auth.logout();
    const out = await rows("auth.logout");
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ username: "otto", role: "operator", status: "ok", address: "198.51.100.4", targetKind: "user", target: "otto" });
    await (await client("198.51.100.5").caller()).auth.logout();
    expect(await rows("auth.logout")).toHaveLength(1);
  });

  it("user added, role changed, password reset, disabled, enabled: each a row naming the user, never the password", async () => {
    const c = client("192.0.2.10");
    await c.login("ada");
    const admin = await c.caller();
    await admin.users.add({ username: "nina", password: "first-password-123", role: "viewer" });
    await admin.users.setRole({ username: "nina", role: "operator" });
    await admin.users.resetPassword({ username: "nina", password: "second-password-456" });
    await admin.users.disable({ username: "nina" });
    await admin.users.enable({ username: "nina" });
    const changes = await t.db.auditEvent.findMany({ where: { action: { startsWith: "users." } }, orderBy: [{ time: "asc" }, { id: "asc" }] });
    expect(changes.map((r) => [r.action, r.status])).toEqual([
      ["users.add", "ok"],
      ["users.setRole", "ok"],
      ["users.resetPassword", "ok"],
      ["users.disable", "ok"],
      ["users.enable", "ok"],
    ]);
    for (const r of changes) {
      expect(r).toMatchObject({ username: "ada", role: "admin", targetKind: "user", target: "nina", address: "192.0.2.10" });
      expect(r.params).not.toMatch(/first-password|second-password/);
    }
    expect(changes[1]!.summary).toBe("viewer → operator");
    // and they can be found by their words
    const found = await admin.audit.list({ filter: { q: "nina setrole" } });
    expect(found.items.map((i) => i.action)).toEqual(["users.setRole"]);
  });

  it("cluster added and removed: rows keep the cluster's name after it is gone", async () => {
    agents.probeAnswers.set("ws://e1:7480", { node: "node2", cluster: "democluster" });
    const c = client("192.0.2.11");
    await c.login("ada");
    const admin = await c.caller();
    await admin.clusters.register({ name: "east", agents: ["ws://e1:7480"], token: "secret-token-1" });
    await admin.clusters.remove({ cluster: "east" });
    const both = await admin.audit.list({ filter: { cluster: "east" } });
    expect(both.items.map((i) => [i.action, i.status, i.targetKind, i.target])).toEqual([
      ["clusters.remove", "ok", "cluster", "east"],
      ["clusters.register", "ok", "cluster", "east"],
    ]);
    expect(both.items.every((i) => i.address === "192.0.2.11")).toBe(true);
    expect(JSON.stringify(both)).not.toContain("secret-token-1");
  });

  it("a refusal by role is filed under the cluster its input named", async () => {
    const c = client("192.0.2.12");
    await c.login("otto");
    const op = await c.caller();
    expect((await expectTrpcError(op.clusters.remove({ cluster: "west" }))).code).toBe("FORBIDDEN");
    const c2 = client("192.0.2.13");
    await c2.login("ada");
    const refused = await (await c2.caller()).audit.list({ filter: { cluster: "west", status: ["denied"] } });
    expect(refused.items).toHaveLength(1);
    expect(refused.items[0]).toMatchObject({ username: "otto", action: "clusters.remove", address: "192.0.2.12" });
  });
});
