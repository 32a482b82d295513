// What browsers may see of a cluster: no token, ever.
import type { ClusterSnapshot } from "./types";

export function clusterSummary(s: ClusterSnapshot) {
  const summary = s.status?.summary ?? null;
  return {
    id: s.id,
    name: s.name,
    health: s.health,
    freshness: s.freshness,
    version: s.version,
    /** the CIB's cluster-name property, when the agent reports a CIB */
    clusterName: summary?.clusterName ?? null,
    dc: summary?.dc?.name ?? null,
    lastUpdate: summary?.lastUpdate ?? null,
    /** cluster-wide switches the dashboard calls out (maintenance-mode, stop-all-resources) */
    maintenanceMode: summary?.clusterOptions?.maintenanceMode ?? false,
    stopAllResources: summary?.clusterOptions?.stopAllResources ?? false,
  };
}

export type ClusterSummary = ReturnType<typeof clusterSummary>;
