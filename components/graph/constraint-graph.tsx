"use client";
// The constraint graph page: the draft-or-live configuration as an ELK-laid-out React Flow graph,
// the draft's changes marked, searchable, exportable. Admins draw edges (resource → resource: a
// colocation or an order; resource → node: a location) and click edges to edit them; everyone else
// reads it. The keyboard route: Tab to an edge and Enter, and "Add constraint" instead of drawing.
import "@xyflow/react/dist/style.css";
import { Background, Controls, MarkerType, MiniMap, ReactFlow, ReactFlowProvider, useNodesInitialized, useReactFlow, type Connection } from "@xyflow/react";
import { Download, Maximize, Search } from "lucide-react";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import type { Constraint } from "@/lib/pacemaker";
import { describeConstraint } from "@/components/cluster/constraint-text";
import { useDraft } from "@/components/drafts/use-draft";
import { useClusterLive } from "@/components/live/cluster-live";
import { fieldClass } from "@/components/actions/field";
import { Button, ServerMessage } from "@/components/admin/form-bits";
import { NewConstraintMenu } from "@/components/editors/constraint-list";
import type { EditorTarget } from "@/components/editors/constraint-editor";
import { exportGraph } from "./export";
import { edgeTypes, type FlowEdge } from "./graph-edge";
import { nodeTypes, type FlowNode } from "./graph-nodes";
import { layout, type Box } from "./layout";
import { connectionKind, diffGraph, parallelOffsets, searchNodes, type EdgeKind, type Graph, type GraphEdge } from "./model";

const ConstraintEditor = dynamic(() => import("@/components/editors/constraint-editor").then((m) => m.ConstraintEditor), { ssr: false });
const PairChooser = dynamic(() => import("@/components/editors/constraint-editor").then((m) => m.PairChooser), { ssr: false });

const EDGE_COLOR: Record<EdgeKind, string> = {
  location: "var(--color-ok)",
  colocation: "var(--color-promoted)",
  order: "var(--color-info)",
  ticket: "var(--color-warn)",
};

// Plain CSS: React Flow's class names have underscores, which Tailwind's arbitrary variants read as spaces.
const FOCUS_CSS =
  ".vigil-graph .react-flow__edge:focus .react-flow__edge-path{stroke-width:4px!important}" +
  ".vigil-graph .react-flow__node:focus-visible{outline:2px solid var(--color-info);outline-offset:2px;border-radius:6px}";

const MARK_LABEL = { added: "draft: new", removed: "draft: deleted", changed: "draft: changed" } as const;

function edgeOf(e: GraphEdge, offset: number): FlowEdge {
  const color = e.mark === "removed" ? "var(--color-faint)" : EDGE_COLOR[e.kind];
  const label = e.mark ? `${e.label} · ${MARK_LABEL[e.mark]}` : e.label;
  return {
    id: e.id,
    type: "constraint",
    source: e.source,
    target: e.target,
    label: label || undefined,
    ariaLabel: `${e.kind} ${e.source.replace(/^\w+:/, "")} → ${e.target.replace(/^\w+:/, "")}${e.label ? ` (${e.label})` : ""}${e.mark ? `, ${MARK_LABEL[e.mark]}` : ""}. Enter opens it.`,
    className: `edge-${e.kind}${e.mark ? ` edge-mark-${e.mark}` : ""}`,
    data: { constraintId: e.constraintId, mark: e.mark, offset },
    style: { stroke: color, strokeWidth: e.mark === "added" ? 2.5 : 1.75, strokeDasharray: e.negative ? "6 4" : e.mark === "added" ? "2 3" : undefined, opacity: e.mark === "removed" ? 0.45 : 1 },
    labelStyle: { fill: color, fontSize: 11, fontWeight: 600, textDecoration: e.mark === "removed" ? "line-through" : undefined },
    labelBgStyle: { fill: "var(--color-surface)" },
    labelBgPadding: [4, 2],
    markerEnd: e.arrow ? { type: MarkerType.ArrowClosed, color, width: 16, height: 16 } : undefined,
    zIndex: 10,
  };
}

/** Only a change of shape (nodes, parents, edges' ends) lays the graph out again, not every status patch. */
function shapeKey(g: Graph): string {
  return JSON.stringify([g.nodes.map((n) => [n.id, n.parent]), g.edges.map((e) => [e.source, e.target])]);
}

export function ConstraintGraphView() {
  return (
    <ReactFlowProvider>
      <GraphInner />
    </ReactFlowProvider>
  );
}

