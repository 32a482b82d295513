import type { ClusterStatus } from "./model";

export function renderStatusText(status: ClusterStatus): string {
  return JSON.stringify(status.summary);
}
