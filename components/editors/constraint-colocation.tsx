"use client";
// Colocation: rsc is placed where with-rsc runs (with-rsc is placed first); -INFINITY keeps them
// apart. Two resources, or resource sets. Validated by edits.ts' ColocationInputSchema.
import { zodResolver } from "@hookform/resolvers/zod";
import { Controller, useForm, useWatch, type Control, type Resolver, type UseFormRegister } from "react-hook-form";
import { z } from "zod";
import { ColocationInputSchema, type ColocationInput } from "@/lib/cib/edits";
import { ExactInput } from "@/components/actions/field";
import { suggestId } from "@/components/graph/constraint-input";
import type { EditorContext, FormContext } from "./constraint-editor";
import { Check, clean, useAutoId, COLOCATION_WORDS, ConstraintModal, formLevelError, Labelled, RoleOptions, ScoreField, selectClass, ConstraintIdField, ModeSelect, PAIR_OR_SETS, ResourceSelect } from "./constraint-fields";
import { emptySet, prepareSet, SetsEditor, setToForm, type SetForm } from "./constraint-sets";

export interface ColocationFormValues {
  kind: "rsc_colocation";
  id: string;
  _mode: "pair" | "sets";
  rsc: string;
  withRsc: string;
  rscRole: string;
  withRscRole: string;
  sets: SetForm[];
  score: string;
  nodeAttribute: string;
  influence: boolean;
}

/** Form values → the edit input's shape (then the schema checks it). */
export function prepareColocation(v: unknown): unknown {
  const f = v as ColocationFormValues;
  return clean({
    kind: f.kind,
    id: f.id,
    score: f.score,
    nodeAttribute: f.nodeAttribute,
    ...(f.influence ? {} : { influence: false }),
    ...(f._mode === "pair" ? { rsc: f.rsc, withRsc: f.withRsc, rscRole: f.rscRole, withRscRole: f.withRscRole } : { sets: f.sets.map((s) => prepareSet(s, "colocation")) }),
  });
}

// The form's values go through prepare, then the edit's own schema: typed as form values in, input out.
const resolver: Resolver<ColocationFormValues, unknown, ColocationInput> = zodResolver(z.preprocess(prepareColocation, ColocationInputSchema) as unknown as z.ZodType<ColocationInput, ColocationFormValues>);

/** What the form starts with: the constraint being edited, or a new one (prefilled from a drawn edge). */
export function colocationDefaults(ctx: FormContext, initial: ColocationInput | null, prefill: { rsc?: string; withRsc?: string }): ColocationFormValues {
  const rsc = initial?.rsc ?? prefill.rsc ?? "";
  const withRsc = initial?.withRsc ?? prefill.withRsc ?? "";
  return {
    kind: "rsc_colocation",
    id: initial?.id ?? suggestId("colocation", [rsc, withRsc, "INFINITY"], ctx.taken),
    _mode: initial?.sets?.length ? "sets" : "pair",
    rsc,
    withRsc,
    rscRole: initial?.rscRole ?? "",
    withRscRole: initial?.withRscRole ?? "",
    sets: initial?.sets?.length ? initial.sets.map(setToForm) : [emptySet(rsc ? [rsc] : []), emptySet(withRsc ? [withRsc] : [])],
    score: initial?.score ?? "INFINITY",
    nodeAttribute: initial?.nodeAttribute ?? "",
    influence: initial?.influence ?? true,
  };
}