function GraphInner() {
  const { canEdit, configuration: draftConfig } = useDraft();
  const { status, name } = useClusterLive();
  const live = status?.configuration ?? null;
  const flow = useReactFlow();
  const root = useRef<HTMLDivElement>(null);
  const graph = useMemo(() => diffGraph(live, draftConfig), [live, draftConfig]);
  const key = useMemo(() => shapeKey(graph), [graph]);
  const [boxes, setBoxes] = useState<Map<string, Box> | null>(null);
  const [layoutError, setLayoutError] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  const [editor, setEditor] = useState<EditorTarget | null>(null);
  const [pair, setPair] = useState<{ source: string; target: string } | null>(null);
  const [selected, setSelected] = useState<Constraint | null>(null);
  const [query, setQuery] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [fitPending, setFitPending] = useState(false);

  useEffect(() => {
    let live = true;
    layout(graph).then(
      (b) => {
        if (!live) return;
        setBoxes(b);
        setLayoutError(null);
        setFitPending(true);
      },
      (e: unknown) => live && setLayoutError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
    // laid out again only when the shape changes (key), not on every new graph object
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps

  const containers = useMemo(() => new Set(graph.nodes.flatMap((n) => (n.parent ? [n.parent] : []))), [graph]);
  const nodes: FlowNode[] = useMemo(() => {
    if (!boxes) return [];
    return graph.nodes.flatMap((n) => {
      const b = boxes.get(n.id);
      if (!b || (n.parent && !boxes.has(n.parent))) return [];
      return [
        {
          id: n.id,
          type: containers.has(n.id) ? "container" : "resource",
          position: { x: b.x, y: b.y },
          ...(n.parent ? { parentId: n.parent, extent: "parent" as const } : {}),
          style: { width: b.width, height: b.height },
          width: b.width,
          height: b.height,
          draggable: false,
          ariaLabel: `${n.kind} ${n.label}${n.mark ? `, ${MARK_LABEL[n.mark]}` : ""}`,
          data: { label: n.label, kind: n.kind, mark: n.mark, canEdit, highlighted: highlight === n.id },
        },
      ];
    });
  }, [graph, boxes, containers, canEdit, highlight]);
  const shown = useMemo(() => new Set(nodes.map((n) => n.id)), [nodes]);
  const edges = useMemo(() => {
    const list = graph.edges.filter((e) => shown.has(e.source) && shown.has(e.target));
    const offsets = parallelOffsets(list);
    return list.map((e) => edgeOf(e, offsets.get(e.id) ?? 0));
  }, [graph, shown]);

  // Fit once the laid-out nodes are measured (not before: an empty graph fits nothing).
  const initialized = useNodesInitialized();
  useEffect(() => {
    if (!initialized || !fitPending) return;
    setFitPending(false);
    void flow.fitView({ padding: 0.08, duration: 200 });
  }, [initialized, fitPending, flow]);

  const constraintById = useCallback((id: string) => (draftConfig ?? live)?.constraints.find((c) => c.id === id) ?? live?.constraints.find((c) => c.id === id) ?? null, [draftConfig, live]);

  const openEdge = useCallback(
    (edgeId: string) => {
      const e = graph.edges.find((x) => x.id === edgeId);
      if (!e) return;
      const c = constraintById(e.constraintId);
      if (!c) return;
      setSelected(c);
      if (canEdit && e.mark !== "removed") setEditor({ mode: "edit", constraint: c });
    },
    [graph, constraintById, canEdit],
  );

  const onConnect = useCallback((c: Connection) => {
    const kind = connectionKind(c.source, c.target);
    const src = c.source.replace(/^rsc:/, "");
    if (kind === "location") setEditor({ mode: "new", kind: "rsc_location", prefill: { rsc: src, node: c.target.replace(/^node:/, "") } });
    else if (kind === "pair") setPair({ source: src, target: c.target.replace(/^rsc:/, "") });
  }, []);

  const find = (ev: FormEvent) => {
    ev.preventDefault();
    const hit = searchNodes(graph, query)[0];
    if (!hit) {
      setMessage(`Nothing named like "${query}" in the graph.`);
      setHighlight(null);
      return;
    }
    setMessage(null);
    setHighlight(hit);
    const n = flow.getInternalNode(hit);
    if (n) {
      const p = n.internals.positionAbsolute;
      void flow.setCenter(p.x + (n.measured.width ?? 150) / 2, p.y + (n.measured.height ?? 48) / 2, { zoom: 1.3, duration: 300 });
    }
  };

  const doExport = async (format: "png" | "svg") => {
    try {
      setMessage(null);
      if (root.current) await exportGraph(format, flow.getNodes(), root.current, `${name}-constraints`);
    } catch (e) {
      setMessage(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  // Enter on a focused edge opens its constraint (React Flow makes edges focusable; Enter only selects).
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== "Enter") return;
    const g = (e.target as Element).closest?.(".react-flow__edge");
    const id = g?.getAttribute("data-id");
    if (id) {
      e.preventDefault();
      openEdge(id);
    }
  };

  if (!live && !draftConfig) return <p className="text-sm text-muted">The configuration is not available yet.</p>;

  return (
    <div className="space-y-2" data-test="constraint-graph">
      <div className="flex flex-wrap items-end gap-2">
        <form onSubmit={find} className="flex items-end gap-1" role="search">
          <label className="text-xs font-medium text-muted">
            Find a resource or node
            <input type="search" list="graph-search-ids" className={`${fieldClass} w-56`} value={query} onChange={(e) => setQuery(e.target.value)} data-test="graph-search" />
          </label>
          <datalist id="graph-search-ids">
            {graph.nodes.map((n) => (
              <option key={n.id} value={n.label} />
            ))}
          </datalist>
          <Button type="submit" variant="secondary" aria-label="Find" data-test="graph-search-go">
            <Search aria-hidden className="size-4" />
          </Button>
        </form>
        <Button variant="secondary" onClick={() => void flow.fitView({ padding: 0.1, duration: 200 })} data-test="graph-fit">
          <Maximize aria-hidden className="size-4" /> Fit
        </Button>
        <Button variant="secondary" onClick={() => void doExport("png")} data-test="graph-export-png">
          <Download aria-hidden className="size-4" /> PNG
        </Button>
        <Button variant="secondary" onClick={() => void doExport("svg")} data-test="graph-export-svg">
          <Download aria-hidden className="size-4" /> SVG
        </Button>
        {canEdit ? (
          <div className="ml-auto">
            <NewConstraintMenu test="graph-add-constraint" onPick={(k) => setEditor({ mode: "new", kind: k })} />
          </div>
        ) : null}
      </div>
      {message ? <p role="status" className="text-sm text-muted">{message}</p> : null}
      <ServerMessage error={layoutError ? `The graph could not be laid out: ${layoutError}` : null} test="graph-error" />
      <Legend canEdit={canEdit} />
      {/* visible focus for keyboard users: a ring on the node, a thicker line on the edge */}
      <style>{FOCUS_CSS}</style>
      <div
        ref={root}
        onKeyDown={onKeyDown}
        className="vigil-graph h-[max(26rem,calc(100dvh-19rem))] overflow-hidden rounded-lg border border-line bg-canvas"
        data-test="graph-canvas"
      >
        {!boxes ? <p className="p-4 text-sm text-muted">Laying out the graph…</p> : null}
        <ReactFlow<FlowNode, FlowEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onConnect={canEdit ? onConnect : undefined}
          isValidConnection={(c) => connectionKind(c.source, c.target) !== null}
          nodesConnectable={canEdit}
          nodesDraggable={false}
          edgesFocusable
          nodesFocusable
          deleteKeyCode={null}
          onEdgeClick={(_, e) => openEdge(e.id)}
          connectionRadius={30}
          minZoom={0.1}
          maxZoom={2.5}
          fitView
          proOptions={{ hideAttribution: true }}
          colorMode="system"
        >
          <Background gap={24} />
          <Controls showInteractive={false} />
          <MiniMap pannable zoomable ariaLabel="Minimap of the constraint graph" nodeStrokeWidth={2} />
        </ReactFlow>
      </div>
      {selected ? (
        <p className="text-sm" data-test="graph-selected" role="status">
          <span className="font-mono text-xs text-muted">{selected.id}</span> {describeConstraint(selected)}
        </p>
      ) : null}
      {pair ? (
        <PairChooser
          source={pair.source}
          target={pair.target}
          onClose={() => setPair(null)}
          onChoose={(kind) => {
            setPair(null);
            setEditor(kind === "rsc_colocation" ? { mode: "new", kind, prefill: { rsc: pair.source, withRsc: pair.target } } : { mode: "new", kind, prefill: { first: pair.source, then: pair.target } });
          }}
        />
      ) : null}
      {editor ? <ConstraintEditor target={editor} onClose={() => setEditor(null)} /> : null}
    </div>
  );
}

function Legend({ canEdit }: { canEdit: boolean }) {
  const item = (kind: EdgeKind, text: string) => (
    <li className="flex items-center gap-1.5">
      <svg width="28" height="8" aria-hidden>
        <line x1="0" y1="4" x2="28" y2="4" stroke={EDGE_COLOR[kind]} strokeWidth="2" />
      </svg>
      {text}
    </li>
  );
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted" aria-label="Legend" data-test="graph-legend">
      {item("location", "location (resource → node, score)")}
      {item("colocation", "colocation (with-rsc → rsc: the arrow's end is placed where its start runs)")}
      {item("order", "order (first → then)")}
      {item("ticket", "ticket")}
      <li className="flex items-center gap-1.5">
        <svg width="28" height="8" aria-hidden>
          <line x1="0" y1="4" x2="28" y2="4" stroke="var(--color-muted)" strokeWidth="2" strokeDasharray="6 4" />
        </svg>
        dashed: negative score (avoid, never)
      </li>
      <li>&quot;draft: new / changed / deleted&quot;: not committed yet</li>
      {canEdit ? <li>Draw from a resource&apos;s dot to another resource or a node to add a constraint; click an edge to edit it.</li> : null}
    </ul>
  );
}
