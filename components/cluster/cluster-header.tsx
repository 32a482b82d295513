"use client";
import clsx from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Freshness } from "@/components/live/freshness";
import { useClusterLive } from "@/components/live/cluster-live";
import { HealthBadge } from "@/components/status/health-badge";
import { ClusterActions, ClusterModeBanner } from "@/components/actions/cluster-actions";
import { StaleBanner } from "./warnings-banner";

/** Why no change can run on the cluster now (shown on every disabled control), or null. */
export function unavailableReason(live: { link: string; removed: boolean }): string | null {
  if (live.removed) return "this cluster was removed from the console";
  if (live.link === "stale") return "no agent of this cluster is reachable";
  return null;
}

/**
 * Name, health, freshness, the cluster-wide switches and the three views of a cluster; the same on
 * every tab, so the maintenance banner is on every page of the cluster while it is on.
 */
export function ClusterHeader() {
  const live = useClusterLive();
  const path = usePathname();
  const base = `/clusters/${encodeURIComponent(live.name)}`;
  const tabs = [
    { href: base, label: "Overview", test: "tab-overview" },
    { href: `${base}/nodes`, label: "By node", test: "tab-nodes" },
    { href: `${base}/attributes`, label: "Node attributes", test: "tab-attributes" },
    { href: `${base}/timeline`, label: "Timeline", test: "tab-timeline" },
    // its own sub-pages (resources, constraints, graph, properties, access, raw) keep it active
    { href: `${base}/config`, label: "Configuration", test: "tab-config", prefix: true },
  ];
  const health = live.link === "stale" ? "unreachable" : (live.health?.level ?? null);
  const clusterName = live.status?.summary.clusterName;
  const options = live.status?.summary.clusterOptions ?? null;
  const unavailable = unavailableReason(live);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight" data-test="cluster-name">
          {live.name}
        </h1>
        {clusterName && clusterName !== live.name ? <span className="text-sm text-muted">cluster-name {clusterName}</span> : null}
        {health ? (
          // Without a live link the last health is history: greyed like the data it describes.
          <span className={clsx(live.link !== "live" && live.link !== "stale" && "stale-data")}>
            <HealthBadge health={health} size="lg" title={live.health?.reasons.join("\n")} />
          </span>
        ) : null}
        {live.health && live.health.reasons.length && health !== "ok" ? (
          <span className="hidden max-w-xl truncate text-sm text-muted lg:inline" title={live.health.reasons.join("\n")}>
            {live.health.reasons.slice(0, 3).join(" · ")}
            {live.health.reasons.length > 3 ? ` · +${live.health.reasons.length - 3} more` : ""}
          </span>
        ) : null}
        <span className="ml-auto flex items-center gap-2">
          {live.freshness?.source?.node ? (
            <span className="hidden text-xs text-muted sm:inline" data-test="served-by">
              via agent on {live.freshness.source.node}
            </span>
          ) : null}
          <Freshness state={live.link} updatedAt={live.updatedAt} detail={live.detail} />
        </span>
      </div>
      {live.removed ? (
        <div className="rounded-lg border border-warn bg-warn-soft px-4 py-2.5 text-sm">This cluster was removed from the console.</div>
      ) : null}
      {live.link === "stale" && live.status ? <StaleBanner detail={live.detail} /> : null}
      <ClusterModeBanner cluster={live.name} options={options} unavailable={unavailable} />
      <div className="flex flex-wrap items-end gap-x-3 gap-y-2 border-b border-line">
        <nav className="-mb-px flex max-w-full gap-1 overflow-x-auto text-sm" aria-label="Cluster views">
          {tabs.map((t) => {
            const active = t.prefix ? path.startsWith(t.href) : path === t.href;
            return (
              <Link
                key={t.href}
                href={t.href}
                data-test={t.test}
                aria-current={active ? "page" : undefined}
                className={clsx(
                  "block whitespace-nowrap border-b-2 px-3 py-2",
                  active ? "border-accent font-medium text-fg" : "border-transparent text-muted hover:text-fg",
                )}
              >
                {t.label}
              </Link>
            );
          })}
        </nav>
        <div className="ml-auto pb-1.5">
          <ClusterActions cluster={live.name} options={options} unavailable={unavailable} />
        </div>
      </div>
    </div>
  );
}
