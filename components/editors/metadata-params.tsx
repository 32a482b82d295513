"use client";
// The parameters of a resource form, built from the agent's metadata: required ones first, each
// with the control its type calls for (checkbox, choices, number, text), its default as the
// placeholder, its shortdesc as the label, its longdesc as help to unfold, "unique" marked; the
// advanced and deprecated ones folded away. Without metadata: raw name/value rows and a warning.
import { Plus, TriangleAlert, X } from "lucide-react";
import { useId } from "react";
import { Controller, useFieldArray, useFormContext } from "react-hook-form";
import { extraHelp, fieldKind, isTrueWord, orderParameters } from "@/lib/cib/agent-params";
import type { AgentMetadata, AgentParameter } from "@/lib/pacemaker/model-metadata";
import { fieldClass, ExactInput } from "@/components/actions/field";
import { Badge } from "@/components/ui/badge";
import { errorAt, FieldError } from "./constraint-fields";
import type { ResourceFormValues } from "./resource-model";

export function MetadataParams({ metadata, metadataError }: { metadata: AgentMetadata | null; metadataError: string | null }) {
  const { main, folded } = metadata ? orderParameters(metadata) : { main: [], folded: [] };
  return (
    <fieldset className="space-y-3" data-test="resource-params">
      <legend className="text-sm font-semibold">Parameters</legend>
      {!metadata ? (
        <p role="alert" data-test="metadata-missing" className="flex items-start gap-2 rounded-md bg-warn-soft px-3 py-2 text-sm text-warn">
          <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>
            The agent's metadata could not be loaded{metadataError ? `: ${metadataError}` : ""}. Enter its parameters as name/value pairs; crm_verify checks them in the preview.
          </span>
        </p>
      ) : main.length + folded.length === 0 ? (
        <p className="text-sm text-muted">This agent takes no parameters.</p>
      ) : null}
      {main.map((p, i) => (
        <ParamField key={p.name} param={p} index={i} />
      ))}
      {folded.length ? (
        <details className="rounded-md border border-line px-3 py-2">
          <summary className="cursor-pointer text-sm font-medium focus-visible:outline-2 focus-visible:outline-info">
            Advanced and deprecated parameters ({folded.length})
          </summary>
          <div className="mt-2 space-y-3">
            {folded.map((p, i) => (
              <ParamField key={p.name} param={p} index={main.length + i} />
            ))}
          </div>
        </details>
      ) : null}
      <NameValueRows field="extraParams" what="parameter" title={metadata ? "Other parameters" : "Parameters (name and value)"} test="extra-params" />
    </fieldset>
  );
}

