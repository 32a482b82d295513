import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { LoginRateLimiter } from "@/server/auth/rate-limit";
import { addUser, createTestDb, createTestHub, expectTrpcError, TestClient, type TestDb } from "./helpers";

// argon2 hashing and SQLite on a busy 2-core machine: generous, not infinite.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

let t: TestDb;
const { hub } = createTestHub();
const as = async (username: string) => {
  const c = new TestClient({ db: t.db, hub, limiter: new LoginRateLimiter() });
  await c.login(username);
  return c.caller();
};

beforeAll(async () => {
  t = await createTestDb();
  await addUser(t.db, "ada", "admin");
  await addUser(t.db, "otto", "operator");
  await addUser(t.db, "vera", "viewer");
});
afterAll(async () => t.cleanup());

describe("roles", () => {
  it("a viewer calling an admin mutation gets FORBIDDEN and a denied audit row (secrets redacted)", async () => {
    const vera = await as("vera");
    const err = await expectTrpcError(vera.clusters.register({ name: "c1", agents: ["ws://127.0.0.1:9"], token: "s3cret-token" }));
    expect(err.code).toBe("FORBIDDEN");
    expect(err.message).toBe("Not allowed: this needs the admin role (you are viewer)");
    const row = await t.db.auditEvent.findFirstOrThrow({ where: { action: "clusters.register", status: "denied" } });
    expect(row).toMatchObject({ username: "vera", role: "viewer", status: "denied" });
    expect(row.message).toMatch(/needs the admin role/);
    expect(row.params).not.toContain("s3cret-token");
    expect(JSON.parse(row.params)).toMatchObject({ name: "c1", token: "[redacted]" });
    expect(await t.db.cluster.count()).toBe(0);
  });

  it("an operator cannot manage users; a viewer cannot reset passwords", async () => {
    const otto = await as("otto");
    expect((await expectTrpcError(otto.users.list())).code).toBe("FORBIDDEN");
    const vera = await as("vera");
    expect((await expectTrpcError(vera.users.resetPassword({ username: "ada", password: "new-password" }))).code).toBe("FORBIDDEN");
    expect(await t.db.auditEvent.count({ where: { status: "denied" } })).toBeGreaterThanOrEqual(3);
  });

  it("every role can read", async () => {
    for (const u of ["ada", "otto", "vera"]) {
      const c = await as(u);
      await expect(c.clusters.list()).resolves.toEqual([]);
      await expect(c.audit.list()).resolves.toHaveProperty("items");
    }
  });

  it("rejects invalid input with BAD_REQUEST and a readable message", async () => {
    const ada = await as("ada");
    const bad = await expectTrpcError(ada.clusters.register({ name: "bad name!", agents: ["http://x"], token: "" }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toMatch(/^Invalid input: /);
    expect(bad.message).toMatch(/name: Cluster name may contain/);
    expect(bad.message).toMatch(/agents\.0: Agent address must look like ws:\/\/host:7480/);
    const noAgents = await expectTrpcError(ada.clusters.register({ name: "ok", agents: [], token: "t" }));
    expect(noAgents.message).toMatch(/Give at least one agent address/);
    const role = await expectTrpcError(ada.users.add({ username: "x", password: "long-enough", role: "root" as "admin" }));
    expect(role.code).toBe("BAD_REQUEST");
  });
});
