// The draft preview's reading of crm_simulate -R -G (real 2.1.5 output: tests/fixtures/simulate/,
// made by make-agent-fixtures.sh).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSimulateXml } from "@/agent/simulate";
import { parseTransitionGraph, placementAfter } from "@/agent/transition";

const fixture = (name: string) => readFileSync(`tests/fixtures/simulate/${name}`, "utf8");

describe("parseTransitionGraph", () => {
  it("lists the resource actions with their nodes and monitor intervals", () => {
    const actions = parseTransitionGraph(fixture("draft-run.graph.xml"));
    expect(actions).toContainEqual({ task: "start", resource: "new_dummy", node: "node2", interval: null });
    expect(actions).toContainEqual({ task: "monitor", resource: "new_dummy", node: "node2", interval: 10_000 });
    expect(actions).toContainEqual({ task: "stop", resource: "WebService1", node: "node2", interval: null });
    expect(actions).toContainEqual({ task: "start", resource: "WebService1", node: "node4", interval: null });
    // probes and pseudo events are not in the graph as resource actions on no node
    expect(actions.every((a) => a.node !== null)).toBe(true);
  });

  it("reads fencing as fence:<action> on the target", () => {
    const actions = parseTransitionGraph(fixture("node-fail.graph.xml"));
    expect(actions.some((a) => a.task.startsWith("fence:") && a.node === a.resource)).toBe(true);
  });

  it("refuses what is not XML with a clear message", () => {
    expect(() => parseTransitionGraph("<transition_graph><synapse>")).toThrow(/transition graph/);
  });
});

describe("placementAfter", () => {
  it("applies the summary to the current placement: the move and the new start", () => {
    const run = parseSimulateXml(fixture("draft-run.xml"));
    expect(run.changes).toEqual(
      expect.arrayContaining([
        { resource: "WebService1", change: "move", from: "node2", to: "node4" },
        { resource: "new_dummy", change: "start", from: null, to: "node2" },
      ]),
    );
    const after = placementAfter(run.after, run.changes);
    expect(after.find((p) => p.id === "WebService1")?.nodes).toEqual(["node4"]);
    expect(after.find((p) => p.id === "new_dummy")).toMatchObject({ nodes: ["node2"], role: "Started" });
    // what does not change stays where it is
    const before = run.after.find((p) => p.id === "WebService2");
    expect(after.find((p) => p.id === "WebService2")).toEqual(before);
  });

  it("matches anonymous clone instances by node", () => {
    const current = [
      { id: "ping", role: "Started", nodes: ["n1"], parents: ["ping-clone"] },
      { id: "ping", role: "Started", nodes: ["n2"], parents: ["ping-clone"] },
    ];
    const after = placementAfter(current, [
      { resource: "ping:1", change: "stop", from: "n2", to: null },
      { resource: "ping:2", change: "start", from: null, to: "n3" },
    ]);
    expect(after.map((p) => [p.id, p.role, p.nodes.join(), p.parents.join()])).toEqual([
      ["ping", "Started", "n1", "ping-clone"],
      ["ping", "Stopped", "", "ping-clone"],
      ["ping", "Started", "n3", "ping-clone"],
    ]);
  });
});
