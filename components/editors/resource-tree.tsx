"use client";
// The Resources page: the configuration's resources (the draft's when there is one, else the live
// one) as a tree — primitives, groups, clones, promotable clones, bundles (read-only) — filtered by
// text and by tag. Admins get the controls that stage edits: create, edit, rename, delete, group,
// clone and back; the forms load on demand. Viewers and operators see the tree and nothing to press.
import clsx from "clsx";
import { Box, ChevronDown, ChevronRight, Container, Copy, Crown, Layers, Plus, ShieldAlert } from "lucide-react";
import dynamic from "next/dynamic";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useId, useMemo, useState } from "react";
import type { Configuration, PrimitiveConfig, ResourceConfig } from "@/lib/pacemaker/model-config";
import { fieldClass } from "@/components/actions/field";
import { Button } from "@/components/admin/form-bits";
import { useDraft } from "@/components/drafts/use-draft";
import { Badge } from "@/components/ui/badge";
import { Empty, Section } from "@/components/ui/card";
import { ResourceConstraints, useShownConfiguration } from "./constraint-list";
import { RowActions, type ResourceDialog } from "./resource-row-actions";
import { agentText, filterResources, findPrimitive } from "./resource-model";

// react-hook-form, zod and the metadata forms: only once a dialog opens.
const ResourceDialogs = dynamic(() => import("./resource-dialogs").then((m) => m.ResourceDialogs), { ssr: false });

const kindIcon = { primitive: Box, group: Layers, clone: Copy, bundle: Container } as const;

export function ResourcesView() {
  const { canEdit } = useDraft();
  const { shown, live } = useShownConfiguration();
  const [q, setQ] = useState("");
  const [tag, setTag] = useState("");
  const [dialog, setDialog] = useState<ResourceDialog | null>(null);
  const sp = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const ids = { q: useId(), tag: useId() };
  // ?edit=<id>: a link from the pending-changes panel's findings opens that resource's editor.
  const editParam = sp.get("edit");
  const open = dialog ?? (canEdit && editParam ? editorFor(shown, editParam) : null);
  const close = () => {
    setDialog(null);
    if (editParam) router.replace(pathname, { scroll: false });
  };
  const liveIds = useMemo(() => new Set((live?.resources ?? []).flatMap((r) => allIds(r))), [live]);
  const rows = useMemo(() => (shown ? filterResources(shown, q, tag) : []), [shown, q, tag]);

  if (!shown) return <Empty>The configuration is not known yet (no status from the cluster).</Empty>;
  const total = shown.resources.length;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-2">
        <label htmlFor={ids.q} className="min-w-48 flex-1 text-sm font-medium">
          Filter
          <input id={ids.q} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="id or agent" className={fieldClass} data-test="resources-filter" />
        </label>
        <label htmlFor={ids.tag} className="text-sm font-medium">
          Tag
          <select id={ids.tag} value={tag} onChange={(e) => setTag(e.target.value)} className={fieldClass} data-test="resources-tag">
            <option value="">all resources</option>
            {shown.tags.map((t) => (
              <option key={t.id} value={t.id}>
                {t.id} ({t.refs.length})
              </option>
            ))}
          </select>
        </label>
        {canEdit ? (
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => setDialog({ kind: "form", target: { mode: "create" } })} data-test="resource-create">
              <Plus aria-hidden className="size-4" /> Create resource
            </Button>
            <Button variant="secondary" onClick={() => setDialog({ kind: "form", target: { mode: "create", fencing: true } })} data-test="fencing-create">
              <ShieldAlert aria-hidden className="size-4" /> Fencing device
            </Button>
            <Button variant="secondary" onClick={() => setDialog({ kind: "group", id: null })} data-test="group-create">
              <Layers aria-hidden className="size-4" /> Create group
            </Button>
          </div>
        ) : null}
      </div>
      <Section title="Resources" count={rows.length === total ? total : `${rows.length} of ${total}`} test="config-resources">
        {rows.length === 0 ? (
          <Empty>{total === 0 ? "No resources are configured." : "No resource matches the filter."}</Empty>
        ) : (
          <ul className="divide-y divide-line" data-test="resource-tree">
            {rows.map((r) => (
              <ResourceNode key={r.id} r={r} top canEdit={canEdit} liveIds={liveIds} tags={shown} onAction={setDialog} />
            ))}
          </ul>
        )}
      </Section>
      {open ? <ResourceDialogs dialog={open} onClose={close} /> : null}
    </div>
  );
}

