import type { ClusterStatus, StatusPatch } from "@/lib/pacemaker";
import type { AgentLinkState } from "./agent-link";
import type { ClusterHealth } from "./health";

export interface ClusterRecord {
  id: string;
  name: string;
  agents: string[];
  token: string;
  tlsFingerprint: string | null;
}

export interface AgentInfo {
  url: string;
  state: AgentLinkState;
  /** why it is not open ("connect ECONNREFUSED …"), empty when open */
  detail: string;
  /** the node the agent runs on, once it said hello */
  node: string | null;
  isDc: boolean;
  /** connected, but the agent cannot read the cluster right now */
  statusError: string | null;
  /** this agent's status is what the console shows */
  serving: boolean;
  /**
   * connected, but it reports another cluster than the one shown (another DC, or no quorum while
   * the shown side has it): the far side of a network partition, never merged into the view
   */
  partitioned: boolean;
}

/** How much to trust what is shown: never present stale data as live. */
export interface Freshness {
  reachable: boolean;
  /** true when no connected agent can vouch for the status shown: it is the last one known */
  stale: boolean;
  /** when the shown status was last confirmed by an agent */
  receivedAt: Date | null;
  source: { url: string; node: string | null } | null;
  agents: AgentInfo[];
}

export interface ClusterSnapshot {
  id: string;
  name: string;
  status: ClusterStatus | null;
  version: number;
  /** changes on every (re)registration, so event ids from an old feed are never resumed */
  generation: string;
  freshness: Freshness;
  health: ClusterHealth;
}

export type HubEvent =
  | { kind: "snapshot"; clusterId: string; version: number; patch: StatusPatch | null }
  | { kind: "freshness"; clusterId: string }
  | { kind: "removed"; clusterId: string };

/** Event names on the hub's bus. */
export const clusterEvent = (clusterId: string): string => `cluster:${clusterId}`;
export const ANY_CLUSTER_EVENT = "cluster:any";
