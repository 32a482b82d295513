// The resource and operation defaults (rsc_defaults, op_defaults). Pacemaker's daemons do not
// describe these in their `metadata`, so the catalog is written here from "Pacemaker Explained"
// (2.1: resource meta-attributes, operation properties): name, type, default, and what it does.
import type { OptionDef } from "./properties-catalog";

type Entry = Omit<OptionDef, "source" | "readOnly" | "advanced" | "deprecated" | "options"> & {
  options?: readonly string[];
  advanced?: boolean;
  deprecated?: boolean;
};

const SOURCE = "Pacemaker Explained";

function defs(entries: readonly Entry[]): OptionDef[] {
  return entries.map((e) => ({ options: [], advanced: false, deprecated: false, ...e, source: SOURCE, readOnly: false }));
}

export const RSC_DEFAULTS: readonly OptionDef[] = defs([
  {
    name: "resource-stickiness",
    type: "score",
    default: "0",
    shortdesc: "How much a resource prefers to stay where it is running",
    longdesc:
      "A score added to the node a resource is running on. With 0 the cluster may move resources back as soon as a preferred node returns (a failback); with a value higher than your location preferences, a resource stays on the node it failed over to until you move it. Clone instances default to 1.",
  },
  {
    name: "migration-threshold",
    type: "score",
    default: "INFINITY",
    shortdesc: "How many failures on a node before the resource is moved away from it",
    longdesc: "After this many failures of a resource on a node, the node is banned for that resource until the fail count expires (failure-timeout) or is cleaned up. INFINITY: the resource is recovered in place until a start fails (start-failure-is-fatal).",
  },
  {
    name: "failure-timeout",
    type: "time",
    default: "0",
    shortdesc: "How long until a failure is forgotten",
    longdesc: "Seconds (or a duration such as 10min) after which a resource's failures no longer count towards migration-threshold. 0: failures are kept until cleaned up by hand. Checked at cluster-recheck-interval.",
  },
  { name: "priority", type: "integer", default: "0", shortdesc: "Which resources stay up when not all can run", longdesc: "When not every resource can run, the cluster stops lower-priority resources to keep higher-priority ones active." },
  {
    name: "target-role",
    type: "select",
    default: "Started",
    options: ["Started", "Stopped", "Unpromoted", "Promoted"],
    shortdesc: "The state the cluster keeps the resource in",
    longdesc: "Stopped keeps the resource stopped; Unpromoted keeps a promotable clone from being promoted; Started and Promoted allow everything (Promoted is the same as Started).",
  },
  { name: "is-managed", type: "boolean", default: "true", shortdesc: "Whether the cluster may start and stop the resource", longdesc: "false: the cluster still monitors the resource but never starts, stops or recovers it (unmanaged)." },
  { name: "maintenance", type: "boolean", default: "false", shortdesc: "Whether the resource is in maintenance", longdesc: "true: the resource is unmanaged and its recurring monitors are stopped." },
  {
    name: "multiple-active",
    type: "select",
    default: "stop_start",
    options: ["block", "stop_only", "stop_start", "stop_unexpected"],
    shortdesc: "What to do when the resource is found active on more than one node",
    longdesc: "block: mark it unmanaged; stop_only: stop every instance; stop_start: stop every instance and start one; stop_unexpected: stop only the unexpected instances.",
  },
  { name: "allow-migrate", type: "boolean", default: "false", shortdesc: "Whether to live-migrate the resource instead of stopping and starting it", longdesc: "The agent must support migrate_to and migrate_from (VirtualDomain, for example)." },
  {
    name: "critical",
    type: "boolean",
    default: "true",
    advanced: true,
    shortdesc: "Whether the resource's colocations with others may make it stop",
    longdesc: "The default for the influence option of the resource's colocation constraints: false lets a dependent resource stop rather than move the resources it depends on.",
  },
  {
    name: "requires",
    type: "select",
    default: "fencing",
    options: ["nothing", "quorum", "fencing", "unfencing"],
    advanced: true,
    shortdesc: "What must be true before the resource may start",
    longdesc: "fencing (when stonith-enabled): every unclean node has been fenced; quorum: the partition has quorum; nothing: always; unfencing: the node has been unfenced (fence_scsi).",
  },
  { name: "allow-unhealthy-nodes", type: "boolean", default: "false", advanced: true, shortdesc: "Whether the resource may run on nodes with a red health status", longdesc: "Used with node-health-strategy: true keeps health agents themselves running on unhealthy nodes." },
]);

export const OP_DEFAULTS: readonly OptionDef[] = defs([
  { name: "timeout", type: "time", default: "20s", shortdesc: "How long an operation may take before it is considered failed", longdesc: "Applies to every operation that sets no timeout of its own; an agent's advised timeouts are usually longer for start and stop." },
  {
    name: "on-fail",
    type: "select",
    default: "restart",
    options: ["ignore", "block", "demote", "stop", "restart", "standby", "fence"],
    shortdesc: "What to do when an operation fails",
    longdesc: "restart (the default; stop fails with fence when fencing is enabled, else block): recover the resource; ignore: pretend it succeeded; block: do nothing more with it; stop: stop it and keep it stopped; demote: demote a promoted instance; standby: move every resource off the node; fence: fence the node.",
  },
  { name: "record-pending", type: "boolean", default: "true", shortdesc: "Whether pending operations are shown as pending", longdesc: "true: a start or stop in progress is recorded in the status, so tools can show what is running now." },
  { name: "enabled", type: "boolean", default: "true", shortdesc: "Whether operations run at all", longdesc: "false on a recurring monitor pauses it (a resource's own op may override this default)." },
  { name: "interval-origin", type: "time", default: null, advanced: true, shortdesc: "The time recurring operations are aligned to", longdesc: "An ISO 8601 date/time: recurring operations run at this time plus multiples of their interval." },
  { name: "start-delay", type: "time", default: "0", advanced: true, deprecated: true, shortdesc: "Wait this long before running the operation (deprecated)", longdesc: "Deprecated in Pacemaker 2.1: delays the first monitor after a start." },
]);

/** The names shown first for each defaults section, in order. */
export const COMMON_RSC_DEFAULTS = ["resource-stickiness", "migration-threshold", "failure-timeout", "priority", "target-role", "is-managed"] as const;
export const COMMON_OP_DEFAULTS = ["timeout", "on-fail", "record-pending"] as const;
