import { memo } from "react";
import type { ClusterStatus } from "@/lib/pacemaker";
import { Badge } from "@/components/ui/badge";
import type { Tone } from "@/components/ui/tone";
import type { ClusterHealth } from "@/components/status/health";
import { Stat } from "./stat";

/**
 * crm_mon's "Cluster Summary" as figures: counts first (what an operator checks at 3 a.m.), then
 * who is DC, quorum, and the cluster options that change how the cluster behaves.
 */
export const SummaryHeader = memo(function SummaryHeader({
  summary,
  health,
}: {
  summary: ClusterStatus["summary"];
  health: ClusterHealth;
}) {
  const c = health.counts;
  const dc = summary.dc;
  const quorum = dc ? dc.withQuorum : null;
  const failures = c.resourcesFailed + c.failedActions;
  return (
    <div className="space-y-3">
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
        <Stat
          test="stat-nodes"
          label="Nodes online"
          value={`${c.nodesOnline} / ${c.nodesTotal}`}
          tone={c.nodesOnline < c.nodesTotal ? "err" : "ok"}
        />
        <Stat
          test="stat-resources"
          label="Resources active"
          value={`${c.resourcesActive} / ${c.resourcesTotal}`}
          sub={c.resourcesDisabled ? `${c.resourcesDisabled} disabled` : undefined}
          tone={c.resourcesFailed ? "err" : "ok"}
        />
        <Stat
          test="stat-failures"
          label="Failures"
          value={failures}
          sub={failures ? `${c.resourcesFailed} failed · ${c.failedActions} actions` : "none"}
          tone={c.resourcesFailed ? "err" : c.failedActions ? "warn" : "ok"}
        />
        <Stat
          test="stat-dc"
          label="DC"
          value={dc ? dc.name : summary.dcReported ? "none" : "—"}
          sub={dc ? dc.version : undefined}
          tone={summary.dcReported && !dc ? "err" : "neutral"}
        />
        <Stat
          test="stat-quorum"
          label="Quorum"
          value={quorum === null ? "—" : quorum ? "yes" : "NO"}
          sub={summary.clusterOptions ? `no-quorum-policy: ${summary.clusterOptions.noQuorumPolicy}` : undefined}
          tone={quorum === false ? "err" : quorum ? "ok" : "neutral"}
        />
        <Stat
          test="stat-stack"
          label="Stack"
          value={summary.stack ?? "—"}
          sub={`${summary.nodesConfigured} nodes · ${summary.resourcesConfigured} instances`}
        />
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-xs text-muted">
        {summary.lastChange ? <LastChange change={summary.lastChange} /> : null}
        {summary.lastUpdate ? <span>crm_mon ran {summary.lastUpdate}</span> : null}
        <ClusterOptions options={summary.clusterOptions} />
      </div>
    </div>
  );
});

function ClusterOptions({ options }: { options: ClusterStatus["summary"]["clusterOptions"] }) {
  if (!options) return null;
  const items: { name: string; value: string; tone: Tone }[] = [
    { name: "stonith-enabled", value: String(options.stonithEnabled), tone: options.stonithEnabled ? "neutral" : "warn" },
    { name: "no-quorum-policy", value: options.noQuorumPolicy, tone: options.noQuorumPolicy === "ignore" ? "warn" : "neutral" },
    { name: "maintenance-mode", value: String(options.maintenanceMode), tone: options.maintenanceMode ? "warn" : "neutral" },
    { name: "stop-all-resources", value: String(options.stopAllResources), tone: options.stopAllResources ? "warn" : "neutral" },
    { name: "symmetric-cluster", value: String(options.symmetricCluster), tone: "neutral" },
  ];
  return (
    <span data-test="cluster-options" className="flex flex-wrap gap-1.5">
      {items.map((o) => (
        <Badge key={o.name} tone={o.tone} test={`option:${o.name}`}>
          <span className="font-normal opacity-80">{o.name}</span> {o.value}
        </Badge>
      ))}
    </span>
  );
}

/**
 * "Last change <time> by <user> via <client> on <node>", leaving out what the CIB does not say (a
 * CIB written by hand or by a generator may carry none of it): never a bare "by via on".
 */
function LastChange({ change }: { change: NonNullable<ClusterStatus["summary"]["lastChange"]> }) {
  const parts = ([
    ["by", change.user],
    ["via", change.client],
    ["on", change.origin],
  ] as [string, string][]).filter(([, value]) => value.trim() !== "");
  if (!change.time.trim() && parts.length === 0) return null;
  return (
    <span data-test="last-change">
      Last change {change.time.trim() ? <span className="text-fg">{change.time}</span> : "(time unknown)"}
      {parts.map(([word, value]) => ` ${word} ${value}`).join("")}
    </span>
  );
}
