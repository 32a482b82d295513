"use client";
// One entry point for every constraint form: new (of a kind, maybe prefilled from an edge drawn in
// the graph) or edit (a constraint of the draft-or-live configuration). It gathers what the forms
// pick from (resources, nodes, node attributes, tickets, taken ids) and stages through useDraft().
// Loaded with next/dynamic by the lists and the graph, so zod and react-hook-form come only with a form.
import { useMemo, useState } from "react";
import type { ConstraintInput } from "@/lib/cib/edits";
import type { Configuration, Constraint } from "@/lib/pacemaker";
import { useDraft } from "@/components/drafts/use-draft";
import { useClusterLive } from "@/components/live/cluster-live";
import { resourceEntries, takenIds, toInput, type ConstraintKind, type ResourceEntry } from "@/components/graph/constraint-input";
import { Modal } from "@/components/ui/modal";
import { ColocationForm } from "./constraint-colocation";
import { LocationForm } from "./constraint-location";
import { OrderForm } from "./constraint-order";
import { TicketForm } from "./constraint-ticket";

export type EditorTarget =
  | { mode: "new"; kind: ConstraintKind; prefill?: Partial<Record<"rsc" | "withRsc" | "first" | "then" | "node", string>> }
  | { mode: "edit"; constraint: Constraint };

/** What a form's defaults are computed from (the pure part of the context, for the unit tests too). */
export type FormContext = Pick<EditorContext, "resources" | "nodes" | "tickets" | "taken">;

export interface EditorContext {
  resources: ResourceEntry[];
  nodes: string[];
  /** node attribute names to test in rules (status and nodes section) with #uname, #id, #kind */
  attributes: string[];
  tickets: string[];
  taken: Set<string>;
  /** set when editing: the id is fixed (a rename is a delete and a new one) */
  editingId: string | null;
  save: (input: ConstraintInput) => Promise<void>;
  remove: (() => Promise<void>) | undefined;
  serverError: string | null;
  /** the user changed something: the last refusal no longer applies */
  clearError: () => void;
  saving: boolean;
  onClose: () => void;
}

const BUILTIN_ATTRIBUTES = ["#uname", "#id", "#kind", "#cluster-name", "#site-name", "#role"];

function attributeNames(config: Configuration | null, status: ReturnType<typeof useClusterLive>["status"]): string[] {
  const names = new Set<string>();
  for (const n of status?.nodeAttributes ?? []) for (const a of n.attributes) names.add(a.name);
  for (const n of config?.nodes ?? []) for (const s of n.instanceAttributes) for (const p of s.nvpairs) names.add(p.name);
  return [...BUILTIN_ATTRIBUTES, ...[...names].sort()];
}

export function ConstraintEditor({ target, onClose }: { target: EditorTarget; onClose: () => void }) {
  const { stage, configuration: draftConfig, canEdit } = useDraft();
  const { status } = useClusterLive();
  const config = draftConfig ?? status?.configuration ?? null;
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const base = useMemo(
    () => ({
      resources: config ? resourceEntries(config) : [],
      nodes: config?.nodes.map((n) => n.uname) ?? [],
      attributes: attributeNames(config, status),
      tickets: [...new Set([...(status?.tickets ?? []).map((t) => t.id), ...(config?.constraints ?? []).flatMap((c) => (c.kind === "rsc_ticket" ? [c.ticket] : []))])].sort(),
      taken: config ? takenIds(config) : new Set<string>(),
    }),
    [config, status],
  );

  const run = async (edit: Parameters<typeof stage>[0]) => {
    setSaving(true);
    setServerError(null);
    try {
      await stage(edit);
      onClose();
    } catch (e) {
      // The server's refusal (zod, the CIB edit rules) is shown as it is: it names the field.
      setServerError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  if (!canEdit) return null;
  const editing = target.mode === "edit" ? target.constraint : null;
  const ctx: EditorContext = {
    ...base,
    editingId: editing?.id ?? null,
    save: (input) => run({ op: "constraint.put", constraint: input }),
    remove: editing ? () => run({ op: "constraint.delete", id: editing.id }) : undefined,
    serverError,
    clearError: () => setServerError(null),
    saving,
    onClose,
  };

  let initial: ConstraintInput | null = null;
  let kind: ConstraintKind;
  if (target.mode === "edit") {
    const r = toInput(target.constraint);
    kind = target.constraint.kind;
    if (!r.input) {
      return (
        <Modal title={`Constraint ${target.constraint.id}`} onClose={onClose} closeButton test="constraint-unsupported">
          <p>{r.unsupported}</p>
          <p className="text-muted">You can still delete it.</p>
          <button type="button" className="rounded-md border border-err px-3 py-1.5 text-sm text-err" onClick={() => void ctx.remove?.()} data-test="constraint-delete">
            Delete {target.constraint.id}
          </button>
        </Modal>
      );
    }
    initial = r.input;
  } else kind = target.kind;
  const prefill = target.mode === "new" ? (target.prefill ?? {}) : {};

  switch (kind) {
    case "rsc_location":
      return <LocationForm ctx={ctx} initial={initial?.kind === "rsc_location" ? initial : null} prefill={prefill} />;
    case "rsc_colocation":
      return <ColocationForm ctx={ctx} initial={initial?.kind === "rsc_colocation" ? initial : null} prefill={prefill} />;
    case "rsc_order":
      return <OrderForm ctx={ctx} initial={initial?.kind === "rsc_order" ? initial : null} prefill={prefill} />;
    case "rsc_ticket":
      return <TicketForm ctx={ctx} initial={initial?.kind === "rsc_ticket" ? initial : null} prefill={prefill} />;
  }
}

/** After an edge is drawn between two resources: which constraint it should be. */
export function PairChooser({ source, target, onChoose, onClose }: { source: string; target: string; onChoose: (kind: "rsc_colocation" | "rsc_order") => void; onClose: () => void }) {
  return (
    <Modal title={`${source} → ${target}`} onClose={onClose} closeButton test="pair-chooser">
      <p>What should tie them?</p>
      <div className="grid gap-2 sm:grid-cols-2">
        <button type="button" className="rounded-md border border-line p-3 text-left hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-info" onClick={() => onChoose("rsc_colocation")} data-test="choose-colocation">
          <span className="block font-medium">Colocation</span>
          <span className="block text-xs text-muted">
            {source} is placed where {target} runs (or, with a negative score, kept away from it).
          </span>
        </button>
        <button type="button" className="rounded-md border border-line p-3 text-left hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-info" onClick={() => onChoose("rsc_order")} data-test="choose-order">
          <span className="block font-medium">Order</span>
          <span className="block text-xs text-muted">
            {source} starts first, then {target}.
          </span>
        </button>
      </div>
    </Modal>
  );
}
