import { z } from "zod";
import { ExtraAttrsSchema, RawElementSchema } from "./model-common";

/** What `crm_mon --output-as=xml` reports (api-version 2.x), plus what the CIB adds to it. */

export const RoleSchema = z.string(); // Started, Stopped, Promoted, Unpromoted, Starting, ... (kept open)

export const DcSchema = z.object({
  name: z.string(),
  id: z.string(),
  version: z.string(),
  withQuorum: z.boolean(),
  mixedVersion: z.boolean(),
});

export const ClusterOptionsSchema = z.object({
  stonithEnabled: z.boolean(),
  symmetricCluster: z.boolean(),
  noQuorumPolicy: z.string(),
  maintenanceMode: z.boolean(),
  stopAllResources: z.boolean(),
  stonithTimeoutMs: z.number(),
  priorityFencingDelayMs: z.number(),
  extraAttrs: ExtraAttrsSchema,
});

export const SummarySchema = z.object({
  /** cluster-name property from the CIB (crm_mon does not report it) */
  clusterName: z.string().nullable(),
  stack: z.string().nullable(),
  /** pacemakerd's state when crm_mon reports it (stack `pacemakerd-state`: running, shutting_down...) */
  pacemakerdState: z.string().nullable(),
  /** null when crm_mon says `present="false"` (no DC elected). */
  dc: DcSchema.nullable(),
  /** crm_mon printed a current_dc element at all */
  dcReported: z.boolean(),
  lastUpdate: z.string().nullable(),
  /** the node crm_mon ran on (live clusters only) */
  lastUpdateOrigin: z.string().nullable(),
  lastChange: z
    .object({ time: z.string(), user: z.string(), client: z.string(), origin: z.string() })
    .nullable(),
  nodesConfigured: z.number().int(),
  resourcesConfigured: z.number().int(),
  resourcesDisabled: z.number().int(),
  resourcesBlocked: z.number().int(),
  clusterOptions: ClusterOptionsSchema.nullable(),
  unknown: z.array(RawElementSchema),
});
export type Summary = z.infer<typeof SummarySchema>;

export const NodeTypeSchema = z.enum(["member", "remote", "guest"]);
export type NodeType = z.infer<typeof NodeTypeSchema>;

export const NodeSchema = z.object({
  name: z.string(),
  id: z.string(),
  online: z.boolean(),
  standby: z.boolean(),
  standbyOnfail: z.boolean(),
  maintenance: z.boolean(),
  pending: z.boolean(),
  unclean: z.boolean(),
  shutdown: z.boolean(),
  expectedUp: z.boolean(),
  isDc: z.boolean(),
  health: z.string().nullable(),
  featureSet: z.string().nullable(),
  resourcesRunning: z.number().int(),
  /** member / remote / guest, from the CIB when given (crm_mon 2.1.5 says "member" for every node). */
  type: NodeTypeSchema,
  /** crm_mon's own `type` attribute, verbatim. */
  crmMonType: z.string(),
  /**
   * A lost ticket (loss-policy=fence) whose resources run here: the scheduler will fence this node.
   * crm_mon's XML marks such a node unclean; the model does not (it is online and clean until
   * fenced, as crm_mon's text shows it): see parse-crm-mon-tickets.ts.
   */
  ticketFence: z.string().nullable(),
  /** guest and bundle nodes: the resource that runs the node (crm_mon `id_as_resource`). */
  idAsResource: z.string().nullable(),
  /** resources crm_mon lists under the node (only with --group-by-node) */
  resources: z.array(z.string()),
  extraAttrs: ExtraAttrsSchema,
});
export type Node = z.infer<typeof NodeSchema>;

export const RunningOnSchema = z.object({ name: z.string(), id: z.string(), cached: z.boolean() });

/** A primitive instance as crm_mon reports it (a clone's anonymous instances repeat the same id). */
export const PrimitiveSchema = z.object({
  kind: z.literal("primitive"),
  id: z.string(),
  /** class:provider:type (`stonith:fence_x`, `ocf:heartbeat:IPaddr2`) */
  resourceAgent: z.string(),
  role: RoleSchema,
  targetRole: z.string().nullable(),
  active: z.boolean(),
  orphaned: z.boolean(),
  blocked: z.boolean(),
  managed: z.boolean(),
  failed: z.boolean(),
  failureIgnored: z.boolean(),
  nodesRunningOn: z.number().int(),
  nodes: z.array(RunningOnSchema),
  /** crm_mon's `pending` attribute: "Monitoring" for a recurring monitor in flight (else null) */
  pending: z.string().nullable(),
  /**
   * The action in flight, as Pacemaker's task name (start, stop, migrate_to, promote, monitor,
   * reload...): from the CIB's pending op (op-status -1) when a CIB is given, else from crm_mon's
   * role word ("Starting" → start). null when nothing is in flight. Pending probes are not counted
   * (Pacemaker does not either).
   */
  pendingTask: z.string().nullable(),
  /** the node the action runs on (crm_mon's "Starting node4"); null when unknown or none */
  pendingNode: z.string().nullable(),
  lockedTo: z.string().nullable(),
  /**
   * A lost ticket (loss-policy=freeze) holds this resource where it is. crm_mon's XML then says
   * blocked and unmanaged; the model keeps crm_mon's text's view (neither): parse-crm-mon-tickets.ts.
   */
  ticketFreeze: z.string().nullable(),
  /** from the CIB `description` attribute */
  description: z.string().nullable(),
  extraAttrs: ExtraAttrsSchema,
  unknown: z.array(RawElementSchema),
});
export type Primitive = z.infer<typeof PrimitiveSchema>;