export function ColocationForm({ ctx, initial, prefill }: { ctx: EditorContext; initial: ColocationInput | null; prefill: { rsc?: string; withRsc?: string } }) {
  const defaults = colocationDefaults(ctx, initial, prefill);
  const form = useForm<ColocationFormValues, unknown, ColocationInput>({ defaultValues: defaults, resolver, mode: "onChange" });
  const { register, control, handleSubmit, formState } = form;
  const [mode, a, b, score] = useWatch({ control, name: ["_mode", "rsc", "withRsc", "score"] });
  useAutoId(form, suggestId("colocation", [a, b, score], ctx.taken), !ctx.editingId);
  const errors = formState.errors;
  const apart = score.trim().startsWith("-");

  return (
    <ConstraintModal
      title={ctx.editingId ? `Edit colocation ${ctx.editingId}` : "New colocation"}
      onClose={ctx.onClose}
      onSubmit={handleSubmit((input) => ctx.save(input))}
      serverError={ctx.serverError}
      onEdit={ctx.serverError ? ctx.clearError : undefined}
      formError={formLevelError(errors)}
      saving={ctx.saving}
      onDelete={ctx.remove}
      test="constraint-form-colocation"
    >
      <p className="text-muted" data-test="colocation-explain">
        {mode === "pair"
          ? apart
            ? `${a || "rsc"} is kept away from where ${b || "with-rsc"} runs${score.toUpperCase() === "-INFINITY" ? " — never together" : ""}.`
            : `${a || "rsc"} is placed where ${b || "with-rsc"} runs: ${b || "with-rsc"} is placed first, and if it cannot run, ${score.toUpperCase() === "INFINITY" ? `${a || "rsc"} does not run either` : `${a || "rsc"} may run elsewhere`}.`
          : "The sets below are placed together (or apart, with a negative score)."}
      </p>
      <ConstraintIdField errors={errors} editing={!!ctx.editingId} field={register("id")} />
      <ModeSelect label="Between" field={register("_mode")} options={PAIR_OR_SETS} test="colocation-mode" />
      {mode === "pair" ? (
        <div className="grid gap-2 sm:grid-cols-2">
          <ResourceSelect label="Resource (rsc)" help="placed relative to the other" errors={errors} path="rsc" field={register("rsc")} resources={ctx.resources} test="colocation-rsc" />
          <ResourceSelect label="With (with-rsc)" help="placed first" errors={errors} path="withRsc" field={register("withRsc")} resources={ctx.resources} test="colocation-with-rsc" />
          <Labelled label="Role of rsc" help="e.g. only its Promoted instance">
            {({ id }) => (
              <select id={id} className={selectClass} {...register("rscRole")}>
                <RoleOptions />
              </select>
            )}
          </Labelled>
          <Labelled label="Role of with-rsc" help="e.g. with the Promoted instance of a promotable clone">
            {({ id }) => (
              <select id={id} className={selectClass} {...register("withRscRole")}>
                <RoleOptions />
              </select>
            )}
          </Labelled>
        </div>
      ) : (
        <SetsEditor control={control as unknown as Control<{ sets: SetForm[] }>} register={register as unknown as UseFormRegister<{ sets: SetForm[] }>} errors={errors} resources={ctx.resources} kind="colocation" />
      )}
      <ScoreField control={control} name="score" label="They are" words={COLOCATION_WORDS} errors={errors} test="colocation-score" />
      <details className="rounded-md border border-line px-3 py-2">
        <summary className="cursor-pointer text-sm font-medium">More: node attribute, influence</summary>
        <div className="mt-2 space-y-2">
          <datalist id="colocation-node-attributes">
            {ctx.attributes.map((x) => (
              <option key={x} value={x} />
            ))}
          </datalist>
          <Labelled label="Node attribute" help="Together means on nodes with the same value of this attribute (default #uname: the same node), e.g. a site or rack attribute." errors={errors} path="nodeAttribute">
            {({ id, describedBy, invalid }) => <ExactInput id={id} list="colocation-node-attributes" placeholder="#uname" aria-describedby={describedBy} aria-invalid={invalid} {...register("nodeAttribute")} />}
          </Labelled>
          <Controller
            control={control}
            name="influence"
            render={({ field }) => (
              <Check
                label="Influence"
                checked={field.value}
                onChange={field.onChange}
                help={field.value ? "influence=true: where rsc prefers to run also counts when with-rsc is placed." : "influence=false: with-rsc is placed without regard to rsc; rsc follows it or stops."}
              />
            )}
          />
        </div>
      </details>
    </ConstraintModal>
  );
}
