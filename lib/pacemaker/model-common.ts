import { z } from "zod";

/**
 * Building blocks shared by the status and configuration models.
 * Keys are Pacemaker's own names in camelCase (`target-role` → `targetRole`,
 * `failure_ignored` → `failureIgnored`); values are kept as Pacemaker writes them.
 */

/** Attributes the parser does not know, kept verbatim so nothing a newer Pacemaker writes is lost. */
export const ExtraAttrsSchema = z.record(z.string(), z.string());
export type ExtraAttrs = z.infer<typeof ExtraAttrsSchema>;

/** An element the parser does not know: kept raw (tag, attributes and its XML). */
export const RawElementSchema = z.object({
  tag: z.string(),
  attrs: ExtraAttrsSchema,
  xml: z.string().optional(),
});
export type RawElement = z.infer<typeof RawElementSchema>;

export const NvPairSchema = z.object({
  id: z.string().nullable(),
  name: z.string(),
  /** Absent when the pair only references another (`id-ref`) or unsets a value. */
  value: z.string().nullable(),
  idRef: z.string().nullable(),
});
export type NvPair = z.infer<typeof NvPairSchema>;

/** `<expression>`: a node-attribute test inside a rule. */
export const AttrExpressionSchema = z.object({
  kind: z.literal("expression"),
  id: z.string().nullable(),
  attribute: z.string(),
  operation: z.string(),
  value: z.string().nullable(),
  type: z.string().nullable(),
  valueSource: z.string().nullable(),
  extraAttrs: ExtraAttrsSchema,
});

const DateSpecSchema = z.object({ id: z.string().nullable(), attrs: ExtraAttrsSchema });

/** `<date_expression>`: gt/lt/in_range/date_spec; `duration` and `date_spec` keep every field Pacemaker allows. */
export const DateExpressionSchema = z.object({
  kind: z.literal("date_expression"),
  id: z.string().nullable(),
  operation: z.string(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  dateSpec: DateSpecSchema.nullable(),
  duration: DateSpecSchema.nullable(),
  extraAttrs: ExtraAttrsSchema,
});

export const RscExpressionSchema = z.object({
  kind: z.literal("rsc_expression"),
  id: z.string().nullable(),
  class: z.string().nullable(),
  provider: z.string().nullable(),
  type: z.string().nullable(),
  extraAttrs: ExtraAttrsSchema,
});

export const OpExpressionSchema = z.object({
  kind: z.literal("op_expression"),
  id: z.string().nullable(),
  name: z.string(),
  interval: z.string().nullable(),
  extraAttrs: ExtraAttrsSchema,
});

export type AttrExpression = z.infer<typeof AttrExpressionSchema>;
export type DateExpression = z.infer<typeof DateExpressionSchema>;
export type RscExpression = z.infer<typeof RscExpressionSchema>;
export type OpExpression = z.infer<typeof OpExpressionSchema>;

/** A rule; rules nest, so the type is written out and the schema is lazy. */
export interface Rule {
  kind: "rule";
  id: string | null;
  idRef: string | null;
  score: string | null;
  scoreAttribute: string | null;
  booleanOp: string | null;
  role: string | null;
  expressions: RuleExpression[];
  extraAttrs: ExtraAttrs;
  unknown: RawElement[];
}
export type RuleExpression = AttrExpression | DateExpression | RscExpression | OpExpression | Rule;

export const RuleSchema: z.ZodType<Rule> = z.lazy(() =>
  z.object({
    kind: z.literal("rule"),
    id: z.string().nullable(),
    idRef: z.string().nullable(),
    score: z.string().nullable(),
    scoreAttribute: z.string().nullable(),
    booleanOp: z.string().nullable(),
    role: z.string().nullable(),
    expressions: z.array(RuleExpressionSchema),
    extraAttrs: ExtraAttrsSchema,
    unknown: z.array(RawElementSchema),
  }),
);

export const RuleExpressionSchema: z.ZodType<RuleExpression> = z.lazy(() =>
  z.union([AttrExpressionSchema, DateExpressionSchema, RscExpressionSchema, OpExpressionSchema, RuleSchema]),
);

/**
 * A name/value set: instance_attributes, meta_attributes, utilization, cluster_property_set.
 * Several sets may exist, ordered by `score` and guarded by `rule`s, so they are kept as sets.
 */
export const NvSetSchema = z.object({
  id: z.string().nullable(),
  idRef: z.string().nullable(),
  score: z.string().nullable(),
  rules: z.array(RuleSchema),
  nvpairs: z.array(NvPairSchema),
  extraAttrs: ExtraAttrsSchema,
  unknown: z.array(RawElementSchema),
});
export type NvSet = z.infer<typeof NvSetSchema>;
