"use client";
import clsx from "clsx";
import { CircleAlert, Loader2, Radio, WifiOff } from "lucide-react";
import { formatAge } from "./format-age";
import { useNow } from "./use-now";

/**
 * Where a view's data stands. `live`: the console holds a working agent connection and pushes changes;
 * `stale`: no agent of the cluster is reachable, the data is the last known state;
 * `reconnecting`: the browser lost the console (restart, network) and is retrying by itself.
 */
export type LinkState = "connecting" | "live" | "reconnecting" | "stale" | "error";

export function Freshness({
  state,
  updatedAt,
  detail,
  compact = false,
}: {
  state: LinkState;
  updatedAt: number | null;
  detail?: string | null;
  compact?: boolean;
}) {
  const now = useNow(state === "live" ? 200 : 1000);
  const age = updatedAt === null ? null : formatAge(now - updatedAt);
  const base = "inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-medium tabular";
  if (state === "live") {
    return (
      <span data-test="freshness" data-state="live" className={clsx(base, "bg-ok-soft text-ok")}>
        <Radio aria-hidden className="size-3.5" />
        {/* The agent pushes every change, so live data is current; the age is that of the last change. */}
        live{age !== null ? ` · last change ${age} ago` : ""}
      </span>
    );
  }
  if (state === "stale") {
    return (
      <span
        data-test="freshness"
        data-state="stale"
        title={detail ?? undefined}
        className={clsx(base, "bg-stale-soft text-fg ring-1 ring-stale")}
      >
        <WifiOff aria-hidden className="size-3.5" />
        <strong className="tracking-wide">STALE</strong>
        {compact ? "" : ` · unreachable${age !== null ? ` · last data ${age} ago` : ""}`}
      </span>
    );
  }
  if (state === "error") {
    return (
      <span data-test="freshness" data-state="error" title={detail ?? undefined} className={clsx(base, "bg-err-soft text-err")}>
        <CircleAlert aria-hidden className="size-3.5" />
        {detail ?? "error"}
      </span>
    );
  }
  return (
    <span data-test="freshness" data-state={state} className={clsx(base, "bg-warn-soft text-warn")}>
      <Loader2 aria-hidden className="size-3.5 animate-spin" />
      {state === "connecting" ? "connecting…" : "reconnecting…"}
      {state === "reconnecting" && age !== null && !compact ? ` · last data ${age} ago` : ""}
    </span>
  );
}
