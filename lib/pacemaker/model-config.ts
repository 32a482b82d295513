import { z } from "zod";
import { ExtraAttrsSchema, NvSetSchema, RawElementSchema, RuleSchema } from "./model-common";

/** The CIB `<configuration>` (what `cibadmin --query` returns), element by element. */

const common = {
  extraAttrs: ExtraAttrsSchema,
  unknown: z.array(RawElementSchema),
};

/** `<op>`: `attrs` holds every attribute other than id/name/interval (timeout, role, on-fail, start-delay...). */
export const OperationSchema = z.object({
  id: z.string().nullable(),
  idRef: z.string().nullable(),
  name: z.string(),
  interval: z.string(),
  description: z.string().nullable(),
  attrs: ExtraAttrsSchema,
  instanceAttributes: z.array(NvSetSchema),
  metaAttributes: z.array(NvSetSchema),
  unknown: z.array(RawElementSchema),
});
export type Operation = z.infer<typeof OperationSchema>;

export const PrimitiveConfigSchema = z.object({
  kind: z.literal("primitive"),
  id: z.string(),
  /** null for a primitive that takes its agent from a `template`. */
  class: z.string().nullable(),
  provider: z.string().nullable(),
  type: z.string().nullable(),
  template: z.string().nullable(),
  description: z.string().nullable(),
  instanceAttributes: z.array(NvSetSchema),
  metaAttributes: z.array(NvSetSchema),
  utilization: z.array(NvSetSchema),
  operations: z.array(OperationSchema),
  /** id / id-ref of the `<operations>` element itself. */
  operationsId: z.string().nullable(),
  operationsIdRef: z.string().nullable(),
  ...common,
});
export type PrimitiveConfig = z.infer<typeof PrimitiveConfigSchema>;

/** `<template>`: same shape as a primitive, referenced by `template=`. */
export const TemplateConfigSchema = PrimitiveConfigSchema.extend({ kind: z.literal("template") });
export type TemplateConfig = z.infer<typeof TemplateConfigSchema>;

export const GroupConfigSchema = z.object({
  kind: z.literal("group"),
  id: z.string(),
  description: z.string().nullable(),
  instanceAttributes: z.array(NvSetSchema),
  metaAttributes: z.array(NvSetSchema),
  children: z.array(PrimitiveConfigSchema),
  ...common,
});
export type GroupConfig = z.infer<typeof GroupConfigSchema>;

export const CloneConfigSchema = z.object({
  kind: z.literal("clone"),
  id: z.string(),
  description: z.string().nullable(),
  /** `promotable=true` meta attribute, or the legacy `<master>` element. */
  promotable: z.boolean(),
  /** true when written as the deprecated `<master>` element. */
  legacyMaster: z.boolean(),
  instanceAttributes: z.array(NvSetSchema),
  metaAttributes: z.array(NvSetSchema),
  child: z.union([PrimitiveConfigSchema, GroupConfigSchema]).nullable(),
  ...common,
});
export type CloneConfig = z.infer<typeof CloneConfigSchema>;

export const BundleConfigSchema = z.object({
  kind: z.literal("bundle"),
  id: z.string(),
  description: z.string().nullable(),
  /** docker | podman | rkt (the container runtime element). */
  runtime: z.string().nullable(),
  /** attributes of the runtime element: image, replicas, replicas-per-host, promoted-max, network, options, run-command... */
  runtimeAttrs: ExtraAttrsSchema,
  network: z
    .object({
      attrs: ExtraAttrsSchema,
      portMappings: z.array(ExtraAttrsSchema),
    })
    .nullable(),
  /** storage-mapping elements (id, source-dir | source-dir-root, target-dir, options). */
  storage: z.array(ExtraAttrsSchema),
  instanceAttributes: z.array(NvSetSchema),
  metaAttributes: z.array(NvSetSchema),
  primitive: PrimitiveConfigSchema.nullable(),
  ...common,
});
export type BundleConfig = z.infer<typeof BundleConfigSchema>;

export const ResourceConfigSchema = z.discriminatedUnion("kind", [
  PrimitiveConfigSchema,
  GroupConfigSchema,
  CloneConfigSchema,
  BundleConfigSchema,
]);
export type ResourceConfig = z.infer<typeof ResourceConfigSchema>;

/** `<resource_set>` inside any constraint. */
export const ResourceSetSchema = z.object({
  id: z.string().nullable(),
  idRef: z.string().nullable(),
  sequential: z.string().nullable(),
  requireAll: z.string().nullable(),
  ordering: z.string().nullable(),
  action: z.string().nullable(),
  role: z.string().nullable(),
  score: z.string().nullable(),
  kind: z.string().nullable(),
  resources: z.array(z.string()),
  ...common,
});
export type ResourceSet = z.infer<typeof ResourceSetSchema>;

export const LocationConstraintSchema = z.object({
  kind: z.literal("rsc_location"),
  id: z.string(),
  rsc: z.string().nullable(),
  rscPattern: z.string().nullable(),
  role: z.string().nullable(),
  score: z.string().nullable(),
  node: z.string().nullable(),
  resourceDiscovery: z.string().nullable(),
  rules: z.array(RuleSchema),
  resourceSets: z.array(ResourceSetSchema),
  ...common,
});

export const ColocationConstraintSchema = z.object({
  kind: z.literal("rsc_colocation"),
  id: z.string(),
  rsc: z.string().nullable(),
  withRsc: z.string().nullable(),
  rscRole: z.string().nullable(),
  withRscRole: z.string().nullable(),
  score: z.string().nullable(),
  nodeAttribute: z.string().nullable(),
  influence: z.string().nullable(),
  resourceSets: z.array(ResourceSetSchema),
  ...common,
});

