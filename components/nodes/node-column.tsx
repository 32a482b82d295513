"use client";
import { useDroppable } from "@dnd-kit/core";
import { useVirtualizer } from "@tanstack/react-virtual";
import clsx from "clsx";
import { CircleMinus } from "lucide-react";
import { memo, useRef } from "react";
import { Badge } from "@/components/ui/badge";
import { toneBorder } from "@/components/ui/tone";
import { nodeState } from "@/components/status/node-state";
import { StateBadge } from "@/components/status/state-badge";
import type { NodeColumn as Column } from "./columns";
import { droppableId } from "./drag";
import { cardHeight, ResourceCard } from "./resource-card";

const GAP = 8;

/** One node (or the Stopped column) with its cards, virtualized: a node may carry hundreds. */
export const NodeColumnView = memo(function NodeColumnView({ column }: { column: Column }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const cards = column.cards;
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (cards[i] ? cardHeight(cards[i]) : 64) + GAP,
    getItemKey: (i) => cards[i]?.key ?? i,
    overscan: 6,
    initialRect: { width: 260, height: 800 },
  });
  const node = column.node;
  const state = node ? nodeState(node) : null;
  const testId = column.name === null ? "column:stopped" : `column:${column.name}`;
  // A drop target for drag-to-migrate; `isOver` changes only when the drag enters or leaves it.
  const { setNodeRef, isOver, active } = useDroppable({ id: droppableId(column.name), data: { node: column.name } });
  const fromHere = active ? (active.data.current as { from?: string | null } | undefined)?.from === column.name : false;
  const dropHint = isOver && !fromHere ? (column.name === null ? "drop to stop it" : `drop to move it here`) : null;
  return (
    <section
      ref={setNodeRef}
      data-test={testId}
      data-node={column.name ?? ""}
      data-drop-over={(isOver && !fromHere) || undefined}
      aria-label={column.name === null ? "Stopped resources" : `Node ${column.name}`}
      className={clsx(
        "relative flex min-w-0 flex-col rounded-lg border bg-surface-2/60 transition-shadow",
        dropHint && "ring-2 ring-info ring-offset-2 ring-offset-canvas",
        state && "border-t-4",
        // One border colour class only: with two, the stylesheet's order decides (border-err lost to border-line).
        state ? toneBorder[state.tone] : "border-line",
      )}
    >
      <header className="space-y-1 border-b border-line px-3 py-2">
        <div className="flex items-center gap-2">
          {column.name === null ? <CircleMinus aria-hidden className="size-4 text-muted" /> : null}
          <h2 className="truncate font-semibold">{column.name ?? "Stopped"}</h2>
          {node?.isDc ? <Badge tone="info">DC</Badge> : null}
          <span className="tabular ml-auto text-xs text-muted">{column.instances}</span>
        </div>

        {state ? (
          <StateBadge label={state.label} tone={state.tone} test="column-state" />
        ) : column.name !== null ? (
          <span className="text-xs text-muted">not in the node list</span>
        ) : (
          <span className="text-xs text-muted">not running anywhere</span>
        )}
      </header>
      <div ref={scrollRef} className="max-h-[calc(100vh-15rem)] min-h-24 overflow-y-auto p-2">
        {cards.length === 0 ? <p className="px-1 py-2 text-xs text-faint">nothing here</p> : null}
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {virtualizer.getVirtualItems().map((item) => {
            const card = cards[item.index];
            if (!card) return null;
            return (
              <div
                key={item.key}
                style={{ position: "absolute", top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)`, paddingBottom: GAP }}
              >
                <ResourceCard card={card} node={column.name} />
              </div>
            );
          })}
        </div>
      </div>
      {/* Over the column, not in its flow: the column must not change size under the pointer. */}
      {dropHint ? (
        <p className="pointer-events-none absolute inset-x-2 bottom-2 rounded bg-info-soft px-2 py-1 text-center text-xs font-medium text-info shadow" data-test="drop-hint">
          {dropHint}
        </p>
      ) : null}
    </section>
  );
});
