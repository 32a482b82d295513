"use client";
import clsx from "clsx";
import { useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { useClusterLive } from "@/components/live/cluster-live";
import { clusterHealth } from "@/components/status/health";
import { FailedActions } from "./failed-actions";
import { Failcounts } from "./failcounts";
import { resourceDetails } from "./find-resource";
import { MovesBans } from "./moves-bans";
import { NodeList } from "./node-list";
import { ResourceDetailsPanel } from "./resource-details";
import { emptyFilter, type ResourceFilter } from "./resource-rows";
import { ResourcesPanel } from "./resources-panel";
import { SummaryHeader } from "./summary-header";
import { FencingHistory, Tickets } from "./tickets-fencing";
import { WarningsBanner } from "./warnings-banner";
import { NoStatus } from "./no-status";
import { unavailableReason } from "./cluster-header";

/** Shown by the cluster header's own banner (with its switch), on every page of the cluster. */
const HEADER_BANNERS = new Set(["maintenance-mode", "stop-all-resources"]);

/** The cluster page: crm_mon's whole picture, arranged for reading at a glance. */
export function ClusterOverview() {
  const live = useClusterLive();
  const status = live.status;
  const params = useSearchParams();
  // ?node=N filters the resources to a node and ?resource=R opens its details: links from the
  // audit history (and bookmarks) land on what they name.
  const [filter, setFilter] = useState<ResourceFilter>(() => ({ ...emptyFilter, node: params.get("node") ?? "" }));
  const selected = params.get("resource");
  const setSelected = useCallback((id: string | null) => {
    const url = new URL(window.location.href);
    if (id) url.searchParams.set("resource", id);
    else url.searchParams.delete("resource");
    // Native history (Next keeps useSearchParams in step): opening a drawer costs no server round trip.
    // (null state: Next ignores calls that carry its own internal state)
    window.history.replaceState(null, "", url);
  }, []);
  const onSelectNode = useCallback((node: string) => setFilter((f) => ({ ...f, node: f.node === node ? "" : node })), []);
  const onClose = useCallback(() => setSelected(null), [setSelected]);
  const health = useMemo(() => (status ? clusterHealth(status, live.link !== "stale") : null), [status, live.link]);
  const currentlyFailed = useMemo(() => {
    const ids = new Set<string>();
    if (!status) return ids;
    for (const top of status.resources) {
      if (top.kind === "primitive" && top.failed) ids.add(top.id);
      if (top.kind === "group") top.children.filter((p) => p.failed).forEach((p) => ids.add(p.id));
      if (top.kind === "clone") {
        for (const c of top.children) {
          if (c.kind === "primitive" && c.failed) ids.add(c.id);
          if (c.kind === "group") c.children.filter((p) => p.failed).forEach((p) => ids.add(p.id));
        }
      }
    }
    return ids;
  }, [status]);
  const details = useMemo(() => (status && selected ? resourceDetails(status, selected) : null), [status, selected]);
  const warnings = useMemo(() => (status ? status.warnings.filter((w) => !HEADER_BANNERS.has(w.code)) : []), [status]);
  const unavailable = unavailableReason(live);

  if (!status || !health) return <NoStatus />;
  const notLive = live.link !== "live";
  return (
    <div className={clsx("space-y-4", notLive && "stale-data")} data-test="cluster-overview" data-live={!notLive}>
      <SummaryHeader summary={status.summary} health={health} />
      <WarningsBanner warnings={warnings} />
      <NodeList cluster={live.name} nodes={status.nodes} selectedNode={filter.node} onSelectNode={onSelectNode} unavailable={unavailable} />
      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_30rem]">
        <ResourcesPanel status={status} filter={filter} onFilter={setFilter} selectedId={selected} onOpen={setSelected} />
        <div className="space-y-4">
          <FailedActions cluster={live.name} failures={status.failures} currentlyFailed={currentlyFailed} onOpen={setSelected} unavailable={unavailable} />
          <Failcounts cluster={live.name} history={status.nodeHistory} onOpen={setSelected} unavailable={unavailable} />
          <MovesBans cluster={live.name} constraints={status.configuration?.constraints ?? null} bans={status.bans} onOpen={setSelected} unavailable={unavailable} />
          <Tickets cluster={live.name} tickets={status.tickets} unavailable={unavailable} />
          <FencingHistory events={status.fenceHistory} />
        </div>
      </div>
      {details ? <ResourceDetailsPanel details={details} onClose={onClose} /> : null}
    </div>
  );
}
