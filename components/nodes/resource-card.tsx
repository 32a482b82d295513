"use client";
import { useDraggable } from "@dnd-kit/core";
import clsx from "clsx";
import { Box, Container, Copy, Crown, GripVertical, Layers, LoaderCircle } from "lucide-react";
import { memo, useMemo, type ReactNode } from "react";
import { toneBorder, toneDot } from "@/components/ui/tone";
import { Flags, StateBadge } from "@/components/status/state-badge";
import { useBoardActions, useCardBusy } from "./board-actions";
import { CardMenu } from "./card-menu";
import type { NodeCard } from "./columns";
import { draggableId, subjectOf, type DragSubject } from "./drag";

const kindIcon = { primitive: Box, group: Layers, clone: Copy, bundle: Container } as const;

const sameCard = (a: { card: NodeCard; node: string | null }, b: { card: NodeCard; node: string | null }) =>
  a.node === b.node && a.card.members.length === b.card.members.length && a.card.members.every((m, i) => m.primitive === b.card.members[i]?.primitive);

/**
 * One resource on one node, draggable onto another node's column (operators and admins) and with a
 * menu holding the same actions (no action is drag-only). `data-resource` and `data-node` say what
 * it is. A viewer's card has no drag hook at all (a NOC screen of 2000 cards pays nothing for it).
 */
export const ResourceCard = memo(function ResourceCard({ card, node }: { card: NodeCard; node: string | null }) {
  const { canMove } = useBoardActions();
  const subject = useMemo(() => subjectOf(card, node), [card, node]);
  return canMove ? <DraggableCard card={card} node={node} subject={subject} /> : <CardShell card={card} node={node} subject={subject} handle={null} />;
}, sameCard);

/**
 * The drag hook's part: dnd-kit re-renders it when a drag starts, ends or changes column (never per
 * pointer move); the body inside is memoised and does not re-render then.
 */
function DraggableCard({ card, node, subject }: { card: NodeCard; node: string | null; subject: DragSubject }) {
  const { setNodeRef, setActivatorNodeRef, attributes, listeners, isDragging } = useDraggable({ id: draggableId(subject), data: subject });
  // Kept as one element while nothing it shows changes, so the memoised body skips re-renders.
  const handle = useMemo(
    () => (
      <button
        ref={setActivatorNodeRef}
        type="button"
        {...attributes}
        data-test="card-handle"
        aria-label={`Move ${card.resourceId}${node ? ` from ${node}` : ""}: drag, or press Space and use the arrow keys`}
        className="-ml-1 shrink-0 cursor-grab rounded text-faint hover:text-fg focus-visible:outline-2 focus-visible:outline-info active:cursor-grabbing"
      >
        <GripVertical aria-hidden className="size-4" />
      </button>
    ),
    [setActivatorNodeRef, attributes, card.resourceId, node],
  );
  return <CardShell card={card} node={node} subject={subject} handle={handle} nodeRef={setNodeRef} listeners={listeners} dragging={isDragging} />;
}

function CardShell({
  card,
  node,
  subject,
  handle,
  nodeRef,
  listeners,
  dragging = false,
}: {
  card: NodeCard;
  node: string | null;
  subject: DragSubject;
  handle: ReactNode;
  nodeRef?: (el: HTMLElement | null) => void;
  listeners?: Record<string, unknown>;
  dragging?: boolean;
}) {
  const single = card.members.length === 1 && card.kind !== "group" ? card.members[0] : null;
  const promoted = card.members.some((m) => m.primitive.role === "Promoted");
  return (
    <article
      ref={nodeRef}
      {...listeners}
      data-test={`card:${card.resourceId}`}
      data-resource={card.resourceId}
      data-node={node ?? ""}
      data-role={single ? single.primitive.role : undefined}
      data-promoted={promoted || undefined}
      data-dragging={dragging || undefined}
      style={{ height: cardHeight(card) }}
      className={clsx(
        "overflow-hidden rounded-md border border-l-4 bg-surface px-2.5 py-2 text-sm shadow-sm",
        toneBorder[card.state.tone],
        promoted && "ring-1 ring-promoted",
        // the card stays in place, dimmed, while its overlay follows the pointer
        dragging && "opacity-40",
        handle !== null && "touch-manipulation",
      )}
    >
      <CardBody card={card} subject={subject} handle={handle} />
    </article>
  );
}

