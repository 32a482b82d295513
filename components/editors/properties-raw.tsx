"use client";
// Any option by name and value: for names the metadata does not list (or all of them when the
// metadata could not be loaded). Staged as property.set; an empty value removes the name.
import { zodResolver } from "@hookform/resolvers/zod";
import { ChevronRight, Plus } from "lucide-react";
import { useId, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { ExactInput } from "@/components/actions/field";
import { Button, ServerMessage } from "@/components/admin/form-bits";
import type { OptionDef, OptionSection } from "./properties-catalog";
import { checkEdit, propertyEdit, valueError } from "./properties-schema";
import type { RowProps } from "./properties-row";

export function RawPropertyForm({ section, stage, known, open }: { section: OptionSection; stage: RowProps["stage"]; known: readonly OptionDef[]; open?: boolean }) {
  const schema = useMemo(
    () =>
      z.object({ name: z.string().trim().min(1, "name the option"), value: z.string() }).superRefine((v, ctx) => {
        const def = known.find((d) => d.name === v.name);
        const typeError = def ? valueError(def, v.value.trim()) : null;
        if (typeError) ctx.addIssue({ code: "custom", message: typeError, path: ["value"] });
        else checkEdit("property.set", propertyEdit(section, v.name, v.value), ctx, { name: "name", value: "value" }, "value");
      }),
    [section, known],
  );
  const form = useForm<{ name: string; value: string }>({ resolver: zodResolver(schema), defaultValues: { name: "", value: "" } });
  const [serverError, setServerError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const nameId = useId();
  const valueId = useId();
  const listId = useId();
  const { errors } = form.formState;

  const submit = form.handleSubmit(async (v) => {
    setServerError(null);
    setDone(null);
    try {
      await stage(propertyEdit(section, v.name.trim(), v.value));
      setDone(v.value.trim() === "" ? `removing ${v.name.trim()} is staged` : `${v.name.trim()}=${v.value.trim()} is staged`);
      form.reset();
    } catch (e) {
      setServerError(e instanceof Error ? e.message : String(e));
    }
  });

  return (
    // Folded unless it is the only way in (no metadata): most changes go through the rows above.
    <details open={open || undefined} className="group border-t border-line" data-test={`raw-property:${section}`}>
      <summary className="flex cursor-pointer select-none items-center gap-1 px-4 py-2 text-xs font-semibold text-muted hover:text-fg">
        <ChevronRight aria-hidden className="size-4 transition-transform group-open:rotate-90" />
        Set any option by name (empty value: remove it)
      </summary>
      <form onSubmit={(e) => void submit(e)} className="space-y-2 px-4 pb-3">
        <div className="grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
          <div>
            <label htmlFor={nameId} className="block text-xs font-medium">
              Name
            </label>
            <ExactInput id={nameId} list={listId} data-test="raw-property-name" aria-invalid={errors.name !== undefined} {...form.register("name")} />
            <datalist id={listId}>
              {known.map((d) => (
                <option key={d.name} value={d.name} />
              ))}
            </datalist>
            <p className="mt-1 text-xs text-err" aria-live="polite">
              {errors.name?.message}
            </p>
          </div>
          <div>
            <label htmlFor={valueId} className="block text-xs font-medium">
              Value
            </label>
            <ExactInput id={valueId} data-test="raw-property-value" aria-invalid={errors.value !== undefined} {...form.register("value")} />
            <p className="mt-1 text-xs text-err" aria-live="polite">
              {errors.value?.message}
            </p>
          </div>
          <Button type="submit" variant="secondary" className="sm:mt-5" data-test="raw-property-save" disabled={form.formState.isSubmitting}>
            <Plus aria-hidden className="size-4" /> Stage
          </Button>
        </div>
        <ServerMessage error={serverError} success={done} test="raw-property-result" />
      </form>
    </details>
  );
}
