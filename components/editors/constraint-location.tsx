"use client";
// Location: where a resource may, prefers to, or must never run — one node with a score, or rules on
// node attributes and the date. Validated by edits.ts' LocationInputSchema as the user types.
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch, type Control, type FieldErrors, type Resolver, type UseFormRegister } from "react-hook-form";
import { z } from "zod";
import { LocationInputSchema, type LocationInput } from "@/lib/cib/edits";
import { ExactInput } from "@/components/actions/field";
import { suggestId } from "@/components/graph/constraint-input";
import type { EditorContext, FormContext } from "./constraint-editor";
import { clean, ConstraintModal, useAutoId, formLevelError, Labelled, LOCATION_WORDS, RoleOptions, ScoreField, selectClass, ConstraintIdField, ResourceSelect } from "./constraint-fields";
import { emptyRule, prepareExpression, RulesEditor, ruleToForm, type RuleForm } from "./constraint-rules";

export interface LocationFormValues {
  kind: "rsc_location";
  id: string;
  _target: "rsc" | "pattern";
  rsc: string;
  rscPattern: string;
  role: string;
  _mode: "node" | "rules";
  node: string;
  score: string;
  rules: RuleForm[];
  resourceDiscovery: string;
}

/** Form values → the edit input's shape (then the schema checks it). */
export function prepareLocation(v: unknown): unknown {
  const f = v as LocationFormValues;
  return clean({
    kind: f.kind,
    id: f.id,
    role: f.role,
    resourceDiscovery: f.resourceDiscovery,
    ...(f._target === "rsc" ? { rsc: f.rsc } : { rscPattern: f.rscPattern }),
    ...(f._mode === "node"
      ? { node: f.node, score: f.score }
      : { rules: f.rules.map((r) => ({ score: r.score, booleanOp: r.booleanOp === "and" ? "" : r.booleanOp, role: r.role, expressions: r.expressions.map(prepareExpression) })) }),
  });
}

// The form's values go through prepare, then the edit's own schema: typed as form values in, input out.
const resolver: Resolver<LocationFormValues, unknown, LocationInput> = zodResolver(z.preprocess(prepareLocation, LocationInputSchema) as unknown as z.ZodType<LocationInput, LocationFormValues>);

/** What the form starts with: the constraint being edited, or a new one (prefilled from a drawn edge). */
export function locationDefaults(ctx: FormContext, initial: LocationInput | null, prefill: { rsc?: string; node?: string }): LocationFormValues {
  const rsc = initial?.rsc ?? prefill.rsc ?? "";
  const node = initial?.node ?? prefill.node ?? "";
  return {
    kind: "rsc_location",
    id: initial?.id ?? suggestId("location", [rsc, node], ctx.taken),
    _target: initial?.rscPattern ? "pattern" : "rsc",
    rsc,
    rscPattern: initial?.rscPattern ?? "",
    role: initial?.role ?? "",
    _mode: initial?.rules?.length ? "rules" : "node",
    node,
    score: initial?.score ?? "INFINITY",
    rules: initial?.rules?.length ? initial.rules.map(ruleToForm) : [emptyRule()],
    resourceDiscovery: initial?.resourceDiscovery ?? "",
  };
}

