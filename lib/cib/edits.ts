/**
 * The edits a draft is made of. A draft is its base CIB (taken at a known epoch) plus this list, in
 * order; `applyEdits` (apply.ts) folds the list over any CIB, so the same edits preview on the live
 * CIB, commit onto it, and rebase onto a newer one. Every editor of the console produces these and
 * nothing else (Hawk's `live|shadow` parameter, done as data).
 *
 * Each edit is fully specified (no "next free id" decided at apply time by anything but the pure
 * rules in ids.ts), so replaying it gives the same XML. Values are plain strings: the XML library
 * escapes them; ids are XML IDs, validated here and checked for uniqueness in apply.ts.
 */
import { z } from "zod";
import { attrName, nodeName, xmlId } from "@/lib/protocol/values";

/** Free text that goes into an attribute value (no control characters but tab). */
const text = (what: string, max = 4096) =>
  z
    .string()
    .max(max, `${what} is too long`)
    // eslint-disable-next-line no-control-regex
    .refine((v) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(v), `${what} must not contain control characters`);

/** Pacemaker scores: an integer, INFINITY, +INFINITY or -INFINITY (also "inf" forms). */
export const SCORE = /^([+-]?\d{1,10}|[+-]?INFINITY|[+-]?inf)$/i;
export const score = (what = "score") => z.string().regex(SCORE, `${what} must be an integer, INFINITY or -INFINITY`);

export const ROLES = ["Started", "Stopped", "Promoted", "Unpromoted", "Master", "Slave"] as const;
const role = () => z.enum(ROLES);

/** name → value; a value of null removes the name (in an update). */
export const NvListSchema = z
  .array(z.object({ name: attrName("attribute name"), value: text("attribute value") }).strict())
  .max(500, "too many attributes");
export type NvList = z.infer<typeof NvListSchema>;

/** One `<op>` of a primitive. `interval` and `timeout` are Pacemaker durations ("10s", "2min", "PT30S", "0"). */
export const DURATION_TEXT = /^(\d+(\.\d+)?\s*(ms|msec|s|sec|m|min|h|hr)?|P[0-9TYMWDHS.]+)$/i;
export const OperationInputSchema = z
  .object({
    name: z.enum(["monitor", "start", "stop", "promote", "demote", "migrate_to", "migrate_from", "notify", "reload", "reload-agent", "meta-data", "validate-all"]),
    interval: z.string().regex(DURATION_TEXT, "interval must be a duration such as 10s, 2min or 0"),
    timeout: z.string().regex(DURATION_TEXT, "timeout must be a duration such as 20s or 2min").optional(),
    role: role().optional(),
    onFail: z.enum(["ignore", "block", "demote", "stop", "restart", "standby", "fence"]).optional(),
    /** e.g. OCF_CHECK_LEVEL (`<op><instance_attributes>`), start-delay, record-pending, enabled… as op attributes */
    extra: NvListSchema.optional(),
  })
  .strict();
export type OperationInput = z.infer<typeof OperationInputSchema>;

export const RESOURCE_CLASSES = ["ocf", "lsb", "systemd", "service", "stonith", "upstart", "nagios"] as const;

export const AgentRefSchema = z
  .object({
    class: z.enum(RESOURCE_CLASSES),
    /** OCF only (heartbeat, pacemaker, …) */
    provider: xmlId("provider").optional(),
    type: z.string().min(1, "agent type is empty").max(256).regex(/^[A-Za-z0-9_][A-Za-z0-9._@:+/-]*$/, "agent type is not a valid agent name")
      .refine((t) => !t.includes("..") && !t.endsWith("/"), "agent type is not a valid agent name"),
  })
  .strict()
  .refine((a) => (a.class === "ocf") === (a.provider !== undefined), { message: "an OCF agent needs a provider, and only OCF agents have one" });
export type AgentRef = z.infer<typeof AgentRefSchema>;

// ------------------------------------------------------------------ rules (location, sets)

