/**
 * ELK's layered layout for the constraint graph: containers (groups, clones, bundles) are compound
 * nodes laid out with their children, edges run left to right (resource → what it depends on).
 * elkjs (~1.4 MB) is loaded on demand, only when the graph page opens. It runs on the main thread:
 * a Next/Turbopack build has no stable URL for elk's classic worker script, so instead of a worker
 * a size guard keeps the page responsive — past MAX_ELK_NODES the grid layout below is used.
 */
import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api";
import type { Graph, GraphNode } from "./model";

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Layered layout of more than this many nodes takes seconds on a slow laptop: use the grid. */
export const MAX_ELK_NODES = 600;

/** Wide enough for the label at 14px (icon and padding ~56px), within reason (the rest is truncated, with a title). */
export function leafSize(n: GraphNode): { width: number; height: number } {
  const max = n.kind === "rule" ? 300 : 280;
  return { width: Math.min(max, Math.max(n.kind === "node" ? 130 : 150, 56 + Math.ceil(n.label.length * 8.5))), height: 48 };
}

/** A container's header holds its icon, name, kind word and draft mark. */
function containerMinWidth(n: GraphNode): number {
  return 70 + Math.ceil(n.label.length * 8.5) + (n.kind === "promotable" ? 110 : 50) + (n.mark ? 90 : 0);
}

type ElkCtor = new () => { layout(g: ElkNode): Promise<ElkNode> };
let elkPromise: Promise<{ layout(g: ElkNode): Promise<ElkNode> }> | null = null;
function elk() {
  elkPromise ??= import("elkjs/lib/elk.bundled.js").then((m) => new ((m as unknown as { default: ElkCtor }).default)());
  return elkPromise;
}

const LAYERED = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  "elk.hierarchyHandling": "INCLUDE_CHILDREN",
  "elk.layered.spacing.nodeNodeBetweenLayers": "90",
  "elk.spacing.nodeNode": "28",
  "elk.spacing.edgeNode": "24",
  "elk.layered.nodePlacement.strategy": "NETWORK_SIMPLEX",
};
const CONTAINER = { "elk.padding": "[top=34,left=14,bottom=14,right=14]" };

/** Positions (relative to the parent, as React Flow wants them) and sizes of every node. */
export async function layout(graph: Graph): Promise<Map<string, Box>> {
  if (graph.nodes.length > MAX_ELK_NODES) return gridLayout(graph);
  const children = new Map<string | null, GraphNode[]>();
  for (const n of graph.nodes) {
    const list = children.get(n.parent) ?? [];
    list.push(n);
    children.set(n.parent, list);
  }
  const build = (n: GraphNode): ElkNode => {
    const kids = children.get(n.id);
    if (kids?.length)
      return {
        id: n.id,
        layoutOptions: { ...CONTAINER, "elk.nodeSize.constraints": "MINIMUM_SIZE", "elk.nodeSize.minimum": `(${containerMinWidth(n)}, 60)` },
        children: kids.map(build),
      };
    return { id: n.id, ...leafSize(n) };
  };
  const ids = new Set(graph.nodes.map((n) => n.id));
  const edges: ElkExtendedEdge[] = graph.edges
    // a container's edge to its own child would only tangle the layout
    .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
    .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] }));
  const root: ElkNode = { id: "root", layoutOptions: LAYERED, children: (children.get(null) ?? []).map(build), edges };
  const out = await (await elk()).layout(root);
  const boxes = new Map<string, Box>();
  const walk = (n: ElkNode) => {
    for (const c of n.children ?? []) {
      boxes.set(c.id, { x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 150, height: c.height ?? 48 });
      walk(c);
    }
  };
  walk(out);
  return boxes;
}

/** Rows of leaves under their containers, no edge routing: a big cluster still opens at once. */
export function gridLayout(graph: Graph): Map<string, Box> {
  const boxes = new Map<string, Box>();
  const kids = new Map<string | null, GraphNode[]>();
  for (const n of graph.nodes) kids.set(n.parent, [...(kids.get(n.parent) ?? []), n]);
  const place = (parent: string | null): { width: number; height: number } => {
    const list = kids.get(parent) ?? [];
    const pad = parent ? { top: 34, side: 14 } : { top: 0, side: 0 };
    const maxRow = parent ? 2400 : 4000;
    let x = pad.side;
    let y = pad.top;
    let rowH = 0;
    let width = 0;
    for (const n of list) {
      const size = kids.get(n.id)?.length ? place(n.id) : leafSize(n);
      if (x > pad.side && x + size.width > maxRow) {
        x = pad.side;
        y += rowH + 24;
        rowH = 0;
      }
      boxes.set(n.id, { x, y, ...size });
      x += size.width + 24;
      rowH = Math.max(rowH, size.height);
      width = Math.max(width, x);
    }
    return { width: width + pad.side, height: y + rowH + pad.side };
  };
  place(null);
  return boxes;
}
