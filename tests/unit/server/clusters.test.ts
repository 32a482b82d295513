import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { WebSocketServer } from "ws";
import { CLOSE_UNAUTHORIZED } from "@/lib/protocol";
import { LoginRateLimiter } from "@/server/auth/rate-limit";
import { AgentHub } from "@/server/hub/hub";
import { agentClientLinkFactory } from "@/server/hub/link-factory";
import { addUser, createTestDb, createTestHub, expectTrpcError, fixtureStatus, TestClient, type TestDb } from "./helpers";

// argon2 hashing and SQLite on a busy 2-core machine: generous, not infinite.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

let t: TestDb;
const { hub, agents } = createTestHub();

async function adminWith(h: AgentHub) {
  const c = new TestClient({ db: t.db, hub: h, limiter: new LoginRateLimiter() });
  await c.login("ada");
  return c.caller();
}

/** A port nobody listens on. */
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const addr = s.address();
      s.close(() => resolve(typeof addr === "object" && addr ? addr.port : 0));
    });
  });
}

beforeAll(async () => {
  t = await createTestDb();
  await addUser(t.db, "ada", "admin");
});
afterAll(async () => {
  hub.close();
  await t.cleanup();
});

describe("cluster registration", () => {
  it("registers when an agent answers, keeps the token server-side, and starts watching", async () => {
    agents.probeAnswers.set("ws://n1:7480", { node: "node2", cluster: "democluster" });
    const admin = await adminWith(hub);
    const res = await admin.clusters.register({ name: "prod", agents: ["ws://n1:7480", "ws://n2:7480"], token: "tok-123" });
    expect(res.agents.map((a) => a.outcome)).toEqual(["ok", "unreachable"]);
    const row = await t.db.cluster.findUniqueOrThrow({ where: { name: "prod" }, include: { agents: true } });
    expect(row.agents.map((a) => a.url).sort()).toEqual(["ws://n1:7480", "ws://n2:7480"]);
    expect(agents.link("ws://n1:7480").token).toBe("tok-123");

    agents.link("ws://n1:7480").open("node2");
    agents.link("ws://n1:7480").send(fixtureStatus("demo"));
    const list = await admin.clusters.list();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ name: "prod", dc: "node2", health: { counts: { nodes: 3 } } });
    const got = await admin.clusters.get({ cluster: "prod" });
    expect(got.agentUrls).toEqual(["ws://n1:7480", "ws://n2:7480"]);
    expect(JSON.stringify([list, got])).not.toContain("tok-123");
  });

  it("refuses a duplicate name with CONFLICT", async () => {
    const admin = await adminWith(hub);
    const err = await expectTrpcError(admin.clusters.register({ name: "prod", agents: ["ws://n1:7480"], token: "x" }));
    expect(err).toEqual({ code: "CONFLICT", message: "A cluster named prod already exists" });
  });

  it("refuses an unreachable address with a clear error and saves nothing (real client, closed port)", async () => {
    const realHub = new AgentHub(agentClientLinkFactory, () => {});
    const port = await freePort();
    const admin = await adminWith(realHub);
    const err = await expectTrpcError(admin.clusters.register({ name: "ghost", agents: [`ws://127.0.0.1:${port}`], token: "t" }));
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.message).toMatch(new RegExp(`^No agent answered: ws://127.0.0.1:${port} \\(.*ECONNREFUSED`));
    expect(await t.db.cluster.findUnique({ where: { name: "ghost" } })).toBeNull();
    expect(await t.db.clusterAgent.count({ where: { url: { contains: String(port) } } })).toBe(0);
    expect(realHub.snapshots()).toEqual([]);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "clusters.register", target: "ghost" } });
    expect(audit.status).toBe("failed");
    expect(audit.params).not.toContain('"t"');
    realHub.close();
  });

  it("refuses a token the agent rejects and saves nothing (real client)", async () => {
    const wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
    wss.on("connection", (ws) => ws.close(CLOSE_UNAUTHORIZED, "unauthorized"));
    await new Promise((r) => wss.once("listening", r));
    const addr = wss.address();
    const port = typeof addr === "object" && addr ? addr.port : 0;
    const realHub = new AgentHub(agentClientLinkFactory, () => {});
    try {
      const admin = await adminWith(realHub);
      const err = await expectTrpcError(admin.clusters.register({ name: "wrongtok", agents: [`ws://127.0.0.1:${port}`], token: "bad" }));
      expect(err).toEqual({ code: "BAD_REQUEST", message: `The agent at ws://127.0.0.1:${port} refused the token` });
      expect(await t.db.cluster.findUnique({ where: { name: "wrongtok" } })).toBeNull();
    } finally {
      realHub.close();
      await new Promise((r) => wss.close(r));
    }
  });

  it("refuses agents of two different clusters", async () => {
    agents.probeAnswers.set("ws://a:1", { node: "a", cluster: "one" });
    agents.probeAnswers.set("ws://b:1", { node: "b", cluster: "two" });
    const admin = await adminWith(hub);
    const err = await expectTrpcError(admin.clusters.register({ name: "mixed", agents: ["ws://a:1", "ws://b:1"], token: "x" }));
    expect(err.message).toMatch(/different clusters \(one, two\)/);
    expect(await t.db.cluster.findUnique({ where: { name: "mixed" } })).toBeNull();
  });

  it("removes a cluster and closes its links", async () => {
    const admin = await adminWith(hub);
    await admin.clusters.remove({ cluster: "prod" });
    expect(agents.link("ws://n1:7480").closed).toBe(true);
    expect(await admin.clusters.list()).toEqual([]);
    expect((await expectTrpcError(admin.clusters.remove({ cluster: "prod" }))).code).toBe("NOT_FOUND");
  });
});
