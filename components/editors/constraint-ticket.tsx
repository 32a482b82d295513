"use client";
// Ticket: a resource (or sets) runs only while the cluster holds the ticket (multi-site, booth);
// loss-policy says what happens when the ticket is revoked. TicketInputSchema validates.
import { zodResolver } from "@hookform/resolvers/zod";
import { Controller, useForm, useWatch, type Control, type Resolver, type UseFormRegister } from "react-hook-form";
import { z } from "zod";
import { TicketInputSchema, type TicketInput } from "@/lib/cib/edits";
import { ExactInput } from "@/components/actions/field";
import { suggestId } from "@/components/graph/constraint-input";
import type { EditorContext, FormContext } from "./constraint-editor";
import { Choices, clean, useAutoId, ConstraintModal, formLevelError, Labelled, RoleOptions, selectClass, ConstraintIdField, ResourceSelect } from "./constraint-fields";
import { emptySet, prepareSet, SetsEditor, setToForm, type SetForm } from "./constraint-sets";

type LossPolicy = "" | "stop" | "demote" | "fence" | "freeze";
export interface TicketFormValues {
  kind: "rsc_ticket";
  id: string;
  ticket: string;
  _mode: "one" | "sets";
  rsc: string;
  rscRole: string;
  sets: SetForm[];
  lossPolicy: LossPolicy;
}

/** Form values → the edit input's shape (then the schema checks it). */
export function prepareTicket(v: unknown): unknown {
  const f = v as TicketFormValues;
  return clean({
    kind: f.kind,
    id: f.id,
    ticket: f.ticket,
    lossPolicy: f.lossPolicy,
    ...(f._mode === "one" ? { rsc: f.rsc, rscRole: f.rscRole } : { sets: f.sets.map((s) => prepareSet(s, "ticket")) }),
  });
}

// The form's values go through prepare, then the edit's own schema: typed as form values in, input out.
const resolver: Resolver<TicketFormValues, unknown, TicketInput> = zodResolver(z.preprocess(prepareTicket, TicketInputSchema) as unknown as z.ZodType<TicketInput, TicketFormValues>);

/** What the form starts with: the constraint being edited, or a new one (prefilled from a drawn edge). */
export function ticketDefaults(ctx: FormContext, initial: TicketInput | null, prefill: { rsc?: string }): TicketFormValues {
  const rsc = initial?.rsc ?? prefill.rsc ?? "";
  const ticket = initial?.ticket ?? ctx.tickets[0] ?? "ticketA";
  return {
    kind: "rsc_ticket",
    id: initial?.id ?? suggestId("ticket", [rsc, ticket], ctx.taken),
    ticket,
    _mode: initial?.sets?.length ? "sets" : "one",
    rsc,
    rscRole: initial?.rscRole ?? "",
    sets: initial?.sets?.length ? initial.sets.map(setToForm) : [emptySet(rsc ? [rsc] : [])],
    lossPolicy: initial?.lossPolicy ?? "",
  };
}

export function TicketForm({ ctx, initial, prefill }: { ctx: EditorContext; initial: TicketInput | null; prefill: { rsc?: string } }) {
  const defaults = ticketDefaults(ctx, initial, prefill);
  const form = useForm<TicketFormValues, unknown, TicketInput>({ defaultValues: defaults, resolver, mode: "onChange" });
  const { register, control, handleSubmit, formState } = form;
  const [mode, t, rscNow] = useWatch({ control, name: ["_mode", "ticket", "rsc"] });
  useAutoId(form, suggestId("ticket", [rscNow, t], ctx.taken), !ctx.editingId);
  const errors = formState.errors;
  const T = t || "the ticket";

  return (
    <ConstraintModal
      title={ctx.editingId ? `Edit ticket constraint ${ctx.editingId}` : "New ticket constraint"}
      onClose={ctx.onClose}
      onSubmit={handleSubmit((input) => ctx.save(input))}
      serverError={ctx.serverError}
      onEdit={ctx.serverError ? ctx.clearError : undefined}
      formError={formLevelError(errors)}
      saving={ctx.saving}
      onDelete={ctx.remove}
      test="constraint-form-ticket"
    >
      <p className="text-muted">The resources run only while this cluster (site) holds {T}.</p>
      <ConstraintIdField errors={errors} editing={!!ctx.editingId} field={register("id")} />
      <datalist id="constraint-tickets">
        {ctx.tickets.map((x) => (
          <option key={x} value={x} />
        ))}
      </datalist>
      <Labelled label="Ticket" help="granted and revoked with crm_ticket (or booth, across sites)" errors={errors} path="ticket">
        {({ id, describedBy, invalid }) => <ExactInput id={id} list="constraint-tickets" aria-describedby={describedBy} aria-invalid={invalid} {...register("ticket")} data-test="ticket-ticket" />}
      </Labelled>
      <Labelled label="Needed by">
        {({ id }) => (
          <select id={id} className={selectClass} {...register("_mode")}>
            <option value="one">one resource</option>
            <option value="sets">resource sets</option>
          </select>
        )}
      </Labelled>
      {mode === "one" ? (
        <div className="grid gap-2 sm:grid-cols-2">
          <ResourceSelect label="Resource" errors={errors} path="rsc" field={register("rsc")} resources={ctx.resources} test="ticket-rsc" />
          <Labelled label="Only for the role" help="e.g. only its Promoted instance needs the ticket">
            {({ id }) => (
              <select id={id} className={selectClass} {...register("rscRole")}>
                <RoleOptions />
              </select>
            )}
          </Labelled>
        </div>
      ) : (
        <SetsEditor control={control as unknown as Control<{ sets: SetForm[] }>} register={register as unknown as UseFormRegister<{ sets: SetForm[] }>} errors={errors} resources={ctx.resources} kind="ticket" />
      )}
      <Controller
        control={control}
        name="lossPolicy"
        render={({ field }) => (
          <Choices<LossPolicy>
            legend={`When ${T} is revoked (loss-policy)`}
            value={field.value}
            onChange={field.onChange}
            test="ticket-loss-policy"
            options={[
              { value: "", label: "stop (default)", help: "The resources are stopped, cleanly." },
              { value: "stop", label: "stop", help: "The resources are stopped, cleanly (written out)." },
              { value: "demote", label: "demote", help: "Promoted instances are demoted to Unpromoted; they keep running." },
              { value: "fence", label: "fence", help: "The nodes running the resources are fenced: the fastest way to free them for the other site." },
              { value: "freeze", label: "freeze", help: "Nothing is started or stopped: the resources stay as they are until the ticket comes back." },
            ]}
          />
        )}
      />
    </ConstraintModal>
  );
}