export function LocationForm({ ctx, initial, prefill }: { ctx: EditorContext; initial: LocationInput | null; prefill: { rsc?: string; node?: string } }) {
  const defaults = locationDefaults(ctx, initial, prefill);
  const form = useForm<LocationFormValues, unknown, LocationInput>({ defaultValues: defaults, resolver, mode: "onChange" });
  const { register, control, handleSubmit, formState } = form;
  const [target, mode, rscNow, nodeNow] = useWatch({ control, name: ["_target", "_mode", "rsc", "node"] });
  useAutoId(form, suggestId("location", [target === "rsc" ? rscNow : "pattern", mode === "node" ? nodeNow : "rule"], ctx.taken), !ctx.editingId);
  const errors = formState.errors;

  return (
    <ConstraintModal
      title={ctx.editingId ? `Edit location ${ctx.editingId}` : "New location constraint"}
      onClose={ctx.onClose}
      onSubmit={handleSubmit((input) => ctx.save(input))}
      serverError={ctx.serverError}
      onEdit={ctx.serverError ? ctx.clearError : undefined}
      formError={formLevelError(errors)}
      saving={ctx.saving}
      onDelete={ctx.remove}
      test="constraint-form-location"
    >
      <p className="text-muted">Where a resource may run: {rscNow || "the resource"} {mode === "node" ? `and ${nodeNow || "a node"}` : "and the nodes the rules select"}.</p>
      <ConstraintIdField errors={errors} editing={!!ctx.editingId} field={register("id")} />
      <div className="grid gap-2 sm:grid-cols-[auto_1fr]">
        <Labelled label="Applies to">
          {({ id }) => (
            <select id={id} className={`${selectClass} w-auto`} {...register("_target")}>
              <option value="rsc">one resource</option>
              <option value="pattern">resources whose id matches</option>
            </select>
          )}
        </Labelled>
        {target === "rsc" ? (
          <ResourceSelect label="Resource" errors={errors} path="rsc" field={register("rsc")} resources={ctx.resources} test="location-rsc" />
        ) : (
          <Labelled label="Resource id pattern" help="A regular expression, e.g. ^web- (every resource whose id starts with web-)" errors={errors} path="rscPattern">
            {({ id, describedBy, invalid }) => <ExactInput id={id} aria-describedby={describedBy} aria-invalid={invalid} {...register("rscPattern")} />}
          </Labelled>
        )}
      </div>
      <Labelled label="Decide by">
        {({ id }) => (
          <select id={id} className={selectClass} {...register("_mode")} data-test="location-mode">
            <option value="node">one node and a score</option>
            <option value="rules">rules on node attributes or the date</option>
          </select>
        )}
      </Labelled>
      {mode === "node" ? (
        <NodeAndScore control={control} register={register} errors={errors} nodes={ctx.nodes} />
      ) : (
        <RulesEditor control={control as unknown as Control<{ rules: RuleForm[] }>} register={register as unknown as UseFormRegister<{ rules: RuleForm[] }>} errors={errors} attributes={ctx.attributes} />
      )}
      <details className="rounded-md border border-line px-3 py-2">
        <summary className="cursor-pointer text-sm font-medium">More: role, resource discovery</summary>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          <Labelled label="Only for the role" help="For promotable clones: e.g. where it may be Promoted">
            {({ id }) => (
              <select id={id} className={selectClass} {...register("role")}>
                <RoleOptions />
              </select>
            )}
          </Labelled>
          <Labelled label="Resource discovery" help="always: probe it everywhere (default); never: do not look for it on these nodes; exclusive: only these nodes may run it">
            {({ id }) => (
              <select id={id} className={selectClass} {...register("resourceDiscovery")}>
                <option value="">default (always)</option>
                <option value="always">always</option>
                <option value="never">never</option>
                <option value="exclusive">exclusive</option>
              </select>
            )}
          </Labelled>
        </div>
      </details>
    </ConstraintModal>
  );
}

function NodeAndScore({ control, register, errors, nodes }: { control: Control<LocationFormValues, unknown, LocationInput>; register: UseFormRegister<LocationFormValues>; errors: FieldErrors; nodes: string[] }) {
  return (
    <div className="grid gap-2 sm:grid-cols-2">
      <ScoreField control={control} name="score" label="The resource" words={LOCATION_WORDS} errors={errors} test="location-score" />
      <Labelled label="Node" errors={errors} path="node">
        {({ id, describedBy }) => (
          <select id={id} className={selectClass} aria-describedby={describedBy} {...register("node")} data-test="location-node">
            <option value="">choose a node…</option>
            {nodes.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        )}
      </Labelled>
    </div>
  );
}
