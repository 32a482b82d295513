import type { ClusterStatus, Primitive, Resource } from "@/lib/pacemaker";

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
  if (status.failures.length) errors.push(plural(status.failures.length, "failed action"));
  const failed = prims.filter((p) => p.failed && !p.failureIgnored);
  if (failed.length) errors.push(plural(failed.length, "failed resource"));
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
