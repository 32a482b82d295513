/**
 * What a drag on the by-node board means, as pure functions (the board's DnD code only wires them):
 * which droppable a column is, what a card carries, and what dropping it somewhere asks Pacemaker
 * to do. Zod-free: this is in the cluster pages' bundle.
 */
import type { Configuration, GroupConfig, NvSet, PrimitiveConfig, ResourceConfig } from "@/lib/pacemaker";
import type { NodeCard, NodeColumn } from "./columns";

export const STOPPED_DROP_ID = "stopped";

/** The droppable id of a column: `node:NAME`, or `stopped`. */
export function droppableId(column: string | null): string {
  return column === null ? STOPPED_DROP_ID : `node:${column}`;
}

export type DropTarget = { kind: "node"; node: string } | { kind: "stopped" };

export function parseDroppableId(id: string | number | null | undefined): DropTarget | null {
  if (typeof id !== "string") return null;
  if (id === STOPPED_DROP_ID) return { kind: "stopped" };
  if (id.startsWith("node:") && id.length > 5) return { kind: "node", node: id.slice(5) };
  return null;
}

/** What a card carries when it is dragged (or acted on from its menu). */
export interface DragSubject {
  /** the resource a move names: the primitive, the group, the clone, the bundle */
  rsc: string;
  kind: NodeCard["kind"];
  /** the column it was picked up from (null: the Stopped column) */
  from: string | null;
  /** a promotable clone's promoted instance: moving it moves the promoted role (`--promoted`) */
  promoted: boolean;
  /** primitive ids on the card (group members, the clone instance) */
  members: string[];
}

/** The draggable id of a card: a clone has one card per node, so the column is part of it. */
export function draggableId(subject: Pick<DragSubject, "rsc" | "from">): string {
  return `${subject.from ?? "\u0000stopped"}/${subject.rsc}`;
}

export function subjectOf(card: NodeCard, column: string | null): DragSubject {
  const promoted = card.promotable && card.members.some((m) => m.primitive.role === "Promoted");
  return { rsc: card.resourceId, kind: card.kind, from: column, promoted, members: card.members.map((m) => m.primitive.id) };
}

export type DropIntent =
  | { kind: "none"; reason: string | null }
  | { kind: "move"; rsc: string; node: string; promoted: boolean }
  | { kind: "stop"; rsc: string };

/**
 * What dropping `subject` on `target` asks for. `targetHasInstance`: the target column already
 * holds a card of the same resource (a clone instance runs there).
 */
export function dropIntent(subject: DragSubject, target: DropTarget | null, targetHasInstance = false): DropIntent {
  if (!target) return { kind: "none", reason: null };
  if (target.kind === "stopped") {
    if (subject.from === null) return { kind: "none", reason: `${subject.rsc} is stopped already` };
    return { kind: "stop", rsc: subject.rsc };
  }
  if (target.node === subject.from) return { kind: "none", reason: null };
  if (subject.kind === "clone" && !subject.promoted && targetHasInstance) {
    // An anonymous instance has no identity to move: the clone already runs on that node.
    return { kind: "none", reason: `${subject.rsc} already runs an instance on ${target.node}` };
  }
  return { kind: "move", rsc: subject.rsc, node: target.node, promoted: subject.promoted };
}

/** Whether a column holds a card of this resource (for dropIntent's targetHasInstance). */
export function columnHas(columns: readonly NodeColumn[], node: string, rsc: string): boolean {
  return columns.some((c) => c.name === node && c.cards.some((k) => k.resourceId === rsc));
}

/** Where a resource's cards are now (node names; null for the Stopped column). */
export function columnsOf(columns: readonly NodeColumn[], rsc: string): (string | null)[] {
  return columns.filter((c) => c.cards.some((k) => k.resourceId === rsc)).map((c) => c.name);
}

/**
 * Whether a move has landed as the board shows it: the resource (its promoted instance, for a
 * promoted move) is in the target column.
 */
export function hasLanded(columns: readonly NodeColumn[], rsc: string, node: string, promoted: boolean): boolean {
  const col = columns.find((c) => c.name === node);
  const card = col?.cards.find((k) => k.resourceId === rsc);
  if (!card) return false;
  return !promoted || card.members.some((m) => m.primitive.role === "Promoted");
}

export interface ColumnBox {
  id: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The keyboard's next position: ArrowRight/ArrowLeft jump to the next column's middle (a keyboard
 * user picks a node, not a pixel); null for other keys. `current` is the dragged card's top-left.
 */
export function nextColumnPosition(
  boxes: readonly ColumnBox[],
  current: { x: number; y: number },
  size: { width: number; height: number },
  direction: 1 | -1,
): { x: number; y: number } | null {
  const sorted = [...boxes].sort((a, b) => a.left - b.left);
  if (sorted.length === 0) return null;
  const cx = current.x + size.width / 2;
  let index = sorted.findIndex((b) => cx >= b.left && cx <= b.left + b.width);
  if (index === -1) {
    // between columns: the nearest one in the direction of travel
    index = direction > 0 ? sorted.findIndex((b) => b.left > cx) - 1 : sorted.findIndex((b) => b.left + b.width >= cx);
    if (index < -1) index = sorted.length;
  }
  const next = sorted[index + direction];
  if (!next) return null;
  const y = Math.min(Math.max(current.y, next.top + 8), next.top + Math.max(8, next.height - size.height - 8));
  return { x: next.left + (next.width - size.width) / 2, y };
}

/** The target-role a resource is configured with (its own meta attributes), null when not set. */
export function configuredTargetRole(config: Configuration | null, rsc: string): string | null {
  const sets = (list: readonly (ResourceConfig | PrimitiveConfig | GroupConfig)[]): NvSet[] | null => {
    for (const r of list) {
      if (r.id === rsc) return r.metaAttributes;
      const inner = r.kind === "group" ? r.children : r.kind === "clone" ? (r.child ? [r.child] : []) : r.kind === "bundle" && r.primitive ? [r.primitive] : [];
      const hit = inner.length ? sets(inner) : null;
      if (hit) return hit;
    }
    return null;
  };
  for (const set of (config ? sets(config.resources) : null) ?? []) {
    if (set.rules.length) continue;
    const p = set.nvpairs.find((x) => x.name === "target-role");
    if (p?.value) return p.value;
  }
  return null;
}

/** The move/ban constraints (cli-prefer-*, cli-ban-*) crm_resource made for a resource. */
export function cliConstraintsOf(config: Configuration | null, rsc: string): string[] {
  return (config?.constraints ?? [])
    .filter((c) => c.kind === "rsc_location" && c.rsc === rsc && (c.id.startsWith("cli-prefer-") || c.id.startsWith("cli-ban-")))
    .map((c) => c.id);
}
