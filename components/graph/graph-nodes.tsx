"use client";
// The graph's node looks: resources (kind written on them, containers as boxes around their
// children), cluster nodes, tickets and rule targets. Draft marks are words as well as colour.
//
// Every node has handles because React Flow anchors edges on them; only an admin's are connectable
// and visible. The target handle covers the whole node, so a drawn edge may end anywhere on it.
import clsx from "clsx";
import { Box, Boxes, Copy, Crown, Filter, KeyRound, Server } from "lucide-react";
import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { GraphNodeKind, Mark } from "./model";

export interface GraphNodeData extends Record<string, unknown> {
  label: string;
  kind: GraphNodeKind;
  mark: Mark;
  canEdit: boolean;
  highlighted: boolean;
}
export type FlowNode = Node<GraphNodeData>;

const KIND_WORD: Record<GraphNodeKind, string> = {
  primitive: "resource",
  group: "group",
  clone: "clone",
  promotable: "promotable clone",
  bundle: "bundle",
  node: "node",
  ticket: "ticket",
  rule: "rule",
};

const ICON: Record<GraphNodeKind, typeof Box> = {
  primitive: Box,
  group: Boxes,
  clone: Copy,
  promotable: Crown,
  bundle: Boxes,
  node: Server,
  ticket: KeyRound,
  rule: Filter,
};

const MARK_WORD: Record<NonNullable<Mark>, string> = { added: "draft: new", removed: "draft: deleted", changed: "draft: changed" };

function MarkTag({ mark }: { mark: Mark }) {
  if (!mark) return null;
  return (
    <span
      data-test={`node-mark-${mark}`}
      className={clsx("rounded px-1 text-[10px] font-semibold uppercase", mark === "added" && "bg-info-soft text-info", mark === "removed" && "bg-err-soft text-err", mark === "changed" && "bg-warn-soft text-warn")}
    >
      {MARK_WORD[mark]}
    </span>
  );
}

function Handles({ data, source }: { data: GraphNodeData; source: boolean }) {
  // tickets and rule targets are drawn from constraints, never drawn to or from
  const editable = data.canEdit && data.mark !== "removed" && data.kind !== "ticket" && data.kind !== "rule";
  return (
    <>
      <Handle
        type="target"
        position={Position.Left}
        isConnectable={editable}
        isConnectableStart={false}
        // the whole node accepts a drawn edge; invisible, under the node's text
        className={clsx("!left-0 !top-0 !h-full !w-full !translate-x-0 !translate-y-0 !transform-none !rounded-md !border-0 !bg-transparent", !editable && "!pointer-events-none !invisible")}
      />
      {source ? (
        <Handle
          type="source"
          position={Position.Right}
          isConnectable={editable}
          isConnectableEnd={false}
          title={editable ? `Draw a constraint from ${data.label}` : undefined}
          aria-label={editable ? `Draw a constraint from ${data.label}` : undefined}
          className={clsx(editable ? "!size-3.5 !border-2 !border-surface !bg-accent hover:!scale-125" : "!pointer-events-none !invisible")}
        />
      ) : null}
    </>
  );
}

function tone(data: GraphNodeData): string {
  return clsx(
    data.mark === "added" && "border-info border-dashed",
    data.mark === "changed" && "border-warn",
    data.mark === "removed" && "border-err/60 opacity-50",
    data.highlighted && "ring-4 ring-accent/50",
  );
}

export const ResourceNode = memo(function ResourceNode({ data }: NodeProps<FlowNode>) {
  const Icon = ICON[data.kind];
  const isNode = data.kind === "node";
  return (
    <div
      data-test={`graph-node:${data.label}`}
      data-kind={data.kind}
      data-mark={data.mark ?? undefined}
      title={`${data.label} (${KIND_WORD[data.kind]})`}
      className={clsx(
        "relative flex h-full w-full items-center gap-2 rounded-md border bg-surface px-2.5 text-sm shadow-sm",
        isNode ? "border-ok/60 bg-ok-soft/40" : data.kind === "ticket" ? "border-warn/60" : data.kind === "rule" ? "border-line border-dotted" : "border-line",
        tone(data),
      )}
    >
      <Handles data={data} source={!isNode} />
      <Icon aria-hidden className={clsx("size-4 shrink-0", isNode ? "text-ok" : "text-muted")} />
      <span className="pointer-events-none min-w-0">
        <span className={clsx("block truncate font-medium", data.mark === "removed" && "line-through")}>{data.label}</span>
        <span className="flex items-center gap-1 text-[11px] leading-tight text-muted">
          {KIND_WORD[data.kind]} <MarkTag mark={data.mark} />
        </span>
      </span>
    </div>
  );
});

/** A group, clone or bundle: a box around its children, its kind in the header. */
export const ContainerNode = memo(function ContainerNode({ data }: NodeProps<FlowNode>) {
  const Icon = ICON[data.kind];
  return (
    <div
      data-test={`graph-node:${data.label}`}
      data-kind={data.kind}
      data-mark={data.mark ?? undefined}
      title={`${data.label} (${KIND_WORD[data.kind]})`}
      className={clsx(
        "relative h-full w-full rounded-lg border-2 text-sm",
        data.kind === "group" ? "border-info/40 bg-info-soft/30" : data.kind === "promotable" ? "border-promoted/50 bg-promoted-soft/30" : "border-line bg-surface-2/50",
        tone(data),
      )}
    >
      <Handles data={data} source />
      <div className="pointer-events-none flex items-center gap-1.5 px-2.5 pt-1.5">
        <Icon aria-hidden className="size-4 shrink-0 text-muted" />
        <span className={clsx("truncate font-semibold", data.mark === "removed" && "line-through")}>{data.label}</span>
        <span className="text-[11px] text-muted">{KIND_WORD[data.kind]}</span>
        <MarkTag mark={data.mark} />
      </div>
    </div>
  );
});

export const nodeTypes = { resource: ResourceNode, container: ContainerNode };
