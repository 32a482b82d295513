"use client";
// The pending-changes panel, on every page of the cluster while the user's draft has edits (only
// admins have drafts: viewers and operators never see it). Collapsed: the count and Review /
// Commit / Discard. Expanded: the edits in words (each removable), the predicted transition and
// crm_verify's findings from the agent's preview (refreshed by itself after each edit), the XML
// diff and the crm_diff patch; "the live configuration changed" with Rebase when it is stale.
// A commit's outcome (or its conflict) stays here after the draft is gone, with the audit row's link.
import { ChevronDown, ChevronUp, CircleCheck, ClipboardList, GitMerge, LoaderCircle, Trash2, Upload, X } from "lucide-react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useId, useState } from "react";
import { auditHref } from "@/components/audit/audit-filter";
import { ServerMessage } from "@/components/admin/form-bits";
import { Badge } from "@/components/ui/badge";
import { DialogButton } from "@/components/ui/modal";
import { CommitDialog, DiscardDialog } from "./draft-dialogs";
import { ConflictView } from "./draft-conflict";
import { DraftEdits } from "./draft-edits";
import { PredictedTransition, VerifyFindings } from "./draft-preview";
import { useDraft } from "./use-draft";
import { useDraftActions, type CommitConflict, type CommitOutcome } from "./use-draft-actions";
import { useDraftPreview } from "./use-preview";

// jsdiff and the XML parser load only when someone opens the diff.
const DraftDiff = dynamic(() => import("./draft-diff").then((m) => m.DraftDiff), {
  ssr: false,
  loading: () => <p className="text-sm text-muted">Loading the diff…</p>,
});

type Result = { kind: "outcome"; outcome: CommitOutcome } | { kind: "conflict"; conflict: CommitConflict } | { kind: "rebased"; dropped: string[] } | null;

