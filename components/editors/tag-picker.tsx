"use client";
// A filterable checkbox list of ids (a tag's references, an ACL subject's roles): keyboard-friendly
// (Tab through the boxes, Space to toggle), each box labelled with the id and what it is.
import { useId, useState } from "react";
import { fieldClass } from "@/components/actions/field";
import type { PickableId } from "./tag-ids";

export function IdPicker({
  label,
  ids,
  value,
  onChange,
  test,
  error,
}: {
  label: string;
  ids: readonly PickableId[];
  value: readonly string[];
  onChange: (v: string[]) => void;
  test: string;
  error?: string;
}) {
  const [filter, setFilter] = useState("");
  const filterId = useId();
  const errId = useId();
  const f = filter.trim().toLowerCase();
  // Chosen ids stay listed whatever the filter, so what is picked is always visible.
  const shown = ids.filter((x) => value.includes(x.id) || f === "" || x.id.toLowerCase().includes(f) || x.kind.toLowerCase().includes(f));
  const missing = value.filter((v) => !ids.some((x) => x.id === v));
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id));
  return (
    <fieldset className="text-sm" data-test={test} aria-describedby={errId}>
      <legend className="font-medium">
        {label} <span className="font-normal text-muted">({value.length} chosen)</span>
      </legend>
      <label htmlFor={filterId} className="sr-only">
        Filter {label}
      </label>
      <input id={filterId} type="search" placeholder="Filter" value={filter} onChange={(e) => setFilter(e.target.value)} className={fieldClass} data-test={`${test}-filter`} />
      <ul className="mt-1 max-h-48 overflow-y-auto rounded-md border border-line p-1">
        {shown.map((x) => (
          <li key={x.id}>
            <label className="flex items-center gap-2 rounded px-1.5 py-1 hover:bg-surface-2">
              <input type="checkbox" data-test={`${test}:${x.id}`} checked={value.includes(x.id)} onChange={(e) => toggle(x.id, e.target.checked)} className="size-4 accent-[var(--color-accent)]" />
              <span className="font-mono">{x.id}</span>
              <span className="text-xs text-muted">{x.kind}</span>
            </label>
          </li>
        ))}
        {missing.map((id) => (
          <li key={id}>
            <label className="flex items-center gap-2 rounded px-1.5 py-1 hover:bg-surface-2">
              <input type="checkbox" checked onChange={() => toggle(id, false)} className="size-4 accent-[var(--color-accent)]" />
              <span className="font-mono">{id}</span>
              <span className="text-xs text-err">not in the configuration</span>
            </label>
          </li>
        ))}
        {shown.length + missing.length === 0 ? <li className="px-1.5 py-1 text-xs text-muted">Nothing matches.</li> : null}
      </ul>
      <p id={errId} className="mt-1 text-xs text-err" aria-live="polite">
        {error}
      </p>
    </fieldset>
  );
}
