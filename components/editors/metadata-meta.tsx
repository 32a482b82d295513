"use client";
// A resource's meta attributes: how Pacemaker treats it (not what the agent is told). The common
// ones are suggested with a line of help each; any other name may be typed.
import { NameValueRows } from "./metadata-params";

export const RESOURCE_META: Record<string, string> = {
  "target-role": "Started, Stopped, or Promoted/Unpromoted: the state the cluster keeps the resource in.",
  "is-managed": "false: the cluster watches but never starts, stops or moves it (for maintenance by hand).",
  "resource-stickiness": "How much it prefers to stay where it runs (a score); higher keeps it from moving back after a failover.",
  "migration-threshold": "After this many failures on a node, it moves away from that node (0: never).",
  "failure-timeout": "Failures older than this (e.g. 10min) are forgotten, so it may return to that node.",
  priority: "When not everything can run, resources with a higher priority are kept running first.",
  "multiple-active": "What to do when found running on more than one node: stop_start (default), stop_only, block, stop_unexpected.",
  "allow-migrate": "true: move it by live migration (migrate_to/migrate_from) instead of stop and start.",
  maintenance: "true: like is-managed=false, and its monitors stop too.",
  critical: "false: its colocation dependencies never force other resources to stop.",
  "resource-discovery": "Not a meta attribute: set per node with a location constraint.",
  "allow-unhealthy-nodes": "true: it may run on nodes whose health attributes are bad (health checks of its own).",
};
// resource-discovery is a location-constraint setting people look for here; not suggested.
const SUGGESTED = Object.keys(RESOURCE_META).filter((k) => k !== "resource-discovery");

export function MetaAttributes() {
  return (
    <fieldset className="space-y-2" data-test="resource-meta">
      <legend className="text-sm font-semibold">Meta attributes</legend>
      <p className="text-xs text-muted">How the cluster treats the resource. Pick a name from the suggestions or type any other.</p>
      <NameValueRows field="meta" what="meta attribute" title="" test="meta" suggestions={SUGGESTED} helpFor={(name) => RESOURCE_META[name.trim()] ?? null} />
    </fieldset>
  );
}
