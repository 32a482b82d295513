// performAction, the one audited path to an agent: every way a change can end, each with the audit
// row it must leave. The agent is the FakeLink of helpers.ts (it records every request and answers
// as each test says); the statuses it sends are parsed from real crm_mon/CIB fixtures.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { AgentRequestError } from "@/lib/agent-client";
import type { ClusterStatus } from "@/lib/pacemaker";
import { commandLine, liveCommands } from "@/lib/protocol/commands";
import { performAction, type ActionCaller } from "@/server/actions/perform";
import { markPendingUnknown, reconcileAuditRows, RESTART_MESSAGE, unreconciledCount } from "@/server/audit/audit";
import type { SessionUser } from "@/server/auth/session";
import { createDb, type Db } from "@/server/db/client";
import { addUser, createTestDb, createTestHub, expectTrpcError, fixtureStatus, type FakeLink, type TestDb } from "./helpers";

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

let t: TestDb;
const { hub, agents } = createTestHub();
const N2 = "ws://n2:7480";
const demo = fixtureStatus("demo"); // WebService1 on node2, no node in standby, no ACLs
const node3Standby = fixtureStatus("variants/standby"); // the same cluster with node3 in standby
let link: FakeLink;
let olga: SessionUser;
let otto: SessionUser;
let clusterId: string;

/** Long enough for a status sent a few ms after the answer, short enough for a test. */
const SHORT_WAIT_MS = 800;

function caller(user: SessionUser, db: Db = t.db): ActionCaller {
  return { db, hub, user, clientIp: "10.1.2.3", effectWaitMs: SHORT_WAIT_MS };
}

/** The demo with WebService1 running on `node` instead. */
function webService1On(node: string): ClusterStatus {
  const s = structuredClone(demo);
  const ws1 = s.resources.find((r) => r.id === "WebService1");
  if (!ws1 || ws1.kind !== "primitive") throw new Error("fixture changed: WebService1 is not a top-level primitive");
  const target = s.nodes.find((n) => n.name === node)!;
  ws1.nodes = [{ name: node, id: target.id, cached: true }];
  return s;
}

/** The demo as a cluster that enforces Pacemaker ACLs. */
function withAcl(s: ClusterStatus): ClusterStatus {
  const copy = structuredClone(s);
  copy.configuration!.properties["enable-acl"] = "true";
  return copy;
}

const okResult = (epochBefore: string, epochAfter: string, line: string) => ({
  seq: 7,
  output: "",
  commands: [{ line, code: 0, ms: 12 }],
  epochBefore,
  epochAfter,
});

/** The command lines the console shows before running it (and audits while it is pending). */
const STANDBY_NODE3 = liveCommands("node.standby", { node: "node3", on: true }).map(commandLine);

const row = (id: string) => t.db.auditEvent.findUniqueOrThrow({ where: { id } });
const lastRow = () => t.db.auditEvent.findFirstOrThrow({ orderBy: [{ time: "desc" }, { id: "desc" }] });

beforeAll(async () => {
  t = await createTestDb();
  const o1 = await addUser(t.db, "olga", "operator");
  const o2 = await addUser(t.db, "otto", "operator");
  olga = { id: o1.id, username: o1.username, role: "operator" };
  otto = { id: o2.id, username: o2.username, role: "operator" };
  const cluster = await t.db.cluster.create({ data: { name: "demo", token: "tok" } });
  clusterId = cluster.id;
  hub.addCluster({ id: cluster.id, name: "demo", token: "tok", tlsFingerprint: null, agents: [N2] });
  link = agents.link(N2);
  link.open("node2");
});
afterAll(async () => {
  hub.close();
  await t.cleanup();
});
beforeEach(async () => {
  link.send(demo); // every test starts from the demo as the cluster's status
  link.requests.length = 0;
  link.answer = async () => Promise.reject(new Error("this test did not say how the agent answers"));
  await t.db.user.updateMany({ data: { aclTarget: null } });
});