function ParamField({ param: p, index }: { param: AgentParameter; index: number }) {
  const { register, control, formState } = useFormContext<ResourceFormValues>();
  const id = useId();
  const path = `params.${index}.value` as const;
  const err = errorAt(formState.errors, path);
  const help = extraHelp(p);
  const kind = fieldKind(p);
  const errId = `${id}-err`;
  const placeholder = p.default !== null && p.default !== "" ? p.default : undefined;
  const common = { id, "aria-invalid": err ? true : undefined, "aria-describedby": err ? errId : undefined, "data-test": `param-input-${p.name}` };
  return (
    <div className="text-sm" data-test={`param-${p.name}`} data-required={p.required || undefined}>
      <div className="flex flex-wrap items-center gap-1.5">
        <label htmlFor={id} className="font-medium">
          {p.shortdesc || p.name}
        </label>
        <code className="text-xs text-muted">{p.name}</code>
        {p.required ? <Badge tone="info">required</Badge> : null}
        {p.unique ? (
          <Badge tone="neutral" title="No two resources of this agent may have the same value">
            unique
          </Badge>
        ) : null}
        {p.deprecated ? <Badge tone="warn">{p.replacedWith ? `deprecated: use ${p.replacedWith}` : "deprecated"}</Badge> : null}
      </div>
      {kind === "boolean" ? (
        <Controller
          control={control}
          name={path}
          render={({ field }) => (
            <span className="mt-1 flex items-center gap-2">
              <input
                {...common}
                type="checkbox"
                className="size-4 accent-accent"
                checked={isTrueWord(field.value || p.default || "false")}
                onChange={(e) => field.onChange(e.target.checked ? "true" : "false")}
                onBlur={field.onBlur}
              />
              <span className="text-xs text-muted">{field.value === "" ? `not set (default: ${p.default || "false"})` : field.value}</span>
            </span>
          )}
        />
      ) : kind === "select" ? (
        <select {...common} {...register(path)} className={fieldClass}>
          <option value="">{placeholder ? `default (${placeholder})` : "not set"}</option>
          {p.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      ) : (
        <>
          <ExactInput {...common} {...register(path)} type={kind === "integer" ? "number" : "text"} inputMode={kind === "integer" ? "numeric" : undefined} step={kind === "integer" ? 1 : undefined} placeholder={placeholder} list={p.options.length ? `${id}-list` : undefined} />
          {p.options.length ? (
            <datalist id={`${id}-list`}>
              {p.options.map((o) => (
                <option key={o} value={o} />
              ))}
            </datalist>
          ) : null}
        </>
      )}
      {err ? (
        <span id={errId} role="alert" data-test={`error:${path}`} className="mt-1 block text-xs text-err">
          {err}
        </span>
      ) : null}
      {help ? (
        <details className="mt-1 text-xs text-muted">
          <summary className="cursor-pointer focus-visible:outline-2 focus-visible:outline-info">More about {p.name}</summary>
          <p className="mt-1 whitespace-pre-line">{help}</p>
        </details>
      ) : null}
    </div>
  );
}

/** Free name/value rows (parameters the metadata does not list, meta attributes): add, edit, remove. */
export function NameValueRows({ field, what, title, test, suggestions, helpFor }: { field: "extraParams" | "meta"; what: string; title: string; test: string; suggestions?: readonly string[]; helpFor?: (name: string) => string | null }) {
  const { register, control, watch, formState } = useFormContext<ResourceFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: field });
  const listId = useId();
  const rows = watch(field);
  return (
    <div className="space-y-2" data-test={test}>
      <p className="text-sm font-medium">{title}</p>
      {suggestions?.length ? (
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      ) : null}
      {fields.map((f, i) => {
        const help = helpFor?.(rows[i]?.name ?? "") ?? null;
        return (
          <div key={f.id} className="space-y-0.5" data-test={`${test}-row`}>
            <div className="flex items-start gap-2">
              <label className="min-w-0 flex-1 text-xs text-muted">
                Name
                <ExactInput {...register(`${field}.${i}.name`)} list={suggestions?.length ? listId : undefined} aria-invalid={errorAt(formState.errors, `${field}.${i}.name`) ? true : undefined} data-test={`${test}-name`} />
              </label>
              <label className="min-w-0 flex-1 text-xs text-muted">
                Value
                <ExactInput {...register(`${field}.${i}.value`)} data-test={`${test}-value`} />
              </label>
              <button type="button" onClick={() => remove(i)} aria-label={`Remove ${what} ${rows[i]?.name || i + 1}`} className="mt-6 rounded p-1 text-muted hover:bg-surface-2 hover:text-fg focus-visible:outline-2 focus-visible:outline-info">
                <X aria-hidden className="size-4" />
              </button>
            </div>
            {help ? <p className="text-xs text-muted">{help}</p> : null}
            <FieldError errors={formState.errors} path={`${field}.${i}.name`} />
            <FieldError errors={formState.errors} path={`${field}.${i}.value`} />
          </div>
        );
      })}
      <button type="button" onClick={() => append({ name: "", value: "" })} data-test={`${test}-add`} className="inline-flex items-center gap-1 rounded-md border border-line px-2 py-1 text-xs hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-info">
        <Plus aria-hidden className="size-3.5" /> Add {what}
      </button>
    </div>
  );
}