const CardBody = memo(
  function CardBody({ card, subject, handle }: { card: NodeCard; subject: DragSubject; handle: ReactNode }) {
    const Icon = card.promotable ? Crown : kindIcon[card.kind];
    const single = card.members.length === 1 && card.kind !== "group" ? card.members[0] : null;
    const promoted = card.members.some((m) => m.primitive.role === "Promoted");
    return (
      <>
        <div className="flex h-5 min-w-0 items-center gap-1.5">
          {handle}
          <Icon aria-hidden className={clsx("size-4 shrink-0", promoted ? "text-promoted" : "text-muted")} />
          <span className="truncate font-medium" title={card.resourceId}>
            {card.resourceId}
          </span>
          {card.childId ? <span className="truncate text-xs text-muted">[{card.childId}]</span> : null}
          <Busy rsc={card.resourceId} />
          <CardMenu subject={subject} />
        </div>
        {single ? (
          <div className="mt-1.5 flex h-5 min-w-0 items-center gap-1">
            <StateBadge label={single.state.label} tone={single.state.tone} />
            {/* crm_mon's qualifiers next to the role: "Started (blocked)", never instead of it */}
            <Flags flags={single.state.flags} />
            <span className="truncate text-xs text-muted">{single.primitive.resourceAgent}</span>
          </div>
        ) : (
          <ul className="mt-1.5 space-y-1">
            {card.members.map((m, i) => (
              <li key={`${m.primitive.id}-${i}`} className="flex h-4 min-w-0 items-center gap-1.5 text-xs leading-4" data-test={`member:${m.primitive.id}`}>
                <span aria-hidden className={clsx("size-2 shrink-0 rounded-full", toneDot[m.state.tone])} />
                <span className="truncate">{m.primitive.id}</span>
                <span className="ml-auto shrink-0 text-muted">
                  {m.state.label}
                  {m.state.flags.length > 0 ? ` (${m.state.flags.map((f) => f.label).join(", ")})` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </>
    );
  },
  (a, b) => a.handle === b.handle && a.subject === b.subject && sameCard({ card: a.card, node: null }, { card: b.card, node: null }),
);

/** "moving…" in place while a change of this resource runs (its own tiny component: only it re-renders then). */
function Busy({ rsc }: { rsc: string }) {
  const { cluster } = useBoardActions();
  const busy = useCardBusy(cluster, rsc);
  if (!busy) return null;
  return (
    <span data-test="card-busy" className="ml-auto inline-flex shrink-0 items-center gap-1 rounded bg-info-soft px-1 text-[11px] font-medium leading-4 text-info">
      <LoaderCircle aria-hidden className="size-3 animate-spin" />
      {busy}
    </span>
  );
}

/** The picture that follows the pointer while a card is dragged (dnd-kit's DragOverlay). */
export function CardOverlay({ card }: { card: NodeCard }) {
  return (
    <div
      style={{ height: cardHeight(card) }}
      className={clsx("cursor-grabbing overflow-hidden rounded-md border border-l-4 bg-surface px-2.5 py-2 text-sm shadow-2xl ring-2 ring-info", toneBorder[card.state.tone])}
      data-test="drag-overlay"
    >
      <div className="flex h-5 min-w-0 items-center gap-1.5">
        <GripVertical aria-hidden className="-ml-1 size-4 shrink-0 text-faint" />
        <span className="truncate font-medium">{card.resourceId}</span>
        {card.childId ? <span className="truncate text-xs text-muted">[{card.childId}]</span> : null}
      </div>
      <p className="mt-1.5 truncate text-xs text-muted">
        {card.kind === "group" ? card.members.map((m) => m.primitive.id).join(", ") : (card.members[0]?.primitive.resourceAgent ?? "")}
      </p>
    </div>
  );
}

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