describe("performAction", () => {
  it("writes the row as pending before the agent is asked, then ok with commands, epochs and duration once the status shows it", async () => {
    const seenByAgent: { status: string; action: string; commands: string }[] = [];
    link.answer = async (action) => {
      // The agent is being asked now: the evidence must already be in the database.
      const r = await lastRow();
      seenByAgent.push({ status: r.status, action: r.action, commands: r.commands });
      // The cluster shows the change a little after the command returned, as a real agent's push would.
      setTimeout(() => link.send(node3Standby), 30);
      return okResult("0.40.3", "0.41.0", `crm_attribute --node node3 --name standby --update on --lifetime forever (${action})`);
    };
    const out = await performAction(caller(olga), "demo", "node.standby", { node: "node3", on: true });

    expect(seenByAgent).toHaveLength(1);
    expect(seenByAgent[0]).toMatchObject({ status: "pending", action: "cluster.node.standby" });
    // the planned command line is in the pending row already
    expect(JSON.parse(seenByAgent[0]!.commands)).toEqual(STANDBY_NODE3);
    expect(STANDBY_NODE3.join(" ")).toContain("crm_attribute");
    expect(link.requests).toEqual([{ action: "node.standby", params: { node: "node3", on: true } }]);

    expect(out).toMatchObject({
      state: "done",
      message: "done: the cluster's status shows it",
      node: "node2",
      epochBefore: "0.40.3",
      epochAfter: "0.41.0",
      auditWritten: true,
      commands: ["crm_attribute --node node3 --name standby --update on --lifetime forever (node.standby)"],
    });
    expect(out.durationMs).toBeGreaterThanOrEqual(25);
    expect(await row(out.auditId)).toMatchObject({
      status: "ok",
      username: "olga",
      role: "operator",
      action: "cluster.node.standby",
      targetKind: "node",
      target: "node3",
      clusterId,
      clusterName: "demo",
      address: "10.1.2.3",
      epochBefore: "0.40.3",
      epochAfter: "0.41.0",
      message: "done: the cluster's status shows it",
      commands: JSON.stringify(out.commands),
    });
    expect((await row(out.auditId)).durationMs).toBeGreaterThanOrEqual(25);
  });

  it("says submitted, and what the status shows instead, when the cluster never shows the change", async () => {
    link.answer = async () => okResult("0.41.0", "0.42.0", "crm_attribute --node node3 --name standby --update on");
    const t0 = Date.now();
    const out = await performAction(caller(olga), "demo", "node.standby", { node: "node3", on: true });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(SHORT_WAIT_MS - 50); // it did wait for the status
    expect(out.state).toBe("submitted");
    expect(out.message).toBe("Pacemaker accepted it, but the cluster does not show it yet: node3 is not in standby yet");
    // Pacemaker took it: the row is ok (the command succeeded), with the honest message.
    expect(await row(out.auditId)).toMatchObject({ status: "ok", message: out.message, epochAfter: "0.42.0" });
  });

  it("a move the cluster does not carry out says why, from what the status shows", async () => {
    link.send(node3Standby);
    link.answer = async () => okResult("0.42.0", "0.43.0", "crm_resource --move --resource WebService1 --node node3");
    const out = await performAction(caller(olga), "demo", "resource.move", { rsc: "WebService1", node: "node3" });
    expect(out.state).toBe("submitted");
    expect(out.message).toMatch(/WebService1 runs on node2, not node3 — node3 is in standby$/);
  });

  it("fails with the agent's (Pacemaker's) message and the commands it ran", async () => {
    const line = "crm_attribute --node node3 --name standby --update on";
    link.answer = async () => {
      throw new AgentRequestError("command_failed", "crm_attribute exited 1: Error performing operation: No such device or address", [{ line, code: 1, ms: 9 }]);
    };
    const err = await expectTrpcError(performAction(caller(olga), "demo", "node.standby", { node: "node3", on: true }));
    expect(err).toEqual({ code: "PRECONDITION_FAILED", message: "crm_attribute exited 1: Error performing operation: No such device or address" });
    expect(await lastRow()).toMatchObject({
      status: "failed",
      message: "crm_attribute exited 1: Error performing operation: No such device or address",
      commands: JSON.stringify([line]),
      action: "cluster.node.standby",
    });
  });

  it("records acl_denied when Pacemaker refuses the mapped ACL target (not_permitted), sending that target as CIB_user", async () => {
    // the real ACL variant: enable-acl=true, acl_target viewer1 holding role read-only
    link.send(fixtureStatus("variants/acl"));
    await t.db.user.update({ where: { id: olga.id }, data: { aclTarget: "viewer1" } });
    link.answer = async () => {
      throw new AgentRequestError("not_permitted", "crm_attribute exited 4: Insufficient privileges", [
        { line: "crm_attribute --node node3 --name standby --update on", code: 4, ms: 10 },
      ]);
    };
    const err = await expectTrpcError(performAction(caller(olga), "demo", "node.standby", { node: "node3", on: true }));
    expect(err.code).toBe("FORBIDDEN");
    expect(err.message).toBe("denied by the cluster's ACL (ACL target viewer1, role read-only): crm_attribute exited 4: Insufficient privileges");
    expect(link.requests).toEqual([{ action: "node.standby", params: { node: "node3", on: true }, cibUser: "viewer1" }]);
    const r = await lastRow();
    expect(r).toMatchObject({ status: "acl_denied", message: err.message });
    // the ACL target the console chose (from the user record) is part of the audited request
    expect(JSON.parse(r.params)).toEqual({ node: "node3", on: true, cibUser: "viewer1" });
  });

  it("refuses a user with no ACL target on an ACL-enabled cluster without asking the agent", async () => {
    link.send(withAcl(demo));
    link.answer = async () => okResult("0.1.0", "0.2.0", "never");
    const err = await expectTrpcError(performAction(caller(otto), "demo", "node.standby", { node: "node3", on: true }));
    expect(err.code).toBe("FORBIDDEN");
    expect(err.message).toBe(
      "demo enforces Pacemaker ACLs (enable-acl=true) and otto is mapped to no ACL target; an admin can set one on the users page",
    );
    expect(link.requests).toEqual([]);
    expect(await lastRow()).toMatchObject({ status: "acl_denied", username: "otto", message: err.message });
  });

  it("sends nothing while no agent has shown the cluster's status (its ACL setting is not known yet)", async () => {
    const row2 = await t.db.cluster.create({ data: { name: "fresh", token: "tok" } });
    hub.addCluster({ id: row2.id, name: "fresh", token: "tok", tlsFingerprint: null, agents: ["ws://fresh:7480"] });
    const fresh = agents.link("ws://fresh:7480");
    fresh.open("node2"); // connected, but no status yet
    const err = await expectTrpcError(performAction(caller(olga), "fresh", "node.standby", { node: "node3", on: true }));
    expect(err.code).toBe("SERVICE_UNAVAILABLE");
    expect(err.message).toMatch(/^no agent of fresh can take the request/);
    expect(fresh.requests).toEqual([]);
    expect(await lastRow()).toMatchObject({ status: "failed", clusterName: "fresh", message: err.message });
  });

  it("sends nothing when the status carries no configuration (whether ACLs apply cannot be told)", async () => {
    const noConfig = { ...structuredClone(demo), configuration: null };
    link.send(noConfig);
    const before = link.requests.length;
    const err = await expectTrpcError(performAction(caller(olga), "demo", "node.standby", { node: "node3", on: true }));
    expect(err.code).toBe("PRECONDITION_FAILED");
    expect(err.message).toMatch(/cannot tell whether the cluster enforces ACLs/);
    expect(link.requests.length).toBe(before);
    expect(await lastRow()).toMatchObject({ status: "failed", action: "cluster.node.standby" });
    link.send(demo);
  });

  it("records unknown when the agent does not answer in time (it may have done it)", async () => {
    link.answer = async () => {
      throw new AgentRequestError("timeout", "no answer to node.standby in 60000 ms");
    };
    const err = await expectTrpcError(performAction(caller(olga), "demo", "node.standby", { node: "node3", on: true }));
    expect(err.code).toBe("TIMEOUT");
    expect(err.message).toMatch(/^no answer from the agent in time; the outcome is unknown/);
    const r = await lastRow();
    expect(r.status).toBe("unknown");
    expect(r.message).toBe(err.message);
    expect(JSON.parse(r.commands)).toEqual(STANDBY_NODE3); // the planned ones: nothing says what ran
  });

  it("refuses ids the cluster does not have (invalid) and never asks the agent", async () => {
    link.answer = async () => okResult("0.1.0", "0.2.0", "never");
    const err = await expectTrpcError(performAction(caller(olga), "demo", "node.standby", { node: "node9", on: true }));
    expect(err).toEqual({ code: "BAD_REQUEST", message: 'unknown node "node9" (nodes: node2, node3, node4)' });
    const bad = await expectTrpcError(performAction(caller(olga), "demo", "resource.move", { rsc: "-rf", node: "node3" }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toMatch(/^Invalid input: rsc: resource id must not start with "-"/);
    expect(link.requests).toEqual([]);
    expect(await lastRow()).toMatchObject({ status: "invalid", action: "cluster.resource.move" });
  });

  it("a console that dies while the agent works leaves pending, which the next start marks unknown", async () => {
    let asked!: () => void;
    const agentAsked = new Promise<void>((r) => (asked = r));
    link.answer = () => {
      asked();
      return new Promise(() => {}); // the console dies before any answer arrives
    };
    void performAction(caller(olga), "demo", "resource.stop", { rsc: "WebService1" });
    await agentAsked;
    const cutOff = await lastRow();
    expect(cutOff).toMatchObject({ status: "pending", action: "cluster.resource.stop", target: "WebService1" });

    const restarted = createDb(t.url); // the next console process, on the same database
    try {
      expect(await markPendingUnknown(restarted)).toBe(1);
      expect(await restarted.auditEvent.findUniqueOrThrow({ where: { id: cutOff.id } })).toMatchObject({ status: "unknown", message: RESTART_MESSAGE });
    } finally {
      await restarted.$disconnect();
    }
  });

  it("tells the caller the change was made when its row cannot be completed, and reconciles the row later", async () => {
    // A Db whose first auditEvent.update fails (the database busy for a moment): everything else passes through.
    let failures = 0;
    const events = new Proxy(t.db.auditEvent, {
      get(target, prop) {
        if (prop === "update" && failures === 0) {
          return () => {
            failures += 1;
            return Promise.reject(new Error("SQLITE_BUSY: database is locked"));
          };
        }
        const v = Reflect.get(target, prop) as unknown;
        return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    const flaky = new Proxy(t.db, {
      get(target, prop) {
        if (prop === "auditEvent") return events;
        const v = Reflect.get(target, prop) as unknown;
        return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    }) as Db;

    link.answer = async () => {
      setTimeout(() => link.send(node3Standby), 20);
      return okResult("0.50.0", "0.51.0", "crm_attribute --node node3 --name standby --update on");
    };
    const out = await performAction(caller(olga, flaky), "demo", "node.standby", { node: "node3", on: true });
    expect(failures).toBe(1);
    // never "failed" for something that happened
    expect(out).toMatchObject({ state: "done", auditWritten: false, epochAfter: "0.51.0" });
    expect(unreconciledCount()).toBe(1);
    expect((await row(out.auditId)).status).toBe("pending");
    // A restart check in this same process must not call it unknown: its completion is queued.
    expect(await markPendingUnknown(t.db)).toBe(0);

    expect(await reconcileAuditRows()).toBe(0);
    expect(unreconciledCount()).toBe(0);
    expect(await row(out.auditId)).toMatchObject({
      status: "ok",
      message: "done: the cluster's status shows it",
      epochBefore: "0.50.0",
      epochAfter: "0.51.0",
      commands: JSON.stringify(["crm_attribute --node node3 --name standby --update on"]),
    });
  });

  it("two operators moving the same resource at once: both audited, each told the truth", async () => {
    // Both requests reach the agent; the cluster ends with otto's move (the later one), as
    // crm_resource --move twice would: the second cli-prefer constraint replaces the first.
    let arrived = 0;
    link.answer = async (_action, params) => {
      arrived += 1;
      if (arrived === 2) setTimeout(() => link.send(webService1On("node4")), 20);
      return params.node === "node3"
        ? okResult("0.60.0", "0.61.0", "crm_resource --move --resource WebService1 --node node3")
        : okResult("0.61.0", "0.62.0", "crm_resource --move --resource WebService1 --node node4");
    };
    const [byOlga, byOtto] = await Promise.all([
      performAction(caller(olga), "demo", "resource.move", { rsc: "WebService1", node: "node3" }),
      performAction(caller(otto), "demo", "resource.move", { rsc: "WebService1", node: "node4" }),
    ]);
    expect(link.requests.map((r) => r.params.node).sort()).toEqual(["node3", "node4"]);
    expect(byOtto).toMatchObject({ state: "done", message: "done: the cluster's status shows it" });
    expect(byOlga.state).toBe("submitted");
    expect(byOlga.message).toBe("Pacemaker accepted it, but the cluster does not show it yet: WebService1 runs on node4, not node3");
    expect(byOlga.auditId).not.toBe(byOtto.auditId);
    expect(await row(byOlga.auditId)).toMatchObject({ status: "ok", username: "olga", message: byOlga.message, epochAfter: "0.61.0" });
    expect(await row(byOtto.auditId)).toMatchObject({ status: "ok", username: "otto", message: byOtto.message, epochAfter: "0.62.0" });
  });
});
