"use client";
// One alert: the agent's path, its recipients, which events reach it (all, or nodes / fencing /
// resources / attributes — all attributes or named ones), its meta attributes (timeout,
// timestamp-format) and its parameters. Staged as alert.put, which replaces the alert whole.
import { zodResolver } from "@hookform/resolvers/zod";
import { Plus, X } from "lucide-react";
import { useMemo } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { z } from "zod";
import type { Alert } from "@/lib/pacemaker";
import type { CibEditInput } from "@/lib/cib/edits";
import { Button, ServerMessage } from "@/components/admin/form-bits";
import { CancelConfirm, Modal } from "@/components/ui/modal";
import { TextField, splitNames, useStaging } from "./properties-form-bits";
import { checkEdit } from "./properties-schema";

type Stage = (edit: CibEditInput) => Promise<unknown>;

export interface AlertValues {
  id: string;
  path: string;
  description: string;
  recipients: { id: string; value: string }[];
  /** false: every event; true: only the kinds ticked below */
  selective: boolean;
  nodes: boolean;
  fencing: boolean;
  resources: boolean;
  attributes: boolean;
  /** names, comma separated; empty: all attributes */
  attributeNames: string;
  timeout: string;
  timestampFormat: string;
  params: { name: string; value: string }[];
}

const firstPairs = (sets: Alert["metaAttributes"]) => sets[0]?.nvpairs.filter((p) => p.value !== null).map((p) => ({ name: p.name, value: p.value ?? "" })) ?? [];

/** The form's values for an existing alert (or a new one). */
export function alertValues(a: Alert | null): AlertValues {
  const meta = a ? firstPairs(a.metaAttributes) : [];
  const metaOf = (n: string) => meta.find((p) => p.name === n)?.value ?? "";
  return {
    id: a?.id ?? "",
    path: a?.path ?? "",
    description: a?.description ?? "",
    recipients: a?.recipients.map((r) => ({ id: r.id, value: r.value })) ?? [],
    selective: a?.select != null,
    nodes: a?.select?.nodes ?? false,
    fencing: a?.select?.fencing ?? false,
    resources: a?.select?.resources ?? false,
    attributes: a?.select ? a.select.attributes !== null : false,
    attributeNames: a?.select?.attributes?.join(", ") ?? "",
    timeout: metaOf("timeout"),
    timestampFormat: metaOf("timestamp-format"),
    params: a ? firstPairs(a.instanceAttributes) : [],
  };
}

/** The alert.put edit for the form's values (meta attributes other than the two fields are kept). */
export function alertEdit(v: AlertValues, existing: Alert | null) {
  const keptMeta = (existing ? firstPairs(existing.metaAttributes) : []).filter((p) => p.name !== "timeout" && p.name !== "timestamp-format");
  const meta = [...keptMeta, ...(v.timeout.trim() ? [{ name: "timeout", value: v.timeout.trim() }] : []), ...(v.timestampFormat ? [{ name: "timestamp-format", value: v.timestampFormat }] : [])];
  return {
    op: "alert.put" as const,
    id: v.id.trim(),
    path: v.path.trim(),
    ...(v.description.trim() ? { description: v.description.trim() } : {}),
    recipients: v.recipients.map((r) => ({ id: r.id.trim(), value: r.value.trim() })),
    ...(v.selective ? { select: { nodes: v.nodes, fencing: v.fencing, resources: v.resources, attributes: v.attributes ? splitNames(v.attributeNames) : null } } : {}),
    meta,
    params: v.params.map((p) => ({ name: p.name.trim(), value: p.value })),
  };
}

const FIELDS = { id: "id", path: "path", description: "description", recipients: "recipients", select: "nodes", meta: "timeout", params: "params" } as const;

