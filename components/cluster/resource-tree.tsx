"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import { Empty } from "@/components/ui/card";
import { ResourceHeader, ResourceRowView, ROW_HEIGHT } from "./resource-row";
import type { ResourceRow } from "./resource-rows";

/**
 * The resource tree as a virtualized list: only the rows in view exist in the DOM, so 2,000
 * resources (and their clone instances) scroll as smoothly as 12.
 */
export function ResourceTree({
  rows,
  selectedId,
  onOpen,
  onToggle,
}: {
  rows: ResourceRow[];
  selectedId: string | null;
  onOpen: (id: string) => void;
  onToggle: (id: string) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (i) => rows[i]?.key ?? i,
    // Server render and the first client paint have no scroll element yet: render a first screenful.
    initialRect: { width: 1200, height: 720 },
  });
  if (rows.length === 0) return <Empty>No resource matches.</Empty>;
  return (
    <div role="table" aria-rowcount={rows.length} data-test="resource-tree">
      <ResourceHeader />
      <div ref={scrollRef} className="max-h-[70vh] overflow-auto" data-test="resource-scroll">
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div key={item.key} style={{ position: "absolute", top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}>
                <ResourceRowView row={row} selected={row.detailId === selectedId} onOpen={onOpen} onToggle={onToggle} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