export function DraftPanel() {
  const { draft, canEdit, cluster } = useDraft();
  const { preview, refreshing, error: previewError } = useDraftPreview();
  const actions = useDraftActions();
  const [open, setOpen] = useState(false);
  const [asking, setAsking] = useState<"commit" | "discard" | null>(null);
  const [result, setResult] = useState<Result>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const detailsId = useId();

  const hasEdits = canEdit && draft !== null && draft.edits.length > 0;
  // A commit's outcome outlives its draft; a new edit (a new draft) replaces it.
  if (!hasEdits) {
    if (result?.kind === "outcome") return <CommitOutcomeView outcome={result.outcome} cluster={cluster} onDismiss={() => setResult(null)} />;
    return null;
  }
  const n = draft.edits.length;
  const errors = preview?.findings.filter((f) => f.severity === "error").length ?? 0;
  const warnings = (preview?.findings.length ?? 0) - errors;

  const run = async <T,>(fn: () => Promise<T>, then: (r: T) => void) => {
    setActionError(null);
    try {
      then(await fn());
    } catch (e) {
      setActionError(e instanceof Error ? e.message : String(e));
    }
  };
  const commit = () =>
    run(
      () => actions.commit.mutateAsync({ cluster }),
      (r) => {
        setAsking(null);
        setResult(r.ok ? { kind: "outcome", outcome: r } : { kind: "conflict", conflict: r.conflict });
        if (!r.ok) setOpen(true);
      },
    );
  const rebase = () => run(() => actions.rebase.mutateAsync({ cluster }), (r) => setResult({ kind: "rebased", dropped: r.dropped }));
  const discard = () =>
    run(
      () => actions.discard.mutateAsync({ cluster }),
      () => {
        setAsking(null);
        setResult(null);
        setOpen(false);
      },
    );

  return (
    <section aria-label="Pending changes" data-test="draft-panel" className="rounded-lg border border-warn/50 bg-warn-soft/40 text-sm">
      <div className="flex flex-wrap items-center gap-2 px-3 py-2">
        <ClipboardList aria-hidden className="size-4 shrink-0 text-warn" />
        <p className="font-semibold" data-test="draft-count">
          {n} pending change{n === 1 ? "" : "s"}
        </p>
        {draft.stale ? (
          <Badge tone="warn" test="draft-stale-badge">
            live configuration changed
          </Badge>
        ) : null}
        {refreshing ? (
          <span className="inline-flex items-center gap-1 text-xs text-muted">
            <LoaderCircle aria-hidden className="size-3.5 animate-spin" /> previewing
          </span>
        ) : preview ? (
          errors > 0 ? (
            <Badge tone="err" test="draft-verify-badge">
              {errors} verify error{errors === 1 ? "" : "s"}
            </Badge>
          ) : (
            <Badge tone={warnings ? "warn" : "ok"} test="draft-verify-badge">
              {warnings ? `valid, ${warnings} warning${warnings === 1 ? "" : "s"}` : "valid"}
            </Badge>
          )
        ) : null}
        <div className="ml-auto flex flex-wrap gap-2">
          <button
            type="button"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-controls={detailsId}
            data-test="draft-review"
            className="inline-flex items-center justify-center gap-1.5 rounded-md border border-line bg-surface px-3 py-1.5 text-sm font-medium hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-info"
          >
            {open ? <ChevronUp aria-hidden className="size-4" /> : <ChevronDown aria-hidden className="size-4" />}
            {open ? "Hide" : "Review"}
          </button>
          <DialogButton tone="primary" onClick={() => setAsking("commit")} disabled={actions.busy} test="draft-commit">
            <Upload aria-hidden className="size-4" /> Commit
          </DialogButton>
          <DialogButton tone="danger" onClick={() => setAsking("discard")} disabled={actions.busy} test="draft-discard">
            <Trash2 aria-hidden className="size-4" /> Discard
          </DialogButton>
        </div>
      </div>

      {actionError ? (
        <div className="px-3 pb-2">
          <ServerMessage error={actionError} test="draft-error" />
        </div>
      ) : null}
      {result?.kind === "conflict" ? (
        <div className="px-3 pb-3">
          <ConflictView conflict={result.conflict} busy={actions.busy} onRebase={rebase} onDiscard={() => setAsking("discard")} />
        </div>
      ) : null}
      {result?.kind === "rebased" ? (
        <div className="px-3 pb-2" role="status" data-test="draft-rebased">
          <p className="flex items-center gap-2">
            <GitMerge aria-hidden className="size-4 text-info" /> The draft now starts from the live configuration.
            <button type="button" aria-label="Dismiss" className="ml-auto rounded p-0.5 hover:bg-surface-2" onClick={() => setResult(null)}>
              <X aria-hidden className="size-4" />
            </button>
          </p>
          {result.dropped.length ? (
            <ul className="mt-1 list-disc pl-6 text-warn" data-test="draft-dropped">
              {result.dropped.map((d, i) => (
                <li key={i}>dropped: {d}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {open ? (
        <div id={detailsId} data-test="draft-details" className="space-y-4 border-t border-warn/40 bg-surface px-3 py-3">
          {draft.stale ? (
            <div role="status" data-test="draft-stale" className="flex flex-wrap items-center gap-2 rounded-md bg-warn-soft px-3 py-2 text-warn">
              <span>
                The live configuration changed since this draft was taken (epoch {draft.baseEpoch} → {draft.liveEpoch ?? "?"}).
              </span>
              <DialogButton tone="warn" onClick={rebase} disabled={actions.busy} test="draft-rebase">
                <GitMerge aria-hidden className="size-4" /> Rebase
              </DialogButton>
            </div>
          ) : null}
          <DraftEdits draft={draft} onRemove={(index) => run(() => actions.removeEdit.mutateAsync({ cluster, index }), () => undefined)} busy={actions.busy} />
          <div className="grid gap-4 lg:grid-cols-2">
            <PredictedTransition preview={preview} refreshing={refreshing} error={previewError} />
            <VerifyFindings preview={preview} cluster={cluster} config={draft.configuration} />
          </div>
          <DraftDiff baseXml={draft.baseXml} xml={draft.xml} patch={preview && !refreshing ? preview.patch : null} />
        </div>
      ) : null}

      {asking === "commit" ? (
        <CommitDialog draft={draft} preview={preview} refreshing={refreshing} busy={actions.commit.isPending} error={actionError} onConfirm={commit} onCancel={() => setAsking(null)} />
      ) : null}
      {asking === "discard" ? <DiscardDialog count={n} busy={actions.discard.isPending} onConfirm={discard} onCancel={() => setAsking(null)} /> : null}
    </section>
  );
}

function CommitOutcomeView({ outcome, cluster, onDismiss }: { outcome: CommitOutcome; cluster: string; onDismiss: () => void }) {
  const done = outcome.outcome.state === "done";
  return (
    <section aria-label="Commit outcome" role="status" data-test="draft-outcome" data-state={outcome.outcome.state} className="flex flex-wrap items-start gap-2 rounded-lg border border-ok/50 bg-ok-soft/50 px-3 py-2 text-sm">
      <CircleCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-ok" />
      <div className="min-w-0 flex-1 space-y-0.5">
        <p className="font-semibold">
          {done ? "Committed" : "Committed (submitted)"}: {outcome.summary.length} change{outcome.summary.length === 1 ? "" : "s"}
          {outcome.outcome.epochAfter ? ` — configuration epoch ${outcome.outcome.epochBefore ?? "?"} → ${outcome.outcome.epochAfter}` : ""}
        </p>
        <p className="text-muted">{outcome.outcome.message}</p>
        <Link href={auditHref({ cluster, action: "cluster.config.commit" })} className="text-info underline" data-test="draft-outcome-audit">
          See the commit in the audit history
        </Link>
      </div>
      <button type="button" aria-label="Dismiss" data-test="draft-outcome-dismiss" className="rounded p-0.5 hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-info" onClick={onDismiss}>
        <X aria-hidden className="size-4" />
      </button>
    </section>
  );
}
