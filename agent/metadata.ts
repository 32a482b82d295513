/**
 * Read-only metadata queries: resource classes, OCF providers, agents, one agent's metadata, the
 * cluster daemons' options, and the configuration in crm shell syntax. (Being written: see the
 * report of the engineer who owns this file.)
 */
import type { ActionParams } from "@/lib/protocol";
import type { Steps } from "./actions/steps";

export type MetadataQueryName = "meta.standards" | "meta.agents" | "meta.agent" | "meta.cluster" | "config.show";

export interface MetadataContext {
  steps: Steps;
  /** sim mode: the demo's CIB file (config.show reads it) */
  cibFile?: string;
}

export async function runMetadataQuery<A extends MetadataQueryName>(action: A, params: ActionParams<A>, ctx: MetadataContext): Promise<unknown> {
  void params;
  void ctx;
  throw new Error(`${action} is not available yet`);
}
