"use client";
import clsx from "clsx";
import { PowerOff, Wrench } from "lucide-react";
import Link from "next/link";
import { memo } from "react";
import type { ClusterSummary as ServerClusterSummary } from "@/server/hub/views";
import { toneBorder, toneText, type Tone } from "@/components/ui/tone";
import { formatAge } from "@/components/live/format-age";
import { useNow } from "@/components/live/use-now";
import { HealthBadge } from "@/components/status/health-badge";
import { healthTone } from "@/components/status/health";

export type ClusterSummary = ServerClusterSummary;

/** One cluster at a glance: health, the counts that matter, and how old the data is. */
export const ClusterCard = memo(function ClusterCard({ cluster }: { cluster: ClusterSummary }) {
  const h = cluster.health;
  const c = h.counts;
  const stale = cluster.freshness.stale || !cluster.freshness.reachable;
  const level = stale ? "unreachable" : h.level;
  const noQuorum = h.reasons.some((r) => /without quorum/i.test(r));
  return (
    <Link
      href={`/clusters/${encodeURIComponent(cluster.name)}`}
      data-test={`cluster-card:${cluster.name}`}
      data-health={level}
      className={clsx(
        "block rounded-lg border border-l-4 bg-surface p-4 transition-shadow hover:shadow-md",
        toneBorder[healthTone[level]],
      )}
    >
      <div className="flex items-center gap-2">
        <h2 className="truncate text-lg font-semibold">{cluster.name}</h2>
        <span className="ml-auto">
          <HealthBadge health={level} />
        </span>
      </div>
      {cluster.maintenanceMode || cluster.stopAllResources ? (
        <div className={clsx("mt-2 flex flex-wrap gap-1.5", stale && "stale-data")}>
          {cluster.maintenanceMode ? (
            <span
              data-test="card-maintenance"
              className="inline-flex items-center gap-1 rounded border border-warn bg-warn-soft px-1.5 py-0.5 text-xs font-semibold text-warn"
            >
              <Wrench aria-hidden className="size-3.5" /> MAINTENANCE MODE: resources unmanaged
            </span>
          ) : null}
          {cluster.stopAllResources ? (
            <span
              data-test="card-stop-all"
              className="inline-flex items-center gap-1 rounded border border-err bg-err-soft px-1.5 py-0.5 text-xs font-semibold text-err"
            >
              <PowerOff aria-hidden className="size-3.5" /> STOP-ALL: every resource kept stopped
            </span>
          ) : null}
        </div>
      ) : null}
      <div className={clsx("mt-3 grid grid-cols-3 gap-2", stale && "stale-data")}>
        <Figure label="Nodes online" value={`${c.nodesOnline}/${c.nodes}`} tone={c.nodesOnline < c.nodes ? "err" : "ok"} />
        <Figure label="Resources active" value={`${c.resourcesActive}/${c.resources}`} tone={c.resourcesActive < c.resources ? "warn" : "ok"} />
        <Figure label="Failures" value={String(c.failures)} tone={c.failures ? "err" : "ok"} />
      </div>
      <dl className={clsx("mt-3 grid grid-cols-2 gap-x-3 gap-y-1 text-xs", stale && "stale-data")}>
        <dt className="text-muted">DC</dt>
        <dd className="truncate" data-test="card-dc">
          {cluster.dc ?? "—"}
        </dd>
        <dt className="text-muted">Quorum</dt>
        <dd className={noQuorum ? "font-semibold text-err" : ""}>{cluster.dc ? (noQuorum ? "NO" : "yes") : "—"}</dd>
      </dl>
      {h.reasons.length && level !== "ok" ? (
        <ul className="mt-3 space-y-0.5 text-xs text-muted">
          {h.reasons.slice(0, 3).map((r) => (
            <li key={r} className="truncate">
              • {r}
            </li>
          ))}
          {h.reasons.length > 3 ? <li>… {h.reasons.length - 3} more</li> : null}
        </ul>
      ) : null}
      <Updated receivedAt={cluster.freshness.receivedAt} stale={stale} />
    </Link>
  );
});

function Figure({ label, value, tone }: { label: string; value: string; tone: Tone }) {
  return (
    <div className="rounded-md bg-surface-2 px-2 py-1.5">
      <div className="text-[10px] font-medium uppercase tracking-wide text-muted">{label}</div>
      <div className={clsx("tabular text-lg font-semibold", toneText[tone])}>{value}</div>
    </div>
  );
}

function Updated({ receivedAt, stale }: { receivedAt: Date | null; stale: boolean }) {
  const now = useNow(1000);
  const age = receivedAt ? formatAge(now - new Date(receivedAt).getTime()) : null;
  return (
    <p className={clsx("tabular mt-3 text-xs", stale ? "font-semibold text-stale" : "text-muted")} data-test="card-updated">
      {stale ? "STALE · " : "live · "}
      {/* Live agents push only changes: while live, the age is that of the last change, not of the data. */}
      {age ? (stale ? `last data ${age} ago` : `last change ${age} ago`) : "no data yet"}
    </p>
  );
}
