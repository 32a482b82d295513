"use client";
/**
 * Drag-to-migrate's wiring to dnd-kit: the sensors (mouse/pen pointer, touch with a press-and-hold
 * so a swipe still scrolls, keyboard), the collision rule, the keyboard's column-to-column jumps,
 * the screen-reader announcements, and the overlay that follows the pointer. What a drop means is
 * in ./drag.ts; what it does is in ./board-actions.tsx.
 *
 * Performance: DndContext re-renders itself on every pointer move, but its children element is
 * made by the board and stays the same, so only dnd-kit's own context readers see the change;
 * cards and columns read the internal context, which changes when a drag starts, ends or enters
 * another column, not per move.
 */
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type PointerSensorOptions,
  type ScreenReaderInstructions,
} from "@dnd-kit/core";
import { useCallback, useMemo, useState, type PointerEvent as ReactPointerEvent, type ReactNode } from "react";
import { useBoardActions } from "./board-actions";
import type { NodeCard, NodeColumn } from "./columns";
import { nextColumnPosition, parseDroppableId, type DragSubject } from "./drag";
import { CardOverlay } from "./resource-card";

/**
 * The pointer sensor for mouse and pen only: touch goes to the TouchSensor, whose press-and-hold
 * leaves a swipe to scroll the board (a pointer sensor would take every touch as a drag).
 */
class MousePenSensor extends PointerSensor {
  static override activators = [
    {
      eventName: "onPointerDown" as const,
      handler: ({ nativeEvent: event }: ReactPointerEvent, { onActivation }: PointerSensorOptions) => {
        if (!event.isPrimary || event.button !== 0 || event.pointerType === "touch") return false;
        onActivation?.({ event });
        return true;
      },
    },
  ];
}

/** Left/right arrows go to the next column (a keyboard user picks a node, not a pixel); up/down do nothing. */
const columnJump: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const direction = event.code === "ArrowRight" ? 1 : event.code === "ArrowLeft" ? -1 : 0;
  if (event.code === "ArrowUp" || event.code === "ArrowDown") {
    event.preventDefault();
    return undefined;
  }
  if (!direction) return undefined;
  event.preventDefault();
  const rect = context.collisionRect ?? context.draggingNodeRect;
  if (!rect) return undefined;
  const boxes = [...context.droppableRects.entries()].map(([id, r]) => ({ id: String(id), left: r.left, top: r.top, width: r.width, height: r.height }));
  return nextColumnPosition(boxes, currentCoordinates, { width: rect.width, height: rect.height }, direction) ?? undefined;
};

/** Under the pointer when there is one; by overlap for the keyboard (which has no pointer). */
const collision: CollisionDetection = (args) => {
  const hit = pointerWithin(args);
  return hit.length ? hit : rectIntersection(args);
};

const where = (id: string | number | undefined | null): string => {
  const t = parseDroppableId(id ?? null);
  return t === null ? "no column" : t.kind === "stopped" ? "the Stopped column" : `node ${t.node}`;
};
const what = (data: unknown): string => {
  const s = data as DragSubject | undefined;
  return s ? `${s.promoted ? "the promoted instance of " : ""}${s.rsc}${s.from ? ` on ${s.from}` : ""}` : "the resource";
};

const announcements: Announcements = {
  onDragStart: ({ active }) => `Picked up ${what(active.data.current)}. Left and right arrows choose a node, Space or Enter drops, Escape cancels.`,
  onDragOver: ({ active, over }) => (over ? `${what(active.data.current)} is over ${where(over.id)}.` : `${what(active.data.current)} is over no column.`),
  onDragEnd: ({ active, over }) =>
    over ? `Dropped ${what(active.data.current)} on ${where(over.id)}. Nothing runs before you confirm.` : `Dropped ${what(active.data.current)} outside any column: nothing happens.`,
  onDragCancel: ({ active }) => `Cancelled: ${what(active.data.current)} stays where it is.`,
};

const instructions: ScreenReaderInstructions = {
  draggable:
    "To move this resource to another node, press Space or Enter, then the left and right arrow keys to choose a node, and Space or Enter to drop; Escape cancels. A dialog shows what the cluster would do before anything runs. The card's actions menu offers the same without dragging.",
};

export function BoardDnd({ columns, children }: { columns: NodeColumn[]; children: ReactNode }) {
  const actions = useBoardActions();
  const [dragging, setDragging] = useState<{ subject: DragSubject; card: NodeCard } | null>(null);
  const sensors = useSensors(
    // A few pixels before a press becomes a drag: a click on the card's menu stays a click.
    useSensor(MousePenSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnJump }),
  );
  const onDragStart = useCallback(
    (e: DragStartEvent) => {
      const subject = e.active.data.current as DragSubject | undefined;
      if (!subject) return;
      const card = columns.find((c) => c.name === subject.from)?.cards.find((k) => k.resourceId === subject.rsc);
      if (card) setDragging({ subject, card });
    },
    [columns],
  );
  const onDragEnd = useCallback(
    (e: DragEndEvent) => {
      setDragging(null);
      const subject = e.active.data.current as DragSubject | undefined;
      if (subject && e.over) actions.drop(subject, parseDroppableId(e.over.id));
    },
    [actions],
  );
  const onDragCancel = useCallback(() => setDragging(null), []);
  const accessibility = useMemo(() => ({ announcements, screenReaderInstructions: instructions }), []);
  return (
    <DndContext sensors={sensors} collisionDetection={collision} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={onDragCancel} accessibility={accessibility}>
      {children}
      <DragOverlay dropAnimation={null}>{dragging ? <CardOverlay card={dragging.card} /> : null}</DragOverlay>
    </DndContext>
  );
}
