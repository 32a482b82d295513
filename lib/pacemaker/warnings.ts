import type { ClusterStatus } from "./model";
import type { Resource, Warning } from "./model-status";

/**
 * Cluster-wide conditions worth a banner. The first two are exactly what crm_mon 2.1.5 prints in
 * its summary (render-text.ts prints them from here); the rest are what crm_mon shows elsewhere
 * (DC line, node list) or what crm_verify reports, gathered so a console can show one list.
 */
export const CRM_MON_BANNERS: Record<string, readonly string[]> = {
  "maintenance-mode": [
    "              *** Resource management is DISABLED ***",
    "  The cluster will not attempt to start, stop or recover services",
  ],
  "stop-all-resources": ["    *** Resource management is DISABLED ***", "  The cluster will keep all resources stopped"],
};

function hasStonithResource(resources: Resource[]): boolean {
  for (const r of resources) {
    if (r.kind === "primitive" && r.resourceAgent.startsWith("stonith:")) return true;
    if (r.kind === "group" && hasStonithResource(r.children)) return true;
    if (r.kind === "clone" && hasStonithResource(r.children)) return true;
  }
  return false;
}

export function computeWarnings(s: ClusterStatus): Warning[] {
  const out: Warning[] = [];
  const opts = s.summary.clusterOptions;
  if (opts?.maintenanceMode) {
    out.push({ code: "maintenance-mode", message: "Resource management is DISABLED: the cluster will not attempt to start, stop or recover services" });
  } else if (opts?.stopAllResources) {
    out.push({ code: "stop-all-resources", message: "Resource management is DISABLED: the cluster will keep all resources stopped" });
  }
  if (s.summary.dcReported && s.summary.dc === null) out.push({ code: "no-dc", message: "No DC: the cluster has no elected controller" });
  if (s.summary.dc !== null && !s.summary.dc.withQuorum) out.push({ code: "no-quorum", message: "Partition WITHOUT quorum" });
  if (s.summary.dc?.mixedVersion) out.push({ code: "mixed-version", message: "Nodes run mixed Pacemaker versions" });
  if (opts?.stonithEnabled && !hasStonithResource(s.resources)) {
    out.push({ code: "no-stonith-device", message: "stonith-enabled is true but no STONITH resource is configured: resources will not start" });
  }
  if (opts && !opts.stonithEnabled) out.push({ code: "stonith-disabled", message: "STONITH is disabled (stonith-enabled=false): data integrity is not protected" });
  for (const n of s.nodes) {
    if (n.unclean) out.push({ code: "node-unclean", message: `Node ${n.name} is UNCLEAN: it will be fenced` });
    else if (n.ticketFence !== null) {
      out.push({ code: "ticket-fence", message: `Node ${n.name} will be fenced: ticket ${n.ticketFence} was lost (loss-policy=fence)` });
    }
  }
  if (s.failures.length > 0) out.push({ code: "failed-actions", message: `${s.failures.length} failed resource action(s)` });
  return out;
}
