// Which agent's view is the cluster's. One rule for the hub (which agent serves a registered
// cluster) and for `vigil status --cluster` (which answer it prints).
import type { ClusterStatus } from "@/lib/pacemaker";

export interface ServingView {
  /** the node the agent runs on (from its hello), null before it said hello */
  node: string | null;
  status: ClusterStatus;
}

/**
 * In a partition each side reports its own cluster: the quorate side's view is the cluster's.
 * Within it, the DC's own agent first, then `current` (the one already serving, so the view does
 * not flap), then the first in order.
 */
export function pickServing<T>(candidates: readonly T[], view: (c: T) => ServingView, current: T | null = null): T | null {
  const quorate = candidates.filter((c) => view(c).status.summary.dc?.withQuorum === true);
  const pool = quorate.length ? quorate : candidates;
  const runsOnDc = (c: T): boolean => {
    const { node, status } = view(c);
    return node !== null && node === (status.summary.dc?.name ?? null);
  };
  return pool.find(runsOnDc) ?? pool.find((c) => c === current) ?? pool[0] ?? null;
}
