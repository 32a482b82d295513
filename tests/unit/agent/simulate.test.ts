/** The simulate.* parsers, on real crm_simulate 2.1.5 output (tests/fixtures/simulate/, made with the real tool). */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildStatus, PacemakerParseError, type ClusterStatus } from "@/lib/pacemaker";
import { descendantIds } from "@/agent/actions/ids";
import { blockedReason, filterScores, parseScores, parseSimulateXml, runsOn } from "@/agent/simulate";

const FIX = join(process.cwd(), "tests/fixtures");
const read = (p: string) => readFileSync(join(FIX, p), "utf8");
const demo = (): ClusterStatus => buildStatus({ crmMonXml: read("demo/crm_mon.xml"), cibXml: read("demo/cib.xml") });

describe("parseScores (crm_simulate -s, text)", () => {
  it("reads every allocation and promotion line of the demo's scores, and nothing else", () => {
    const text = read("simulate/scores.txt");
    const scores = parseScores(text);
    const lines = text.split("\n").filter((l) => / (allocation|promotion) score on /.test(l));
    expect(scores).toHaveLength(lines.length);
    expect(scores.length).toBe(72);
    expect(scores).toContainEqual({ kind: "pcmk__primitive_assign", resource: "WebService1", node: "node2", score: "200" });
    expect(scores).toContainEqual({ kind: "pcmk__group_assign", resource: "virtual_ip", node: "node3", score: "100" });
    expect(scores).toContainEqual({ kind: "pcmk__clone_allocate", resource: "ping:2", node: "node4", score: "100" });
    expect(scores).toContainEqual({ kind: "pcmk__primitive_assign", resource: "my_lvs", node: "node2", score: "-INFINITY" });
    expect(scores).toContainEqual({ kind: "promotion", resource: "pgsql:0", node: "node2", score: "1000" });
    expect(new Set(scores.map((s) => s.kind))).toEqual(new Set(["pcmk__primitive_assign", "pcmk__group_assign", "pcmk__clone_allocate", "promotion"]));
  });

  it("reads a cluster with a standby node (whose promotion line names no node)", () => {
    const scores = parseScores(read("simulate/agent-scores-standby-failure.txt"));
    expect(scores).toContainEqual({ kind: "promotion", resource: "pgsql:2", node: "none", score: "0" });
    expect(scores.filter((s) => s.resource === "WebService3").map((s) => `${s.node}=${s.score}`)).toEqual(["node2=0", "node3=0", "node4=200"]);
  });

  it("filters by a resource and its instances and children", () => {
    const status = demo();
    const scores = parseScores(read("simulate/scores.txt"));
    const pg = filterScores(scores, descendantIds(status, "pgsql-clone"));
    expect(new Set(pg.map((s) => s.resource))).toEqual(new Set(["pgsql-clone", "pgsql:0", "pgsql:1", "pgsql:2"]));
    expect(pg.filter((s) => s.kind === "promotion")).toHaveLength(3);
    const group = filterScores(scores, descendantIds(status, "balanceGroup"));
    expect(new Set(group.map((s) => s.resource))).toEqual(new Set(["balanceGroup", "virtual_ip", "my_lvs"]));
    expect(filterScores(scores, descendantIds(status, "WebService1"))).toHaveLength(3);
    expect(parseScores("")).toEqual([]);
    expect(parseScores("garbage\nWebService1 allocation score on\n")).toEqual([]);
  });
});

