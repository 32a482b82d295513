"use client";
// Small pieces the editors of the properties and access pages share: a labelled exact-value field
// with its error, the staging call that keeps the server's refusal for the form, the edit buttons.
import { Pencil, Trash2 } from "lucide-react";
import { useCallback, useId, useState, type ComponentPropsWithRef, type ReactNode } from "react";
import { ExactInput } from "@/components/actions/field";
import { Button } from "@/components/admin/form-bits";

/** A labelled exact-value input (a react-hook-form `register` spread goes in `input`). */
export function TextField({
  label,
  error,
  hint,
  input,
  test,
}: {
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  input: ComponentPropsWithRef<"input">;
  test: string;
}) {
  const id = useId();
  const errId = useId();
  const hintId = useId();
  return (
    <div className="text-sm">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <ExactInput id={id} data-test={test} aria-invalid={error !== undefined} aria-describedby={`${hint ? hintId : ""} ${errId}`.trim()} {...input} />
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-muted [overflow-wrap:anywhere]">
          {hint}
        </p>
      ) : null}
      <p id={errId} className="mt-1 text-xs text-err" aria-live="polite">
        {error}
      </p>
    </div>
  );
}

/** Runs stage(); the server's refusal is kept for the form to show beside it (null after a success). */
export function useStaging<E>(stage: (edit: E) => Promise<unknown>) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (edit: E): Promise<boolean> => {
      setError(null);
      setBusy(true);
      try {
        await stage(edit);
        return true;
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [stage],
  );
  return { run, error, busy, clear: () => setError(null) };
}

/** Edit and Delete beside an object (admins only: the caller decides whether to render them). */
export function EditDelete({ what, onEdit, onDelete, busy, test }: { what: string; onEdit?: () => void; onDelete: () => void; busy?: boolean; test: string }) {
  return (
    <span className="flex flex-wrap gap-1.5">
      {onEdit ? (
        <Button variant="secondary" className="h-7 px-2 text-xs" data-test={`${test}-edit`} aria-label={`Edit ${what}`} onClick={onEdit}>
          <Pencil aria-hidden className="size-3.5" /> Edit
        </Button>
      ) : null}
      <Button variant="danger" className="h-7 px-2 text-xs" data-test={`${test}-delete`} aria-label={`Delete ${what}`} disabled={busy} onClick={onDelete}>
        <Trash2 aria-hidden className="size-3.5" /> Delete
      </Button>
    </span>
  );
}

/** Comma- or space-separated names → list (empty entries dropped). */
export const splitNames = (s: string): string[] =>
  s
    .split(/[\s,]+/)
    .map((x) => x.trim())
    .filter(Boolean);
