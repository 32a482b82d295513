/**
 * Configuration requests: reading the CIB's configuration, the agents' metadata, previewing a
 * draft (crm_verify + crm_simulate on a scratch copy) and committing it (crm_diff + cibadmin
 * --patch, the one live write). A draft travels as its edit list (lib/cib/edits.ts), never as XML:
 * the agent applies the edits to the CIB it has at that moment, with the same pure functions the
 * console uses, so a preview and a commit judge exactly what would be written.
 */
import { z } from "zod";
import { AgentRefSchema, CibEditListSchema } from "@/lib/cib/edits";
import { AgentMetadataSchema } from "@/lib/pacemaker/model-metadata";
import { CommandRunSchema, PlacementChangeSchema, TransitionActionSchema } from "./actions-common";

/** "admin_epoch.epoch": the configuration's version (num_updates counts status changes only). */
export const ConfigEpochSchema = z.string().regex(/^\d+\.\d+$/, "a configuration epoch is admin_epoch.epoch, e.g. 0.26");

export const ConfigParamsSchemas = {
  /** The CIB without its status section, and its version. */
  "config.read": z.object({}).strict(),
  /** The configuration in crm shell syntax (`crm configure show`), where crmsh is installed on the node. */
  "config.show": z.object({}).strict(),
  /** What committing these edits would do: the patch, crm_verify's findings, and the transition crm_simulate predicts. */
  "config.preview": z.object({ edits: CibEditListSchema }).strict(),
  /** Resource classes (crm_resource --list-standards) and OCF providers (--list-ocf-providers). */
  "meta.standards": z.object({}).strict(),
  /** Agents of a class (and provider): crm_resource --list-agents ocf:heartbeat */
  "meta.agents": z.object({ class: AgentRefSchema.shape.class, provider: AgentRefSchema.shape.provider }).strict(),
  /** One agent's metadata (crm_resource --show-metadata class:provider:type) */
  "meta.agent": z.object({ agent: AgentRefSchema }).strict(),
  /** The cluster options' metadata: pacemaker-schedulerd, -controld, -based, -fenced `metadata` */
  "meta.cluster": z.object({}).strict(),
} as const;

export const ConfigChangeParamsSchemas = {
  /**
   * The one live configuration write: applies the edits to the live CIB if its configuration is
   * still at `expectEpoch` (else answers `conflict`), then crm_diff --no-version + cibadmin --patch.
   */
  "config.commit": z.object({ edits: CibEditListSchema.min(1, "nothing to commit"), expectEpoch: ConfigEpochSchema }).strict(),
} as const;

export const ConfigReadResultSchema = z.object({
  /** `<cib>` with its configuration and no status, as Pacemaker wrote it */
  xml: z.string(),
  /** admin_epoch.epoch */
  epoch: ConfigEpochSchema,
  /** admin_epoch.epoch.num_updates of the same read */
  version: z.string(),
  commands: z.array(CommandRunSchema).default([]),
});
export type ConfigReadResult = z.infer<typeof ConfigReadResultSchema>;

export const ConfigShowResultSchema = z.object({
  /** null when crmsh is not installed on the node (reason says so) */
  text: z.string().nullable(),
  reason: z.string().nullable(),
  commands: z.array(CommandRunSchema).default([]),
});
export type ConfigShowResult = z.infer<typeof ConfigShowResultSchema>;

/** One finding of crm_verify (or of the CIB's schema validation). */
export const VerifyFindingSchema = z.object({
  severity: z.enum(["error", "warning"]),
  message: z.string(),
  /** ids of configuration elements the message names (present in the draft), for a link to each */
  ids: z.array(z.string()),
});
export type VerifyFinding = z.infer<typeof VerifyFindingSchema>;

export const ConfigPreviewResultSchema = z.object({
  /** the live configuration version the edits were applied to */
  epoch: ConfigEpochSchema,
  /** crm_diff's patch from the live CIB to the draft (`<diff format="2">`), "" when they are the same */
  patch: z.string(),
  /** crm_verify passed (no errors; warnings may remain) */
  valid: z.boolean(),
  findings: z.array(VerifyFindingSchema),
  /** what the cluster would do right after the commit (crm_simulate on the draft with the live status) */
  actions: z.array(TransitionActionSchema),
  changes: z.array(PlacementChangeSchema),
  /** where every primitive instance would run after that transition (for ghost cards) */
  after: z.array(z.object({ id: z.string(), role: z.string(), nodes: z.array(z.string()), parents: z.array(z.string()) })),
  /** crm_simulate could not run (an invalid draft): why */
  simulateError: z.string().nullable(),
  commands: z.array(CommandRunSchema).default([]),
});
export type ConfigPreviewResult = z.infer<typeof ConfigPreviewResultSchema>;

export const StandardsResultSchema = z.object({
  standards: z.array(z.string()),
  providers: z.array(z.string()),
  commands: z.array(CommandRunSchema).default([]),
});
export const AgentsResultSchema = z.object({ agents: z.array(z.string()), commands: z.array(CommandRunSchema).default([]) });
export const AgentMetadataResultSchema = z.object({
  /** null when the agent's metadata could not be loaded (error says why): the form falls back to name/value pairs */
  metadata: AgentMetadataSchema.nullable(),
  error: z.string().nullable(),
  commands: z.array(CommandRunSchema).default([]),
});
export const ClusterMetadataResultSchema = z.object({
  /** daemon name → its options (null when it could not be read) */
  daemons: z.record(z.string(), AgentMetadataSchema.nullable()),
  errors: z.array(z.string()),
  commands: z.array(CommandRunSchema).default([]),
});
export type StandardsResult = z.infer<typeof StandardsResultSchema>;
export type AgentsResult = z.infer<typeof AgentsResultSchema>;
export type AgentMetadataResult = z.infer<typeof AgentMetadataResultSchema>;
export type ClusterMetadataResult = z.infer<typeof ClusterMetadataResultSchema>;
