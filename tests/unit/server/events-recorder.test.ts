// The recorder: hub snapshots → ClusterEvent rows, idempotent across two console instances on one
// database and across a restart, never blocking the hub, never crashing on a database error.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createDb, type Db } from "@/server/db/client";
import { EventRecorder } from "@/server/events/recorder";
import type { AgentHub } from "@/server/hub/hub";
import { createTestDb, createTestHub, fixtureStatus, type FakeAgents, type TestDb } from "./helpers";

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const demo = fixtureStatus("demo");
const standby = fixtureStatus("variants/standby");
const offline = fixtureStatus("variants/offline");
const N2 = "ws://n2:7480";

let t: TestDb;
let clusterId = "";
const started: { hub: AgentHub; recorder: EventRecorder; db?: Db }[] = [];

beforeAll(async () => {
  t = await createTestDb();
  clusterId = (await t.db.cluster.create({ data: { name: "demo", token: "tok", agents: { create: [{ url: N2 }] } } })).id;
});
afterAll(async () => {
  for (const s of started) {
    await s.recorder.stop();
    s.hub.close();
    await s.db?.$disconnect();
  }
  await t.cleanup();
});
beforeEach(async () => {
  await t.db.clusterEvent.deleteMany();
});

/** One console: its own hub on fake agents, its own recorder, on `db` (the shared test database by default). */
function consoleInstance(db: Db = t.db, log: (m: string) => void = () => {}): { hub: AgentHub; agents: FakeAgents; recorder: EventRecorder } {
  const { hub, agents } = createTestHub();
  hub.addCluster({ id: clusterId, name: "demo", token: "tok", tlsFingerprint: null, agents: [N2] });
  const recorder = new EventRecorder(hub, db, { log }).start();
  started.push({ hub, recorder, ...(db !== t.db ? { db } : {}) });
  agents.link(N2).open("node2");
  return { hub, agents, recorder };
}

const rows = () => t.db.clusterEvent.findMany({ orderBy: [{ kind: "asc" }, { subject: "asc" }] });
const kinds = async () => (await rows()).map((r) => `${r.kind} ${r.subject}`);