export const ExpressionInputSchema = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("expression"),
      attribute: attrName("node attribute"),
      operation: z.enum(["lt", "gt", "lte", "gte", "eq", "ne", "defined", "not_defined"]),
      value: text("expression value", 1024).optional(),
      type: z.enum(["string", "integer", "number", "version"]).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal("date_expression"),
      operation: z.enum(["gt", "lt", "in_range", "date_spec"]),
      start: text("start", 64).optional(),
      end: text("end", 64).optional(),
      /** date_spec / duration fields: hours="9-16", weekdays="1-5", years, months, monthdays… */
      spec: z.partialRecord(z.enum(["seconds", "minutes", "hours", "monthdays", "weekdays", "yeardays", "months", "weeks", "years", "weekyears", "moon"]), text("date field", 64)).optional(),
      duration: z.partialRecord(z.enum(["seconds", "minutes", "hours", "days", "weeks", "months", "years"]), text("duration field", 64)).optional(),
    })
    .strict(),
]);
export type ExpressionInput = z.infer<typeof ExpressionInputSchema>;

export const RuleInputSchema = z
  .object({
    /** a rule's own score (location rules): a number, ±INFINITY, or scoreAttribute instead */
    score: score("rule score").optional(),
    scoreAttribute: attrName("score attribute").optional(),
    booleanOp: z.enum(["and", "or"]).optional(),
    role: role().optional(),
    expressions: z.array(ExpressionInputSchema).min(1, "a rule needs at least one expression").max(50),
  })
  .strict();
export type RuleInput = z.infer<typeof RuleInputSchema>;

// ------------------------------------------------------------------ constraints

export const ResourceSetInputSchema = z
  .object({
    resources: z.array(xmlId("resource id")).min(1, "a resource set needs at least one resource").max(500),
    /** false: the members do not depend on each other (ordered or colocated only with the other sets) */
    sequential: z.boolean().optional(),
    /** false: any one member satisfies the next set (order sets only) */
    requireAll: z.boolean().optional(),
    role: role().optional(),
    action: z.enum(["start", "stop", "promote", "demote"]).optional(),
  })
  .strict();
export type ResourceSetInput = z.infer<typeof ResourceSetInputSchema>;

const constraintId = () => xmlId("constraint id");

export const LocationInputSchema = z
  .object({
    kind: z.literal("rsc_location"),
    id: constraintId(),
    rsc: xmlId("resource id").optional(),
    /** a regular expression over resource ids instead of one resource */
    rscPattern: text("resource pattern", 256).optional(),
    role: role().optional(),
    /** node + score, or rules */
    node: nodeName().optional(),
    score: score().optional(),
    rules: z.array(RuleInputSchema).max(20).optional(),
    resourceDiscovery: z.enum(["always", "never", "exclusive"]).optional(),
  })
  .strict()
  .refine((c) => (c.rsc !== undefined) !== (c.rscPattern !== undefined), { message: "a location constraint names one resource or a resource pattern" })
  .refine((c) => (c.node !== undefined && c.score !== undefined && !c.rules?.length) || (c.node === undefined && c.score === undefined && (c.rules?.length ?? 0) > 0), {
    message: "a location constraint has a node and a score, or rules (not both)",
  });

export const ColocationInputSchema = z
  .object({
    kind: z.literal("rsc_colocation"),
    id: constraintId(),
    /** rsc is placed relative to withRsc (withRsc is placed first) */
    rsc: xmlId("resource id").optional(),
    withRsc: xmlId("resource id").optional(),
    rscRole: role().optional(),
    withRscRole: role().optional(),
    sets: z.array(ResourceSetInputSchema).max(20).optional(),
    score: score(),
    nodeAttribute: attrName("node attribute").optional(),
    influence: z.boolean().optional(),
  })
  .strict()
  .refine((c) => (c.rsc !== undefined && c.withRsc !== undefined && !c.sets?.length) || (c.rsc === undefined && c.withRsc === undefined && (c.sets?.length ?? 0) > 0), {
    message: "a colocation names rsc and with-rsc, or resource sets (not both)",
  });

export const OrderInputSchema = z
  .object({
    kind: z.literal("rsc_order"),
    id: constraintId(),
    first: xmlId("resource id").optional(),
    then: xmlId("resource id").optional(),
    firstAction: z.enum(["start", "stop", "promote", "demote"]).optional(),
    thenAction: z.enum(["start", "stop", "promote", "demote"]).optional(),
    sets: z.array(ResourceSetInputSchema).max(20).optional(),
    orderKind: z.enum(["Mandatory", "Optional", "Serialize"]).optional(),
    symmetrical: z.boolean().optional(),
  })
  .strict()
  .refine((c) => (c.first !== undefined && c.then !== undefined && !c.sets?.length) || (c.first === undefined && c.then === undefined && (c.sets?.length ?? 0) > 0), {
    message: "an order names first and then, or resource sets (not both)",
  });

