"use client";
// Resource sets for colocation, order and ticket constraints: sets in order, members per set, and
// what `sequential` and `require-all` mean said in plain words next to their boxes.
import { ArrowDown, ArrowUp, Plus, Trash2, X } from "lucide-react";
import { Controller, useFieldArray, type Control, type FieldErrors, type UseFormRegister } from "react-hook-form";
import type { ResourceSetInput } from "@/lib/cib/edits";
import type { ResourceEntry } from "@/components/graph/constraint-input";
import { Button } from "@/components/admin/form-bits";
import { Check, FieldError, Labelled, ResourceOptions, RoleOptions, selectClass } from "./constraint-fields";

export interface SetForm {
  resources: string[];
  sequential: boolean;
  requireAll: boolean;
  role: string;
  action: string;
}

export const emptySet = (resources: string[] = []): SetForm => ({ resources, sequential: true, requireAll: true, role: "", action: "" });

export function setToForm(s: ResourceSetInput): SetForm {
  return { resources: [...s.resources], sequential: s.sequential ?? true, requireAll: s.requireAll ?? true, role: s.role ?? "", action: s.action ?? "" };
}

/** Defaults (sequential, require-all true) are left out, as Pacemaker reads them. */
export function prepareSet(s: SetForm, kind: "order" | "colocation" | "ticket"): Record<string, unknown> {
  return {
    resources: s.resources,
    ...(s.sequential ? {} : { sequential: false }),
    ...(kind === "order" && !s.requireAll ? { requireAll: false } : {}),
    role: s.role,
    ...(kind === "order" ? { action: s.action } : {}),
  };
}

type WithSets = { sets: SetForm[] };

const SEQUENTIAL_HELP: Record<"order" | "colocation" | "ticket", { on: string; off: string }> = {
  order: { on: "sequential=true: the members start one after the other, in the order listed.", off: "sequential=false: the members of this set do not depend on each other (they may start at the same time)." },
  colocation: { on: "sequential=true: each member is placed with the one before it.", off: "sequential=false: the members of this set do not depend on each other (only on the other sets)." },
  ticket: { on: "sequential=true: the members are treated in the order listed.", off: "sequential=false: the members of this set do not depend on each other." },
};

export function SetsEditor({ control, register, errors, resources, kind }: { control: Control<WithSets>; register: UseFormRegister<WithSets>; errors: FieldErrors; resources: ResourceEntry[]; kind: "order" | "colocation" | "ticket" }) {
  const sets = useFieldArray({ control, name: "sets" });
  const between =
    kind === "order" ? "Each set starts after the set above it." : kind === "colocation" ? "Each set is placed with the set below it (the last set is placed first)." : "Every set needs the ticket.";
  return (
    <div className="space-y-3" data-test="sets">
      <p className="text-xs text-muted">{between}</p>
      {sets.fields.map((f, i) => (
        <fieldset key={f.id} className="space-y-2 rounded-md border border-line p-3" data-test={`set-${i}`}>
          <legend className="px-1 text-sm font-medium">Set {i + 1}</legend>
          <Controller
            control={control}
            name={`sets.${i}.resources`}
            render={({ field }) => {
              const members = (field.value ?? []) as string[];
              return (
                <div>
                  <p className="text-sm font-medium">Members</p>
                  <ul className="mt-1 flex flex-wrap gap-1.5" aria-label={`Members of set ${i + 1}`}>
                    {members.map((m, k) => (
                      <li key={m} className="inline-flex items-center gap-1 rounded border border-line bg-surface-2 px-1.5 py-0.5 font-mono text-xs" data-test={`set-member:${m}`}>
                        {m}
                        <button type="button" className="rounded p-0.5 hover:text-fg disabled:opacity-30" aria-label={`Move ${m} earlier`} disabled={k === 0} onClick={() => field.onChange(swap(members, k, k - 1))}>
                          <ArrowUp aria-hidden className="size-3" />
                        </button>
                        <button type="button" className="rounded p-0.5 hover:text-fg disabled:opacity-30" aria-label={`Move ${m} later`} disabled={k === members.length - 1} onClick={() => field.onChange(swap(members, k, k + 1))}>
                          <ArrowDown aria-hidden className="size-3" />
                        </button>
                        <button type="button" className="rounded p-0.5 hover:text-err" aria-label={`Remove ${m} from set ${i + 1}`} onClick={() => field.onChange(members.filter((x) => x !== m))}>
                          <X aria-hidden className="size-3" />
                        </button>
                      </li>
                    ))}
                    {members.length === 0 ? <li className="text-xs text-muted">no members yet</li> : null}
                  </ul>
                  <select
                    aria-label={`Add a member to set ${i + 1}`}
                    className={`${selectClass} mt-2 w-auto`}
                    value=""
                    onChange={(e) => e.target.value && field.onChange([...members, e.target.value])}
                    data-test={`set-${i}-add`}
                  >
                    <option value="">Add a member…</option>
                    <ResourceOptions resources={resources} exclude={members} />
                  </select>
                  <FieldError errors={errors} path={`sets.${i}.resources`} />
                </div>
              );
            }}
          />
          <Controller
            control={control}
            name={`sets.${i}.sequential`}
            render={({ field }) => (
              <Check label="Sequential" checked={!!field.value} onChange={field.onChange} help={field.value ? SEQUENTIAL_HELP[kind].on : SEQUENTIAL_HELP[kind].off} test={`set-${i}-sequential`} />
            )}
          />
          {kind === "order" ? (
            <Controller
              control={control}
              name={`sets.${i}.requireAll`}
              render={({ field }) => (
                <Check
                  label="Require all"
                  checked={!!field.value}
                  onChange={field.onChange}
                  help={field.value ? "require-all=true: every member of this set must be started before the next set starts." : "require-all=false: any one member of this set is enough for the next set to start."}
                  test={`set-${i}-require-all`}
                />
              )}
            />
          ) : null}
          <div className="grid gap-2 sm:grid-cols-2">
            <Labelled label="Role of the members">
              {({ id }) => (
                <select id={id} className={selectClass} {...register(`sets.${i}.role`)}>
                  <RoleOptions />
                </select>
              )}
            </Labelled>
            {kind === "order" ? (
              <Labelled label="Action">
                {({ id }) => (
                  <select id={id} className={selectClass} {...register(`sets.${i}.action`)}>
                    <option value="">the constraint&apos;s (start)</option>
                    <option value="start">start</option>
                    <option value="stop">stop</option>
                    <option value="promote">promote</option>
                    <option value="demote">demote</option>
                  </select>
                )}
              </Labelled>
            ) : null}
          </div>
          <Button variant="danger" onClick={() => sets.remove(i)} disabled={sets.fields.length === 1} aria-label={`Remove set ${i + 1}`}>
            <Trash2 aria-hidden className="size-4" /> Remove set
          </Button>
        </fieldset>
      ))}
      <Button variant="secondary" onClick={() => sets.append(emptySet())} data-test="set-add">
        <Plus aria-hidden className="size-4" /> Add set
      </Button>
    </div>
  );
}

function swap(list: string[], a: number, b: number): string[] {
  const out = [...list];
  [out[a], out[b]] = [out[b]!, out[a]!];
  return out;
}
