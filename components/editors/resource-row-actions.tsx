"use client";
// An admin's controls on one resource row of the Resources page. Each opens a dialog
// (resource-dialogs.tsx); nothing here stages an edit by itself.
import { Copy, Crown, Layers, ListOrdered, Pencil, TextCursorInput, Trash2, Ungroup } from "lucide-react";
import type { LucideIcon } from "lucide-react";
import type { ResourceConfig } from "@/lib/pacemaker/model-config";
import type { ResourceFormTarget } from "./resource-form";

export type ResourceDialog =
  | { kind: "form"; target: ResourceFormTarget }
  | { kind: "rename"; id: string }
  | { kind: "delete"; id: string }
  | { kind: "group"; id: string | null }
  | { kind: "ungroup"; id: string }
  | { kind: "clone"; rsc: string; promotable: boolean }
  | { kind: "unclone"; id: string };

function Act({ icon: Icon, label, what, onClick, test }: { icon: LucideIcon; label: string; what: string; onClick: () => void; test: string }) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={`${label} ${what}`}
      title={`${label} ${what}`}
      data-test={test}
      className="inline-flex items-center gap-1 rounded border border-line px-1.5 py-0.5 text-xs text-muted hover:bg-surface-2 hover:text-fg focus-visible:outline-2 focus-visible:outline-info"
    >
      <Icon aria-hidden className="size-3.5" />
      <span className="hidden sm:inline">{label}</span>
    </button>
  );
}

export function RowActions({ r, top, parent, onAction }: { r: ResourceConfig; top: boolean; parent?: ResourceConfig; onAction: (d: ResourceDialog) => void }) {
  // Bundles are shown, not edited (their container settings are outside what the console edits).
  if (r.kind === "bundle" || parent?.kind === "bundle") return null;
  const id = r.id;
  return (
    <span className="ml-auto flex flex-wrap gap-1" data-test="resource-actions">
      {r.kind === "primitive" ? <Act icon={Pencil} label="Edit" what={id} onClick={() => onAction({ kind: "form", target: { mode: "edit", id } })} test="resource-edit" /> : null}
      {r.kind === "group" ? <Act icon={ListOrdered} label="Members" what={id} onClick={() => onAction({ kind: "group", id })} test="group-members" /> : null}
      <Act icon={TextCursorInput} label="Rename" what={id} onClick={() => onAction({ kind: "rename", id })} test="resource-rename" />
      {top && (r.kind === "primitive" || r.kind === "group") ? (
        <>
          <Act icon={Copy} label="Clone" what={id} onClick={() => onAction({ kind: "clone", rsc: id, promotable: false })} test="resource-clone" />
          <Act icon={Crown} label="Promotable" what={id} onClick={() => onAction({ kind: "clone", rsc: id, promotable: true })} test="resource-promotable" />
        </>
      ) : null}
      {r.kind === "group" ? <Act icon={Ungroup} label="Ungroup" what={id} onClick={() => onAction({ kind: "ungroup", id })} test="group-ungroup" /> : null}
      {r.kind === "clone" ? <Act icon={Layers} label="Unclone" what={id} onClick={() => onAction({ kind: "unclone", id })} test="clone-unclone" /> : null}
      <Act icon={Trash2} label="Delete" what={id} onClick={() => onAction({ kind: "delete", id })} test="resource-delete" />
    </span>
  );
}
