"use client";
// A resource's operations: what the cluster runs and how often (monitor interval), how long each may
// take (timeout), for which role (a promotable resource's monitors), and what a failure leads to
// (on-fail). A new resource starts from what its agent's metadata advertises.
import { Plus, X } from "lucide-react";
import { useFieldArray, useFormContext } from "react-hook-form";
import { fieldClass, ExactInput } from "@/components/actions/field";
import { errorAt, FieldError } from "./constraint-fields";
import type { ResourceFormValues } from "./resource-model";

const OP_NAMES = ["monitor", "start", "stop", "promote", "demote", "migrate_to", "migrate_from", "notify", "reload", "reload-agent"] as const;
const ON_FAIL: { value: string; label: string }[] = [
  { value: "", label: "default" },
  { value: "ignore", label: "ignore: pretend it succeeded" },
  { value: "block", label: "block: do nothing more" },
  { value: "demote", label: "demote" },
  { value: "stop", label: "stop it, do not restart" },
  { value: "restart", label: "restart (stop, then start)" },
  { value: "standby", label: "move everything off the node" },
  { value: "fence", label: "fence the node" },
];

export function Operations() {
  const { register, control, formState } = useFormContext<ResourceFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: "ops" });
  return (
    <fieldset className="space-y-2" data-test="resource-ops">
      <legend className="text-sm font-semibold">Operations</legend>
      <p className="text-xs text-muted">Interval 0 for start and stop; a monitor runs every interval. Durations: 10s, 2min, 1h.</p>
      {fields.map((f, i) => (
        <div key={f.id} className="rounded-md border border-line p-2" data-test="op-row">
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-5">
            <label className="text-xs text-muted">
              Operation
              <select {...register(`ops.${i}.name`)} className={fieldClass} data-test="op-name">
                {OP_NAMES.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
            <label className="text-xs text-muted">
              Interval
              <ExactInput {...register(`ops.${i}.interval`)} aria-invalid={errorAt(formState.errors, `ops.${i}.interval`) ? true : undefined} data-test="op-interval" />
            </label>
            <label className="text-xs text-muted">
              Timeout
              <ExactInput {...register(`ops.${i}.timeout`)} placeholder="default" aria-invalid={errorAt(formState.errors, `ops.${i}.timeout`) ? true : undefined} data-test="op-timeout" />
            </label>
            <label className="text-xs text-muted">
              Role
              <select {...register(`ops.${i}.role`)} className={fieldClass} data-test="op-role">
                <option value="">any</option>
                <option value="Promoted">Promoted</option>
                <option value="Unpromoted">Unpromoted</option>
                <option value="Started">Started</option>
                <option value="Stopped">Stopped</option>
              </select>
            </label>
            <div className="flex items-end gap-1">
              <label className="min-w-0 flex-1 text-xs text-muted">
                On failure
                <select {...register(`ops.${i}.onFail`)} className={fieldClass} data-test="op-onfail">
                  {ON_FAIL.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" onClick={() => remove(i)} aria-label={`Remove operation ${i + 1}`} className="mb-1 rounded p-1 text-muted hover:bg-surface-2 hover:text-fg focus-visible:outline-2 focus-visible:outline-info">
                <X aria-hidden className="size-4" />
              </button>
            </div>
          </div>
          <FieldError errors={formState.errors} path={`ops.${i}.interval`} />
          <FieldError errors={formState.errors} path={`ops.${i}.timeout`} />
        </div>
      ))}
      <button
        type="button"
        onClick={() => append({ name: "monitor", interval: "30s", timeout: "", role: "", onFail: "", extra: [] })}
        data-test="op-add"
        className="inline-flex items-center gap-1 rounded-md border border-line px-2 py-1 text-xs hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-info"
      >
        <Plus aria-hidden className="size-3.5" /> Add operation
      </button>
    </fieldset>
  );
}
