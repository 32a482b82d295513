"use client";
// Ghost cards: while the user's draft has a preview, the resources its transition would start,
// move, stop or promote appear as dashed cards in the column they would be in after the commit.
// Mounted once beside the board (by-node-board.tsx); each column gets a slot element at the top,
// and the ghosts are portalled into it, so the columns (memoised, virtualised) stay untouched.
import clsx from "clsx";
import { Ghost as GhostIcon } from "lucide-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useDraftPreview } from "@/components/drafts/use-preview";
import { ghostLabel, ghostsFrom, type Ghost } from "./ghost-model";

const SLOT = "data-ghost-slot";

/** column name ("" for Stopped) → its slot element; kept in step with the board's DOM. */
function useColumnSlots(active: boolean, anchor: React.RefObject<HTMLSpanElement | null>): Map<string, HTMLElement> {
  const [slots, setSlots] = useState<Map<string, HTMLElement>>(() => new Map());
  useEffect(() => {
    if (!active) return;
    const root = anchor.current?.parentElement;
    if (!root) return;
    const made: HTMLElement[] = [];
    const scan = () => {
      const next = new Map<string, HTMLElement>();
      for (const section of root.querySelectorAll<HTMLElement>('[data-test="by-node"] section[data-node]')) {
        let slot = section.querySelector<HTMLElement>(`:scope > [${SLOT}]`);
        if (!slot) {
          slot = document.createElement("div");
          slot.setAttribute(SLOT, "");
          // under the column's header, above its cards
          const header = section.querySelector(":scope > header");
          section.insertBefore(slot, header ? header.nextSibling : section.firstChild);
          made.push(slot);
        }
        next.set(section.dataset.node ?? "", slot);
      }
      setSlots((prev) => (prev.size === next.size && [...next].every(([k, v]) => prev.get(k) === v) ? prev : next));
    };
    scan();
    // Columns come and go (a node joins, the wide board scrolls): rescan on the board's changes.
    const obs = new MutationObserver(scan);
    obs.observe(root, { childList: true, subtree: true });
    return () => {
      obs.disconnect();
      for (const s of made) s.remove();
      setSlots(new Map());
    };
  }, [active, anchor]);
  return slots;
}

export function GhostCards() {
  const { preview, refreshing } = useDraftPreview();
  const ghosts = useMemo(() => (preview && !preview.simulateError ? ghostsFrom(preview.changes, preview.after) : []), [preview]);
  const anchor = useRef<HTMLSpanElement>(null);
  const slots = useColumnSlots(ghosts.length > 0, anchor);
  const byColumn = useMemo(() => {
    const m = new Map<string, Ghost[]>();
    for (const g of ghosts) {
      const k = g.column ?? "";
      m.set(k, [...(m.get(k) ?? []), g]);
    }
    return m;
  }, [ghosts]);
  return (
    <>
      <span ref={anchor} hidden />
      {[...byColumn].map(([column, list]) => {
        const slot = slots.get(column);
        if (!slot) return null;
        return createPortal(
          <div className="space-y-2 px-2 pt-2" data-test="ghost-cards">
            {list.map((g) => (
              <GhostCard key={g.key} ghost={g} stale={refreshing} />
            ))}
          </div>,
          slot,
          column,
        );
      })}
    </>
  );
}

function GhostCard({ ghost, stale }: { ghost: Ghost; stale: boolean }) {
  const label = ghostLabel(ghost);
  return (
    <div
      data-test="ghost-card"
      data-resource={ghost.resourceId}
      data-change={ghost.change}
      aria-label={`${ghost.resourceId}${ghost.member ? ` (${ghost.member})` : ""}, ${label}${stale ? " (the preview is being refreshed)" : ""}`}
      role="note"
      className={clsx("rounded-md border-2 border-dashed border-info/70 bg-info-soft/30 px-2.5 py-1.5 text-sm", stale && "opacity-60")}
    >
      <div className="flex items-center gap-1.5">
        <GhostIcon aria-hidden className="size-4 shrink-0 text-info" />
        <span className="truncate font-medium">{ghost.resourceId}</span>
        {ghost.member ? <span className="truncate text-xs text-muted">{ghost.member}</span> : null}
      </div>
      <p className="text-xs text-info">
        {label}
        {ghost.role && ghost.role !== "Started" ? ` (${ghost.role})` : ""}
      </p>
    </div>
  );
}
