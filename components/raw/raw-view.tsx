"use client";
// The raw view: the live configuration as Pacemaker XML (config.raw), the draft's XML beside it
// when the user has a draft (tabs on a narrow screen), and crm shell syntax (config.crmsh) where
// crmsh is installed on the node. Read-only. CodeMirror is loaded here only, after first paint.
import { useQuery } from "@tanstack/react-query";
import clsx from "clsx";
import dynamic from "next/dynamic";
import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useDraft } from "@/components/drafts/use-draft";
import { useTRPC } from "@/trpc/react";
import { prettyXml } from "./pretty";

const CodeViewer = dynamic(() => import("./code-viewer"), {
  ssr: false,
  loading: () => <p className="rounded-md border border-line px-3 py-6 text-center text-sm text-muted">Loading the viewer…</p>,
});

type Pane = "live" | "draft" | "crmsh";

export function RawView() {
  const trpc = useTRPC();
  const { cluster, draft } = useDraft();
  const raw = useQuery({ ...trpc.config.raw.queryOptions({ cluster }), staleTime: 5_000 });
  const crm = useQuery({ ...trpc.config.crmsh.queryOptions({ cluster }), staleTime: 30_000, retry: 0 });
  const hasDraft = draft !== null && draft.edits.length > 0;
  const liveText = useMemo(() => (raw.data ? prettyXml(raw.data.xml, "the live configuration") : null), [raw.data]);
  const draftText = useMemo(() => (hasDraft ? prettyXml(draft.xml, "the draft") : null), [hasDraft, draft?.xml]); // eslint-disable-line react-hooks/exhaustive-deps
  const hasCrm = typeof crm.data?.text === "string";
  const panes: { id: Pane; label: string }[] = [
    { id: "live", label: "Live XML" },
    ...(hasDraft ? [{ id: "draft" as const, label: "Draft XML" }] : []),
    ...(hasCrm ? [{ id: "crmsh" as const, label: "crm shell" }] : []),
  ];
  const [picked, setPicked] = useState<Pane>("live");
  const active: Pane = panes.some((p) => p.id === picked) ? picked : "live";
  // On a wide screen the live and draft XML stand side by side; the tabs then pick crm shell or them.
  const sideBySide = hasDraft && active !== "crmsh";
  const base = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKey = (e: KeyboardEvent, i: number) => {
    const by = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!by) return;
    e.preventDefault();
    const next = (i + by + panes.length) % panes.length;
    setPicked(panes[next]!.id);
    tabs.current[next]?.focus();
  };
  const paneClass = (id: Pane) => clsx(active === id ? "block" : "hidden", sideBySide && (id === "live" || id === "draft") && "lg:block");

  return (
    <div className="space-y-3" data-test="raw-view">
      <p className="text-sm text-muted">
        The configuration as Pacemaker stores it (<code className="font-mono">cibadmin --query</code>, without the status section). Read-only: changes are
        made with the editors and staged in a draft.
      </p>
      <div role="tablist" aria-label="Raw views" className={clsx("flex flex-wrap gap-1", sideBySide && panes.length === 2 && "lg:hidden")}>
        {panes.map((p, i) => (
          <button
            key={p.id}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${p.id}`}
            aria-selected={active === p.id}
            aria-controls={`${base}-pane-${p.id}`}
            tabIndex={active === p.id ? 0 : -1}
            data-test={`raw-tab-${p.id}`}
            onClick={() => setPicked(p.id)}
            onKeyDown={(e) => onKey(e, i)}
            className={clsx(
              "rounded-md px-3 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-info",
              active === p.id ? "bg-surface-2 font-medium text-fg" : "text-muted hover:text-fg",
            )}
          >
            {p.label}
          </button>
        ))}
      </div>
      {crm.data && !hasCrm ? (
        <p data-test="crmsh-reason" className="text-xs text-muted">
          crm shell syntax is not shown: {crm.data.reason ?? "crmsh gave no text"}
        </p>
      ) : crm.isError ? (
        <p data-test="crmsh-reason" className="text-xs text-muted">
          crm shell syntax is not shown: {crm.error.message}
        </p>
      ) : null}
      <div className={clsx("grid gap-3", sideBySide && "lg:grid-cols-2")}>
        <section id={`${base}-pane-live`} role="tabpanel" aria-labelledby={`${base}-tab-live`} className={clsx(paneClass("live"), "min-w-0")}>
          <h2 className="mb-1 text-sm font-semibold">
            Live configuration {raw.data ? <span className="font-normal text-muted">(epoch {raw.data.epoch})</span> : null}
          </h2>
          {raw.isLoading ? <p className="text-sm text-muted">Reading the CIB…</p> : null}
          {raw.isError ? (
            <p role="alert" data-test="raw-error" className="rounded-md bg-err-soft px-3 py-2 text-sm text-err">
              {raw.error.message}
            </p>
          ) : null}
          {liveText ? <Viewed text={liveText} label="Live configuration XML" test="raw-live" /> : null}
        </section>
        {hasDraft ? (
          <section id={`${base}-pane-draft`} role="tabpanel" aria-labelledby={`${base}-tab-draft`} className={clsx(paneClass("draft"), "min-w-0")}>
            <h2 className="mb-1 text-sm font-semibold">
              Your draft{" "}
              <span className="font-normal text-muted">
                ({draft.edits.length} change{draft.edits.length === 1 ? "" : "s"} on epoch {draft.baseEpoch}
                {draft.stale ? "; the live configuration has moved on" : ""})
              </span>
            </h2>
            {draftText ? <Viewed text={draftText} label="Draft configuration XML" test="raw-draft" /> : null}
          </section>
        ) : null}
        {hasCrm ? (
          <section id={`${base}-pane-crmsh`} role="tabpanel" aria-labelledby={`${base}-tab-crmsh`} className={clsx(paneClass("crmsh"), "min-w-0")}>
            <h2 className="mb-1 text-sm font-semibold">
              crm shell syntax <span className="font-normal text-muted">(crm configure show)</span>
            </h2>
            <CodeViewer value={crm.data!.text!} language="text" label="Configuration in crm shell syntax" test="raw-crmsh" />
          </section>
        ) : null}
      </div>
    </div>
  );
}

function Viewed({ text, label, test }: { text: { text: string; error: string | null }; label: string; test: string }) {
  return (
    <>
      {text.error ? <p className="mb-1 text-xs text-warn">Shown as received (it did not parse: {text.error}).</p> : null}
      <CodeViewer value={text.text} language="xml" label={label} test={test} />
    </>
  );
}
