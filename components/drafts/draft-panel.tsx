"use client";
// The pending-changes panel, on every page of the cluster while the user's draft has changes.
// (Minimal for now: the full panel — diff, predicted transition, verify findings, commit, discard —
// is being written by the engineer who owns components/drafts/.)
import { useDraft } from "./use-draft";

export function DraftPanel() {
  const { draft } = useDraft();
  if (!draft || draft.edits.length === 0) return null;
  return (
    <section aria-label="Pending changes" data-test="draft-panel" className="rounded-md border border-amber-500/40 bg-amber-500/10 p-3 text-sm">
      {draft.edits.length} pending change{draft.edits.length === 1 ? "" : "s"}
    </section>
  );
}
