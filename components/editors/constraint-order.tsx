"use client";
// Order: first, then then — each kind (Mandatory / Optional / Serialize) said in plain words;
// symmetrical (stop in reverse order); two resources or resource sets. OrderInputSchema validates.
import { zodResolver } from "@hookform/resolvers/zod";
import { Controller, useForm, useWatch, type Control, type Resolver, type UseFormRegister } from "react-hook-form";
import { z } from "zod";
import { OrderInputSchema, type OrderInput } from "@/lib/cib/edits";
import { suggestId } from "@/components/graph/constraint-input";
import type { EditorContext, FormContext } from "./constraint-editor";
import { Check, Choices, clean, useAutoId, ConstraintModal, formLevelError, Labelled, selectClass, ConstraintIdField, ModeSelect, PAIR_OR_SETS, ResourceSelect } from "./constraint-fields";
import { emptySet, prepareSet, SetsEditor, setToForm, type SetForm } from "./constraint-sets";

type OrderKind = "Mandatory" | "Optional" | "Serialize";
export interface OrderFormValues {
  kind: "rsc_order";
  id: string;
  _mode: "pair" | "sets";
  first: string;
  then: string;
  firstAction: string;
  thenAction: string;
  sets: SetForm[];
  orderKind: OrderKind;
  symmetrical: boolean;
}

/** Form values → the edit input's shape (then the schema checks it). */
export function prepareOrder(v: unknown): unknown {
  const f = v as OrderFormValues;
  return clean({
    kind: f.kind,
    id: f.id,
    orderKind: f.orderKind,
    // Serialize is never symmetrical; for the others true is the default and stays implicit
    ...(f.orderKind !== "Serialize" && !f.symmetrical ? { symmetrical: false } : {}),
    ...(f._mode === "pair" ? { first: f.first, then: f.then, firstAction: f.firstAction, thenAction: f.thenAction } : { sets: f.sets.map((s) => prepareSet(s, "order")) }),
  });
}

// The form's values go through prepare, then the edit's own schema: typed as form values in, input out.
const resolver: Resolver<OrderFormValues, unknown, OrderInput> = zodResolver(z.preprocess(prepareOrder, OrderInputSchema) as unknown as z.ZodType<OrderInput, OrderFormValues>);

const ACTION_OPTIONS = (
  <>
    <option value="">start (default)</option>
    <option value="start">start</option>
    <option value="stop">stop</option>
    <option value="promote">promote</option>
    <option value="demote">demote</option>
  </>
);

/** What the form starts with: the constraint being edited, or a new one (prefilled from a drawn edge). */
export function orderDefaults(ctx: FormContext, initial: OrderInput | null, prefill: { first?: string; then?: string; rsc?: string; withRsc?: string }): OrderFormValues {
  const first = initial?.first ?? prefill.first ?? prefill.rsc ?? "";
  const then = initial?.then ?? prefill.then ?? prefill.withRsc ?? "";
  return {
    kind: "rsc_order",
    id: initial?.id ?? suggestId("order", [first, then, "mandatory"], ctx.taken),
    _mode: initial?.sets?.length ? "sets" : "pair",
    first,
    then,
    firstAction: initial?.firstAction ?? "",
    thenAction: initial?.thenAction ?? "",
    sets: initial?.sets?.length ? initial.sets.map(setToForm) : [emptySet(first ? [first] : []), emptySet(then ? [then] : [])],
    orderKind: initial?.orderKind ?? "Mandatory",
    symmetrical: initial?.symmetrical ?? true,
  };
}

export function OrderForm({ ctx, initial, prefill }: { ctx: EditorContext; initial: OrderInput | null; prefill: { first?: string; then?: string; rsc?: string; withRsc?: string } }) {
  const defaults = orderDefaults(ctx, initial, prefill);
  const form = useForm<OrderFormValues, unknown, OrderInput>({ defaultValues: defaults, resolver, mode: "onChange" });
  const { register, control, handleSubmit, formState } = form;
  const [mode, a, b, kind, fa, ta] = useWatch({ control, name: ["_mode", "first", "then", "orderKind", "firstAction", "thenAction"] });
  useAutoId(form, suggestId("order", [a, b, kind.toLowerCase()], ctx.taken), !ctx.editingId);
  const errors = formState.errors;
  const A = a || "first";
  const B = b || "then";

  return (
    <ConstraintModal
      title={ctx.editingId ? `Edit order ${ctx.editingId}` : "New order"}
      onClose={ctx.onClose}
      onSubmit={handleSubmit((input) => ctx.save(input))}
      serverError={ctx.serverError}
      onEdit={ctx.serverError ? ctx.clearError : undefined}
      formError={formLevelError(errors)}
      saving={ctx.saving}
      onDelete={ctx.remove}
      test="constraint-form-order"
    >
      {mode === "pair" ? (
        <p className="text-muted" data-test="order-explain">
          {fa || "start"} {A}, then {ta || fa || "start"} {B}.
        </p>
      ) : null}
      <ConstraintIdField errors={errors} editing={!!ctx.editingId} field={register("id")} />
      <ModeSelect label="Between" field={register("_mode")} options={PAIR_OR_SETS} test="order-mode" />
      {mode === "pair" ? (
        <div className="grid gap-2 sm:grid-cols-2">
          <ResourceSelect label="First" errors={errors} path="first" field={register("first")} resources={ctx.resources} test="order-first" />
          <ResourceSelect label="Then" errors={errors} path="then" field={register("then")} resources={ctx.resources} test="order-then" />
          <Labelled label="Action of first">
            {({ id }) => (
              <select id={id} className={selectClass} {...register("firstAction")}>
                {ACTION_OPTIONS}
              </select>
            )}
          </Labelled>
          <Labelled label="Action of then" help="default: the same as first's">
            {({ id }) => (
              <select id={id} className={selectClass} {...register("thenAction")}>
                {ACTION_OPTIONS}
              </select>
            )}
          </Labelled>
        </div>
      ) : (
        <SetsEditor control={control as unknown as Control<{ sets: SetForm[] }>} register={register as unknown as UseFormRegister<{ sets: SetForm[] }>} errors={errors} resources={ctx.resources} kind="order" />
      )}
      <Controller
        control={control}
        name="orderKind"
        render={({ field }) => (
          <Choices<OrderKind>
            legend="Kind"
            value={field.value}
            onChange={field.onChange}
            test="order-kind"
            options={[
              { value: "Mandatory", label: "Mandatory", help: `${B} never starts unless ${A} has started; if ${A} stops or restarts, ${B} is stopped first.` },
              { value: "Optional", label: "Optional", help: `Only when both start or stop in the same transition does ${A} go first; otherwise they are independent.` },
              { value: "Serialize", label: "Serialize", help: `${A} and ${B} never start or stop at the same time, in either order.` },
            ]}
          />
        )}
      />
      {kind !== "Serialize" ? (
        <Controller
          control={control}
          name="symmetrical"
          render={({ field }) => (
            <Check
              label="Symmetrical"
              checked={field.value}
              onChange={field.onChange}
              help={field.value ? `symmetrical=true: stopping goes the reverse way (${B} stops before ${A}).` : `symmetrical=false: only the start order is kept; they stop in any order.`}
              test="order-symmetrical"
            />
          )}
        />
      ) : null}
    </ConstraintModal>
  );
}
