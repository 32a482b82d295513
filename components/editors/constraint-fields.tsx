"use client";
// The pieces every constraint form shares: the form-values cleanup before zod sees them, the error
// under a field, a score chosen in plain words, role and resource pickers, and the shell dialog with
// the server's refusal beside the form.
import { Controller, type Control, type FieldErrors, type FieldValues, type Path, type UseFormRegisterReturn } from "react-hook-form";
import type { ReactNode } from "react";
import { useEffect, useId } from "react";
import { fieldClass, ExactInput } from "@/components/actions/field";
import { ServerMessage } from "@/components/admin/form-bits";
import { CancelConfirm, DialogButton, Modal } from "@/components/ui/modal";
import { ROLE_NAMES, type ResourceEntry } from "@/components/graph/constraint-input";

/**
 * Form values → the edit input's shape: empty text is "not given", keys starting with "_" are the
 * form's own (which mode a field is in), empty objects go. Then the edits.ts schema checks the rest.
 */
export function clean(v: unknown): unknown {
  if (typeof v === "string") return v.trim() === "" ? undefined : v.trim();
  if (Array.isArray(v)) return v.map(clean).filter((x) => x !== undefined);
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (k.startsWith("_")) continue;
      const c = clean(x);
      if (c !== undefined) out[k] = c;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return v;
}

/**
 * Keeps a new constraint's id in step with what it ties (pcs-style: colocation-a-b-INFINITY) until
 * the user types an id of their own; an edited constraint's id never changes.
 */
export function useAutoId(form: { setValue: (name: "id", v: string, o?: { shouldValidate?: boolean }) => void; getFieldState: (name: "id") => { isDirty: boolean } }, suggestion: string, enabled: boolean) {
  useEffect(() => {
    if (enabled && !form.getFieldState("id").isDirty) form.setValue("id", suggestion, { shouldValidate: true });
    // form is stable (react-hook-form's methods)
  }, [suggestion, enabled]); // eslint-disable-line react-hooks/exhaustive-deps
}