export const OrderConstraintSchema = z.object({
  kind: z.literal("rsc_order"),
  id: z.string(),
  first: z.string().nullable(),
  then: z.string().nullable(),
  firstAction: z.string().nullable(),
  thenAction: z.string().nullable(),
  orderKind: z.string().nullable(),
  score: z.string().nullable(),
  symmetrical: z.string().nullable(),
  requireAll: z.string().nullable(),
  resourceSets: z.array(ResourceSetSchema),
  ...common,
});

export const TicketConstraintSchema = z.object({
  kind: z.literal("rsc_ticket"),
  id: z.string(),
  ticket: z.string(),
  rsc: z.string().nullable(),
  rscRole: z.string().nullable(),
  lossPolicy: z.string().nullable(),
  resourceSets: z.array(ResourceSetSchema),
  ...common,
});

export const ConstraintSchema = z.discriminatedUnion("kind", [
  LocationConstraintSchema,
  ColocationConstraintSchema,
  OrderConstraintSchema,
  TicketConstraintSchema,
]);
export type LocationConstraint = z.infer<typeof LocationConstraintSchema>;
export type ColocationConstraint = z.infer<typeof ColocationConstraintSchema>;
export type OrderConstraint = z.infer<typeof OrderConstraintSchema>;
export type TicketConstraint = z.infer<typeof TicketConstraintSchema>;
export type Constraint = z.infer<typeof ConstraintSchema>;

export const NodeConfigSchema = z.object({
  id: z.string(),
  uname: z.string(),
  /** member | remote | ping (CIB `type`), null when not written (a member). */
  type: z.string().nullable(),
  description: z.string().nullable(),
  score: z.string().nullable(),
  instanceAttributes: z.array(NvSetSchema),
  utilization: z.array(NvSetSchema),
  ...common,
});
export type NodeConfig = z.infer<typeof NodeConfigSchema>;

export const AclPermissionSchema = z.object({
  id: z.string().nullable(),
  /** read | write | deny */
  kind: z.string(),
  xpath: z.string().nullable(),
  reference: z.string().nullable(),
  objectType: z.string().nullable(),
  attribute: z.string().nullable(),
  description: z.string().nullable(),
  extraAttrs: ExtraAttrsSchema,
});
export const AclRoleSchema = z.object({
  id: z.string(),
  description: z.string().nullable(),
  permissions: z.array(AclPermissionSchema),
  ...common,
});
/** acl_target / acl_group (and the legacy acl_user): the roles they hold. */
export const AclSubjectSchema = z.object({
  tag: z.string(),
  id: z.string(),
  name: z.string().nullable(),
  roles: z.array(z.string()),
  /** permissions written directly on a legacy acl_user */
  permissions: z.array(AclPermissionSchema),
  ...common,
});
export const AclsSchema = z.object({
  roles: z.array(AclRoleSchema),
  targets: z.array(AclSubjectSchema),
  groups: z.array(AclSubjectSchema),
  unknown: z.array(RawElementSchema),
});
export type Acls = z.infer<typeof AclsSchema>;

export const TagSchema = z.object({ id: z.string(), refs: z.array(z.string()), ...common });
export type Tag = z.infer<typeof TagSchema>;

export const AlertSelectSchema = z.object({
  nodes: z.boolean(),
  fencing: z.boolean(),
  resources: z.boolean(),
  /** null: attribute alerts not selected; []: all attributes; else only those names. */
  attributes: z.array(z.string()).nullable(),
});
export const AlertRecipientSchema = z.object({
  id: z.string(),
  value: z.string(),
  description: z.string().nullable(),
  instanceAttributes: z.array(NvSetSchema),
  metaAttributes: z.array(NvSetSchema),
  ...common,
});
export const AlertSchema = z.object({
  id: z.string(),
  path: z.string(),
  description: z.string().nullable(),
  select: AlertSelectSchema.nullable(),
  recipients: z.array(AlertRecipientSchema),
  instanceAttributes: z.array(NvSetSchema),
  metaAttributes: z.array(NvSetSchema),
  ...common,
});
export type Alert = z.infer<typeof AlertSchema>;

export const FencingLevelSchema = z.object({
  id: z.string(),
  index: z.number().int(),
  target: z.string().nullable(),
  targetPattern: z.string().nullable(),
  targetAttribute: z.string().nullable(),
  targetValue: z.string().nullable(),
  devices: z.array(z.string()),
  extraAttrs: ExtraAttrsSchema,
});
export type FencingLevel = z.infer<typeof FencingLevelSchema>;

export const ConfigurationSchema = z.object({
  /** every cluster_property_set, in CIB order */
  crmConfig: z.array(NvSetSchema),
  /** name → value from the sets without rules, first set wins (as the scheduler reads them). */
  properties: z.record(z.string(), z.string()),
  rscDefaults: z.array(NvSetSchema),
  opDefaults: z.array(NvSetSchema),
  nodes: z.array(NodeConfigSchema),
  resources: z.array(ResourceConfigSchema),
  templates: z.array(TemplateConfigSchema),
  constraints: z.array(ConstraintSchema),
  acls: AclsSchema.nullable(),
  tags: z.array(TagSchema),
  alerts: z.array(AlertSchema),
  fencingTopology: z.array(FencingLevelSchema),
  unknown: z.array(RawElementSchema),
});
export type Configuration = z.infer<typeof ConfigurationSchema>;
