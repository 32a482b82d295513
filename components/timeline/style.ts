// How each event kind and each user action looks on the timeline: a colour and a shape, so colour
// is never the only cue (the shape and the legend's words say it too). Plain data, no zod.
import type { SymbolType } from "recharts";
import { EVENT_KINDS, KIND_LABELS, isEventKind, laneOf, type EventKind, type EventLane } from "@/server/events/kinds";

export interface Look {
  /** a CSS colour (the theme's variables: right in light and dark schemes) */
  color: string;
  shape: SymbolType;
  label: string;
}

const c = (name: string) => `var(--color-${name})`;

const KIND_LOOK: Record<EventKind, Omit<Look, "label">> = {
  "node.lost": { color: c("err"), shape: "triangle" },
  "node.joined": { color: c("ok"), shape: "triangle" },
  "node.fenced": { color: c("err"), shape: "cross" },
  "node.unclean": { color: c("warn"), shape: "cross" },
  "fencing.failed": { color: c("err"), shape: "wye" },
  "node.standby.on": { color: c("warn"), shape: "square" },
  "node.standby.off": { color: c("ok"), shape: "square" },
  "node.maintenance.on": { color: c("warn"), shape: "diamond" },
  "node.maintenance.off": { color: c("ok"), shape: "diamond" },
  "resource.failed": { color: c("err"), shape: "star" },
  "resource.recovered": { color: c("ok"), shape: "star" },
  "resource.moved": { color: c("info"), shape: "circle" },
  "resource.started": { color: c("ok"), shape: "circle" },
  "resource.stopped": { color: c("stale"), shape: "circle" },
  "resource.promoted": { color: c("promoted"), shape: "triangle" },
  "resource.demoted": { color: c("promoted"), shape: "diamond" },
  "quorum.lost": { color: c("err"), shape: "square" },
  "quorum.regained": { color: c("ok"), shape: "square" },
  "maintenance.on": { color: c("warn"), shape: "wye" },
  "maintenance.off": { color: c("ok"), shape: "wye" },
  "dc.changed": { color: c("info"), shape: "star" },
};

export function kindLook(kind: string): Look {
  if (!isEventKind(kind)) return { color: c("muted"), shape: "circle", label: kind };
  return { ...KIND_LOOK[kind], label: KIND_LABELS[kind] };
}

/** User actions by how they ended (the audit row's status). */
export const ACTION_STATUSES = ["ok", "failed", "denied", "acl_denied", "invalid", "pending", "unknown"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

const ACTION_LOOK: Record<ActionStatus, Look> = {
  ok: { color: c("accent"), shape: "circle", label: "user action: ok" },
  failed: { color: c("err"), shape: "cross", label: "user action: failed" },
  denied: { color: c("warn"), shape: "square", label: "user action: refused (role)" },
  acl_denied: { color: c("warn"), shape: "square", label: "user action: refused (cluster ACL)" },
  invalid: { color: c("warn"), shape: "wye", label: "user action: invalid input" },
  pending: { color: c("muted"), shape: "diamond", label: "user action: running" },
  unknown: { color: c("muted"), shape: "diamond", label: "user action: outcome unknown" },
};

export function actionLook(status: string): Look {
  return ACTION_LOOK[(ACTION_STATUSES as readonly string[]).includes(status) ? (status as ActionStatus) : "unknown"];
}

export type Lane = EventLane | "actions";

/** Top to bottom: what the cluster did, then what users did, so cause sits right above effect. */
export const LANES: { lane: Lane; label: string; y: number }[] = [
  { lane: "cluster", label: "Cluster", y: 3 },
  { lane: "nodes", label: "Nodes", y: 2 },
  { lane: "resources", label: "Resources", y: 1 },
  { lane: "actions", label: "User actions", y: 0 },
];

export function laneOfKind(kind: string): Lane {
  return isEventKind(kind) ? laneOf(kind) : "cluster";
}

export { EVENT_KINDS, KIND_LABELS };