/** What ?edit=<id> opens: a primitive's form, a group's members; anything else opens nothing. */
function editorFor(config: Configuration | null, id: string): ResourceDialog | null {
  if (findPrimitive(config, id)) return { kind: "form", target: { mode: "edit", id } };
  if (config?.resources.some((r) => r.kind === "group" && r.id === id)) return { kind: "group", id };
  return null;
}

function allIds(r: ResourceConfig | PrimitiveConfig): string[] {
  if (r.kind === "primitive") return [r.id];
  if (r.kind === "group") return [r.id, ...r.children.map((c) => c.id)];
  if (r.kind === "clone") return [r.id, ...(r.child ? allIds(r.child) : [])];
  return [r.id, ...(r.primitive ? [r.primitive.id] : [])];
}

function tagsOf(config: Configuration, id: string): string[] {
  return config.tags.filter((t) => t.refs.includes(id)).map((t) => t.id);
}

function ResourceNode({
  r,
  top,
  parent,
  canEdit,
  liveIds,
  tags,
  onAction,
}: {
  r: ResourceConfig;
  top: boolean;
  parent?: ResourceConfig;
  canEdit: boolean;
  liveIds: Set<string>;
  tags: Configuration;
  onAction: (d: ResourceDialog) => void;
}) {
  const Icon = r.kind === "clone" && r.promotable ? Crown : kindIcon[r.kind];
  const kindLabel = r.kind === "clone" ? (r.promotable ? "promotable clone" : "clone") : r.kind;
  const isNew = liveIds.size > 0 && !liveIds.has(r.id);
  const children: ResourceConfig[] = r.kind === "group" ? r.children : r.kind === "clone" && r.child ? [r.child] : r.kind === "bundle" && r.primitive ? [r.primitive] : [];
  const targetRole = (r.metaAttributes[0]?.nvpairs ?? []).find((p) => p.name === "target-role")?.value ?? null;
  const [showConstraints, setShowConstraints] = useState(false);
  return (
    <li data-test={`config-rsc:${r.id}`} data-kind={r.kind} className={clsx(top ? "px-4 py-2" : "py-1.5")}>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Icon aria-hidden className="size-4 shrink-0 text-muted" />
        <span className="font-medium [overflow-wrap:anywhere]">{r.id}</span>
        <span className="text-xs text-muted">{kindLabel}</span>
        {r.kind === "primitive" ? <code className="text-xs text-muted [overflow-wrap:anywhere]">{agentText(r)}</code> : null}
        {r.kind === "bundle" ? (
          <span className="text-xs text-muted">
            {r.runtime ?? "container"} {r.runtimeAttrs.image ?? ""} · shown read-only
          </span>
        ) : null}
        {targetRole && targetRole !== "Started" ? <Badge tone="warn">target-role {targetRole}</Badge> : null}
        {isNew ? (
          <Badge tone="info" test="mark-added">
            draft: new
          </Badge>
        ) : null}
        {tagsOf(tags, r.id).map((t) => (
          <Badge key={t} tone="neutral">
            tag {t}
          </Badge>
        ))}
        <button
          type="button"
          aria-expanded={showConstraints}
          onClick={() => setShowConstraints((v) => !v)}
          className="inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs text-info underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-info"
          data-test="resource-show-constraints"
        >
          {showConstraints ? <ChevronDown aria-hidden className="size-3.5" /> : <ChevronRight aria-hidden className="size-3.5" />}
          Constraints
        </button>
        {canEdit ? <RowActions r={r} top={top} parent={parent} onAction={onAction} /> : null}
      </div>
      {r.description ? <p className="ml-6 text-xs text-muted">{r.description}</p> : null}
      {showConstraints ? (
        <div className="ml-6 mt-2">
          <ResourceConstraints rsc={r.id} />
        </div>
      ) : null}
      {children.length ? (
        <ul className="ml-2 mt-1 border-l border-line pl-4" aria-label={`${r.id}: ${r.kind === "group" ? "members in start order" : "child"}`}>
          {children.map((c) => (
            <ResourceNode key={c.id} r={c} top={false} parent={r} canEdit={canEdit} liveIds={liveIds} tags={tags} onAction={onAction} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
