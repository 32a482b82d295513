"use client";
// Constraints as lists: the whole cluster's (the Constraints page: filter by kind, text, tag) and one
// resource's (ResourceConstraints, mounted in the resource editor). Rows read in plain words
// (components/cluster/constraint-text.ts), carry the draft's marks against the live configuration,
// and give admins Edit / Delete; the forms load on demand.
import clsx from "clsx";
import { ChevronDown, Pencil, Plus, Trash2 } from "lucide-react";
import dynamic from "next/dynamic";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Configuration, Constraint } from "@/lib/pacemaker";
import { describeConstraint, constraintResources } from "@/components/cluster/constraint-text";
import { useDraft } from "@/components/drafts/use-draft";
import { useClusterLive } from "@/components/live/cluster-live";
import { fieldClass } from "@/components/actions/field";
import { ServerMessage } from "@/components/admin/form-bits";
import { Badge } from "@/components/ui/badge";
import { Empty, Section } from "@/components/ui/card";
import { KIND_LABEL, type ConstraintKind } from "@/components/graph/constraint-input";
import { constraintMarks, type Mark } from "@/components/graph/model";
import type { EditorTarget } from "./constraint-editor";

// zod + react-hook-form + the forms: only once a form opens.
const ConstraintEditor = dynamic(() => import("./constraint-editor").then((m) => m.ConstraintEditor), { ssr: false });

/** The configuration editors show (the draft's, else the live one) and the live one to compare with. */
export function useShownConfiguration(): { shown: Configuration | null; live: Configuration | null; draft: Configuration | null } {
  const { configuration: draft } = useDraft();
  const { status } = useClusterLive();
  const live = status?.configuration ?? null;
  return { shown: draft ?? live, live, draft };
}

export interface Row {
  constraint: Constraint;
  mark: Mark;
}

/** The draft's constraints, plus the live ones the draft deletes (marked, to strike through). */
export function constraintRows(live: Configuration | null, draft: Configuration | null): Row[] {
  const shown = draft ?? live;
  if (!shown) return [];
  const marks = constraintMarks(live, draft);
  const rows: Row[] = shown.constraints.map((c) => ({ constraint: c, mark: marks.get(c.id) ?? null }));
  if (draft && live) for (const c of live.constraints) if (marks.get(c.id) === "removed") rows.push({ constraint: c, mark: "removed" });
  return rows;
}

const MARK_TEXT: Record<NonNullable<Mark>, { label: string; tone: "info" | "warn" | "err" }> = {
  added: { label: "draft: new", tone: "info" },
  changed: { label: "draft: changed", tone: "warn" },
  removed: { label: "draft: deleted", tone: "err" },
};

export function MarkBadge({ mark }: { mark: Mark }) {
  if (!mark) return null;
  return (
    <Badge tone={MARK_TEXT[mark].tone} test={`mark-${mark}`}>
      {MARK_TEXT[mark].label}
    </Badge>
  );
}

