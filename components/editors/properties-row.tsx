"use client";
// One option: its name, what it does, the value in force (set, or the default) and, for admins,
// an inline form that stages property.set in the draft (empty = remove, back to the default).
import { zodResolver } from "@hookform/resolvers/zod";
import clsx from "clsx";
import { Pencil, RotateCcw } from "lucide-react";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { Badge } from "@/components/ui/badge";
import { ExactInput, fieldClass } from "@/components/actions/field";
import { Button, ServerMessage } from "@/components/admin/form-bits";
import type { OptionDef, OptionSection } from "./properties-catalog";
import { Explained } from "./properties-explain";
import { propertyEdit, propertyFormSchema } from "./properties-schema";

export interface RowProps {
  section: OptionSection;
  def: OptionDef;
  /** in the shown configuration (draft or live); null: the default applies */
  value: string | null;
  /** in the live configuration, when a draft is shown (undefined: no draft) */
  liveValue?: string | null;
  canEdit: boolean;
  stage: (edit: ReturnType<typeof propertyEdit>) => Promise<unknown>;
}

export function OptionRow({ section, def, value, liveValue, canEdit, stage }: RowProps) {
  const [editing, setEditing] = useState(false);
  const descId = useId();
  const actions = useRef<HTMLDivElement>(null);
  const closed = useRef(false);
  const done = () => {
    closed.current = true;
    setEditing(false);
  };
  // Closing the form (staged, cancelled, Esc) puts focus back on the row's Edit button, once it is back.
  useEffect(() => {
    if (editing || !closed.current) return;
    closed.current = false;
    actions.current?.querySelector<HTMLButtonElement>("[data-test=property-edit]")?.focus();
  }, [editing]);
  const changed = liveValue !== undefined && liveValue !== value;
  return (
    <li data-test={`property:${section}:${def.name}`} className="px-4 py-3">
      <div className="flex flex-wrap items-start gap-x-3 gap-y-1">
        <div className="min-w-0 flex-1">
          <p className="font-mono text-sm font-medium [overflow-wrap:anywhere]">{def.name}</p>
          {def.shortdesc ? (
            <p id={descId} className="text-xs text-muted">
              {def.shortdesc}
            </p>
          ) : null}
        </div>
        <div ref={actions} className="flex flex-wrap items-center gap-1.5 text-xs">
          {value !== null ? (
            <Badge tone="info" test="property-value">
              set: <span className="font-mono">{value}</span>
            </Badge>
          ) : (
            <Badge tone="neutral" test="property-value">
              {def.default !== null ? (
                <>
                  default: <span className="font-mono">{def.default}</span>
                </>
              ) : (
                "not set"
              )}
            </Badge>
          )}
          {value !== null && def.default !== null ? <span className="text-muted">default {def.default}</span> : null}
          {changed ? (
            <Badge tone="warn" test="property-changed" title={`live: ${liveValue ?? "default"}`}>
              changed in draft
            </Badge>
          ) : null}
          {def.deprecated ? <Badge tone="neutral">deprecated</Badge> : null}
          {def.readOnly ? <Badge tone="neutral">set by the cluster</Badge> : null}
          {canEdit && !def.readOnly && !editing ? (
            <Button variant="secondary" className="h-7 px-2 text-xs" data-test="property-edit" aria-label={`Edit ${def.name}`} onClick={() => setEditing(true)}>
              <Pencil aria-hidden className="size-3.5" /> Edit
            </Button>
          ) : null}
        </div>
      </div>
      {def.longdesc && def.longdesc !== def.shortdesc ? (
        <details className="mt-1 text-xs text-muted">
          <summary className="cursor-pointer select-none">More</summary>
          <p className="mt-1 whitespace-pre-line">{def.longdesc}</p>
          <p className="mt-1">
            Type {def.type}; described by {def.source}.
          </p>
        </details>
      ) : null}
      <Explained section={section} name={def.name} />
      {editing ? <OptionForm section={section} def={def} value={value} stage={stage} onDone={done} describedBy={descId} /> : null}
    </li>
  );
}

function OptionForm({
  section,
  def,
  value,
  stage,
  onDone,
  describedBy,
}: {
  section: OptionSection;
  def: OptionDef;
  value: string | null;
  stage: RowProps["stage"];
  onDone: () => void;
  describedBy: string;
}) {
  const schema = useMemo(() => propertyFormSchema(section, def), [section, def]);
  const form = useForm<{ value: string }>({ resolver: zodResolver(schema), defaultValues: { value: value ?? "" }, mode: "onChange" });
  const [serverError, setServerError] = useState<string | null>(null);
  const inputId = useId();
  const errId = useId();
  const err = form.formState.errors.value?.message ?? null;
  const choices = choicesOf(def, value);

  const submit = form.handleSubmit(async (v) => {
    setServerError(null);
    try {
      await stage(propertyEdit(section, def.name, v.value));
      onDone();
    } catch (e) {
      setServerError(e instanceof Error ? e.message : String(e));
    }
  });
  const reset = async () => {
    setServerError(null);
    try {
      await stage(propertyEdit(section, def.name, ""));
      onDone();
    } catch (e) {
      setServerError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <form
      data-test="property-form"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onDone();
        }
      }}
      className="mt-2 space-y-2 rounded-md border border-line bg-surface-2/50 p-3"
    >
      <label htmlFor={inputId} className="block text-xs font-medium">
        New value of <span className="font-mono">{def.name}</span>
        {def.default !== null ? <span className="font-normal text-muted"> (empty: back to the default, {def.default})</span> : <span className="font-normal text-muted"> (empty: remove it)</span>}
      </label>
      {choices ? (
        <select
          id={inputId}
          data-test="property-input"
          autoFocus
          aria-describedby={`${describedBy} ${errId}`}
          aria-invalid={err !== null}
          {...form.register("value")}
          className={clsx(fieldClass, "font-mono")}
        >
          <option value="">{def.default !== null ? `(default: ${def.default})` : "(not set)"}</option>
          {choices.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      ) : (
        <ExactInput id={inputId} data-test="property-input" autoFocus aria-describedby={`${describedBy} ${errId}`} aria-invalid={err !== null} {...form.register("value")} />
      )}
      <p id={errId} className="text-xs text-err" aria-live="polite">
        {err}
      </p>
      <ServerMessage error={serverError} test="property-error" />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" data-test="property-save" disabled={form.formState.isSubmitting}>
          Stage in draft
        </Button>
        {value !== null ? (
          <Button variant="secondary" data-test="property-reset" disabled={form.formState.isSubmitting} onClick={() => void reset()}>
            <RotateCcw aria-hidden className="size-3.5" /> Remove (use the default)
          </Button>
        ) : null}
        <Button variant="secondary" data-test="property-cancel" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** The choices of a select or a boolean (keeping a current value written another way, "yes"). */
function choicesOf(def: OptionDef, value: string | null): string[] | null {
  const base = def.type === "boolean" ? ["true", "false"] : def.type === "select" && def.options.length ? [...def.options] : null;
  if (!base) return null;
  if (value !== null && !base.includes(value)) base.push(value);
  return base;
}