describe("parseSimulateXml (crm_simulate -S --output-as=xml)", () => {
  it("a move: the transition's actions, the summary, and where things run after", () => {
    const r = parseSimulateXml(read("simulate/move-WebService1.xml"));
    expect(r.actions).toEqual([
      { task: "stop", resource: "WebService1", node: "node2", interval: null },
      { task: "start", resource: "WebService1", node: "node3", interval: null },
      { task: "monitor", resource: "WebService1", node: "node3", interval: 30000 },
    ]);
    expect(r.changes).toEqual([{ resource: "WebService1", change: "move", from: "node2", to: "node3" }]);
    expect(runsOn(r.after, "WebService1", "node3")).toBe(true);
    expect(runsOn(r.after, "WebService1", "node2")).toBe(false);
    expect(r.scores).toEqual([]); // made without -s
  });

  it("a group member's move takes the whole group along", () => {
    const r = parseSimulateXml(read("simulate/agent-move-member.xml"));
    expect(r.changes).toEqual([
      { resource: "virtual_ip", change: "move", from: "node3", to: "node2" },
      { resource: "my_lvs", change: "move", from: "node3", to: "node2" },
    ]);
    expect(runsOn(r.after, "balanceGroup", "node2")).toBe(true);
    expect(runsOn(r.after, "my_lvs", "node2")).toBe(true);
    expect(r.scores.some((s) => s.kind === "pcmk__group_assign")).toBe(true);
  });

  it("a promoted move: demote on one node, promote on the other", () => {
    const r = parseSimulateXml(read("simulate/agent-move-promoted.xml"));
    expect(r.changes).toEqual([
      { resource: "pgsql:0", change: "demote", from: "node2", to: "node2" },
      { resource: "pgsql:1", change: "promote", from: "node3", to: "node3" },
    ]);
    expect(r.actions.filter((a) => a.task === "promote")).toEqual([{ task: "promote", resource: "pgsql", node: "node3", interval: null }]);
    expect(runsOn(r.after, "pgsql-clone", "node3", true)).toBe(true);
    expect(runsOn(r.after, "pgsql-clone", "node2", true)).toBe(false);
    expect(r.scores).toContainEqual({ kind: "promotion", resource: "pgsql:1", node: "node3", score: "INFINITY" });
  });

  it("a node failure: fencing, moves and stops (a stop has no destination)", () => {
    const r = parseSimulateXml(read("simulate/node3-fails.xml"));
    expect(r.actions[0]).toEqual({ task: "fence:reboot", resource: "node3", node: "node3", interval: null });
    expect(r.actions.some((a) => a.task.endsWith("_0"))).toBe(false); // pseudo actions are left out
    expect(r.changes).toContainEqual({ resource: "WebService2", change: "move", from: "node3", to: "node2" });
    expect(r.changes).toContainEqual({ resource: "pgsql:1", change: "stop", from: "node3", to: null });
  });

  it("refuses what is not XML", () => {
    expect(() => parseSimulateXml("Segmentation fault")).toThrow(PacemakerParseError);
  });
});

describe("blockedReason", () => {
  it("none when the resource lands on the target", () => {
    expect(blockedReason(demo(), parseSimulateXml(read("simulate/move-WebService1.xml")), "WebService1", "node3", false)).toBeNull();
  });

  it("a target in standby", () => {
    const status = buildStatus({ crmMonXml: read("variants/standby/crm_mon.xml"), cibXml: read("variants/standby/cib.xml") });
    const sim = parseSimulateXml(read("simulate/agent-move-standby.xml"));
    expect(sim.changes).toEqual([]);
    expect(blockedReason(status, sim, "WebService1", "node3", false)).toBe("node3 is in standby");
  });

  it("a -INFINITY location constraint: named, and its score", () => {
    const status = buildStatus({ crmMonXml: read("simulate/agent-move-banned.crm_mon.xml"), cibXml: read("simulate/agent-move-banned.cib.xml") });
    const sim = parseSimulateXml(read("simulate/agent-move-banned.xml"));
    expect(sim.scores).toContainEqual({ kind: "pcmk__primitive_assign", resource: "WebService1", node: "node3", score: "-INFINITY" });
    expect(blockedReason(status, sim, "WebService1", "node3", false)).toBe(
      "WebService1 is banned from node3 (constraint avoid-WebService1-node3, score -INFINITY)",
    );
    // Without the constraint in view, the score alone says it.
    const noBans = { ...status, bans: [] };
    expect(blockedReason(noBans, sim, "WebService1", "node3", false)).toMatch(/allocation score of WebService1 on node3 is -INFINITY/);
    // A status from before the constraint landed: the simulated CIB's own constraints still name it.
    const before = demo();
    const constraints = status.configuration!.constraints;
    expect(blockedReason(before, sim, "WebService1", "node3", false, constraints)).toBe(
      "WebService1 is banned from node3 (constraint avoid-WebService1-node3, score -INFINITY)",
    );
    // a constraint on another node or resource does not count
    expect(blockedReason(before, sim, "WebService1", "node4", false, constraints)).not.toMatch(/avoid-WebService1-node3/);
  });
});