/** Admin: "New constraint" with its four kinds. A native <details> menu: keyboard and screen readers for free. */
export function NewConstraintMenu({ onPick, test = "new-constraint" }: { onPick: (kind: ConstraintKind) => void; test?: string }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const outside = (e: PointerEvent) => {
      if (ref.current?.open && !ref.current.contains(e.target as Node)) ref.current.open = false;
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, []);
  return (
    <details
      className="relative"
      data-test={test}
      ref={ref}
      // Esc closes the menu (focus back on its button), as does a click anywhere else
      onKeyDown={(e) => {
        if (e.key !== "Escape" || !e.currentTarget.open) return;
        e.stopPropagation();
        e.currentTarget.open = false;
        e.currentTarget.querySelector("summary")?.focus();
      }}
    >
      <summary className="inline-flex h-9 cursor-pointer list-none items-center gap-1.5 rounded-md bg-accent px-3 text-sm font-medium text-canvas hover:opacity-90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-info">
        <Plus aria-hidden className="size-4" /> New constraint <ChevronDown aria-hidden className="size-4" />
      </summary>
      <ul className="absolute right-0 z-20 mt-1 w-56 rounded-md border border-line bg-surface p-1 text-sm shadow-lg">
        {(Object.keys(KIND_LABEL) as ConstraintKind[]).map((k) => (
          <li key={k}>
            <button
              type="button"
              className="block w-full rounded px-2 py-1.5 text-left hover:bg-surface-2 focus-visible:bg-surface-2 focus-visible:outline-none"
              data-test={`${test}-${k}`}
              onClick={(e) => {
                const menu = e.currentTarget.closest("details");
                if (menu) menu.open = false;
                onPick(k);
              }}
            >
              {KIND_LABEL[k]}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

function ConstraintRows({ rows, onEdit, filtered }: { rows: Row[]; onEdit: ((c: Constraint) => void) | null; filtered: boolean }) {
  const { stage, staging } = useDraft();
  const [error, setError] = useState<string | null>(null);
  if (rows.length === 0) return <Empty>{filtered ? "No constraint matches the filter." : "No constraints."}</Empty>;
  const remove = async (id: string) => {
    setError(null);
    try {
      await stage({ op: "constraint.delete", id });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <>
      {error ? (
        <div className="px-4 pt-3">
          <ServerMessage error={error} test="constraint-list-error" />
        </div>
      ) : null}
      <ul className="divide-y divide-line">
        {rows.map(({ constraint: c, mark }) => (
          <li key={`${c.id}-${mark ?? ""}`} data-test={`constraint:${c.id}`} data-mark={mark ?? undefined} className="px-4 py-2 text-sm sm:flex sm:items-center sm:gap-3">
            <div className="flex min-w-0 flex-1 items-start gap-2">
              <Badge tone="neutral">{KIND_LABEL[c.kind]}</Badge>
              <span className={clsx("min-w-0 [overflow-wrap:anywhere]", mark === "removed" && "text-muted line-through")} data-test="constraint-text">
                {describeConstraint(c)}
              </span>
            </div>
            <div className="mt-1 flex flex-wrap items-center gap-2 sm:mt-0">
              <span className="font-mono text-xs text-muted [overflow-wrap:anywhere]">{c.id}</span>
              <MarkBadge mark={mark} />
              {onEdit && mark !== "removed" ? (
                <span className="flex gap-1">
                  <button type="button" onClick={() => onEdit(c)} className="inline-flex items-center gap-1 rounded border border-line px-2 py-1 text-xs hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-info" aria-label={`Edit ${c.id}`} data-test="constraint-edit">
                    <Pencil aria-hidden className="size-3.5" /> Edit
                  </button>
                  <button
                    type="button"
                    disabled={staging}
                    onClick={() => void remove(c.id)}
                    className="inline-flex items-center gap-1 rounded border border-line px-2 py-1 text-xs text-err hover:bg-err-soft focus-visible:outline-2 focus-visible:outline-info disabled:opacity-50"
                    aria-label={`Delete ${c.id}`}
                    data-test="constraint-row-delete"
                  >
                    <Trash2 aria-hidden className="size-3.5" /> Delete
                  </button>
                </span>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Matches a constraint against the text filter: its id, its resources, its node or ticket, its words. */
export function matchesText(c: Constraint, q: string): boolean {
  if (!q) return true;
  const hay = [c.id, describeConstraint(c), ...constraintResources(c), c.kind === "rsc_location" ? (c.node ?? "") : "", c.kind === "rsc_ticket" ? c.ticket : ""].join(" ").toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

/** A tag selects the constraints it names and those on the resources it names. */
export function matchesTag(c: Constraint, refs: Set<string> | null): boolean {
  if (!refs) return true;
  return refs.has(c.id) || constraintResources(c).some((r) => refs.has(r));
}

/** The Constraints page: every constraint of the draft-or-live configuration. */
export function ConstraintList() {
  const { canEdit } = useDraft();
  const { shown, live, draft } = useShownConfiguration();
  const [kind, setKind] = useState<"" | ConstraintKind>("");
  const [text, setText] = useState("");
  const [tag, setTag] = useState("");
  const [editor, setEditor] = useState<EditorTarget | null>(null);
  const sp = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  // ?edit=<id>: a link from the pending-changes panel's findings opens that constraint's form.
  const editParam = sp.get("edit");
  const linked = canEdit && editParam ? shown?.constraints.find((c) => c.id === editParam) : undefined;
  const open: EditorTarget | null = editor ?? (linked ? { mode: "edit", constraint: linked } : null);
  const close = () => {
    setEditor(null);
    if (editParam) router.replace(pathname, { scroll: false });
  };
  const rows = useMemo(() => constraintRows(live, draft), [live, draft]);
  const tagRefs = useMemo(() => {
    const t = shown?.tags.find((x) => x.id === tag);
    return t ? new Set(t.refs) : null;
  }, [shown, tag]);
  const visible = rows.filter((r) => (!kind || r.constraint.kind === kind) && matchesText(r.constraint, text.trim()) && matchesTag(r.constraint, tagRefs));
  if (!shown) return <Empty>The configuration is not available yet.</Empty>;

  return (
    <Section
      title="Constraints"
      count={visible.length === rows.length ? rows.length : `${visible.length} of ${rows.length}`}
      test="constraint-list"
      actions={canEdit ? <NewConstraintMenu onPick={(k) => setEditor({ mode: "new", kind: k })} /> : null}
    >
      <div className="flex flex-wrap items-end gap-2 border-b border-line px-4 py-2">
        <label className="text-xs font-medium text-muted">
          Kind
          <select className={clsx(fieldClass, "w-auto")} value={kind} onChange={(e) => setKind(e.target.value as "" | ConstraintKind)} data-test="filter-kind">
            <option value="">all kinds</option>
            {(Object.keys(KIND_LABEL) as ConstraintKind[]).map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="min-w-48 flex-1 text-xs font-medium text-muted">
          Resource, node or id
          <input type="search" className={fieldClass} value={text} onChange={(e) => setText(e.target.value)} placeholder="e.g. WebService1 node2" data-test="filter-text" />
        </label>
        {shown.tags.length ? (
          <label className="text-xs font-medium text-muted">
            Tag
            <select className={clsx(fieldClass, "w-auto")} value={tag} onChange={(e) => setTag(e.target.value)} data-test="filter-tag">
              <option value="">any tag</option>
              {shown.tags.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.id}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <ConstraintRows rows={visible} onEdit={canEdit ? (c) => setEditor({ mode: "edit", constraint: c }) : null} filtered={visible.length !== rows.length} />
      {open ? <ConstraintEditor target={open} onClose={close} /> : null}
    </Section>
  );
}

/** One resource's constraints (those naming it, or matching it by pattern), for the resource editor. */
export function ResourceConstraints({ rsc }: { rsc: string }) {
  const { canEdit } = useDraft();
  const { live, draft } = useShownConfiguration();
  const [editor, setEditor] = useState<EditorTarget | null>(null);
  const rows = useMemo(
    () =>
      constraintRows(live, draft).filter(({ constraint: c }) => {
        if (constraintResources(c).includes(rsc)) return true;
        if (c.kind !== "rsc_location" || !c.rscPattern) return false;
        try {
          return new RegExp(c.rscPattern).test(rsc);
        } catch {
          return false;
        }
      }),
    [live, draft, rsc],
  );
  const prefillFor = (k: ConstraintKind): EditorTarget => ({ mode: "new", kind: k, prefill: k === "rsc_order" ? { first: rsc } : { rsc } });
  return (
    <Section title={`Constraints on ${rsc}`} count={rows.length} test="resource-constraints" actions={canEdit ? <NewConstraintMenu test="resource-new-constraint" onPick={(k) => setEditor(prefillFor(k))} /> : null}>
      <ConstraintRows rows={rows} onEdit={canEdit ? (c) => setEditor({ mode: "edit", constraint: c }) : null} filtered={false} />
      {editor ? <ConstraintEditor target={editor} onClose={() => setEditor(null)} /> : null}
    </Section>
  );
}
