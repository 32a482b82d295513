"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import clsx from "clsx";
import { useMemo, useRef } from "react";
import { useClusterLive } from "@/components/live/cluster-live";
import { NoStatus } from "@/components/cluster/no-status";
import { BoardActionsProvider } from "./board-actions";
import { BoardDnd } from "./board-dnd";
import { buildNodeColumns, type NodeColumn } from "./columns";
import { GhostCards } from "./ghost-cards";
import { NodeColumnView } from "./node-column";

/** Up to this many columns share the width; beyond it they get a fixed width and scroll sideways. */
const FLUID_COLUMNS = 8;
const COLUMN_WIDTH = 256;
const COLUMN_GAP = 12;

const columnKey = (c: NodeColumn): string => c.name ?? "\u0000stopped";

/**
 * Where every resource runs: one column per node, plus the resources that run nowhere. Operators
 * drag a card onto another column to move it (an impact preview first), or use the card's menu.
 */
export function ByNodeBoard() {
  const live = useClusterLive();
  const status = live.status;
  const nodes = status?.nodes;
  const resources = status?.resources;
  const columns = useMemo(() => (nodes && resources ? buildNodeColumns({ nodes, resources }) : null), [nodes, resources]);
  const stale = live.link !== "live";
  // Made once per columns/staleness: DndContext re-renders per pointer move, this element does not change then.
  const board = useMemo(() => (columns ? <Board columns={columns} stale={stale} /> : null), [columns, stale]);
  if (!columns) return <NoStatus />;
  return (
    <BoardActionsProvider cluster={live.name} columns={columns}>
      <BoardDnd columns={columns}>{board}</BoardDnd>
      <GhostCards />
    </BoardActionsProvider>
  );
}

function Board({ columns, stale }: { columns: NodeColumn[]; stale: boolean }) {
  return columns.length <= FLUID_COLUMNS ? (
    <div
      data-test="by-node"
      data-live={!stale}
      className={clsx("grid auto-cols-[minmax(15rem,1fr)] grid-flow-col gap-3 overflow-x-auto pb-2", stale && "stale-data")}
    >
      {columns.map((c) => (
        <NodeColumnView key={columnKey(c)} column={c} />
      ))}
    </div>
  ) : (
    <WideBoard columns={columns} stale={stale} />
  );
}

/**
 * A board wider than the screen (32 nodes): only the columns in view exist in the DOM, each with
 * its own virtual list, so first paint builds a few hundred cards instead of thousands.
 */
function WideBoard({ columns, stale }: { columns: NodeColumn[]; stale: boolean }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => COLUMN_WIDTH + COLUMN_GAP,
    getItemKey: (i) => (columns[i] ? columnKey(columns[i]) : i),
    overscan: 1,
    initialRect: { width: typeof window === "undefined" ? 1280 : window.innerWidth, height: 800 },
  });
  const items = virtualizer.getVirtualItems();
  return (
    <div ref={scrollRef} data-test="by-node" data-live={!stale} className={clsx("overflow-x-auto pb-2", stale && "stale-data")}>
      {/* Fixed widths and gaps: a flex row shifted by the first visible column's offset puts every column where it belongs. */}
      <div className="flex items-start" style={{ width: virtualizer.getTotalSize() - COLUMN_GAP, paddingLeft: items[0]?.start ?? 0, gap: COLUMN_GAP }}>
        {items.map((item) => {
          const column = columns[item.index];
          if (!column) return null;
          return (
            <div key={item.key} className="shrink-0" style={{ width: COLUMN_WIDTH }}>
              <NodeColumnView column={column} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