export const GroupSchema = z.object({
  kind: z.literal("group"),
  id: z.string(),
  numberResources: z.number().int(),
  managed: z.boolean(),
  disabled: z.boolean(),
  description: z.string().nullable(),
  children: z.array(PrimitiveSchema),
  extraAttrs: ExtraAttrsSchema,
  unknown: z.array(RawElementSchema),
});
export type Group = z.infer<typeof GroupSchema>;

export const CloneSchema = z.object({
  kind: z.literal("clone"),
  id: z.string(),
  /** crm_mon `multi_state`: a promotable clone */
  promotable: z.boolean(),
  unique: z.boolean(),
  managed: z.boolean(),
  disabled: z.boolean(),
  failed: z.boolean(),
  failureIgnored: z.boolean(),
  targetRole: z.string().nullable(),
  description: z.string().nullable(),
  /** instances: primitives, or groups for a cloned group */
  children: z.array(z.union([PrimitiveSchema, GroupSchema])),
  extraAttrs: ExtraAttrsSchema,
  unknown: z.array(RawElementSchema),
});
export type Clone = z.infer<typeof CloneSchema>;

/** One bundle replica; crm_mon lists ip, child, container, remote in that order, each optional. */
export const ReplicaSchema = z.object({
  id: z.string(),
  ip: PrimitiveSchema.nullable(),
  child: PrimitiveSchema.nullable(),
  container: PrimitiveSchema.nullable(),
  remote: PrimitiveSchema.nullable(),
  /** every resource of the replica, in crm_mon order (the four above are picks from it) */
  resources: z.array(PrimitiveSchema),
});
export type Replica = z.infer<typeof ReplicaSchema>;

export const BundleSchema = z.object({
  kind: z.literal("bundle"),
  id: z.string(),
  /** docker | podman | rkt */
  type: z.string(),
  image: z.string(),
  unique: z.boolean(),
  managed: z.boolean(),
  failed: z.boolean(),
  description: z.string().nullable(),
  replicas: z.array(ReplicaSchema),
  extraAttrs: ExtraAttrsSchema,
  unknown: z.array(RawElementSchema),
});
export type Bundle = z.infer<typeof BundleSchema>;

export const ResourceSchema = z.discriminatedUnion("kind", [PrimitiveSchema, GroupSchema, CloneSchema, BundleSchema]);
export type Resource = z.infer<typeof ResourceSchema>;

/**
 * One node attribute. `value` is what crm_mon shows (null when crm_mon did not list it, e.g. the node
 * is offline); `permanent` comes from the CIB nodes section, `transient` from the status section.
 */
export const NodeAttributeSchema = z.object({
  name: z.string(),
  value: z.string().nullable(),
  /** crm_mon's `expected` (ping attributes: the value when every target answers) */
  expected: z.string().nullable(),
  permanent: z.string().nullable(),
  transient: z.string().nullable(),
});
export type NodeAttribute = z.infer<typeof NodeAttributeSchema>;

export const NodeAttributesSchema = z.object({
  node: z.string(),
  /** crm_mon listed this node under node_attributes */
  shown: z.boolean(),
  attributes: z.array(NodeAttributeSchema),
});
export type NodeAttributes = z.infer<typeof NodeAttributesSchema>;

export const OperationHistorySchema = z.object({
  call: z.string(),
  task: z.string(),
  rc: z.number().int(),
  rcText: z.string(),
  interval: z.string().nullable(),
  lastRcChange: z.string().nullable(),
  lastRun: z.string().nullable(),
  execTime: z.string().nullable(),
  queueTime: z.string().nullable(),
  extraAttrs: ExtraAttrsSchema,
});
export type OperationHistory = z.infer<typeof OperationHistorySchema>;

/** node_history/resource_history: the migration summary (fail-count, migration-threshold, last-failure). */
export const ResourceHistorySchema = z.object({
  id: z.string(),
  orphan: z.boolean(),
  migrationThreshold: z.number().nullable(),
  failCount: z.string().nullable(),
  lastFailure: z.string().nullable(),
  operations: z.array(OperationHistorySchema),
  extraAttrs: ExtraAttrsSchema,
});
export type ResourceHistory = z.infer<typeof ResourceHistorySchema>;