export function AlertForm({ alert, taken, stage, onClose }: { alert: Alert | null; taken: readonly string[]; stage: Stage; onClose: () => void }) {
  const schema = useMemo(
    () =>
      z.custom<AlertValues>().superRefine((v, ctx) => {
        if (!alert && taken.includes(v.id.trim())) ctx.addIssue({ code: "custom", message: `${v.id} is taken: choose another id`, path: ["id"] });
        if (v.selective && !v.nodes && !v.fencing && !v.resources && !v.attributes) ctx.addIssue({ code: "custom", message: "tick at least one kind of event (or choose every event)", path: ["nodes"] });
        checkEdit("alert.put", alertEdit(v, alert), ctx, FIELDS, "path");
      }),
    [alert, taken],
  );
  const form = useForm<AlertValues>({ resolver: zodResolver(schema), defaultValues: alertValues(alert) });
  const recipients = useFieldArray({ control: form.control, name: "recipients" });
  const params = useFieldArray({ control: form.control, name: "params" });
  const staging = useStaging(stage);
  const { errors } = form.formState;
  const selective = form.watch("selective");
  const attrs = form.watch("attributes");
  const id = form.watch("id");
  const submit = form.handleSubmit(async (v) => {
    if (await staging.run(alertEdit(v, alert))) onClose();
  });
  const box = "size-4 accent-[var(--color-accent)]";

  return (
    <Modal
      title={alert ? `Edit alert ${alert.id}` : "New alert"}
      onClose={onClose}
      onSubmit={() => void submit()}
      closeButton
      test="alert-form"
      footer={<CancelConfirm onCancel={onClose} cancelTest="alert-cancel" label="Stage in draft" tone="primary" confirmTest="alert-save" disabled={staging.busy} />}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Alert id" test="alert-id" error={errors.id?.message} input={{ ...form.register("id"), readOnly: alert !== null, autoFocus: alert === null }} />
        <TextField label="Agent path" test="alert-path" hint="An executable on every node, e.g. /usr/share/pacemaker/alerts/alert_file.sh.sample" error={errors.path?.message} input={form.register("path")} />
      </div>
      <TextField label="Description" test="alert-description" error={errors.description?.message} input={form.register("description")} />

      <fieldset className="text-sm">
        <legend className="font-medium">Recipients</legend>
        <p className="text-xs text-muted">What the agent is given as its recipient: a file, an address, a phone number…</p>
        <ul className="mt-1 space-y-2">
          {recipients.fields.map((f, i) => (
            <li key={f.id} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
              <TextField label={`Recipient ${i + 1} id`} test={`alert-recipient-id:${i}`} error={errors.recipients?.[i]?.id?.message} input={form.register(`recipients.${i}.id`)} />
              <TextField label="Value" test={`alert-recipient-value:${i}`} error={errors.recipients?.[i]?.value?.message} input={form.register(`recipients.${i}.value`)} />
              <Button variant="secondary" className="mt-6 h-9 px-2" aria-label={`Remove recipient ${i + 1}`} onClick={() => recipients.remove(i)}>
                <X aria-hidden className="size-4" />
              </Button>
            </li>
          ))}
        </ul>
        <Button
          variant="secondary"
          className="mt-2 h-8"
          data-test="alert-recipient-add"
          onClick={() => recipients.append({ id: `${id.trim() || "alert"}-recipient-${recipients.fields.length + 1}`, value: "" })}
        >
          <Plus aria-hidden className="size-4" /> Add recipient
        </Button>
        <p className="mt-1 text-xs text-err" aria-live="polite">
          {errors.recipients?.message ?? errors.recipients?.root?.message}
        </p>
      </fieldset>

      <fieldset className="space-y-1 text-sm">
        <legend className="font-medium">Events</legend>
        <label className="flex items-center gap-2">
          <input type="radio" className={box} checked={!selective} onChange={() => form.setValue("selective", false)} data-test="alert-all" /> Every event
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" className={box} checked={selective} onChange={() => form.setValue("selective", true)} data-test="alert-selective" /> Only these kinds:
        </label>
        {selective ? (
          <div className="space-y-1 pl-6">
            {(["nodes", "fencing", "resources"] as const).map((k) => (
              <label key={k} className="flex items-center gap-2">
                <input type="checkbox" className={box} data-test={`alert-kind:${k}`} {...form.register(k)} /> {k === "nodes" ? "node events (join, leave)" : k === "fencing" ? "fencing events" : "resource operations"}
              </label>
            ))}
            <label className="flex items-center gap-2">
              <input type="checkbox" className={box} data-test="alert-kind:attributes" {...form.register("attributes")} /> node attribute changes
            </label>
            {attrs ? <TextField label="Only these attributes (comma separated; empty: all)" test="alert-attribute-names" error={errors.attributeNames?.message} input={form.register("attributeNames")} /> : null}
            <p className="text-xs text-err" aria-live="polite">
              {errors.nodes?.message}
            </p>
          </div>
        ) : null}
      </fieldset>

      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Timeout (meta)" test="alert-timeout" hint="How long the agent may run; default 30s" error={errors.timeout?.message} input={form.register("timeout")} />
        <TextField label="Timestamp format (meta)" test="alert-timestamp-format" hint="strftime format, default %H:%M:%S.%06N" error={errors.timestampFormat?.message} input={form.register("timestampFormat")} />
      </div>

      <fieldset className="text-sm">
        <legend className="font-medium">Parameters (instance attributes)</legend>
        <ul className="mt-1 space-y-2">
          {params.fields.map((f, i) => (
            <li key={f.id} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
              <TextField label="Name" test={`alert-param-name:${i}`} error={errors.params?.[i]?.name?.message} input={form.register(`params.${i}.name`)} />
              <TextField label="Value" test={`alert-param-value:${i}`} error={errors.params?.[i]?.value?.message} input={form.register(`params.${i}.value`)} />
              <Button variant="secondary" className="mt-6 h-9 px-2" aria-label={`Remove parameter ${i + 1}`} onClick={() => params.remove(i)}>
                <X aria-hidden className="size-4" />
              </Button>
            </li>
          ))}
        </ul>
        <Button variant="secondary" className="mt-2 h-8" onClick={() => params.append({ name: "", value: "" })}>
          <Plus aria-hidden className="size-4" /> Add parameter
        </Button>
        <p className="mt-1 text-xs text-err" aria-live="polite">
          {errors.params?.message ?? errors.params?.root?.message}
        </p>
      </fieldset>
      <ServerMessage error={staging.error} test="alert-error" />
    </Modal>
  );
}
