"use client";
// The outcome area, mounted once for the whole console: changes in flight ("working…"), then each
// change's true outcome from the runner — done (the cluster's status shows it), submitted (Pacemaker
// took it, the status does not show it yet, and why), failed (Pacemaker's own message). A polite
// live region announces each; a failure is also an alert. Nothing is taken away while the pointer
// or focus is on the area; "done" leaves after a while, the others stay until dismissed.
import clsx from "clsx";
import { CircleCheck, CircleX, Clock, Loader2, X } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { useNow } from "@/components/live/use-now";
import { useActionRunner, type ChangeReport, type RunningChange } from "./action-runner";

/** How long a "done" stays (read time for a sentence and a command line or two). */
export const DONE_VISIBLE_MS = 20_000;

const STATE_TEXT: Record<ChangeReport["state"], string> = { done: "Done", submitted: "Submitted", failed: "Failed" };

export function OutcomeToasts() {
  const { running, reports, dismiss } = useActionRunner();
  const [held, setHeld] = useState(false);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  useEffect(() => {
    const map = timers.current;
    if (held) {
      for (const t of map.values()) clearTimeout(t);
      map.clear();
      return;
    }
    for (const r of reports) {
      if (r.state !== "done" || map.has(r.key)) continue;
      const left = Math.max(2_000, DONE_VISIBLE_MS - (Date.now() - r.at));
      map.set(
        r.key,
        setTimeout(() => {
          map.delete(r.key);
          dismiss(r.key);
        }, left),
      );
    }
    for (const [key, t] of map) {
      if (!reports.some((r) => r.key === key)) {
        clearTimeout(t);
        map.delete(key);
      }
    }
  }, [reports, held, dismiss]);

  useEffect(() => {
    const map = timers.current;
    return () => {
      for (const t of map.values()) clearTimeout(t);
      map.clear();
    };
  }, []);

  return (
    <section
      aria-label="Changes and their outcomes"
      data-test="outcomes"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setHeld(false);
      }}
      className="pointer-events-none fixed inset-x-2 bottom-2 z-50 flex flex-col items-stretch gap-2 sm:inset-x-auto sm:left-4 sm:bottom-4 sm:w-[26rem]"
    >
      <ol aria-live="polite" aria-relevant="additions text" className="flex flex-col gap-2">
        {running.map((c) => (
          <Running key={c.key} change={c} />
        ))}
        {reports.map((r) => (
          <Outcome key={r.key} report={r} onDismiss={() => dismiss(r.key)} />
        ))}
      </ol>
    </section>
  );
}

function Running({ change: c }: { change: RunningChange }) {
  // Only a change in flight ticks every second.
  const now = useNow(1000);
  return (
    <li
      data-test="running-change"
      data-action={c.action}
      className="pointer-events-auto flex items-center gap-2 rounded-lg border border-info/40 bg-surface px-3 py-2 text-sm shadow-lg"
    >
      <Loader2 aria-hidden className="size-4 shrink-0 animate-spin text-info" />
      <span className="min-w-0 flex-1 truncate">
        <span className="font-medium">{c.label}</span>
        <span className="text-muted"> — working…</span>
        {/* aria-hidden: a live region must not announce a ticking counter every second. */}
        <span aria-hidden className="tabular text-muted"> {Math.max(0, Math.round((now - c.startedAt) / 1000))} s</span>
      </span>
    </li>
  );
}

function Outcome({ report: r, onDismiss }: { report: ChangeReport; onDismiss: () => void }) {
  const Icon = r.state === "done" ? CircleCheck : r.state === "failed" ? CircleX : Clock;
  return (
    <li
      data-test="outcome"
      data-state={r.state}
      role={r.state === "failed" ? "alert" : undefined}
      className={clsx(
        "pointer-events-auto rounded-lg border bg-surface px-3 py-2 text-sm shadow-lg",
        r.state === "done" ? "border-ok/50" : r.state === "failed" ? "border-err" : "border-warn",
      )}
    >
      <div className="flex items-start gap-2">
        <Icon aria-hidden className={clsx("mt-0.5 size-4 shrink-0", r.state === "done" ? "text-ok" : r.state === "failed" ? "text-err" : "text-warn")} />
        <div className="min-w-0 flex-1">
          <p>
            <span className={clsx("font-semibold", r.state === "done" ? "text-ok" : r.state === "failed" ? "text-err" : "text-warn")}>
              {STATE_TEXT[r.state]}:
            </span>{" "}
            <span className="font-medium" data-test="outcome-label">
              {r.label}
            </span>
          </p>
          <p className="mt-0.5 whitespace-pre-wrap break-words text-muted" data-test="outcome-message">
            {r.message}
          </p>
          {r.commands.length ? (
            <details className="mt-1 text-xs">
              <summary className="cursor-pointer rounded text-muted outline-none hover:text-fg focus-visible:ring-2 focus-visible:ring-accent">
                {r.commands.length === 1 ? "command run" : `${r.commands.length} commands run`}
              </summary>
              <pre className="mt-1 overflow-x-auto whitespace-pre-wrap [overflow-wrap:anywhere] rounded bg-surface-2 px-2 py-1 font-mono">{r.commands.join("\n")}</pre>
            </details>
          ) : null}
        </div>
        <button
          type="button"
          onClick={onDismiss}
          data-test="outcome-dismiss"
          aria-label={`Dismiss: ${r.label}`}
          className="rounded p-0.5 text-muted outline-none hover:bg-surface-2 hover:text-fg focus-visible:ring-2 focus-visible:ring-accent"
        >
          <X aria-hidden className="size-4" />
        </button>
      </div>
    </li>
  );
}
