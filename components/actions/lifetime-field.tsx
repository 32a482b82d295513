"use client";
// A lifetime for a move or ban: a few presets and free text (ISO 8601), checked as it is typed
// with a message that says how to write one. The parent gets the checked value (undefined for no
// lifetime) or the error, and disables its button while there is one.
import clsx from "clsx";
import { useId } from "react";
import { ExactInput } from "./field";
import { checkLifetime, LIFETIME_PRESETS, type LifetimeCheck } from "./lifetime";

export function LifetimeField({ value, onChange, test = "lifetime" }: { value: string; onChange: (text: string) => void; test?: string }) {
  const id = useId();
  const hintId = useId();
  const check: LifetimeCheck = checkLifetime(value);
  const normal = check.ok ? (check.value ?? "") : null;
  return (
    <div className="text-sm">
      <label htmlFor={id} className="block font-medium">
        Lifetime <span className="font-normal text-muted">(optional, ISO 8601)</span>
      </label>
      <div className="mt-1 flex flex-wrap items-center gap-1" role="group" aria-label="Lifetime presets">
        {LIFETIME_PRESETS.map((p) => (
          <button
            key={p.label}
            type="button"
            data-test={`${test}-preset:${p.value || "none"}`}
            aria-pressed={normal === p.value}
            onClick={() => onChange(p.value)}
            className={clsx(
              "h-7 rounded-full border px-2.5 text-xs outline-none focus-visible:ring-2 focus-visible:ring-accent",
              normal === p.value ? "border-accent bg-info-soft font-medium text-info" : "border-line hover:bg-surface-2",
            )}
          >
            {p.label}
          </button>
        ))}
      </div>
      <ExactInput
        id={id}
        data-test={test}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder="e.g. PT30M, PT2H, P1D"
        aria-invalid={!check.ok}
        aria-describedby={hintId}
      />
      <p id={hintId} data-test={`${test}-hint`} className={clsx("mt-1 text-xs", check.ok ? "text-muted" : "text-err")}>
        {check.ok ? (check.value ? `expires after ${check.text} (crm_resource --lifetime=${check.value})` : "no lifetime: stays until cleared") : check.error}
      </p>
    </div>
  );
}
