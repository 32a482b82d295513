import { z } from "zod";
import { RawElementSchema } from "./model-common";
import { ConfigurationSchema } from "./model-config";
import {
  BanSchema,
  CibInfoSchema,
  FailureSchema,
  FenceEventSchema,
  NodeAttributesSchema,
  NodeHistorySchema,
  NodeSchema,
  PacemakerdHealthSchema,
  ResourceSchema,
  SummarySchema,
  TicketSchema,
  WarningSchema,
} from "./model-status";

export * from "./model-common";
export * from "./model-config";
export * from "./model-status";

/** Bumped whenever the JSON shape changes incompatibly (`vigil status --json` consumers check it). */
/** 2: a failure's `exitreason` is null when Pacemaker gave none (1 carried crm_mon's word "none"). */
export const MODEL_VERSION = 2;

/**
 * The whole typed model of one cluster: crm_mon's status view and, when a CIB is given,
 * the configuration it was computed from. Serialized as-is by `vigil status --json`.
 */
export const ClusterStatusSchema = z.object({
  modelVersion: z.literal(MODEL_VERSION),
  /** crm_mon's `api-version` and `request` attributes */
  crmMon: z.object({ apiVersion: z.string().nullable(), request: z.string().nullable() }),
  summary: SummarySchema,
  nodes: z.array(NodeSchema),
  /** the resource tree, in crm_mon order */
  resources: z.array(ResourceSchema),
  nodeAttributes: z.array(NodeAttributesSchema),
  /** null when crm_mon did not report node_history */
  nodeHistory: z.array(NodeHistorySchema).nullable(),
  failures: z.array(FailureSchema),
  /** null when crm_mon did not report tickets */
  tickets: z.array(TicketSchema).nullable(),
  /** null when crm_mon did not report fencing history */
  fenceHistory: z.array(FenceEventSchema).nullable(),
  bans: z.array(BanSchema),
  /** what crm_mon would warn about, derived from the status (see warnings.ts) */
  warnings: z.array(WarningSchema),
  pacemakerdHealth: PacemakerdHealthSchema.nullable(),
  /** null without a CIB */
  cib: CibInfoSchema.nullable(),
  /** null without a CIB */
  configuration: ConfigurationSchema.nullable(),
  /** crm_mon elements this parser does not know */
  unknown: z.array(RawElementSchema),
});
export type ClusterStatus = z.infer<typeof ClusterStatusSchema>;
