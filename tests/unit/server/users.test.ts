import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { LoginRateLimiter } from "@/server/auth/rate-limit";
import { addUser, createTestDb, createTestHub, expectTrpcError, TestClient, type TestDb } from "./helpers";

// argon2 hashing and SQLite on a busy 2-core machine: generous, not infinite.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

let t: TestDb;
const { hub } = createTestHub();
const client = () => new TestClient({ db: t.db, hub, limiter: new LoginRateLimiter() });
const as = async (username: string, password?: string) => {
  const c = client();
  await c.login(username, password);
  return c;
};

beforeAll(async () => {
  t = await createTestDb();
  await addUser(t.db, "root", "admin");
});
afterAll(async () => t.cleanup());

describe("users", () => {
  it("adds users, refuses a duplicate name with CONFLICT, never returns hashes", async () => {
    const admin = await (await as("root")).caller();
    await admin.users.add({ username: "bob", password: "bob-password", role: "operator" });
    const dup = await expectTrpcError(admin.users.add({ username: "bob", password: "other-password", role: "viewer" }));
    expect(dup).toEqual({ code: "CONFLICT", message: "A user named bob already exists" });
    const list = await admin.users.list();
    expect(list.map((u) => u.username)).toEqual(["bob", "root"]);
    expect(JSON.stringify(list)).not.toMatch(/argon2|passwordHash/);
  });

  it("still knows when a disabled user was last seen (disabling ends the sessions)", async () => {
    const admin = await (await as("root")).caller();
    await admin.users.add({ username: "dora", password: "dora-password", role: "viewer" });
    expect((await admin.users.list()).find((u) => u.username === "dora")?.lastSeenAt).toBeNull();
    await as("dora");
    const seen = (await admin.users.list()).find((u) => u.username === "dora")?.lastSeenAt;
    expect(seen).toBeInstanceOf(Date);
    await admin.users.disable({ username: "dora" });
    expect(await t.db.session.count({ where: { user: { username: "dora" } } })).toBe(0);
    const after = (await admin.users.list()).find((u) => u.username === "dora");
    expect(after).toMatchObject({ disabled: true, lastSeenAt: seen });
  });

  it("will not demote or disable the last admin", async () => {
    const admin = await (await as("root")).caller();
    const demote = await expectTrpcError(admin.users.setRole({ username: "root", role: "operator" }));
    expect(demote).toEqual({ code: "PRECONDITION_FAILED", message: "root is the last admin: make another user admin first" });
    expect((await expectTrpcError(admin.users.disable({ username: "root" }))).code).toBe("PRECONDITION_FAILED");
    expect((await t.db.user.findUniqueOrThrow({ where: { username: "root" } })).role).toBe("admin");
    const failed = await t.db.auditEvent.findFirstOrThrow({ where: { action: "users.setRole", status: "failed" } });
    expect(failed.message).toMatch(/last admin/);

    await admin.users.setRole({ username: "bob", role: "admin" });
    await admin.users.setRole({ username: "root", role: "viewer" });
    expect((await t.db.user.findUniqueOrThrow({ where: { username: "root" } })).role).toBe("viewer");
  });

  it("disabling ends the user's sessions at once; enable lets them back in", async () => {
    const bob = await (await as("bob", "bob-password")).caller();
    const victim = await as("root");
    await bob.users.disable({ username: "root" });
    expect((await expectTrpcError((await victim.caller()).auth.me())).code).toBe("UNAUTHORIZED");
    expect((await expectTrpcError(client().login("root"))).code).toBe("FORBIDDEN");
    await bob.users.enable({ username: "root" });
    await expect(client().login("root")).resolves.toBeTruthy();
  });

  it("a password reset logs the user out everywhere and the new password works", async () => {
    const bob = await (await as("bob", "bob-password")).caller();
    const victim = await as("root");
    await bob.users.resetPassword({ username: "root", password: "brand-new-password" });
    expect((await expectTrpcError((await victim.caller()).auth.me())).code).toBe("UNAUTHORIZED");
    expect((await expectTrpcError(client().login("root"))).message).toBe("Invalid username or password");
    await expect(client().login("root", "brand-new-password")).resolves.toBeTruthy();
    const row = await t.db.auditEvent.findFirstOrThrow({ where: { action: "users.resetPassword", status: "ok" } });
    expect(row.params).not.toContain("brand-new-password");
  });

  it("NOT_FOUND for an unknown user", async () => {
    const bob = await (await as("bob", "bob-password")).caller();
    expect((await expectTrpcError(bob.users.disable({ username: "nobody" }))).code).toBe("NOT_FOUND");
  });
});
