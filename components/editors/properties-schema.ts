// The forms' zod schemas: each is built on the edit schema's own option for that op
// (CibEditSchema in lib/cib/edits.ts), so the form refuses exactly what the server would refuse
// on shape, with the same words; the server still checks everything again (and the CIB's rules).
import { z } from "zod";
import { CibEditSchema, DURATION_TEXT, SCORE, type CibEdit, type CibEditOp } from "@/lib/cib/edits";
import type { OptionDef, OptionSection } from "./properties-catalog";

type EditOf<Op extends CibEditOp> = Extract<CibEdit, { op: Op }>;

/** CibEditSchema's option for one op (a zod object schema). */
export function editOption<Op extends CibEditOp>(op: Op): z.ZodType<EditOf<Op>> {
  const found = CibEditSchema.options.find((o) => o.shape.op.value === op);
  if (!found) throw new Error(`no edit schema for ${op}`);
  return found as unknown as z.ZodType<EditOf<Op>>;
}

/**
 * Copies the option schema's issues onto the form's fields: an issue whose path starts with a
 * form field lands on it, anything else on `fallback` (the field the user acts on last).
 */
export function checkEdit<Op extends CibEditOp>(
  op: Op,
  edit: unknown,
  ctx: z.RefinementCtx,
  fields: Readonly<Record<string, string>>,
  fallback: string,
): EditOf<Op> | null {
  const r = editOption(op).safeParse(edit);
  if (r.success) return r.data;
  for (const issue of r.error.issues) {
    const head = String(issue.path[0] ?? "");
    const field = fields[head] ?? fallback;
    const rest = issue.path.slice(1).join(".");
    // a nested issue keeps where it is (recipients.1.id) in its words: the form shows it on the list
    ctx.addIssue({ code: "custom", message: rest ? `${head}.${rest}: ${issue.message}` : issue.message, path: [field] });
  }
  return null;
}

const BOOL = /^(true|false|yes|no|on|off|1|0|y|n)$/i;
const INTEGER = /^[+-]?(\d{1,18}|INFINITY)$/i;
const PERCENT = /^\d+(\.\d+)?%?$/;
/** Pacemaker also takes negative durations for a few options (stonith-watchdog-timeout=-1). */
const TIME = new RegExp(`^-?(${DURATION_TEXT.source.slice(1, -1)})$`, "i");

/** What is wrong with a value for this option's type, or null (empty: the option goes back to its default). */
export function valueError(def: OptionDef, value: string): string | null {
  if (value === "") return null;
  switch (def.type) {
    case "boolean":
      return BOOL.test(value) ? null : `${def.name} is true or false`;
    case "integer":
    case "nonnegative_integer":
      return INTEGER.test(value) ? null : `${def.name} is a whole number`;
    case "score":
      return SCORE.test(value) ? null : `${def.name} is a score: a whole number, INFINITY or -INFINITY`;
    case "time":
    case "duration":
    case "timeout":
      return TIME.test(value) ? null : `${def.name} is a duration such as 30s, 15min or 0`;
    case "percentage":
      return PERCENT.test(value) ? null : `${def.name} is a percentage such as 80%`;
    case "select":
      return def.options.length === 0 || def.options.includes(value) ? null : `${def.name} is one of ${def.options.join(", ")}`;
    default:
      return null;
  }
}

/** The property form: one value; empty removes the property (property.set with null). */
export function propertyFormSchema(section: OptionSection, def: OptionDef) {
  return z.object({ value: z.string() }).superRefine((v, ctx) => {
    const typeError = valueError(def, v.value.trim());
    if (typeError) {
      ctx.addIssue({ code: "custom", message: typeError, path: ["value"] });
      return;
    }
    checkEdit("property.set", propertyEdit(section, def.name, v.value), ctx, { value: "value", name: "value" }, "value");
  });
}

export function propertyEdit(section: OptionSection, name: string, value: string): EditOf<"property.set"> {
  const v = value.trim();
  return { op: "property.set", section, name, value: v === "" ? null : v };
}
