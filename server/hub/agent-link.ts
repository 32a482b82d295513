// What the hub needs from a connection to one agent. The real implementation is engineer B's
// AgentClient (lib/agent-client.ts, adapted in link-factory.ts); tests may pass their own factory.
import type { HelloMessage } from "@/lib/protocol";
import type { ClusterStatus, StatusPatch } from "@/lib/pacemaker";

export type AgentLinkState = "connecting" | "open" | "closed" | "refused";

export interface AgentStatusEvent {
  status: ClusterStatus;
  /** relative to the previous status this link emitted; null after a full snapshot */
  patch: StatusPatch | null;
  seq: number;
}

export interface AgentLink {
  readonly url: string;
  onHello(listener: (hello: HelloMessage) => void): void;
  onStatus(listener: (event: AgentStatusEvent) => void): void;
  onState(listener: (state: AgentLinkState, detail: string) => void): void;
  /** the agent is connected but cannot read its cluster (null: it can again) */
  onStatusError?(listener: (message: string | null) => void): void;
  /**
   * One request to the agent; resolves with its result, rejects with AgentRequestError
   * (lib/agent-client.ts). Only server/actions calls this (through ClusterFeed.request).
   */
  request(action: string, params: Record<string, unknown>, options?: { timeoutMs?: number; cibUser?: string }): Promise<unknown>;
  close(): void;
}

export interface AgentLinkOptions {
  token: string;
  /** keep reconnecting with backoff (the hub) or give up after the first failure (a probe) */
  reconnect: boolean;
  tlsFingerprint?: string | null;
}

export type AgentLinkFactory = (url: string, options: AgentLinkOptions) => AgentLink;
