import type { ClusterStatus } from "@/lib/pacemaker";
import type { Tone } from "@/components/ui/tone";
import { nodeState } from "./node-state";
import { isDisabled } from "./resource-state";
import { forEachPrimitive } from "./walk";

export type Health = "ok" | "warnings" | "errors" | "unreachable";

export const healthTone: Record<Health, Tone> = { ok: "ok", warnings: "warn", errors: "err", unreachable: "stale" };
export const healthLabel: Record<Health, string> = {
  ok: "OK",
  warnings: "Warnings",
  errors: "Errors",
  unreachable: "Unreachable",
};

export interface ClusterCounts {
  nodesOnline: number;
  nodesTotal: number;
  /** primitive instances that run (crm_mon's "resource instances") */
  resourcesActive: number;
  resourcesTotal: number;
  resourcesFailed: number;
  resourcesDisabled: number;
  failedActions: number;
  /** primitives with a non-zero fail-count (crm_mon's migration summary) */
  failcounts: number;
}

export interface ClusterHealth {
  health: Health;
  /** Why: one short line per problem, worst first, for tooltips and the dashboard card. */
  reasons: { tone: Tone; text: string }[];
  counts: ClusterCounts;
}

export function clusterCounts(status: ClusterStatus): ClusterCounts {
  let active = 0;
  let total = 0;
  let failed = 0;
  let disabled = 0;
  forEachPrimitive(status.resources, ({ primitive, clone }) => {
    total += 1;
    if (primitive.active) active += 1;
    if (primitive.failed && !primitive.failureIgnored) failed += 1;
    if (primitive.role === "Stopped" && (isDisabled(primitive.targetRole) || isDisabled(clone?.targetRole))) disabled += 1;
  });
  let failcounts = 0;
  for (const nh of status.nodeHistory ?? []) {
    for (const r of nh.resources) if (r.failCount && r.failCount !== "0") failcounts += 1;
  }
  return {
    nodesOnline: status.nodes.filter((n) => n.online).length,
    nodesTotal: status.nodes.length,
    resourcesActive: active,
    resourcesTotal: total,
    resourcesFailed: failed,
    resourcesDisabled: disabled,
    failedActions: status.failures.length,
    failcounts,
  };
}

/**
 * Errors need someone now (failed or blocked resources, unclean or lost nodes, no quorum);
 * warnings are deliberate or past trouble (standby, maintenance, a recovered failure still in the
 * history, crm_mon's configuration warnings).
 */
export function clusterHealth(status: ClusterStatus, reachable = true): ClusterHealth {
  const counts = clusterCounts(status);
  const errors: string[] = [];
  const warnings: string[] = [];

  if (status.summary.dcReported && !status.summary.dc) errors.push("no DC elected");
  if (status.summary.dc && !status.summary.dc.withQuorum) errors.push("partition WITHOUT quorum");
  for (const n of status.nodes) {
    const s = nodeState(n);
    if (s.tone === "err") errors.push(`${n.name} ${s.label}`);
    else if (s.tone === "warn") warnings.push(`${n.name} ${s.label}`);
  }
  if (counts.resourcesFailed > 0) errors.push(`${counts.resourcesFailed} failed resource${plural(counts.resourcesFailed)}`);
  let blocked = 0;
  let unmanaged = 0;
  let stopped = 0;
  forEachPrimitive(status.resources, ({ primitive, clone }) => {
    const disabled = isDisabled(primitive.targetRole) || isDisabled(clone?.targetRole);
    if (primitive.blocked && !(primitive.role === "Stopped" && disabled)) blocked += 1;
    if (!primitive.managed) unmanaged += 1;
    if (primitive.role === "Stopped" && !disabled && !clone && primitive.managed) stopped += 1;
  });
  if (blocked > 0) errors.push(`${blocked} blocked resource${plural(blocked)}`);
  if (counts.failedActions > 0) warnings.push(`${counts.failedActions} failed action${plural(counts.failedActions)}`);
  if (stopped > 0) warnings.push(`${stopped} resource${plural(stopped)} stopped`);
  if (unmanaged > 0) warnings.push(`${unmanaged} unmanaged resource${plural(unmanaged)}`);
  for (const w of status.warnings) warnings.push(w.message);
  const failedFencing = (status.fenceHistory ?? []).filter((f) => f.status === "failed").length;
  if (failedFencing > 0) warnings.push(`${failedFencing} failed fencing action${plural(failedFencing)}`);

  const reasons = [
    ...errors.map((text) => ({ tone: "err" as const, text })),
    ...warnings.map((text) => ({ tone: "warn" as const, text })),
  ];
  if (!reachable) {
    return { health: "unreachable", reasons: [{ tone: "stale", text: "no agent reachable" }, ...reasons], counts };
  }
  return { health: errors.length ? "errors" : warnings.length ? "warnings" : "ok", reasons, counts };
}

function plural(n: number): string {
  return n === 1 ? "" : "s";
}