/**
 * One line of crm_mon's text migration summary: a resource history entry of the node with a fail
 * count above 0. Anonymous clone instances keep their own entries (`drbd0:0`, `drbd0:1`), which
 * crm_mon's XML merges into one `drbd0`.
 */
export const InstanceFailCountSchema = z.object({
  /** the node's lrm history entry id, as crm_mon's text names it */
  id: z.string(),
  /** the resource it belongs to (an anonymous clone instance's number stripped) */
  resource: z.string(),
  /** Pacemaker's fail count (INFINITY is 1000000), not counting expiry, as crm_mon shows it */
  failCount: z.number().int(),
  migrationThreshold: z.number().int(),
  /** ctime as crm_mon prints it (local time), and the epoch it came from */
  lastFailure: z.string().nullable(),
  lastFailureEpoch: z.number().int().nullable(),
});
export type InstanceFailCount = z.infer<typeof InstanceFailCountSchema>;

export const NodeHistorySchema = z.object({
  node: z.string(),
  /** crm_mon XML's resource_history entries (resources with operations to show) */
  resources: z.array(ResourceHistorySchema),
  /** per history entry fail counts from the CIB, in the node's history order; null without a CIB */
  failCounts: z.array(InstanceFailCountSchema).nullable(),
});
export type NodeHistory = z.infer<typeof NodeHistorySchema>;

export const FailureSchema = z.object({
  /** op_key (or the older `id`) e.g. WebService1_stop_0 */
  opKey: z.string(),
  node: z.string(),
  exitstatus: z.string(),
  /**
   * The agent's exit reason, decoded; null when there is none (crm_mon's XML says "none" then,
   * its text prints nothing).
   */
  exitreason: z.string().nullable(),
  exitcode: z.number().int(),
  call: z.number().int(),
  status: z.string(),
  lastRcChange: z.string().nullable(),
  queued: z.number().nullable(),
  exec: z.number().nullable(),
  interval: z.number().nullable(),
  task: z.string().nullable(),
  extraAttrs: ExtraAttrsSchema,
});
export type Failure = z.infer<typeof FailureSchema>;

export const TicketSchema = z.object({
  id: z.string(),
  /** granted | revoked */
  status: z.string(),
  standby: z.boolean(),
  lastGranted: z.string().nullable(),
  extraAttrs: ExtraAttrsSchema,
});
export type Ticket = z.infer<typeof TicketSchema>;

export const FenceEventSchema = z.object({
  /** failed | success | pending */
  status: z.string(),
  extendedStatus: z.string().nullable(),
  exitReason: z.string().nullable(),
  delegate: z.string().nullable(),
  action: z.string(),
  target: z.string(),
  client: z.string(),
  origin: z.string(),
  completed: z.string().nullable(),
  extraAttrs: ExtraAttrsSchema,
});
export type FenceEvent = z.infer<typeof FenceEventSchema>;

export const BanSchema = z.object({
  id: z.string(),
  resource: z.string(),
  node: z.string(),
  weight: z.number(),
  promotedOnly: z.boolean(),
  extraAttrs: ExtraAttrsSchema,
});
export type Ban = z.infer<typeof BanSchema>;

export const WarningSchema = z.object({
  /** stable code for programs: maintenance-mode, stop-all-resources, no-quorum, no-dc, no-stonith-device, ... */
  code: z.string(),
  message: z.string(),
});
export type Warning = z.infer<typeof WarningSchema>;

export const PacemakerdHealthSchema = z.object({
  sysFrom: z.string().nullable(),
  state: z.string().nullable(),
  lastUpdated: z.string().nullable(),
  extraAttrs: ExtraAttrsSchema,
});

/** The `<cib>` element and the parts of its status section crm_mon does not report. */
export const NodeStateSchema = z.object({
  id: z.string(),
  uname: z.string().nullable(),
  inCcm: z.string().nullable(),
  crmd: z.string().nullable(),
  join: z.string().nullable(),
  expected: z.string().nullable(),
  extraAttrs: ExtraAttrsSchema,
});
export type NodeState = z.infer<typeof NodeStateSchema>;

export const CibInfoSchema = z.object({
  epoch: z.number().int(),
  numUpdates: z.number().int(),
  adminEpoch: z.number().int(),
  haveQuorum: z.boolean().nullable(),
  dcUuid: z.string().nullable(),
  validateWith: z.string().nullable(),
  crmFeatureSet: z.string().nullable(),
  cibLastWritten: z.string().nullable(),
  updateOrigin: z.string().nullable(),
  updateClient: z.string().nullable(),
  updateUser: z.string().nullable(),
  nodeStates: z.array(NodeStateSchema),
  extraAttrs: ExtraAttrsSchema,
});
export type CibInfo = z.infer<typeof CibInfoSchema>;
