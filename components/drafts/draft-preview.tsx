"use client";
// What the commit would do, from the agent's preview of the draft: the predicted transition
// (crm_simulate on the draft with the live status) in plain words, and crm_verify's findings, each
// linked to the element it names.
import Link from "next/link";
import { CircleAlert, LoaderCircle, TriangleAlert } from "lucide-react";
import type { Configuration } from "@/lib/pacemaker/model-config";
import { changeText, elementHref } from "./links";
import type { DraftPreview } from "./use-preview";

export function PredictedTransition({ preview, refreshing, error }: { preview: DraftPreview | null; refreshing: boolean; error: string | null }) {
  return (
    <div className="space-y-2" data-test="draft-transition" aria-busy={refreshing}>
      <h3 className="flex items-center gap-2 text-sm font-semibold">
        Predicted transition
        {refreshing ? (
          <span className="inline-flex items-center gap-1 text-xs font-normal text-muted" data-test="preview-refreshing">
            <LoaderCircle aria-hidden className="size-3.5 animate-spin" /> simulating…
          </span>
        ) : null}
      </h3>
      {error ? <p className="text-sm text-err">The preview failed: {error}</p> : null}
      {!preview && !error ? <p className="text-sm text-muted">Asking the cluster's agent to simulate the draft…</p> : null}
      {preview?.simulateError ? <p className="text-sm text-err">crm_simulate could not run on the draft: {preview.simulateError}</p> : null}
      {preview && !preview.simulateError ? (
        preview.changes.length === 0 ? (
          <p className="text-sm text-muted" data-test="transition-none">
            No resource would start, stop or move.
          </p>
        ) : (
          <ul className="list-disc space-y-0.5 pl-5 text-sm" data-test="transition-changes">
            {preview.changes.map((c, i) => (
              <li key={i} data-test="transition-change" data-change={c.change} data-resource={c.resource}>
                {changeText(c)}
              </li>
            ))}
          </ul>
        )
      ) : null}
      {preview && preview.actions.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-muted focus-visible:outline-2 focus-visible:outline-info">
            {preview.actions.length} action{preview.actions.length === 1 ? "" : "s"} of the transition
          </summary>
          <ol className="mt-1 list-decimal space-y-0.5 pl-6 font-mono text-xs" data-test="transition-actions">
            {preview.actions.map((a, i) => (
              <li key={i}>
                {a.task} {a.resource}
                {a.node ? ` on ${a.node}` : ""}
                {a.interval ? ` every ${a.interval / 1000}s` : ""}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}

export function VerifyFindings({ preview, cluster, config }: { preview: DraftPreview | null; cluster: string; config: Configuration | null }) {
  if (!preview) return null;
  const errors = preview.findings.filter((f) => f.severity === "error");
  return (
    <div className="space-y-2" data-test="draft-findings">
      <h3 className="text-sm font-semibold">
        crm_verify:{" "}
        {preview.findings.length === 0 ? (
          <span className="font-normal text-ok" data-test="verify-ok">
            no errors or warnings
          </span>
        ) : (
          <span className="font-normal text-muted">
            {errors.length} error{errors.length === 1 ? "" : "s"}, {preview.findings.length - errors.length} warning
            {preview.findings.length - errors.length === 1 ? "" : "s"}
          </span>
        )}
      </h3>
      {preview.findings.length > 0 ? (
        <ul className="space-y-1 text-sm">
          {preview.findings.map((f, i) => (
            <li key={i} data-test={`finding-${f.severity}`} className="flex items-start gap-2">
              {f.severity === "error" ? (
                <CircleAlert aria-label="error" className="mt-0.5 size-4 shrink-0 text-err" />
              ) : (
                <TriangleAlert aria-label="warning" className="mt-0.5 size-4 shrink-0 text-warn" />
              )}
              <span className="min-w-0 [overflow-wrap:anywhere]">
                {f.message}
                {f.ids.length > 0 ? (
                  <span className="ml-1 inline-flex flex-wrap gap-1">
                    {f.ids.map((id) => {
                      const href = elementHref(cluster, config, id);
                      return href ? (
                        <Link key={id} href={href} className="font-mono text-xs text-info underline" data-test="finding-link">
                          {id}
                        </Link>
                      ) : (
                        <code key={id} className="text-xs">
                          {id}
                        </code>
                      );
                    })}
                  </span>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
