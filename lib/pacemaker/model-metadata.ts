import { z } from "zod";

/**
 * What a resource agent, fence agent or Pacemaker daemon says about itself (`crm_resource
 * --show-metadata`, `pacemaker-schedulerd metadata`, …: the OCF resource-agent API's XML). The
 * configuration forms are built from it; parse-metadata.ts reads it.
 */
export const AgentParameterSchema = z.object({
  name: z.string(),
  required: z.boolean(),
  /** unique="1": no two resources of this agent may share the value (IPaddr2's ip) */
  unique: z.boolean(),
  /** reloadable="1": changing it reloads instead of restarting */
  reloadable: z.boolean(),
  /** deprecated (OCF 1.1 `<deprecated>` or the legacy deprecated="1"); its replacement when named */
  deprecated: z.boolean(),
  replacedWith: z.string().nullable(),
  /** advanced (Pacemaker's daemons mark expert options in shortdesc/longdesc or `advanced="1"`) */
  advanced: z.boolean(),
  /** string | integer | boolean | time | select | percentage | port | epoch_time | nonnegative_integer | duration | score | timeout | version | … as written */
  type: z.string(),
  default: z.string().nullable(),
  /** the choices of a `select` (or values a longdesc lists as "Allowed values: …") */
  options: z.array(z.string()),
  shortdesc: z.string(),
  longdesc: z.string(),
});
export type AgentParameter = z.infer<typeof AgentParameterSchema>;

export const AgentActionSchema = z.object({
  name: z.string(),
  timeout: z.string().nullable(),
  interval: z.string().nullable(),
  /** Promoted / Unpromoted (also the legacy Master / Slave) for role-specific monitors */
  role: z.string().nullable(),
  depth: z.string().nullable(),
  startDelay: z.string().nullable(),
});
export type AgentAction = z.infer<typeof AgentActionSchema>;

export const AgentMetadataSchema = z.object({
  /** the agent's own name (IPaddr2, fence_heuristics_ping, pacemaker-schedulerd) */
  name: z.string(),
  version: z.string().nullable(),
  shortdesc: z.string(),
  longdesc: z.string(),
  parameters: z.array(AgentParameterSchema),
  actions: z.array(AgentActionSchema),
});
export type AgentMetadata = z.infer<typeof AgentMetadataSchema>;
