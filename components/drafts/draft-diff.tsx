"use client";
// The XML diff of the pending-changes panel (loaded when the user opens it: jsdiff and the XML
// parser are not part of every cluster page), and the agent's crm_diff patch beside it.
import clsx from "clsx";
import { Fragment, useMemo, useState } from "react";
import { sideBySide, xmlHunks, type DiffHunk, type DiffLine } from "./xml-diff";

const lineTone: Record<DiffLine["kind"], string> = {
  context: "text-muted",
  del: "bg-err-soft text-err",
  add: "bg-ok-soft text-ok",
};
const sign: Record<DiffLine["kind"], string> = { context: " ", del: "−", add: "+" };

export function DraftDiff({ baseXml, xml, patch }: { baseXml: string; xml: string; patch: string | null }) {
  const [layout, setLayout] = useState<"unified" | "split">("unified");
  const result = useMemo((): { hunks: DiffHunk[]; error: string | null } => {
    try {
      return { hunks: xmlHunks(baseXml, xml), error: null };
    } catch (e) {
      return { hunks: [], error: e instanceof Error ? e.message : String(e) };
    }
  }, [baseXml, xml]);

  return (
    <div className="space-y-3" data-test="draft-diff">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-semibold">XML diff</h3>
        <div role="radiogroup" aria-label="Diff layout" className="ml-auto inline-flex rounded-md border border-line text-xs">
          {(["unified", "split"] as const).map((l) => (
            <button
              key={l}
              type="button"
              role="radio"
              aria-checked={layout === l}
              data-test={`diff-layout-${l}`}
              onClick={() => setLayout(l)}
              className={clsx("px-2 py-1 focus-visible:outline-2 focus-visible:outline-info", layout === l ? "bg-surface-2 font-medium" : "text-muted hover:text-fg")}
            >
              {l === "unified" ? "Unified" : "Side by side"}
            </button>
          ))}
        </div>
      </div>
      {result.error ? <p className="text-sm text-err">The diff could not be computed: {result.error}</p> : null}
      {!result.error && result.hunks.length === 0 ? <p className="text-sm text-muted">The draft's XML is the same as its base.</p> : null}
      {result.hunks.map((h, i) => (
        <figure key={i} className="overflow-x-auto rounded-md border border-line font-mono text-xs" data-test="diff-hunk">
          <figcaption className="bg-surface-2 px-2 py-0.5 text-faint">{h.header}</figcaption>
          {layout === "unified" ? <Unified hunk={h} /> : <Split hunk={h} />}
        </figure>
      ))}
      <details className="text-sm">
        <summary className="cursor-pointer font-semibold focus-visible:outline-2 focus-visible:outline-info">The patch the commit applies (crm_diff)</summary>
        {patch === null ? (
          <p className="mt-1 text-muted">Computed with the preview…</p>
        ) : patch === "" ? (
          <p className="mt-1 text-muted">Empty: the draft changes nothing in the live configuration.</p>
        ) : (
          <pre tabIndex={0} aria-label="crm_diff patch" data-test="draft-patch" className="mt-1 max-h-80 overflow-auto whitespace-pre rounded-md bg-surface-2 px-2 py-1.5 font-mono text-xs">
            {patch}
          </pre>
        )}
      </details>
    </div>
  );
}

function Unified({ hunk }: { hunk: DiffHunk }) {
  return (
    <div className="min-w-max">
      {hunk.lines.map((l, i) => (
        <div key={i} className={clsx("flex gap-2 whitespace-pre px-2", lineTone[l.kind])}>
          <span aria-hidden className="w-8 shrink-0 select-none text-right text-faint">{l.line}</span>
          {/* the sign is read out: colour is not the only mark of a removed or added line */}
          <span className="w-3 shrink-0 select-none">{l.kind === "context" ? "" : <span aria-label={l.kind === "del" ? "removed" : "added"}>{sign[l.kind]}</span>}</span>
          <span>{l.text}</span>
        </div>
      ))}
    </div>
  );
}

function Cell({ line }: { line: DiffLine | null }) {
  if (!line) return <div className="bg-surface-2/50 px-2">{"\u00a0"}</div>;
  return (
    <div className={clsx("flex gap-2 whitespace-pre px-2", lineTone[line.kind])}>
      <span aria-hidden className="w-8 shrink-0 select-none text-right text-faint">{line.line}</span>
      <span className="w-3 shrink-0 select-none">{line.kind === "context" ? "" : <span aria-label={line.kind === "del" ? "removed" : "added"}>{sign[line.kind]}</span>}</span>
      <span>{line.text}</span>
    </div>
  );
}

function Split({ hunk }: { hunk: DiffHunk }) {
  return (
    // One grid, two cells per row: a removed line stays level with the line that replaced it.
    <div className="grid min-w-max grid-cols-2">
      {sideBySide(hunk).map((r, i) => (
        <Fragment key={i}>
          <Cell line={r.left} />
          <div className="border-l border-line">
            <Cell line={r.right} />
          </div>
        </Fragment>
      ))}
    </div>
  );
}
