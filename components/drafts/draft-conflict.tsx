"use client";
// After a refused commit: what changed underneath and in the draft, element by element (its XML in
// the draft's base, in the live CIB now, and in the draft), with the two ways out.
import { GitMerge, Trash2, TriangleAlert } from "lucide-react";
import { DialogButton } from "@/components/ui/modal";
import type { CommitConflict } from "./use-draft-actions";

export function ConflictView({ conflict, onRebase, onDiscard, busy }: { conflict: CommitConflict; onRebase: () => void; onDiscard: () => void; busy: boolean }) {
  return (
    <div role="alert" data-test="draft-conflict" className="space-y-3 rounded-md border border-err bg-err-soft/40 p-3 text-sm">
      <p className="flex items-start gap-2 font-medium text-err">
        <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
        <span>Nothing was written. {conflict.message}</span>
      </p>
      {conflict.items.map((item) => (
        <section key={`${item.tag}:${item.id}`} data-test="conflict-item" data-id={item.id} className="space-y-1">
          <h4 className="font-mono text-xs font-semibold">
            &lt;{item.tag}&gt; {item.id}
          </h4>
          <div className="grid gap-2 md:grid-cols-3">
            {(
              [
                ["base", "When the draft was taken", item.base],
                ["live", "Live now", item.live],
                ["draft", "In the draft", item.draft],
              ] as const
            ).map(([key, label, xml]) => (
              <div key={key} className="min-w-0">
                <p className="text-xs text-muted">{label}</p>
                <pre tabIndex={0} aria-label={`${item.id}: ${label}`} data-test={`conflict-${key}`} className="max-h-48 overflow-auto whitespace-pre-wrap [overflow-wrap:anywhere] rounded bg-surface px-2 py-1 font-mono text-xs">
                  {xml ?? "(not there)"}
                </pre>
              </div>
            ))}
          </div>
        </section>
      ))}
      <div className="flex flex-wrap gap-2">
        <DialogButton tone="primary" onClick={onRebase} disabled={busy} test="conflict-rebase">
          <GitMerge aria-hidden className="size-4" /> Rebase onto the live configuration
        </DialogButton>
        <DialogButton tone="danger" onClick={onDiscard} disabled={busy} test="conflict-discard">
          <Trash2 aria-hidden className="size-4" /> Discard the draft
        </DialogButton>
      </div>
    </div>
  );
}
