import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Configuration, Constraint } from "@/lib/pacemaker";
import { parseCib } from "@/lib/pacemaker/parse-cib";
import { connectionKind, constraintMarks, diffGraph, graphOf, orderParentsFirst, parallelOffsets, searchNodes } from "@/components/graph/model";
import { gridLayout, layout } from "@/components/graph/layout";

const demo = (): Configuration => parseCib(readFileSync("tests/fixtures/demo/cib.xml", "utf8")).configuration;

/** The demo's configuration with its constraints replaced/extended (what a draft would parse to). */
function withConstraints(base: Configuration, f: (cs: Constraint[]) => Constraint[]): Configuration {
  return { ...base, constraints: f(structuredClone(base.constraints)) };
}

const coloc = (id: string, rsc: string, withRsc: string, score = "INFINITY"): Constraint => ({
  kind: "rsc_colocation",
  id,
  rsc,
  withRsc,
  rscRole: null,
  withRscRole: null,
  score,
  nodeAttribute: null,
  influence: null,
  resourceSets: [],
  extraAttrs: {},
  unknown: [],
});

describe("graphOf", () => {
  it("draws the demo: resources in their containers, cluster nodes, one edge per constraint", () => {
    const g = graphOf(demo());
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    expect(byId.get("rsc:virtual_ip")).toMatchObject({ kind: "primitive", parent: "rsc:balanceGroup" });
    expect(byId.get("rsc:balanceGroup")).toMatchObject({ kind: "group", parent: null });
    expect(byId.get("rsc:pgsql-clone")).toMatchObject({ kind: "promotable" });
    expect(byId.get("rsc:ping-clone")).toMatchObject({ kind: "clone" });
    expect(byId.get("rsc:ping")).toMatchObject({ parent: "rsc:ping-clone" });
    expect(["node2", "node3", "node4"].every((n) => byId.get(`node:${n}`)?.kind === "node")).toBe(true);

    const loc = g.edges.find((e) => e.constraintId === "location-WebService1-node2-100");
    expect(loc).toMatchObject({ kind: "location", source: "rsc:WebService1", target: "node:node2", label: "100", negative: false });
    const col = g.edges.find((e) => e.constraintId === "colocation-balanceGroup-ping-clone-INFINITY");
    // with-rsc (placed first) → rsc, like first → then
    expect(col).toMatchObject({ kind: "colocation", source: "rsc:ping-clone", target: "rsc:balanceGroup", label: "INFINITY" });
    const ord = g.edges.find((e) => e.constraintId === "order-ping-clone-balanceGroup-mandatory");
    expect(ord).toMatchObject({ kind: "order", source: "rsc:ping-clone", target: "rsc:balanceGroup", arrow: true });
    expect(ord?.label).toBe("Mandatory");
    // The pingd rule is a node of its own, its score negative (dashed).
    const rule = g.edges.find((e) => e.constraintId === "location-balanceGroup-pingd");
    expect(rule).toMatchObject({ source: "rsc:balanceGroup", target: "rule:location-balanceGroup-pingd", negative: true, label: "-INFINITY" });
    expect(byId.get("rule:location-balanceGroup-pingd")).toMatchObject({ kind: "rule", label: "if pingd not_defined or pingd lte 0" });
  });

  it("draws tickets as nodes, patterns per matching resource, sets as pairs, and drops edges to unknown ids", () => {
    const c = withConstraints(demo(), (cs) => [
      ...cs,
      { kind: "rsc_ticket", id: "t1", ticket: "ticketA", rsc: "WebService1", rscRole: null, lossPolicy: "stop", resourceSets: [], extraAttrs: {}, unknown: [] },
      {
        kind: "rsc_location",
        id: "pat",
        rsc: null,
        rscPattern: "^WebService[12]$",
        role: null,
        score: "-INFINITY",
        node: "node4",
        resourceDiscovery: null,
        rules: [],
        resourceSets: [],
        extraAttrs: {},
        unknown: [],
      },
      {
        kind: "rsc_order",
        id: "oset",
        first: null,
        then: null,
        firstAction: null,
        thenAction: null,
        orderKind: "Optional",
        score: null,
        symmetrical: null,
        requireAll: null,
        resourceSets: [
          { id: "s1", idRef: null, sequential: "false", requireAll: null, ordering: null, action: null, role: null, score: null, kind: null, resources: ["WebService1", "WebService2"], extraAttrs: {}, unknown: [] },
          { id: "s2", idRef: null, sequential: null, requireAll: null, ordering: null, action: null, role: null, score: null, kind: null, resources: ["WebService3"], extraAttrs: {}, unknown: [] },
        ],
        extraAttrs: {},
        unknown: [],
      },
      coloc("ghost", "WebService1", "no_such_resource"),
    ]);
    const g = graphOf(c);
    expect(g.nodes.find((n) => n.id === "ticket:ticketA")?.kind).toBe("ticket");
    expect(g.edges.filter((e) => e.constraintId === "t1")).toEqual([expect.objectContaining({ source: "ticket:ticketA", target: "rsc:WebService1", label: "loss-policy stop" })]);
    expect(g.edges.filter((e) => e.constraintId === "pat").map((e) => e.source).sort()).toEqual(["rsc:WebService1", "rsc:WebService2"]);
    expect(g.edges.filter((e) => e.constraintId === "pat").every((e) => e.negative)).toBe(true);
    // sequential=false: no edge inside the first set; each member of it → the next set
    expect(g.edges.filter((e) => e.constraintId === "oset").map((e) => `${e.source}>${e.target}`)).toEqual(["rsc:WebService1>rsc:WebService3", "rsc:WebService2>rsc:WebService3"]);
    expect(g.edges.some((e) => e.constraintId === "ghost")).toBe(false);
  });
});

