"use client";
// Rename and delete a resource: first the list of what names it (constraints, tags, fencing
// levels, ACL permissions — read from the configuration), then the choice to take them along
// (resource.rename's `references`, resource.delete's `constraints`).
import { useRef, useState } from "react";
import { referencesTo, type Reference } from "@/lib/cib/references";
import { xmlId } from "@/lib/protocol/values";
import { ExactInput } from "@/components/actions/field";
import { ServerMessage } from "@/components/admin/form-bits";
import { useDraft } from "@/components/drafts/use-draft";
import { CancelConfirm, Modal } from "@/components/ui/modal";
import { Check } from "./constraint-fields";
import { useShownConfiguration } from "./constraint-list";
import { takenIds } from "./resource-model";

const KIND_WORD: Record<Reference["kind"], string> = {
  constraint: "constraint",
  tag: "tag",
  group: "inside group",
  clone: "inside clone",
  bundle: "inside bundle",
  "fencing-level": "fencing level",
  "acl-permission": "ACL role permission",
  "acl-role": "ACL holder",
  template: "primitive made from it",
};

/** References that are the resource's own container (its group, clone) follow it anyway; the rest are the choice. */
const optional = (refs: readonly Reference[]) => refs.filter((r) => r.kind !== "group" && r.kind !== "clone" && r.kind !== "bundle");

function RefList({ refs }: { refs: readonly Reference[] }) {
  if (refs.length === 0) return <p className="text-muted">Nothing else in the configuration names it.</p>;
  return (
    <ul className="list-disc space-y-0.5 pl-5" data-test="resource-refs">
      {refs.map((r, i) => (
        <li key={`${r.kind}:${r.id}:${r.field}:${i}`} data-test="resource-ref" data-kind={r.kind}>
          {KIND_WORD[r.kind]} <code>{r.id}</code>
          {r.kind === "constraint" ? <span className="text-muted"> ({r.tag.replace("rsc_", "")}, {r.field === "resource_set" ? `in set ${r.detail ?? ""}` : r.field})</span> : null}
        </li>
      ))}
    </ul>
  );
}

function useStage() {
  const { stage, staging } = useDraft();
  const [error, setError] = useState<string | null>(null);
  const run = async (edit: Parameters<typeof stage>[0], onDone: () => void) => {
    setError(null);
    try {
      await stage(edit);
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return { run, staging, error };
}

export function DeleteResourceDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const { shown } = useShownConfiguration();
  const refs = shown ? referencesTo(shown, id) : [];
  const others = optional(refs);
  const [takeAlong, setTakeAlong] = useState(true);
  const { run, staging, error } = useStage();
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Modal
      title={`Delete ${id}?`}
      onClose={onClose}
      initialFocus={cancelRef}
      test="resource-delete-dialog"
      footer={
        <CancelConfirm
          onCancel={onClose}
          cancelTest="resource-delete-cancel"
          cancelRef={cancelRef}
          label={staging ? "Adding…" : "Delete (in the draft)"}
          tone="danger"
          disabled={staging}
          onConfirm={() => void run({ op: "resource.delete", id, constraints: takeAlong }, onClose)}
          confirmTest="resource-delete-confirm"
        />
      }
    >
      <p>The deletion is staged in your draft; the cluster stops the resource when the draft is committed.</p>
      <p className="font-medium">What names {id}:</p>
      <RefList refs={refs} />
      {others.length ? (
        <Check
          label={`Also remove the ${others.length} reference${others.length === 1 ? "" : "s"} above (constraints, set members, tag entries)`}
          help="Left in place, they would name a resource that no longer exists: crm_verify reports it and Pacemaker may refuse the commit."
          checked={takeAlong}
          onChange={setTakeAlong}
          test="resource-delete-refs"
        />
      ) : null}
      <ServerMessage error={error} test="resource-delete-error" />
    </Modal>
  );
}

export function RenameResourceDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const { shown } = useShownConfiguration();
  const refs = shown ? referencesTo(shown, id) : [];
  const others = optional(refs);
  const [to, setTo] = useState(id);
  const [follow, setFollow] = useState(true);
  const { run, staging, error } = useStage();
  const taken = takenIds(shown);
  const parsed = xmlId("new id").safeParse(to.trim());
  const problem = !parsed.success ? (parsed.error.issues[0]?.message ?? "invalid id") : to.trim() === id ? "the new id is the same as the old one" : taken.has(to.trim()) ? "this id is already used in the configuration" : null;
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <Modal
      title={`Rename ${id}`}
      onClose={onClose}
      initialFocus={inputRef}
      test="resource-rename-dialog"
      onSubmit={() => (problem ? undefined : void run({ op: "resource.rename", id, to: to.trim(), references: follow }, onClose))}
      footer={<CancelConfirm onCancel={onClose} cancelTest="resource-rename-cancel" label={staging ? "Adding…" : "Rename (in the draft)"} tone="primary" disabled={staging || problem !== null} confirmTest="resource-rename-confirm" />}
    >
      <label className="block text-sm font-medium">
        New id
        <ExactInput ref={inputRef} value={to} onChange={(e) => setTo(e.target.value)} aria-invalid={problem && to !== id ? true : undefined} data-test="resource-rename-to" />
      </label>
      {problem && to !== id ? (
        <p role="alert" className="text-xs text-err">
          {problem}
        </p>
      ) : null}
      <p className="font-medium">What names {id}:</p>
      <RefList refs={refs} />
      {others.length ? (
        <Check
          label={`Change the ${others.length} reference${others.length === 1 ? "" : "s"} to the new id`}
          help="Left as they are, they would name an id that no longer exists."
          checked={follow}
          onChange={setFollow}
          test="resource-rename-refs"
        />
      ) : null}
      <p className="text-xs text-muted">Pacemaker sees a renamed resource as a new one: the old one stops and the new one starts (the preview shows it).</p>
      <ServerMessage error={error} test="resource-rename-error" />
    </Modal>
  );
}

export { useStage };
