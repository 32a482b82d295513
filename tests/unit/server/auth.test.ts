import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { LoginRateLimiter } from "@/server/auth/rate-limit";
import { hashToken } from "@/server/auth/session";
import { addUser, createTestDb, createTestHub, expectTrpcError, TestClient, type TestDb } from "./helpers";

// argon2 hashing and SQLite on a busy 2-core machine: generous, not infinite.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

let t: TestDb;
const { hub } = createTestHub();

beforeAll(async () => {
  t = await createTestDb();
  await addUser(t.db, "alice", "admin");
  await addUser(t.db, "victor", "viewer");
  const dis = await addUser(t.db, "dora", "operator");
  await t.db.user.update({ where: { id: dis.id }, data: { disabled: true } });
});
afterAll(async () => t.cleanup());

const client = (limiter = new LoginRateLimiter()) => new TestClient({ db: t.db, hub, limiter });

describe("auth", () => {
  it("refuses anonymous calls to anything but login with UNAUTHORIZED", async () => {
    const c = await client().caller();
    for (const call of [c.auth.me(), c.clusters.list(), c.audit.list(), c.users.list(), c.status.get({ cluster: "x" })]) {
      expect(await expectTrpcError(call)).toEqual({ code: "UNAUTHORIZED", message: "Please log in" });
    }
  });

  it("logs in, sets an HttpOnly SameSite=Lax cookie holding a token stored only hashed", async () => {
    const c = client();
    const res = await c.login("alice");
    expect(res.user).toMatchObject({ username: "alice", role: "admin" });
    const cookie = c.setCookies.at(-1) ?? "";
    expect(cookie).toMatch(/^vigil_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200/);
    expect(await t.db.session.findUnique({ where: { id: c.cookie ?? "" } })).toBeNull();
    expect(await t.db.session.findUnique({ where: { id: hashToken(c.cookie ?? "") } })).not.toBeNull();
    expect(await (await c.caller()).auth.me()).toMatchObject({ username: "alice", role: "admin" });
  });

  it("gives the same answer for an unknown user and a wrong password", async () => {
    const wrongPw = await expectTrpcError(client().login("alice", "not-her-password"));
    const noUser = await expectTrpcError(client().login("mallory", "whatever-password"));
    expect(wrongPw).toEqual({ code: "UNAUTHORIZED", message: "Invalid username or password" });
    expect(noUser).toEqual(wrongPw);
  });

  it("rate-limits failed logins per address and username", async () => {
    const limiter = new LoginRateLimiter();
    const c = client(limiter);
    for (let i = 0; i < 5; i++) await expectTrpcError(c.login("victor", "wrong-password"));
    const limited = await expectTrpcError(c.login("victor"));
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
    expect(limited.message).toMatch(/Too many failed logins — try again in \d+ s/);
    // another address is not affected
    const other = new TestClient({ db: t.db, hub, limiter, clientIp: "10.0.0.2" });
    await expect(other.login("victor")).resolves.toBeTruthy();
  });

  it("refuses a disabled user", async () => {
    const err = await expectTrpcError(client().login("dora"));
    expect(err.code).toBe("FORBIDDEN");
    expect(err.message).toMatch(/disabled/);
  });

  it("treats an expired session as UNAUTHORIZED with a clear message and clears the cookie", async () => {
    const c = client();
    await c.login("victor");
    await t.db.session.update({ where: { id: hashToken(c.cookie ?? "") }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const err = await expectTrpcError((await c.caller()).auth.me());
    expect(err).toEqual({ code: "UNAUTHORIZED", message: "Session expired — please log in again" });
    expect(c.setCookies.at(-1)).toMatch(/^vigil_session=; .*Max-Age=0/);
  });

  it("treats a forged cookie the same way", async () => {
    for (const forged of ["A".repeat(43), "not a token", "x"]) {
      const c = client();
      c.cookie = forged;
      expect(await expectTrpcError((await c.caller()).clusters.list())).toEqual({
        code: "UNAUTHORIZED",
        message: "Session expired — please log in again",
      });
    }
  });

  it("slides the expiry forward on use", async () => {
    const c = client();
    await c.login("victor");
    const id = hashToken(c.cookie ?? "");
    const old = new Date(Date.now() - 2 * 3600_000);
    await t.db.session.update({ where: { id }, data: { lastSeenAt: old, expiresAt: new Date(Date.now() + 3600_000) } });
    await (await c.caller()).auth.me();
    const s = await t.db.session.findUniqueOrThrow({ where: { id } });
    expect(s.expiresAt.getTime()).toBeGreaterThan(Date.now() + 11.9 * 3600_000);
    expect(c.setCookies.at(-1)).toMatch(/Max-Age=432(00|\d\d)/);
  });

  it("logs out: the session is gone server-side", async () => {
    const c = client();
    await c.login("alice");
    const token = c.cookie;
    await (await c.caller()).auth.logout();
    expect(c.cookie).toBeNull();
    const replay = client();
    replay.cookie = token;
    expect((await expectTrpcError((await replay.caller()).auth.me())).code).toBe("UNAUTHORIZED");
  });

  it("audits logins, never the password", async () => {
    const rows = await t.db.auditEvent.findMany({ where: { action: "auth.login" } });
    expect(rows.some((r) => r.status === "ok")).toBe(true);
    expect(rows.some((r) => r.status === "failed" && r.message === "Invalid username or password")).toBe(true);
    expect(rows.every((r) => !r.params.includes("password"))).toBe(true);
  });
});