describe("diff marks", () => {
  it("marks what the draft adds, changes and removes, and keeps removed edges to strike through", () => {
    const live = demo();
    const draft = withConstraints(live, (cs) => [
      ...cs.filter((c) => c.id !== "location-WebService3-node4-100").map((c) => (c.id === "location-WebService2-node3-100" && c.kind === "rsc_location" ? { ...c, score: "-50" } : c)),
      coloc("colocation-WebService1-WebService2-INFINITY", "WebService1", "WebService2"),
    ]);
    const marks = constraintMarks(live, draft);
    expect(Object.fromEntries(marks)).toEqual({
      "colocation-WebService1-WebService2-INFINITY": "added",
      "location-WebService2-node3-100": "changed",
      "location-WebService3-node4-100": "removed",
    });
    const g = diffGraph(live, draft);
    const mark = (id: string) => g.edges.filter((e) => e.constraintId === id).map((e) => e.mark);
    expect(mark("colocation-WebService1-WebService2-INFINITY")).toEqual(["added"]);
    expect(mark("location-WebService2-node3-100")).toEqual(["changed"]);
    expect(g.edges.find((e) => e.constraintId === "location-WebService2-node3-100")).toMatchObject({ label: "-50", negative: true });
    expect(mark("location-WebService3-node4-100")).toEqual(["removed"]);
    expect(mark("location-WebService1-node2-100")).toEqual([null]);
  });

  it("marks resources only in the draft as added and those it deletes as removed", () => {
    const live = demo();
    const draft: Configuration = { ...live, resources: live.resources.filter((r) => r.id !== "WebService3") };
    draft.resources.push({ ...structuredClone(live.resources.find((r) => r.id === "WebService1")!), id: "WebService9" } as Configuration["resources"][number]);
    const g = diffGraph(live, draft);
    expect(g.nodes.find((n) => n.id === "rsc:WebService9")?.mark).toBe("added");
    expect(g.nodes.find((n) => n.id === "rsc:WebService3")?.mark).toBe("removed");
    expect(g.nodes.find((n) => n.id === "rsc:WebService1")?.mark).toBe(null);
  });

  it("without a draft the live graph shows unmarked", () => {
    const g = diffGraph(demo(), null);
    expect(g.edges.length).toBeGreaterThan(0);
    expect(g.edges.every((e) => e.mark === null) && g.nodes.every((n) => n.mark === null)).toBe(true);
    expect(diffGraph(null, null)).toEqual({ nodes: [], edges: [] });
  });
});

describe("helpers", () => {
  it("puts parents before children", () => {
    const ordered = orderParentsFirst([
      { id: "c", kind: "primitive", label: "c", parent: "g", mark: null },
      { id: "g", kind: "group", label: "g", parent: "k", mark: null },
      { id: "k", kind: "clone", label: "k", parent: null, mark: null },
      { id: "o", kind: "primitive", label: "o", parent: "missing", mark: null },
    ]);
    expect(ordered.map((n) => n.id)).toEqual(["k", "g", "c", "o"]);
    expect(ordered.find((n) => n.id === "o")?.parent).toBe(null);
  });

  it("spreads parallel edges (either direction) apart, a lone edge stays on the line", () => {
    const g = graphOf(demo());
    const off = parallelOffsets(g.edges);
    const col = g.edges.find((e) => e.kind === "colocation")!;
    const ord = g.edges.find((e) => e.kind === "order")!;
    expect([off.get(col.id), off.get(ord.id)].sort()).toEqual([-8, 8]);
    expect(off.get(g.edges.find((e) => e.constraintId === "location-WebService1-node2-100")!.id)).toBe(0);
  });

  it("says what a drawn edge may become", () => {
    expect(connectionKind("rsc:a", "rsc:b")).toBe("pair");
    expect(connectionKind("rsc:a", "node:n1")).toBe("location");
    expect(connectionKind("rsc:a", "rsc:a")).toBe(null);
    expect(connectionKind("node:n1", "rsc:a")).toBe(null);
    expect(connectionKind("rsc:a", "ticket:t")).toBe(null);
  });

  it("searches labels, exact match first", () => {
    const g = graphOf(demo());
    expect(searchNodes(g, "webservice")).toEqual(["rsc:WebService1", "rsc:WebService2", "rsc:WebService3"]);
    expect(searchNodes(g, "ping")[0]).toBe("rsc:ping");
    expect(searchNodes(g, "  ")).toEqual([]);
  });
});

describe("layout", () => {
  it("lays out the demo with ELK: every node placed, children inside their container", async () => {
    const g = graphOf(demo());
    const boxes = await layout(g);
    expect([...boxes.keys()].sort()).toEqual(g.nodes.map((n) => n.id).sort());
    const group = boxes.get("rsc:balanceGroup")!;
    const child = boxes.get("rsc:virtual_ip")!;
    // children are relative to their container and fit in it
    expect(child.x + child.width).toBeLessThanOrEqual(group.width);
    expect(child.y + child.height).toBeLessThanOrEqual(group.height);
    // ELK on a loaded 2-core machine takes seconds the first time (its module is big): not a speed test
  }, 30_000);

  it("falls back to a grid past the size guard", () => {
    const nodes = Array.from({ length: 700 }, (_, i) => ({ id: `rsc:r${i}`, kind: "primitive" as const, label: `r${i}`, parent: null, mark: null }));
    const boxes = gridLayout({ nodes, edges: [] });
    expect(boxes.size).toBe(700);
    const xs = new Set([...boxes.values()].map((b) => `${b.x},${b.y}`));
    expect(xs.size).toBe(700);
  });
});