export const TicketInputSchema = z
  .object({
    kind: z.literal("rsc_ticket"),
    id: constraintId(),
    ticket: xmlId("ticket id"),
    rsc: xmlId("resource id").optional(),
    rscRole: role().optional(),
    sets: z.array(ResourceSetInputSchema).max(20).optional(),
    lossPolicy: z.enum(["stop", "demote", "fence", "freeze"]).optional(),
  })
  .strict()
  .refine((c) => (c.rsc !== undefined) !== ((c.sets?.length ?? 0) > 0), { message: "a ticket constraint names one resource or resource sets" });

export const ConstraintInputSchema = z.discriminatedUnion("kind", [LocationInputSchema, ColocationInputSchema, OrderInputSchema, TicketInputSchema]);
export type ConstraintInput = z.infer<typeof ConstraintInputSchema>;
export type LocationInput = z.infer<typeof LocationInputSchema>;
export type ColocationInput = z.infer<typeof ColocationInputSchema>;
export type OrderInput = z.infer<typeof OrderInputSchema>;
export type TicketInput = z.infer<typeof TicketInputSchema>;

// ------------------------------------------------------------------ ACLs, alerts, fencing

export const AclPermissionInputSchema = z
  .object({
    kind: z.enum(["read", "write", "deny"]),
    xpath: text("xpath", 1024).optional(),
    reference: xmlId("referenced id").optional(),
    objectType: xmlId("object type").optional(),
    attribute: attrName().optional(),
    description: text("description", 1024).optional(),
  })
  .strict()
  .refine((p) => [p.xpath, p.reference, p.objectType].filter((x) => x !== undefined).length === 1, {
    message: "a permission applies to one xpath, one referenced id, or one object type",
  });

export const AlertKinds = ["nodes", "fencing", "resources", "attributes"] as const;

// ------------------------------------------------------------------ the edits

const rscId = () => xmlId("resource id");