/** The message react-hook-form holds at a dotted path (zod issues keep the input's paths). */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  let cur: unknown = errors;
  for (const part of path.split(".")) {
    if (!cur || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  const m = cur && typeof cur === "object" && "message" in cur ? (cur as { message?: unknown }).message : undefined;
  return typeof m === "string" ? m : undefined;
}

/** Messages of refinements over the whole input (zod path []: the resolver files them under ""). */
export function formLevelError(errors: FieldErrors): string | undefined {
  return errorAt(errors, "") ?? errorAt(errors, "root");
}

export function FieldError({ errors, path, id }: { errors: FieldErrors; path: string; id?: string }) {
  const m = errorAt(errors, path);
  if (!m) return null;
  return (
    <span id={id} role="alert" data-test={`error:${path}`} className="mt-1 block text-xs font-normal text-err">
      {m}
    </span>
  );
}

/** A labelled control with its help text and its error, tied together for screen readers. */
export function Labelled({ label, help, errors, path, children }: { label: string; help?: ReactNode; errors?: FieldErrors; path?: string; children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode }) {
  const id = useId();
  const err = errors && path ? errorAt(errors, path) : undefined;
  const helpId = help ? `${id}-help` : undefined;
  const errId = err ? `${id}-err` : undefined;
  return (
    <div className="text-sm">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {children({ id, describedBy: [helpId, errId].filter(Boolean).join(" ") || undefined, invalid: !!err })}
      {help ? (
        <span id={helpId} className="mt-1 block text-xs text-muted">
          {help}
        </span>
      ) : null}
      {errors && path ? <FieldError errors={errors} path={path} id={errId} /> : null}
    </div>
  );
}

export const selectClass = fieldClass;

/** The resources as options; `placeholder` adds the empty choice a new form starts on (the schema then says "resource id is empty"). */
export function ResourceOptions({ resources, exclude, placeholder }: { resources: ResourceEntry[]; exclude?: string[]; placeholder?: string }) {
  return (
    <>
      {placeholder ? <option value="">{placeholder}</option> : null}
      {resources
        .filter((r) => !exclude?.includes(r.id))
        .map((r) => (
          <option key={r.id} value={r.id}>
            {r.id}
            {r.kind === "primitive" ? "" : ` (${r.kind})`}
            {r.parent ? ` in ${r.parent}` : ""}
          </option>
        ))}
    </>
  );
}

export function RoleOptions({ none = "any role" }: { none?: string }) {
  return (
    <>
      <option value="">{none}</option>
      {ROLE_NAMES.map((r) => (
        <option key={r} value={r}>
          {r}
        </option>
      ))}
    </>
  );
}

export type ScoreWords = { inf: string; minusInf: string; positive: string; negative: string };
export const LOCATION_WORDS: ScoreWords = { inf: "always runs on (INFINITY)", minusInf: "never runs on (-INFINITY)", positive: "prefers (a positive score)", negative: "avoids (a negative score)" };
export const COLOCATION_WORDS: ScoreWords = { inf: "always together (INFINITY)", minusInf: "never together (-INFINITY)", positive: "prefer together (a positive score)", negative: "prefer apart (a negative score)" };

type ScoreMode = "inf" | "minusInf" | "positive" | "negative";
function modeOf(v: string): ScoreMode {
  const s = v.trim();
  if (/^\+?(INFINITY|inf)$/i.test(s)) return "inf";
  if (/^-(INFINITY|inf)$/i.test(s)) return "minusInf";
  return s.startsWith("-") ? "negative" : "positive";
}

/** A score as plain words first (prefers / avoids / never…), the number only where it matters. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form's control (its context and output do not matter here)
export function ScoreField<T extends FieldValues>({ control, name, label, words, errors, test }: { control: Control<T, any, any>; name: Path<T>; label: string; words: ScoreWords; errors: FieldErrors; test: string }) {
  const id = useId();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => {
        const value = typeof field.value === "string" ? field.value : "";
        const mode = modeOf(value);
        const magnitude = mode === "positive" || mode === "negative" ? value.replace(/^[+-]/, "") : "";
        const set = (m: ScoreMode, n: string) => field.onChange(m === "inf" ? "INFINITY" : m === "minusInf" ? "-INFINITY" : m === "negative" ? `-${n || "100"}` : n || "100");
        const err = errorAt(errors, name);
        return (
          <fieldset className="text-sm" data-test={test}>
            <legend className="font-medium">{label}</legend>
            <div className="mt-1 flex flex-wrap gap-2">
              <select aria-label={`${label}: kind`} className={`${selectClass} w-auto`} value={mode} onChange={(e) => set(e.target.value as ScoreMode, magnitude)} data-test={`${test}-mode`}>
                <option value="inf">{words.inf}</option>
                <option value="positive">{words.positive}</option>
                <option value="negative">{words.negative}</option>
                <option value="minusInf">{words.minusInf}</option>
              </select>
              {mode === "positive" || mode === "negative" ? (
                <ExactInput
                  id={id}
                  aria-label={`${label}: how much`}
                  inputMode="numeric"
                  className="w-28"
                  value={magnitude}
                  aria-invalid={!!err}
                  onChange={(e) => field.onChange(`${mode === "negative" ? "-" : ""}${e.target.value.replace(/^[+-]/, "")}`)}
                  onBlur={field.onBlur}
                  data-test={`${test}-value`}
                />
              ) : null}
            </div>
            <span className="mt-1 block text-xs text-muted">
              Score {value || "?"}: INFINITY is a must, a number is a preference weighed against the others (stickiness, other constraints).
            </span>
            {err ? (
              <span role="alert" className="mt-1 block text-xs text-err">
                {err}
              </span>
            ) : null}
          </fieldset>
        );
      }}
    />
  );
}

/** A check box whose meaning is spelled out beside it (sequential, require-all, symmetrical…). */
export function Check({ label, help, checked, onChange, test }: { label: string; help: ReactNode; checked: boolean; onChange: (v: boolean) => void; test?: string }) {
  const id = useId();
  return (
    <div className="flex items-start gap-2 text-sm">
      <input id={id} type="checkbox" className="mt-1 size-4 accent-[var(--color-accent)]" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={`${id}-help`} data-test={test} />
      <div>
        <label htmlFor={id} className="font-medium">
          {label}
        </label>
        <span id={`${id}-help`} className="block text-xs text-muted">
          {help}
        </span>
      </div>
    </div>
  );
}

/** Radio choices, each with its plain-words explanation. */
export function Choices<V extends string>({ legend, value, onChange, options, test }: { legend: string; value: V; onChange: (v: V) => void; options: { value: V; label: string; help: string }[]; test: string }) {
  const name = useId();
  return (
    <fieldset className="text-sm" data-test={test}>
      <legend className="font-medium">{legend}</legend>
      <div className="mt-1 space-y-1">
        {options.map((o) => (
          <label key={o.value} className="flex items-start gap-2 rounded px-1 py-0.5 hover:bg-surface-2">
            <input type="radio" name={name} className="mt-1" value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} data-test={`${test}-${o.value}`} />
            <span>
              <span className="font-medium">{o.label}</span>
              <span className="block text-xs text-muted">{o.help}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The dialog around every constraint form: Save stages the edit; Delete stages its removal. */
export function ConstraintModal({
  title,
  onClose,
  onSubmit,
  children,
  serverError,
  formError,
  saving,
  onDelete,
  onEdit,
  test,
}: {
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  children: ReactNode;
  serverError: string | null;
  formError?: string;
  saving: boolean;
  onDelete?: () => void;
  onEdit?: () => void;
  test: string;
}) {
  return (
    <Modal
      title={title}
      onClose={onClose}
      onSubmit={onSubmit}
      closeButton
      test={test}
      footer={
        <>
          {onDelete ? (
            <span className="mr-auto">
              <DialogButton tone="danger" onClick={onDelete} disabled={saving} test="constraint-delete">
                Delete
              </DialogButton>
            </span>
          ) : null}
          <CancelConfirm onCancel={onClose} cancelTest="constraint-cancel" label={saving ? "Saving…" : "Save to draft"} tone="primary" disabled={saving} confirmTest="constraint-save" />
        </>
      }
    >
      {/* any change makes the server's last refusal stale: it goes until the next save */}
      <div className="space-y-3" onChange={onEdit}>
        {children}
      </div>
      {formError ? <ServerMessage error={formError} test="constraint-form-error" /> : null}
      <ServerMessage error={serverError} test="constraint-server-error" />
      <p className="text-xs text-muted">Saved to your draft: nothing changes in the cluster until you commit it from the pending-changes panel.</p>
    </Modal>
  );
}

/** The constraint's id: typed for a new one, fixed for one being edited (an id cannot change). */
export function ConstraintIdField({ errors, editing, field }: { errors: FieldErrors; editing: boolean; field: UseFormRegisterReturn }) {
  return (
    <Labelled label="Constraint id" errors={errors} path="id" help={editing ? "An id cannot change; delete and create a new one instead." : undefined}>
      {({ id, describedBy, invalid }) => <ExactInput id={id} readOnly={editing} aria-describedby={describedBy} aria-invalid={invalid} {...field} data-test="constraint-id" />}
    </Labelled>
  );
}

/** A resource picked from the configuration's resources, with a label, optional help and its error. */
export function ResourceSelect({
  label,
  help,
  errors,
  path,
  field,
  resources,
  test,
}: {
  label: string;
  help?: ReactNode;
  errors: FieldErrors;
  path: string;
  field: UseFormRegisterReturn;
  resources: ResourceEntry[];
  test?: string;
}) {
  return (
    <Labelled label={label} help={help} errors={errors} path={path}>
      {({ id, describedBy }) => (
        <select id={id} className={selectClass} aria-describedby={describedBy} {...field} data-test={test}>
          <ResourceOptions resources={resources} placeholder="choose a resource…" />
        </select>
      )}
    </Labelled>
  );
}

/** "Between two resources / resource sets" (or what the form calls its two modes). */
export function ModeSelect({ label, field, options, test }: { label: string; field: UseFormRegisterReturn; options: { value: string; label: string }[]; test?: string }) {
  return (
    <Labelled label={label}>
      {({ id }) => (
        <select id={id} className={selectClass} {...field} data-test={test}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Labelled>
  );
}

export const PAIR_OR_SETS = [
  { value: "pair", label: "two resources" },
  { value: "sets", label: "resource sets" },
];
