"use client";
// The draft's edits in words ("add primitive web_ip (ocf:heartbeat:IPaddr2)"), in the order they
// apply, each with a button that takes it back (refused, with the reason, when later edits need it).
import { Undo2 } from "lucide-react";
import type { DraftView } from "./use-preview";

export function DraftEdits({ draft, onRemove, busy }: { draft: DraftView; onRemove: (index: number) => void; busy: boolean }) {
  return (
    <div className="space-y-1">
      <h3 className="text-sm font-semibold">Changes</h3>
      <ol className="space-y-1" data-test="draft-edits">
        {draft.edits.map((e) => (
          <li key={e.index} data-test="draft-edit" data-op={e.op} className="flex items-start gap-2 rounded-md border border-line px-2 py-1">
            <span className="tabular w-5 shrink-0 text-right text-xs text-faint">{e.index + 1}.</span>
            <span className="min-w-0 flex-1 [overflow-wrap:anywhere]" data-test="draft-edit-summary">
              {e.summary}
            </span>
            <button
              type="button"
              disabled={busy}
              onClick={() => onRemove(e.index)}
              aria-label={`Take back change ${e.index + 1}: ${e.summary}`}
              title="Take back this change"
              data-test="draft-edit-remove"
              className="shrink-0 rounded p-0.5 text-muted hover:bg-surface-2 hover:text-fg focus-visible:outline-2 focus-visible:outline-info disabled:opacity-50"
            >
              <Undo2 aria-hidden className="size-4" />
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