export const CibEditSchema = z.discriminatedUnion("op", [
  /** A primitive (or a fencing device: class stonith) at the top level, or appended to / placed in a group. */
  z
    .object({
      op: z.literal("primitive.create"),
      id: rscId(),
      agent: AgentRefSchema,
      description: text("description", 1024).optional(),
      params: NvListSchema.default([]),
      meta: NvListSchema.default([]),
      utilization: NvListSchema.optional(),
      operations: z.array(OperationInputSchema).max(50).default([]),
      /** put it into this group (created by group.create), before `before` or last */
      group: xmlId("group id").optional(),
      before: rscId().optional(),
    })
    .strict(),
  /** Replaces what is given: the first instance_attributes / meta_attributes set's pairs, or all operations. */
  z
    .object({
      op: z.literal("primitive.update"),
      id: rscId(),
      description: text("description", 1024).nullable().optional(),
      params: NvListSchema.optional(),
      meta: NvListSchema.optional(),
      utilization: NvListSchema.optional(),
      operations: z.array(OperationInputSchema).max(50).optional(),
    })
    .strict(),
  /** One meta attribute of any resource (primitive, group, clone, bundle); null removes it. */
  z.object({ op: z.literal("resource.meta"), id: rscId(), name: attrName(), value: text("value").nullable() }).strict(),
  /** Deletes a resource (and, with `constraints`, every constraint, set member and tag ref naming it). */
  z.object({ op: z.literal("resource.delete"), id: rscId(), constraints: z.boolean().default(true) }).strict(),
  /** Renames a resource; references in constraints, sets, tags and groups follow when `references`. */
  z.object({ op: z.literal("resource.rename"), id: rscId(), to: rscId(), references: z.boolean().default(true) }).strict(),
  z
    .object({
      op: z.literal("group.create"),
      id: xmlId("group id"),
      /** existing top-level primitives, in start order (may be empty when primitive.create adds them next) */
      members: z.array(rscId()).max(500).default([]),
      meta: NvListSchema.default([]),
    })
    .strict(),
  /** The group's members in order: new names are moved in from the top level, missing ones move out to it. */
  z.object({ op: z.literal("group.members"), id: xmlId("group id"), members: z.array(rscId()).min(1, "a group needs at least one member; delete the group instead").max(500) }).strict(),
  /** Ungroup: the members go back to the top level, in order, and the group is removed. */
  z.object({ op: z.literal("group.ungroup"), id: xmlId("group id") }).strict(),
  /** Wraps a top-level primitive or group in a clone (promotable: a promotable clone). */
  z
    .object({
      op: z.literal("clone.create"),
      id: xmlId("clone id"),
      rsc: rscId(),
      promotable: z.boolean().default(false),
      meta: NvListSchema.default([]),
    })
    .strict(),
  /** The clone's child goes back to the top level; the clone and its meta attributes are removed. */
  z.object({ op: z.literal("clone.unclone"), id: xmlId("clone id") }).strict(),
  /** Creates or replaces (same id) a constraint. */
  z.object({ op: z.literal("constraint.put"), constraint: ConstraintInputSchema }).strict(),
  z.object({ op: z.literal("constraint.delete"), id: constraintId() }).strict(),
  /** A cluster property (crm_config), resource default or operation default; null removes it. */
  z
    .object({
      op: z.literal("property.set"),
      section: z.enum(["crm_config", "rsc_defaults", "op_defaults"]),
      name: attrName("property name"),
      value: text("value").nullable(),
    })
    .strict(),
  /** A node's permanent attribute, utilization, or score in the nodes section; null removes it. */
  z
    .object({ op: z.literal("node.attribute"), node: nodeName(), set: z.enum(["instance_attributes", "utilization"]), name: attrName(), value: text("value").nullable() })
    .strict(),
  z
    .object({
      op: z.literal("acl.role.put"),
      id: xmlId("ACL role id"),
      description: text("description", 1024).optional(),
      permissions: z.array(AclPermissionInputSchema).min(1, "a role needs at least one permission").max(200),
    })
    .strict(),
  /** acl_target (a user name) or acl_group (a system group) with the roles it holds. */
  z
    .object({
      op: z.literal("acl.subject.put"),
      kind: z.enum(["acl_target", "acl_group"]),
      id: xmlId("ACL target id"),
      roles: z.array(xmlId("ACL role id")).max(100),
    })
    .strict(),
  z.object({ op: z.literal("acl.delete"), id: xmlId("ACL id") }).strict(),
  z.object({ op: z.literal("tag.put"), id: xmlId("tag id"), refs: z.array(xmlId("tagged id")).min(1, "a tag needs at least one reference").max(1000) }).strict(),
  z.object({ op: z.literal("tag.delete"), id: xmlId("tag id") }).strict(),
  z
    .object({
      op: z.literal("alert.put"),
      id: xmlId("alert id"),
      path: z.string().min(1, "an alert needs the path of its agent").max(1024).regex(/^\/[^\u0000-\u001f]*$/, "an alert's path is an absolute path"),
      description: text("description", 1024).optional(),
      recipients: z.array(z.object({ id: xmlId("recipient id"), value: text("recipient", 1024) }).strict()).max(100).default([]),
      /** which events reach it; all when not given. attributes: names, or [] for all */
      select: z
        .object({ nodes: z.boolean(), fencing: z.boolean(), resources: z.boolean(), attributes: z.array(attrName()).nullable() })
        .strict()
        .optional(),
      meta: NvListSchema.optional(),
      params: NvListSchema.optional(),
    })
    .strict(),
  z.object({ op: z.literal("alert.delete"), id: xmlId("alert id") }).strict(),
  /** A fencing level: devices tried in order at this index for the target (node, pattern, or attribute=value). */
  z
    .object({
      op: z.literal("fencing.level.put"),
      id: xmlId("fencing level id"),
      index: z.number().int().min(1).max(9),
      target: nodeName().optional(),
      targetPattern: text("target pattern", 256).optional(),
      targetAttribute: attrName().optional(),
      targetValue: text("target value", 256).optional(),
      devices: z.array(rscId()).min(1, "a fencing level needs at least one device").max(20),
    })
    .strict(),
  z.object({ op: z.literal("fencing.level.delete"), id: xmlId("fencing level id") }).strict(),
]);
export type CibEdit = z.infer<typeof CibEditSchema>;
export type CibEditInput = z.input<typeof CibEditSchema>;
export type CibEditOp = CibEdit["op"];

/** Edits in a draft (the list is what commit replays onto the live CIB). */
export const CibEditListSchema = z.array(CibEditSchema).max(2000, "a draft holds at most 2000 edits; commit or discard some");

/** Raised by applyEdit for an edit that does not fit the CIB it is applied to; the message is for the user. */
export class CibEditError extends Error {
  constructor(
    message: string,
    /** the id of the element the edit is about */
    readonly elementId: string | null = null,
    /** index of the edit in the list, when applied as part of one */
    readonly index: number | null = null,
  ) {
    super(message);
    this.name = "CibEditError";
  }
}
