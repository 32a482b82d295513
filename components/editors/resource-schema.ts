// The resource form's zod schema, built from the agent's metadata (paramsSchemaFor) so the form
// validates as the user types: the id (valid, not taken), each parameter by its type, the extra
// name/value rows, the meta attributes and the operations. Loaded with the form only.
import { z } from "zod";
import { DURATION_TEXT, OperationInputSchema } from "@/lib/cib/edits";
import { paramsSchemaFor } from "@/lib/cib/agent-params";
import type { AgentMetadata } from "@/lib/pacemaker/model-metadata";
import { attrName, xmlId } from "@/lib/protocol/values";
import type { ResourceFormValues } from "./resource-model";

/** A name/value row: both empty is an unused row; a value needs a valid name. */
const nvRow = (what: string) =>
  z
    .object({ name: z.string(), value: z.string().max(4096, `${what} value is too long`) })
    .superRefine((r, ctx) => {
      if (r.name.trim() === "") {
        if (r.value.trim() !== "") ctx.addIssue({ code: "custom", path: ["name"], message: `a ${what} needs a name` });
        return;
      }
      const n = attrName(`${what} name`).safeParse(r.name.trim());
      if (!n.success) ctx.addIssue({ code: "custom", path: ["name"], message: n.error.issues[0]?.message ?? "invalid name" });
    });

const duration = (what: string, optional: boolean) =>
  z.string().refine((v) => (optional && v.trim() === "") || DURATION_TEXT.test(v.trim()), `${what} must be a duration such as 10s, 2min or 0`);

const opRow = z.object({
  name: OperationInputSchema.shape.name,
  interval: duration("interval", false),
  timeout: duration("timeout", true),
  role: z.string(),
  onFail: z.string(),
  extra: z.array(z.object({ name: z.string(), value: z.string() })),
});

export function resourceFormSchema(metadata: AgentMetadata | null, opts: { checkId: boolean; taken: ReadonlySet<string> }): z.ZodType<ResourceFormValues> {
  const paramsSchema = metadata ? paramsSchemaFor(metadata) : null;
  return z
    .object({
      id: opts.checkId ? xmlId("resource id").refine((v) => !opts.taken.has(v), "this id is already used in the configuration") : z.string(),
      description: z.string().max(1024, "the description is too long"),
      params: z.array(z.object({ name: z.string(), value: z.string().max(4096, "the value is too long") })),
      extraParams: z.array(nvRow("parameter")),
      meta: z.array(nvRow("meta attribute")),
      ops: z.array(opRow),
      group: z.string(),
    })
    .superRefine((v, ctx) => {
      // The metadata's verdicts, each put on its own row of the form.
      if (paramsSchema) {
        const values = Object.fromEntries(v.params.map((p) => [p.name, p.value]));
        const r = paramsSchema.safeParse(values);
        if (!r.success) {
          for (const issue of r.error.issues) {
            const i = v.params.findIndex((p) => p.name === issue.path[0]);
            if (i >= 0) ctx.addIssue({ code: "custom", path: ["params", i, "value"], message: issue.message });
          }
        }
      }
      const names = new Set(v.params.map((p) => p.name));
      v.extraParams.forEach((p, i) => {
        if (names.has(p.name.trim())) ctx.addIssue({ code: "custom", path: ["extraParams", i, "name"], message: `${p.name} is listed above` });
      });
      const metaSeen = new Set<string>();
      v.meta.forEach((m, i) => {
        const n = m.name.trim();
        if (n && metaSeen.has(n)) ctx.addIssue({ code: "custom", path: ["meta", i, "name"], message: `${n} is given twice` });
        metaSeen.add(n);
      });
      const opSeen = new Set<string>();
      v.ops.forEach((o, i) => {
        const key = `${o.name}/${o.interval.trim()}/${o.role}`;
        if (opSeen.has(key)) ctx.addIssue({ code: "custom", path: ["ops", i, "interval"], message: `another ${o.name} has this interval${o.role ? " and role" : ""}` });
        opSeen.add(key);
      });
    });
}
