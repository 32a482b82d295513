"use client";
// The two questions the panel asks: commit (the one live write: what it changes and what the
// cluster will do, with crm_verify's errors called out — Pacemaker refuses an invalid CIB, so the
// commit is allowed and the warning is the point) and discard (the edits are lost).
import { TriangleAlert } from "lucide-react";
import { useRef } from "react";
import { ServerMessage } from "@/components/admin/form-bits";
import { CancelConfirm, Modal } from "@/components/ui/modal";
import { changeText } from "./links";
import type { DraftPreview, DraftView } from "./use-preview";

export function CommitDialog({
  draft,
  preview,
  refreshing,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  draft: DraftView;
  preview: DraftPreview | null;
  refreshing: boolean;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  const errors = preview?.findings.filter((f) => f.severity === "error") ?? [];
  return (
    <Modal
      title="Commit the draft to the live cluster"
      onClose={onCancel}
      initialFocus={confirmRef}
      test="commit-dialog"
      footer={
        <CancelConfirm
          onCancel={onCancel}
          cancelTest="commit-cancel"
          label={busy ? "Committing…" : errors.length ? "Commit anyway" : "Commit"}
          tone={errors.length ? "warn" : "primary"}
          onConfirm={onConfirm}
          disabled={busy}
          confirmTest="commit-confirm"
          confirmRef={confirmRef}
        />
      }
    >
      <p>
        {draft.edits.length} change{draft.edits.length === 1 ? "" : "s"} will be applied to the live configuration as one patch (crm_diff, then cibadmin --patch), and written to the audit history:
      </p>
      <ol className="list-decimal space-y-0.5 pl-5">
        {draft.edits.map((e) => (
          <li key={e.index}>{e.summary}</li>
        ))}
      </ol>
      {draft.stale ? (
        <p className="text-warn">
          The live configuration changed since the draft was taken (epoch {draft.baseEpoch} → {draft.liveEpoch ?? "?"}): the commit is refused if the same elements changed.
        </p>
      ) : null}
      {refreshing || !preview ? (
        <p className="text-muted">The preview is still being computed.</p>
      ) : preview.changes.length ? (
        <div>
          <p className="font-medium">The cluster will then:</p>
          <ul className="list-disc pl-5">
            {preview.changes.map((c, i) => (
              <li key={i}>{changeText(c)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-muted">No resource would start, stop or move.</p>
      )}
      {errors.length ? (
        <div role="alert" className="flex items-start gap-2 rounded-md bg-warn-soft px-3 py-2 text-warn" data-test="commit-verify-warning">
          <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>
            crm_verify reports {errors.length} error{errors.length === 1 ? "" : "s"} in the draft ({errors[0]?.message}
            {errors.length > 1 ? ", …" : ""}). Pacemaker refuses a configuration it finds invalid; the commit will most likely fail.
          </span>
        </div>
      ) : null}
      <ServerMessage error={error} test="commit-error" />
    </Modal>
  );
}

export function DiscardDialog({ count, busy, onConfirm, onCancel }: { count: number; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Modal
      title="Discard the draft?"
      onClose={onCancel}
      initialFocus={cancelRef}
      test="discard-dialog"
      footer={
        <CancelConfirm onCancel={onCancel} cancelTest="discard-cancel" cancelRef={cancelRef} label="Discard" tone="danger" onConfirm={onConfirm} disabled={busy} confirmTest="discard-confirm" />
      }
    >
      <p>
        The {count} pending change{count === 1 ? "" : "s"} will be thrown away. Nothing in the cluster changes; there is no undo.
      </p>
    </Modal>
  );
}
