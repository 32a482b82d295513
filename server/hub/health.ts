import { failureResource, type ClusterStatus, type Primitive, type Resource } from "@/lib/pacemaker";

export type HealthLevel = "ok" | "warnings" | "errors" | "unreachable";

export interface ClusterCounts {
  nodes: number;
  nodesOnline: number;
  resources: number;
  resourcesActive: number;
  failures: number;
}

export interface ClusterHealth {
  level: HealthLevel;
  /** short human reasons, worst first ("2 failed actions", "node4 offline") */
  reasons: string[];
  counts: ClusterCounts;
}

export function primitivesOf(resources: readonly Resource[]): Primitive[] {
  const out: Primitive[] = [];
  const visit = (r: Resource): void => {
    switch (r.kind) {
      case "primitive":
        out.push(r);
        break;
      case "group":
        out.push(...r.children);
        break;
      case "clone":
        for (const child of r.children) visit(child);
        break;
      case "bundle":
        for (const replica of r.replicas) out.push(...replica.resources);
        break;
    }
  };
  resources.forEach(visit);
  return out;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Health as an admin reads crm_mon: errors need action now, warnings deserve a look. */
export function computeHealth(status: ClusterStatus | null, reachable: boolean): ClusterHealth {
  const empty: ClusterCounts = { nodes: 0, nodesOnline: 0, resources: 0, resourcesActive: 0, failures: 0 };
  if (!status) {
    return { level: reachable ? "warnings" : "unreachable", reasons: [reachable ? "no status yet" : "no agent reachable"], counts: empty };
  }
  const prims = primitivesOf(status.resources);
  const counts: ClusterCounts = {
    nodes: status.nodes.length,
    nodesOnline: status.nodes.filter((n) => n.online).length,
    resources: prims.length,
    resourcesActive: prims.filter((p) => p.active).length,
    failures: status.failures.length,
  };
  const errors: string[] = [];
  const warnings: string[] = [];
  const failed = prims.filter((p) => p.failed && !p.failureIgnored);
  if (failed.length) errors.push(plural(failed.length, "failed resource"));
  // A failed action whose resource has since recovered is history to clean up, not an outage:
  // it stays a warning (crm_mon's own "failed resource action" warning below), never red.
  const failedIds = new Set(failed.map((p) => p.id.replace(/:\d+$/, "")));
  const open = status.failures.filter((f) => failedIds.has(failureResource(f.opKey)));
  if (open.length) errors.push(plural(open.length, "failed action"));
  for (const n of status.nodes) {
    if (n.unclean) errors.push(`${n.name} unclean`);
    else if (!n.online && !n.standby && !n.maintenance) errors.push(`${n.name} offline`);
  }
  const dc = status.summary.dc;
  if (status.summary.dcReported && !dc) errors.push("no DC elected");
  else if (dc && !dc.withQuorum) errors.push("partition without quorum");
  const blocked = prims.filter((p) => p.blocked);
  if (blocked.length) errors.push(plural(blocked.length, "blocked resource"));

  for (const n of status.nodes) {
    if (n.standby && n.online) warnings.push(`${n.name} standby`);
    if (n.maintenance) warnings.push(`${n.name} in maintenance`);
  }
  const unmanaged = prims.filter((p) => !p.managed);
  if (unmanaged.length) warnings.push(plural(unmanaged.length, "unmanaged resource"));
  const stopped = prims.filter((p) => !p.active && p.targetRole?.toLowerCase() !== "stopped");
  if (stopped.length) warnings.push(plural(stopped.length, "stopped resource"));
  for (const w of status.warnings) warnings.push(w.message);

  if (!reachable) return { level: "unreachable", reasons: ["no agent reachable", ...errors, ...warnings], counts };
  if (errors.length) return { level: "errors", reasons: [...errors, ...warnings], counts };
  if (warnings.length) return { level: "warnings", reasons: warnings, counts };
  return { level: "ok", reasons: [], counts };
}
