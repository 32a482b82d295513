import clsx from "clsx";
import { Box, Container, Copy, Crown, Layers } from "lucide-react";
import { memo } from "react";
import { toneBorder, toneDot } from "@/components/ui/tone";
import { StateBadge } from "@/components/status/state-badge";
import type { NodeCard } from "./columns";

const kindIcon = { primitive: Box, group: Layers, clone: Copy, bundle: Container } as const;

/**
 * One resource on one node. `data-resource` and `data-node` are what drag-to-migrate will read;
 * the card must stay a self-contained block so it can become a drag handle.
 */
export const ResourceCard = memo(
  function ResourceCard({ card, node }: { card: NodeCard; node: string | null }) {
    const Icon = card.promotable ? Crown : kindIcon[card.kind];
    const single = card.members.length === 1 && card.kind !== "group" ? card.members[0] : null;
    const promoted = card.members.some((m) => m.primitive.role === "Promoted");
    return (
      <article
        data-test={`card:${card.resourceId}`}
        data-resource={card.resourceId}
        data-node={node ?? ""}
        data-role={single ? single.primitive.role : undefined}
        data-promoted={promoted || undefined}
        style={{ height: cardHeight(card) }}
        className={clsx(
          "overflow-hidden rounded-md border border-l-4 bg-surface px-2.5 py-2 text-sm shadow-sm",
          toneBorder[card.state.tone],
          promoted && "ring-1 ring-promoted",
        )}
      >
        <div className="flex h-5 min-w-0 items-center gap-1.5">
          <Icon aria-hidden className={clsx("size-4 shrink-0", promoted ? "text-promoted" : "text-muted")} />
          <span className="truncate font-medium" title={card.resourceId}>
            {card.resourceId}
          </span>
          {card.childId ? <span className="truncate text-xs text-muted">[{card.childId}]</span> : null}
        </div>
        {single ? (
          <div className="mt-1.5 flex h-5 min-w-0 items-center gap-1">
            <StateBadge label={single.state.label} tone={single.state.tone} />
            <span className="truncate text-xs text-muted">{single.primitive.resourceAgent}</span>
          </div>
        ) : (
          <ul className="mt-1.5 space-y-1">
            {card.members.map((m, i) => (
              <li key={`${m.primitive.id}-${i}`} className="flex h-4 min-w-0 items-center gap-1.5 text-xs leading-4" data-test={`member:${m.primitive.id}`}>
                <span aria-hidden className={clsx("size-2 shrink-0 rounded-full", toneDot[m.state.tone])} />
                <span className="truncate">{m.primitive.id}</span>
                <span className="ml-auto shrink-0 text-muted">{m.state.label}</span>
              </li>
            ))}
          </ul>
        )}
      </article>
    );
  },
  (a, b) =>
    a.node === b.node &&
    a.card.members.length === b.card.members.length &&
    a.card.members.every((m, i) => m.primitive === b.card.members[i]?.primitive),
);

/**
 * A card's exact height in pixels: every row has a fixed height (long names are truncated), so
 * the virtual columns never measure the DOM. Measuring hundreds of cards forced a layout each and
 * cost a 32×2000 cluster's by-node view most of its first paint.
 * border 2 + padding 16 + title row 20 + gap 6, then one 20 px state row, or 16 px per member with 4 px between.
 */
export function cardHeight(card: NodeCard): number {
  const n = card.members.length;
  return n === 1 && card.kind !== "group" ? 64 : 44 + 16 * n + 4 * Math.max(0, n - 1);
}