describe("event recorder", () => {
  it("stores what changed between snapshots, not the first snapshot", async () => {
    const c = consoleInstance();
    c.agents.link(N2).send(demo);
    await c.recorder.flush();
    expect(await rows()).toEqual([]);
    c.agents.link(N2).send(standby);
    await c.recorder.flush();
    const stored = await rows();
    expect(stored.map((r) => `${r.kind} ${r.subject}`).sort()).toEqual(
      ["node.standby.on node3", "resource.moved WebService2", "resource.moved balanceGroup", "resource.stopped pgsql-clone", "resource.stopped ping-clone"].sort(),
    );
    const moved = stored.find((r) => r.subject === "WebService2")!;
    expect(moved).toMatchObject({ clusterName: "demo", clusterId, message: "WebService2 moved from node3 to node2 (node3 is in standby)" });
    expect(moved.statusEpoch).toBe(`${standby.cib!.adminEpoch}.${standby.cib!.epoch}.${standby.cib!.numUpdates}`);
    expect(JSON.parse(moved.details)).toEqual({ from: ["node3"], to: ["node2"] });
    await c.recorder.stop();
  });

  it("two consoles on one database store each event once", async () => {
    // Two Prisma clients on one SQLite file, as two console processes would have.
    const a = consoleInstance(t.db);
    const b = consoleInstance(createDb(t.url));
    for (const c of [a, b]) c.agents.link(N2).send(demo);
    for (const c of [a, b]) c.agents.link(N2).send(offline);
    for (const c of [a, b]) c.agents.link(N2).send(demo);
    await Promise.all([a.recorder.flush(), b.recorder.flush()]);
    const stored = await kinds();
    expect(stored).toContain("node.lost node4");
    expect(stored).toContain("node.fenced node4");
    expect(stored).toContain("node.joined node4");
    // Each event was derived by both; one stored it, the other met the unique key.
    const total = (k: "stored" | "duplicates") => a.recorder.stats[k] + b.recorder.stats[k];
    expect(total("stored")).toBe(stored.length);
    expect(total("duplicates")).toBe(stored.length);
    expect(a.recorder.stats.errors + b.recorder.stats.errors).toBe(0);
    // The move back (node2 → node4) is its own event at its own epoch, not a duplicate of the first.
    expect(stored.filter((k) => k === "resource.moved WebService3")).toHaveLength(2);
    await Promise.all([a.recorder.stop(), b.recorder.stop()]);
  });

  it("a restart (a new console on the same database) adds no phantom events", async () => {
    const first = consoleInstance();
    first.agents.link(N2).send(demo);
    first.agents.link(N2).send(standby);
    await first.recorder.stop();
    first.hub.close();
    const before = await kinds();
    expect(before.length).toBeGreaterThan(0);

    // The restarted console's first snapshot is the same cluster: no "node joined", no "started".
    const second = consoleInstance();
    second.agents.link(N2).send(standby);
    await second.recorder.flush();
    expect(await kinds()).toEqual(before);
    // Changes after that are recorded again.
    second.agents.link(N2).send(demo);
    await second.recorder.flush();
    expect(await kinds()).toContain("node.standby.off node3");
  });

  it("a re-registration (a new feed) starts from a baseline; a removed cluster is forgotten", async () => {
    const c = consoleInstance();
    c.agents.link(N2).send(demo);
    await c.recorder.flush();
    c.hub.addCluster({ id: clusterId, name: "demo", token: "tok", tlsFingerprint: null, agents: [N2] });
    c.agents.link(N2).open("node2");
    c.agents.link(N2).send(offline);
    await c.recorder.flush();
    expect(await rows()).toEqual([]);
    c.hub.removeCluster(clusterId);
    c.hub.addCluster({ id: clusterId, name: "demo", token: "tok", tlsFingerprint: null, agents: [N2] });
    c.agents.link(N2).open("node2");
    c.agents.link(N2).send(demo);
    await c.recorder.flush();
    expect(await rows()).toEqual([]);
    await c.recorder.stop();
  });

  it("does not run in the hub's call, and a database error is logged, not thrown", async () => {
    // A database that cannot write: every insert fails.
    const broken = { clusterEvent: { create: () => Promise.reject(new Error("disk I/O error")) } } as unknown as Db;
    const logged: string[] = [];
    const { hub, agents } = createTestHub();
    hub.addCluster({ id: clusterId, name: "demo", token: "tok", tlsFingerprint: null, agents: [N2] });
    const recorder = new EventRecorder(hub, broken, { log: (m) => logged.push(m) }).start();
    started.push({ hub, recorder });
    const c = { hub, agents, recorder };
    agents.link(N2).open("node2");
    c.agents.link(N2).send(demo);
    await c.recorder.flush();
    c.agents.link(N2).send(standby);
    // The hub delivered the snapshot; nothing was derived in its call.
    expect(c.recorder.stats).toEqual({ stored: 0, duplicates: 0, errors: 0 });
    await c.recorder.flush();
    expect(c.recorder.stats.errors).toBeGreaterThan(0);
    expect(logged.some((m) => m.includes("disk I/O error"))).toBe(true);
    // The hub goes on: the next snapshot is served and the recorder still takes it.
    c.agents.link(N2).send(demo);
    expect(c.hub.feed(clusterId)!.current()).toBe(demo);
    await c.recorder.flush();
    await c.recorder.stop();
  });

  it("two fencings of one node with no CIB change between them are two events", async () => {
    const c = consoleInstance();
    const fence = (completed: string) => ({
      status: "success", extendedStatus: null, exitReason: null, delegate: "node2", action: "reboot", target: "node4",
      client: "pacemaker-controld.1", origin: "node2", completed, extraAttrs: {},
    });
    const withHistory = (...completed: string[]) => ({ ...demo, fenceHistory: completed.map(fence) });
    c.agents.link(N2).send(withHistory());
    c.agents.link(N2).send(withHistory("2026-11-24 23:01:00Z"));
    c.agents.link(N2).send(withHistory("2026-11-24 23:01:00Z", "2026-11-24 23:02:00Z"));
    await c.recorder.flush();
    const fenced = (await rows()).filter((r) => r.kind === "node.fenced");
    expect(fenced.map((r) => r.statusEpoch).sort()).toEqual([
      `${cibOf(demo)}+fence:2026-11-24 23:01:00Z`,
      `${cibOf(demo)}+fence:2026-11-24 23:02:00Z`,
    ]);
    await c.recorder.stop();
  });

  it("an event of a cluster removed meanwhile is kept by name", async () => {
    const other = await t.db.cluster.create({ data: { name: "gone", token: "tok" } });
    const { hub, agents } = createTestHub();
    hub.addCluster({ id: other.id, name: "gone", token: "tok", tlsFingerprint: null, agents: [N2] });
    const recorder = new EventRecorder(hub, t.db, { log: () => {} }).start();
    started.push({ hub, recorder });
    agents.link(N2).open("node2");
    agents.link(N2).send(demo);
    await recorder.flush();
    await t.db.cluster.delete({ where: { id: other.id } });
    agents.link(N2).send(v("move"));
    await recorder.flush();
    expect(await t.db.clusterEvent.findMany({ where: { clusterName: "gone" } })).toMatchObject([{ clusterId: null, kind: "resource.moved", subject: "WebService1" }]);
    await recorder.stop();
  });
});

function cibOf(s: typeof demo): string {
  return `${s.cib!.adminEpoch}.${s.cib!.epoch}.${s.cib!.numUpdates}`;
}

function v(name: string) {
  return fixtureStatus(`variants/${name}`);
}
