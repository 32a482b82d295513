// events.list / events.actions: a viewer reads a cluster's events and its audit rows over a range,
// filtered by kind, cursor-paged; bad input is a clear message; an anonymous caller gets nothing.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { recordAudit } from "@/server/audit/audit";
import { LoginRateLimiter } from "@/server/auth/rate-limit";
import { addUser, createTestDb, createTestHub, expectTrpcError, TestClient, type TestDb } from "./helpers";

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

let t: TestDb;
const { hub } = createTestHub();
const T0 = new Date("2026-11-24T10:00:00Z");
const at = (min: number) => new Date(T0.getTime() + min * 60_000);

beforeAll(async () => {
  t = await createTestDb();
  await addUser(t.db, "vera", "viewer");
  const c = await t.db.cluster.create({ data: { name: "demo", token: "tok" } });
  const ev = (min: number, kind: string, subject: string, message: string, cluster = "demo") =>
    t.db.clusterEvent.create({
      data: { time: at(min), clusterName: cluster, clusterId: cluster === "demo" ? c.id : null, kind, subject, message, statusEpoch: `0.26.${min}`, details: JSON.stringify({ n: min }) },
    });
  await ev(1, "node.standby.on", "node3", "node3 is in standby");
  await ev(2, "resource.moved", "WebService2", "WebService2 moved from node3 to node2");
  await ev(3, "resource.stopped", "ping-clone", "ping-clone stopped on node3");
  await ev(30, "node.standby.off", "node3", "node3 left standby");
  await ev(2, "resource.moved", "WebService1", "another cluster's event", "other");
  const actor = { userId: null, username: "olga", role: "operator" };
  await recordAudit(t.db, actor, { action: "nodes.standby", targetKind: "node", target: "node3", clusterId: c.id, clusterName: "demo", address: "10.9.8.7" }, "ok", "done");
  await recordAudit(t.db, actor, { action: "resources.move", targetKind: "resource", target: "WebService1", clusterName: "other", address: "10.9.8.7" }, "ok", "");
  // recordAudit stamps now; put the cluster's row at minute 0 of the test axis.
  await t.db.auditEvent.updateMany({ data: { time: at(0) } });
});
afterAll(async () => {
  hub.close();
  await t.cleanup();
});

async function viewer() {
  const c = new TestClient({ db: t.db, hub, limiter: new LoginRateLimiter() });
  await c.login("vera");
  return c.caller();
}

describe("events router", () => {
  it("lists a cluster's events in a range, newest first, only that cluster", async () => {
    const api = await viewer();
    const r = await api.events.list({ cluster: "demo", from: at(0), to: at(10) });
    expect(r.items.map((e) => e.subject)).toEqual(["ping-clone", "WebService2", "node3"]);
    expect(r.items[1]).toMatchObject({ kind: "resource.moved", message: "WebService2 moved from node3 to node2", details: { n: 2 }, statusEpoch: "0.26.2" });
    expect(r.nextCursor).toBeNull();
    const open = await api.events.list({ cluster: "demo", from: at(0) });
    expect(open.items).toHaveLength(4);
  });

  it("filters by kind and pages by cursor", async () => {
    const api = await viewer();
    const nodes = await api.events.list({ cluster: "demo", from: at(0), kinds: ["node.standby.on", "node.standby.off"] });
    expect(nodes.items.map((e) => e.kind)).toEqual(["node.standby.off", "node.standby.on"]);
    const p1 = await api.events.list({ cluster: "demo", from: at(0), limit: 3 });
    expect(p1.items).toHaveLength(3);
    expect(p1.nextCursor).toBe(p1.items[2]!.id);
    const p2 = await api.events.list({ cluster: "demo", from: at(0), limit: 3, cursor: p1.nextCursor });
    expect(p2.items.map((e) => e.subject)).toEqual(["node3"]);
    expect(p2.nextCursor).toBeNull();
  });

  it("gives the cluster's audit rows for the same range, without addresses", async () => {
    const api = await viewer();
    const r = await api.events.actions({ cluster: "demo", from: at(-1), to: at(10) });
    expect(r.items).toHaveLength(1);
    expect(r.items[0]).toMatchObject({ username: "olga", role: "operator", action: "nodes.standby", target: "node3", status: "ok" });
    expect(JSON.stringify(r)).not.toContain("10.9.8.7");
    expect((await api.events.actions({ cluster: "demo", from: at(1), to: at(10) })).items).toEqual([]);
  });

  it("says what is wrong with bad input", async () => {
    const api = await viewer();
    const backwards = await expectTrpcError(api.events.list({ cluster: "demo", from: at(10), to: at(0) }));
    expect(backwards.code).toBe("BAD_REQUEST");
    expect(backwards.message).toContain("from must not be after to");
    const kind = await expectTrpcError(api.events.list({ cluster: "demo", from: at(0), kinds: ["node.exploded" as never] }));
    expect(kind.message).toContain("kinds.0");
    const name = await expectTrpcError(api.events.actions({ cluster: "../etc", from: at(0) }));
    expect(name.message).toContain("Cluster name may contain");
    const limit = await expectTrpcError(api.events.list({ cluster: "demo", from: at(0), limit: 100_000 }));
    expect(limit.code).toBe("BAD_REQUEST");
  });

  it("needs a login", async () => {
    const anon = await new TestClient({ db: t.db, hub, limiter: new LoginRateLimiter() }).caller();
    expect((await expectTrpcError(anon.events.list({ cluster: "demo", from: at(0) }))).code).toBe("UNAUTHORIZED");
    expect((await expectTrpcError(anon.events.actions({ cluster: "demo", from: at(0) }))).code).toBe("UNAUTHORIZED");
  });
});
