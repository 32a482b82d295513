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
        className={clsx(
          "rounded-md border border-l-4 border-line bg-surface px-2.5 py-2 text-sm shadow-sm",
          toneBorder[card.state.tone],
          promoted && "ring-1 ring-promoted",
        )}
      >
        <div className="flex min-w-0 items-center gap-1.5">
          <Icon aria-hidden className={clsx("size-4 shrink-0", promoted ? "text-promoted" : "text-muted")} />
          <span className="truncate font-medium" title={card.resourceId}>
            {card.resourceId}
          </span>
          {card.childId ? <span className="truncate text-xs text-muted">[{card.childId}]</span> : null}
        </div>
        {single ? (
          <div className="mt-1.5 flex flex-wrap items-center gap-1">
            <StateBadge label={single.state.label} tone={single.state.tone} />
            <span className="truncate text-xs text-muted">{single.primitive.resourceAgent}</span>
          </div>
        ) : (
          <ul className="mt-1.5 space-y-1">
            {card.members.map((m, i) => (
              <li key={`${m.primitive.id}-${i}`} className="flex min-w-0 items-center gap-1.5 text-xs" data-test={`member:${m.primitive.id}`}>
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

/** Rough height before measuring, so the virtual list does not jump on first paint. */
export function estimateCardHeight(card: NodeCard): number {
  return card.members.length === 1 && card.kind !== "group" ? 64 : 42 + card.members.length * 20;
}
