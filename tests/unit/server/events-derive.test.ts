// Cluster events derived from consecutive snapshots: real crm_mon + CIB fixtures of the demo and
// its variants (tests/fixtures, made by scripts/make-fixtures.sh with Pacemaker 2.1.5), and, where
// no fixture shows a transition (a bundle replica moving, fencing history), a fixture with that one
// field changed.
import { describe, expect, it } from "vitest";
import type { ClusterStatus, FenceEvent } from "@/lib/pacemaker";
import { cibVersion, deriveEvents, eventEpoch } from "@/server/events/derive";
import { fixtureStatus } from "./helpers";

const demo = fixtureStatus("demo");
const v = (name: string) => fixtureStatus(`variants/${name}`);
const brief = (prev: ClusterStatus, next: ClusterStatus) => deriveEvents(prev, next).map((e) => `${e.kind} ${e.subject}`);
const find = (prev: ClusterStatus, next: ClusterStatus, kind: string, subject: string) => {
  const e = deriveEvents(prev, next).find((x) => x.kind === kind && x.subject === subject);
  if (!e) throw new Error(`no ${kind} ${subject} in ${brief(prev, next).join("; ")}`);
  return e;
};

describe("deriveEvents", () => {
  it("finds nothing between a snapshot and itself, or an equal copy", () => {
    expect(deriveEvents(demo, demo)).toEqual([]);
    expect(deriveEvents(demo, fixtureStatus("demo"))).toEqual([]);
    expect(deriveEvents(v("failed-op"), v("failed-op"))).toEqual([]);
  });

  it("a move: one event, in words", () => {
    expect(brief(demo, v("move"))).toEqual(["resource.moved WebService1"]);
    const e = find(demo, v("move"), "resource.moved", "WebService1");
    expect(e.message).toBe("WebService1 moved from node2 to node3");
    expect(e.details).toMatchObject({ from: ["node2"], to: ["node3"] });
  });

  it("standby: the node event, then what moved off it and why (a group once, not per member)", () => {
    const events = brief(demo, v("standby"));
    expect(events).toEqual([
      "node.standby.on node3",
      "resource.moved balanceGroup",
      "resource.moved WebService2",
      "resource.stopped ping-clone",
      "resource.stopped pgsql-clone",
    ]);
    expect(find(demo, v("standby"), "resource.moved", "balanceGroup").message).toBe(
      "group balanceGroup moved from node3 to node4 (node3 is in standby)",
    );
    expect(find(demo, v("standby"), "resource.moved", "balanceGroup").details.members).toEqual(["virtual_ip", "my_lvs"]);
    expect(find(demo, v("standby"), "resource.stopped", "ping-clone").message).toBe("ping-clone stopped on node3 (node3 is in standby)");
    // …and back.
    expect(brief(v("standby"), demo)).toContain("node.standby.off node3");
    expect(brief(v("standby"), demo)).toContain("resource.started pgsql-clone");
  });

  it("a group member that does something of its own gets its own event", () => {
    const next = structuredClone(demo);
    const group = next.resources.find((r) => r.id === "balanceGroup");
    if (group?.kind !== "group") throw new Error("fixture changed");
    const lvs = group.children[1]!;
    Object.assign(lvs, { role: "Stopped", active: false, nodes: [], nodesRunningOn: 0 });
    // virtual_ip still runs on node3, so the group did not move: only the member stopped.
    expect(brief(demo, next)).toEqual(["resource.stopped my_lvs"]);
    expect(find(demo, next, "resource.stopped", "my_lvs").message).toBe("my_lvs stopped on node3");
  });

  it("a node fenced after a failure (crm_simulate --node-fail): lost, fenced, its resources recovered elsewhere", () => {
    const events = brief(demo, v("offline"));
    expect(events).toEqual([
      "node.lost node4",
      "node.fenced node4",
      "resource.moved WebService3",
      "resource.stopped ping-clone",
      "resource.stopped pgsql-clone",
    ]);
    expect(find(demo, v("offline"), "resource.moved", "WebService3").message).toBe("WebService3 moved from node4 to node2 (node4 is offline)");
    expect(find(demo, v("offline"), "node.fenced", "node4").details).toMatchObject({ via: "node state" });
    expect(brief(v("offline"), demo)).toEqual([
      "node.joined node4",
      "resource.moved WebService3",
      "resource.started ping-clone",
      "resource.started pgsql-clone",
    ]);
  });

  it("a node that goes down cleanly is lost, not fenced", () => {
    const next = structuredClone(demo);
    const n4 = next.nodes.find((n) => n.name === "node4")!;
    n4.online = false;
    expect(brief(demo, next)).toEqual(["node.lost node4"]);
  });

  it("an unclean node: UNCLEAN while online, then fenced when it is down", () => {
    expect(brief(demo, v("failed-stop"))).toEqual(["node.unclean node2", "resource.failed WebService1"]);
    const down = structuredClone(v("failed-stop"));
    const n2 = down.nodes.find((n) => n.name === "node2")!;
    Object.assign(n2, { online: false, unclean: false });
    expect(brief(v("failed-stop"), down)).toEqual(["node.lost node2", "node.fenced node2"]);
    expect(find(v("failed-stop"), down, "node.fenced", "node2").details).toMatchObject({ via: "unclean node now down" });
  });

  it("fencing history: a new success is a fencing, a new failure is a failed fencing, old entries are not news", () => {
    // As crm_mon 2.1.5 prints them (a failed fencing from the live lab: stonith_admin --fence of an unknown node).
    const entry = (status: string, target: string, completed = "2026-11-24 23:05:00Z"): FenceEvent => ({
      status, extendedStatus: null, exitReason: status === "failed" ? "No route to host" : null, delegate: "node2",
      action: "reboot", target, client: "pacemaker-controld.1234", origin: "node2", completed, extraAttrs: {},
    });
    const prev = structuredClone(demo);
    prev.fenceHistory = [entry("success", "node3", "2026-11-24 22:00:00Z")];
    const next = structuredClone(prev);
    next.fenceHistory = [...prev.fenceHistory, entry("success", "node4"), entry("failed", "node2")];
    expect(brief(prev, next)).toEqual(["node.fenced node4", "fencing.failed node2"]);
    expect(find(prev, next, "node.fenced", "node4").message).toBe("node4 was fenced (reboot by node2)");
    expect(find(prev, next, "fencing.failed", "node2").message).toBe("Fencing node2 failed: No route to host");
    // Not tied to a CIB change: the entry's completion keys it, so a second fencing between the
    // same two CIB versions is a second event.
    expect(find(prev, next, "node.fenced", "node4").epochKey).toBe("fence:2026-11-24 23:05:00Z");
  });

  it("fencing history: crm_mon leaves an empty history out, so the section appearing can be the first fencing", () => {
    const prev = structuredClone(demo);
    prev.fenceHistory = null;
    prev.summary.lastUpdate = null;
    const next = structuredClone(demo);
    const at = (completed: string): FenceEvent => ({
      status: "failed", extendedStatus: null, exitReason: null, delegate: null, action: "off", target: "node1-ghost",
      client: "stonith_admin.15186", origin: "node1", completed, extraAttrs: {},
    });
    const seen = { prevAt: new Date("2026-12-02T05:14:10Z") };
    next.fenceHistory = [at("2026-12-02 05:14:10Z")];
    expect(brief(prev, next)).toEqual([]); // prev's own time unknown here: nothing to tell old from new
    expect(deriveEvents(prev, next, seen).map((e) => `${e.kind} ${e.subject}`)).toEqual(["fencing.failed node1-ghost"]);
    // History from long before prev (a fencer that was unreachable answering again) is not news.
    next.fenceHistory = [at("2026-12-01 09:00:00Z")];
    expect(deriveEvents(prev, next, seen)).toEqual([]);
    // Without the console's receive time, prev's crm_mon last_update stands in.
    prev.summary.lastUpdate = "2026-12-01T08:59:00Z";
    expect(brief(prev, next)).toEqual(["fencing.failed node1-ghost"]);
  });

  it("a new failure is an event once; the same failure in the next snapshot is not", () => {
    const e = find(demo, v("failed-op"), "resource.failed", "WebService2");
    expect(e.message).toBe("WebService2: monitor (30s) failed on node3 — not running (Simulated action result); running on node3");
    expect(e.details).toMatchObject({ failures: [{ opKey: "WebService2_monitor_30000", node: "node3" }] });
    // Something else changes while the failure stays: no second failure event.
    const later = structuredClone(v("failed-op"));
    later.summary.clusterOptions!.maintenanceMode = true;
    expect(brief(v("failed-op"), later)).toEqual(["maintenance.on "]);
    // The same op failing again (a newer call) is news again.
    const again = structuredClone(v("failed-op"));
    again.failures[0]!.call += 7;
    expect(brief(v("failed-op"), again)).toEqual(["resource.failed WebService2"]);
    // A cleanup removes the record: not a recovery (it never stopped running), and no event.
    expect(brief(v("failed-op"), demo)).toEqual([]);
  });

  it("a FAILED resource that runs again has recovered", () => {
    const e = find(v("failed-stop"), demo, "resource.recovered", "WebService1");
    expect(e.message).toBe("WebService1 recovered: running on node2");
  });

  it("a resource with an old failure record that stopped for another reason and starts again has not 'recovered'", () => {
    // failed-op: WebService2 runs on node3 with a monitor failure on record; node3 goes to standby.
    const stopped = structuredClone(v("failed-op"));
    const ws2 = stopped.resources.find((r) => r.id === "WebService2")!;
    Object.assign(ws2, { role: "Stopped", active: false, nodes: [], nodesRunningOn: 0 });
    stopped.nodes.find((n) => n.name === "node3")!.standby = true;
    expect(brief(v("failed-op"), stopped)).toEqual(["node.standby.on node3", "resource.stopped WebService2"]);
    expect(brief(stopped, v("failed-op"))).toEqual(["node.standby.off node3", "resource.started WebService2"]);
  });

  it("a clone instance failing is about the clone", () => {
    const next = structuredClone(demo);
    const clone = next.resources.find((r) => r.id === "pgsql-clone");
    if (clone?.kind !== "clone") throw new Error("fixture changed");
    const inst = clone.children.find((c) => c.kind === "primitive" && c.nodes[0]?.name === "node4")!;
    Object.assign(inst, { failed: true, role: "Unpromoted" });
    next.failures = [{ ...structuredClone(v("failed-op").failures[0]!), opKey: "pgsql:2_monitor_11000", node: "node4", interval: 11000 }];
    expect(brief(demo, next)).toEqual(["resource.failed pgsql-clone"]);
    expect(find(demo, next, "resource.failed", "pgsql-clone").message).toMatch(/^pgsql-clone: monitor \(11s\) failed on node4/);
    expect(brief(next, demo)).toEqual(["resource.recovered pgsql-clone"]);
  });

  it("promotable clones: promoted and demoted per node", () => {
    const next = structuredClone(demo);
    const clone = next.resources.find((r) => r.id === "pgsql-clone");
    if (clone?.kind !== "clone") throw new Error("fixture changed");
    for (const inst of clone.children) {
      if (inst.kind !== "primitive") continue;
      inst.role = inst.nodes[0]?.name === "node3" ? "Promoted" : "Unpromoted";
    }
    expect(brief(demo, next)).toEqual(["resource.promoted pgsql-clone", "resource.demoted pgsql-clone"]);
    expect(find(demo, next, "resource.promoted", "pgsql-clone").message).toBe("pgsql-clone promoted on node3 (was node2)");
    expect(find(demo, next, "resource.demoted", "pgsql-clone").message).toBe("pgsql-clone demoted on node2");
  });

  it("no quorum: the cluster event first, then every resource it stopped, each once", () => {
    const events = brief(demo, v("no-quorum"));
    expect(events[0]).toBe("quorum.lost ");
    expect(events).toContain("resource.stopped balanceGroup");
    expect(events).not.toContain("resource.stopped virtual_ip");
    expect(find(demo, v("no-quorum"), "resource.stopped", "ping-clone").message).toBe("ping-clone stopped on node2, node3 and node4 (no quorum)");
    expect(new Set(events).size).toBe(events.length);
    expect(brief(v("no-quorum"), demo)[0]).toBe("quorum.regained ");
  });

  it("cluster and node maintenance, target-role Stopped, a DC change", () => {
    expect(brief(demo, v("maintenance"))).toEqual(["maintenance.on "]);
    expect(brief(v("maintenance"), demo)).toEqual(["maintenance.off "]);
    expect(brief(demo, v("node-maintenance"))).toEqual(["node.maintenance.on node4"]);
    expect(brief(v("node-maintenance"), demo)).toEqual(["node.maintenance.off node4"]);
    expect(find(demo, v("stopped"), "resource.stopped", "WebService2").message).toBe("WebService2 stopped on node3 (target-role Stopped)");
    const next = structuredClone(demo);
    next.summary.dc = { ...next.summary.dc!, name: "node3", id: "2" };
    expect(find(demo, next, "dc.changed", "").message).toBe("node3 is now the DC (was node2)");
  });

  it("bundles: a replica is the unit that moves; guest and remote nodes come and go with their words", () => {
    const base = v("bundle-remote");
    const next = structuredClone(base);
    const bundle = next.resources.find((r) => r.id === "httpd-bundle");
    if (bundle?.kind !== "bundle") throw new Error("fixture changed");
    for (const p of bundle.replicas[0]!.resources) p.nodes = p.nodes.map((n) => (n.name === "node4" ? { ...n, name: "node3", id: "2" } : n));
    const guest = next.nodes.find((n) => n.name === "httpd-bundle-0")!;
    guest.online = true;
    const remote = next.nodes.find((n) => n.name === "remote1")!;
    remote.online = false;
    expect(brief(base, next)).toEqual(["node.joined httpd-bundle-0", "node.lost remote1", "resource.moved httpd-bundle-0"]);
    expect(find(base, next, "resource.moved", "httpd-bundle-0").message).toBe("httpd-bundle-0 moved from node4 to node3");
    expect(find(base, next, "node.joined", "httpd-bundle-0").message).toBe("guest node httpd-bundle-0 joined");
    expect(find(base, next, "node.lost", "remote1").message).toBe("remote node remote1 lost");
  });

  it("nothing from configuration changes alone: a resource or node only in one snapshot is no event", () => {
    // bundle-remote adds a bundle, a remote node and its guests to the demo; only what the demo's
    // own clones did on the new remote node is an event.
    expect(brief(demo, v("bundle-remote"))).toEqual(["resource.started ping-clone", "resource.started pgsql-clone"]);
    const next = structuredClone(demo);
    next.resources = next.resources.filter((r) => r.id !== "WebService1");
    next.nodes = next.nodes.filter((n) => n.name !== "node4");
    expect(brief(demo, next)).toEqual([]);
  });

  it("events are stored under the CIB version; without one, under a stable hash of the pair", () => {
    expect(cibVersion(v("move"))).toMatch(/^\d+\.\d+\.\d+$/);
    expect(eventEpoch(demo, v("move"))).toBe(cibVersion(v("move")));
    const a = structuredClone(demo);
    const b = structuredClone(v("move"));
    a.cib = null;
    b.cib = null;
    const epoch = eventEpoch(a, b);
    expect(epoch).toMatch(/^nocib:[0-9a-f]{24}$/);
    // Another console computing it from its own copies of the same snapshots gets the same epoch…
    expect(eventEpoch(structuredClone(a), structuredClone(b))).toBe(epoch);
    // …and a different transition another one.
    expect(eventEpoch(b, a)).not.toBe(epoch);
  });
});
