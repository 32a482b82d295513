// The kinds of cluster event the console derives from consecutive status snapshots. Plain data,
// no zod: the timeline's client bundle imports it for labels and lanes.

export const EVENT_KINDS = [
  "node.lost",
  "node.joined",
  "node.fenced",
  "node.unclean",
  "node.standby.on",
  "node.standby.off",
  "node.maintenance.on",
  "node.maintenance.off",
  "fencing.failed",
  "resource.failed",
  "resource.recovered",
  "resource.moved",
  "resource.started",
  "resource.stopped",
  "resource.promoted",
  "resource.demoted",
  "quorum.lost",
  "quorum.regained",
  "maintenance.on",
  "maintenance.off",
  "dc.changed",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

const KIND_SET: ReadonlySet<string> = new Set(EVENT_KINDS);
export function isEventKind(s: string): s is EventKind {
  return KIND_SET.has(s);
}

/** Which lane of the timeline an event sits in: what it is about. */
export type EventLane = "cluster" | "nodes" | "resources";

export function laneOf(kind: EventKind): EventLane {
  if (kind.startsWith("node.") || kind === "fencing.failed") return "nodes";
  if (kind.startsWith("resource.")) return "resources";
  return "cluster";
}

/** Short labels for legends, filters and the table. */
export const KIND_LABELS: Record<EventKind, string> = {
  "node.lost": "node lost",
  "node.joined": "node joined",
  "node.fenced": "node fenced",
  "node.unclean": "node unclean",
  "node.standby.on": "standby on",
  "node.standby.off": "standby off",
  "node.maintenance.on": "node maintenance on",
  "node.maintenance.off": "node maintenance off",
  "fencing.failed": "fencing failed",
  "resource.failed": "resource failed",
  "resource.recovered": "resource recovered",
  "resource.moved": "resource moved",
  "resource.started": "resource started",
  "resource.stopped": "resource stopped",
  "resource.promoted": "promoted",
  "resource.demoted": "demoted",
  "quorum.lost": "quorum lost",
  "quorum.regained": "quorum regained",
  "maintenance.on": "cluster maintenance on",
  "maintenance.off": "cluster maintenance off",
  "dc.changed": "DC changed",
};

/** How bad it is: the timeline colours by this family, and sorts the legend by it. */
export type EventSeverity = "bad" | "warn" | "good" | "info";

export const KIND_SEVERITY: Record<EventKind, EventSeverity> = {
  "node.lost": "bad",
  "node.joined": "good",
  "node.fenced": "bad",
  "node.unclean": "bad",
  "node.standby.on": "warn",
  "node.standby.off": "good",
  "node.maintenance.on": "warn",
  "node.maintenance.off": "good",
  "fencing.failed": "bad",
  "resource.failed": "bad",
  "resource.recovered": "good",
  "resource.moved": "info",
  "resource.started": "good",
  "resource.stopped": "warn",
  "resource.promoted": "info",
  "resource.demoted": "info",
  "quorum.lost": "bad",
  "quorum.regained": "good",
  "maintenance.on": "warn",
  "maintenance.off": "good",
  "dc.changed": "info",
};
