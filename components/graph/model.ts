/**
 * The constraint graph as data: configuration → nodes (resources with their containers, cluster
 * nodes, tickets, rule targets) and edges (one per constraint, or per pair for resource sets), and
 * the draft's changes against the live configuration as marks. Pure: the React Flow view
 * (constraint-graph.tsx) and the unit tests (tests/unit/graph) read the same result.
 */
import type { Configuration, Constraint } from "@/lib/pacemaker";
import { ruleText } from "@/components/cluster/constraint-text";
import { resourceEntries, type ResourceEntry } from "./constraint-input";

/** added: only in the draft; removed: only live (the draft deletes it); changed: both, different. */
export type Mark = "added" | "removed" | "changed" | null;

export type GraphNodeKind = ResourceEntry["kind"] | "node" | "ticket" | "rule";

export interface GraphNode {
  /** rsc:ID, node:NAME, ticket:ID, rule:CONSTRAINT-ID */
  id: string;
  kind: GraphNodeKind;
  label: string;
  /** the container node's id (a group or clone holds its children) */
  parent: string | null;
  mark: Mark;
}

export type EdgeKind = "location" | "colocation" | "order" | "ticket";

export interface GraphEdge {
  id: string;
  constraintId: string;
  kind: EdgeKind;
  source: string;
  target: string;
  label: string;
  /** a negative score: avoid / never together (drawn dashed) */
  negative: boolean;
  /** draw an arrow at the target (order: first → then; location: onto the node) */
  arrow: boolean;
  mark: Mark;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export const rscNode = (id: string) => `rsc:${id}`;
export const clusterNode = (name: string) => `node:${name}`;
export const ticketNode = (id: string) => `ticket:${id}`;

/** Resource sets draw at most this many edges per constraint (a 500-member set is not 250 000 lines). */
const MAX_SET_EDGES = 60;

function isNegative(score: string | null): boolean {
  return score !== null && score.trim().startsWith("-");
}

function scoreLabel(score: string | null): string {
  if (score === null) return "";
  const s = score.replace(/^\+/, "");
  return /^-?inf$/i.test(s) ? (s.startsWith("-") ? "-INFINITY" : "INFINITY") : s;
}

/** The node a rule pins to, when the rule is only `#uname eq NODE` (what crm_resource --move writes). */
function unameTarget(c: Extract<Constraint, { kind: "rsc_location" }>): string | null {
  if (c.rules.length !== 1) return null;
  const r = c.rules[0]!;
  const unames = r.expressions.filter((e) => e.kind === "expression" && e.attribute === "#uname" && e.operation === "eq");
  const rest = r.expressions.filter((e) => !unames.includes(e) && e.kind !== "date_expression");
  if (unames.length !== 1 || rest.length) return null;
  const e = unames[0]!;
  return e.kind === "expression" ? e.value : null;
}

function patternMatches(pattern: string, ids: string[]): string[] {
  try {
    const re = new RegExp(pattern);
    return ids.filter((id) => re.test(id));
  } catch {
    return [];
  }
}

/** Pairs a set constraint draws: consecutive members of a sequential set, and each set to the next. */
function setPairs(sets: { resources: string[]; sequential: string | null }[]): [string, string][] {
  const pairs: [string, string][] = [];
  sets.forEach((s, i) => {
    if (s.sequential !== "false") for (let k = 1; k < s.resources.length; k++) pairs.push([s.resources[k - 1]!, s.resources[k]!]);
    const next = sets[i + 1];
    if (next) for (const a of s.resources) for (const b of next.resources) pairs.push([a, b]);
  });
  return pairs.slice(0, MAX_SET_EDGES);
}

function edgesOf(c: Constraint, resourceIds: string[]): { edges: Omit<GraphEdge, "mark">[]; extra: Omit<GraphNode, "mark">[] } {
  const edges: Omit<GraphEdge, "mark">[] = [];
  const extra: Omit<GraphNode, "mark">[] = [];
  const add = (source: string, target: string, kind: EdgeKind, label: string, negative: boolean, arrow: boolean) => {
    edges.push({ id: `${c.id}#${edges.length}`, constraintId: c.id, kind, source, target, label, negative, arrow });
  };
  switch (c.kind) {
    case "rsc_location": {
      const who = c.rsc ? [c.rsc] : c.rscPattern ? patternMatches(c.rscPattern, resourceIds) : c.resourceSets.flatMap((s) => s.resources);
      const pinned = c.node ?? unameTarget(c);
      if (pinned) {
        const score = c.node ? c.score : (c.rules[0]?.score ?? null);
        for (const r of who) add(rscNode(r), clusterNode(pinned), "location", scoreLabel(score), isNegative(score), true);
      } else {
        // Rules on node attributes: the rule is a node of its own ("pingd not_defined"), scored.
        const id = `rule:${c.id}`;
        // the node says what the rule tests; the score is on the edge
        const label = c.rules.map((r) => ruleText({ ...r, score: null, scoreAttribute: null })).join("; ") || c.id;
        extra.push({ id, kind: "rule", label, parent: null });
        const score = c.rules[0]?.score ?? null;
        for (const r of who) add(rscNode(r), id, "location", scoreLabel(score), isNegative(score), true);
      }
      break;
    }
    case "rsc_colocation": {
      const label = scoreLabel(c.score);
      const neg = isNegative(c.score);
      // rsc is placed where with-rsc runs: with-rsc (placed first) → rsc, the way an order reads
      // (first → then), so dependencies flow one way through the layout and never form a 2-cycle.
      if (c.rsc && c.withRsc) add(rscNode(c.withRsc), rscNode(c.rsc), "colocation", label, neg, true);
      else for (const [a, b] of setPairs(c.resourceSets)) add(rscNode(a), rscNode(b), "colocation", label, neg, true);
      break;
    }
    case "rsc_order": {
      const label = c.orderKind ?? (c.score !== null ? `score ${c.score}` : "Mandatory");
      if (c.first && c.then) {
        const fa = c.firstAction ?? "start";
        const ta = c.thenAction ?? fa;
        const acts = fa === "start" && ta === "start" ? "" : ` (${fa} → ${ta})`;
        add(rscNode(c.first), rscNode(c.then), "order", `${label}${acts}`, false, true);
      } else for (const [a, b] of setPairs(c.resourceSets)) add(rscNode(a), rscNode(b), "order", label, false, true);
      break;
    }
    case "rsc_ticket": {
      const id = ticketNode(c.ticket);
      extra.push({ id, kind: "ticket", label: c.ticket, parent: null });
      const who = c.rsc ? [c.rsc] : c.resourceSets.flatMap((s) => s.resources);
      for (const r of who) add(id, rscNode(r), "ticket", c.lossPolicy ? `loss-policy ${c.lossPolicy}` : "ticket", false, true);
      break;
    }
  }
  return { edges, extra };
}

/** One configuration's graph, unmarked. Edges to ids the configuration does not have are dropped. */
export function graphOf(config: Configuration): Graph {
  const entries = resourceEntries(config);
  const nodes = new Map<string, GraphNode>();
  for (const r of entries) nodes.set(rscNode(r.id), { id: rscNode(r.id), kind: r.kind, label: r.id, parent: r.parent ? rscNode(r.parent) : null, mark: null });
  for (const n of config.nodes) nodes.set(clusterNode(n.uname), { id: clusterNode(n.uname), kind: "node", label: n.uname, parent: null, mark: null });
  const ids = entries.map((r) => r.id);
  const edges: GraphEdge[] = [];
  for (const c of config.constraints) {
    const { edges: es, extra } = edgesOf(c, ids);
    for (const x of extra) if (!nodes.has(x.id)) nodes.set(x.id, { ...x, mark: null });
    for (const e of es) {
      // A location onto a node the nodes section does not list yet (a name typed ahead) still shows.
      if (e.target.startsWith("node:") && !nodes.has(e.target)) nodes.set(e.target, { id: e.target, kind: "node", label: e.target.slice(5), parent: null, mark: null });
      if (nodes.has(e.source) && nodes.has(e.target)) edges.push({ ...e, mark: null });
    }
  }
  return { nodes: [...nodes.values()], edges };
}

/** Constraint id → its mark, comparing the draft's configuration with the live one. */
export function constraintMarks(live: Configuration | null, draft: Configuration | null): Map<string, Mark> {
  const marks = new Map<string, Mark>();
  if (!live || !draft) return marks;
  const liveById = new Map(live.constraints.map((c) => [c.id, JSON.stringify(c)]));
  const draftById = new Map(draft.constraints.map((c) => [c.id, JSON.stringify(c)]));
  for (const [id, json] of draftById) {
    const was = liveById.get(id);
    if (was === undefined) marks.set(id, "added");
    else if (was !== json) marks.set(id, "changed");
  }
  for (const id of liveById.keys()) if (!draftById.has(id)) marks.set(id, "removed");
  return marks;
}

/**
 * The graph to show: the draft's (or the live one without a draft), with what the draft adds marked
 * "added" and what it removes kept but marked "removed", so the change reads before the commit.
 */
export function diffGraph(live: Configuration | null, draft: Configuration | null): Graph {
  const shown = draft ?? live;
  if (!shown) return { nodes: [], edges: [] };
  const now = graphOf(shown);
  if (!draft || !live) return now;
  const before = graphOf(live);
  const marks = constraintMarks(live, draft);
  const beforeNodes = new Map(before.nodes.map((n) => [n.id, n]));
  const nowNodes = new Set(now.nodes.map((n) => n.id));
  const nodes: GraphNode[] = now.nodes.map((n) => (beforeNodes.has(n.id) ? n : { ...n, mark: "added" as const }));
  for (const n of before.nodes) {
    if (nowNodes.has(n.id)) continue;
    // A removed container's children went with it or moved: a removed node keeps its parent only if it is still shown.
    nodes.push({ ...n, mark: "removed", parent: n.parent && (nowNodes.has(n.parent) || beforeNodes.has(n.parent)) ? n.parent : null });
  }
  // A node whose parent changed (moved into a group) is drawn where the draft puts it.
  const edges: GraphEdge[] = now.edges.map((e) => ({ ...e, mark: marks.get(e.constraintId) ?? null }));
  const nowEdgeIds = new Set(edges.map((e) => e.id));
  for (const e of before.edges) {
    const m = marks.get(e.constraintId);
    // A changed constraint's old edges are replaced by its new ones; only deleted ones linger, struck.
    if (m === "removed" && !nowEdgeIds.has(e.id)) edges.push({ ...e, mark: "removed" });
  }
  return { nodes: orderParentsFirst(nodes), edges };
}

/** React Flow wants a parent before its children in the node list. */
export function orderParentsFirst(nodes: GraphNode[]): GraphNode[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out: GraphNode[] = [];
  const done = new Set<string>();
  const visit = (n: GraphNode, depth: number) => {
    if (done.has(n.id)) return;
    const p = n.parent ? byId.get(n.parent) : undefined;
    if (p && depth < 10) visit(p, depth + 1);
    done.add(n.id);
    out.push(n.parent && !byId.has(n.parent) ? { ...n, parent: null } : n);
  };
  nodes.forEach((n) => visit(n, 0));
  return out;
}

/**
 * Edges between the same two nodes (an order and a colocation of the same pair) would be drawn on
 * top of each other: each gets its own offset (px), centred on the straight line.
 */
export function parallelOffsets(edges: GraphEdge[], gap = 16): Map<string, number> {
  const groups = new Map<string, string[]>();
  for (const e of edges) {
    const k = [e.source, e.target].sort().join("\u0000");
    groups.set(k, [...(groups.get(k) ?? []), e.id]);
  }
  const out = new Map<string, number>();
  for (const ids of groups.values()) ids.forEach((id, i) => out.set(id, (i - (ids.length - 1) / 2) * gap));
  return out;
}

/** What an edge drawn from `source` to `target` may become (null: not a constraint). */
export function connectionKind(source: string, target: string): "location" | "pair" | null {
  if (!source.startsWith("rsc:") || source === target) return null;
  if (target.startsWith("node:")) return "location";
  if (target.startsWith("rsc:")) return "pair";
  return null;
}

/** Ids of the resource nodes whose id contains the search text (case-insensitive), exact match first. */
export function searchNodes(graph: Graph, text: string): string[] {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  const hits = graph.nodes.filter((n) => n.label.toLowerCase().includes(q));
  hits.sort((a, b) => Number(b.label.toLowerCase() === q) - Number(a.label.toLowerCase() === q) || a.label.localeCompare(b.label));
  return hits.map((n) => n.id);
}
