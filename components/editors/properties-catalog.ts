// What the properties page lists: the cluster options Pacemaker's daemons describe about
// themselves (`pacemaker-schedulerd metadata`, -controld, -based), merged into one list, with the
// value the configuration holds beside the default. Pure: the page and its unit test share it.
import type { AgentMetadata, AgentParameter } from "@/lib/pacemaker/model-metadata";
import type { NvSet } from "@/lib/pacemaker";

export type OptionSection = "crm_config" | "rsc_defaults" | "op_defaults";

export interface OptionDef {
  name: string;
  type: string;
  default: string | null;
  /** the choices of a select */
  options: readonly string[];
  shortdesc: string;
  longdesc: string;
  advanced: boolean;
  deprecated: boolean;
  /** where the description comes from: the daemon, or "Pacemaker Explained" for the defaults' catalog */
  source: string;
  /** written by the cluster itself (dc-version…): shown, never edited */
  readOnly: boolean;
}

/**
 * The options an admin looks for first, in this order (the seeds' topics and the switches a
 * change window needs); everything else is listed after them, expert options folded.
 */
export const COMMON_PROPERTIES = [
  "stonith-enabled",
  "no-quorum-policy",
  "symmetric-cluster",
  "maintenance-mode",
  "stop-all-resources",
  "cluster-recheck-interval",
  "stonith-action",
  "stonith-timeout",
  "concurrent-fencing",
  "priority-fencing-delay",
  "placement-strategy",
  "start-failure-is-fatal",
  "shutdown-lock",
  "enable-acl",
  "cluster-name",
] as const;

/** Properties the controller writes (a value set by hand is overwritten at the next election). */
export const CLUSTER_WRITTEN = new Set(["dc-version", "cluster-infrastructure", "have-watchdog", "last-lrm-refresh"]);

/**
 * The daemons whose options are crm_config properties. pacemaker-fenced's `metadata` describes the
 * instance attributes of every fencing device (pcmk_host_list…), not cluster properties: those
 * belong on the device's own form.
 */
export const PROPERTY_DAEMONS = ["pacemaker-schedulerd", "pacemaker-controld", "pacemaker-based"] as const;

const DAEMON_LABEL: Record<string, string> = {
  "pacemaker-schedulerd": "scheduler",
  "pacemaker-controld": "controller",
  "pacemaker-based": "CIB manager",
};
export const daemonLabel = (d: string): string => DAEMON_LABEL[d] ?? d;

function fromParameter(p: AgentParameter, source: string): OptionDef {
  return {
    name: p.name,
    type: p.type,
    default: p.default,
    options: p.options,
    shortdesc: p.shortdesc,
    longdesc: p.longdesc,
    advanced: p.advanced,
    deprecated: p.deprecated,
    source,
    readOnly: CLUSTER_WRITTEN.has(p.name),
  };
}

/**
 * One entry per property name. Some options are described by two daemons (no-quorum-policy by the
 * scheduler and the controller): the first daemon in PROPERTY_DAEMONS that describes it wins.
 */
export function clusterOptions(daemons: Readonly<Record<string, AgentMetadata | null>>): OptionDef[] {
  const seen = new Map<string, OptionDef>();
  for (const d of PROPERTY_DAEMONS) {
    for (const p of daemons[d]?.parameters ?? []) {
      if (!seen.has(p.name)) seen.set(p.name, fromParameter(p, d));
    }
  }
  return [...seen.values()];
}

/** Daemons whose metadata could not be read (their options are then missing from the list). */
export function missingDaemons(daemons: Readonly<Record<string, AgentMetadata | null>>): string[] {
  return PROPERTY_DAEMONS.filter((d) => !daemons[d]);
}

/**
 * name → value as the scheduler reads a section: the sets without rules, first set wins (the sets
 * with rules apply only when their rule does, so they are not "the" value).
 */
export function effectiveValues(sets: readonly NvSet[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of sets) {
    if (s.rules.length > 0 || s.idRef) continue;
    for (const p of s.nvpairs) {
      if (p.value !== null && !(p.name in out)) out[p.name] = p.value;
    }
  }
  return out;
}

/** How many sets of the section are guarded by rules (not edited here: shown as a note). */
export const ruledSets = (sets: readonly NvSet[]): number => sets.filter((s) => s.rules.length > 0).length;

export interface OptionRow {
  def: OptionDef;
  /** the value the configuration sets, or null when the default applies */
  value: string | null;
}

export interface OptionGroups {
  common: OptionRow[];
  more: OptionRow[];
  /** expert and deprecated options: folded on the page */
  advanced: OptionRow[];
  /** set in the configuration but described by no metadata (typos, options of another version) */
  unknown: OptionRow[];
}

const inferType = (value: string): string => (/^(true|false)$/i.test(value) ? "boolean" : "string");

/** An entry for a name the metadata does not describe. */
export function unknownDef(name: string, value: string, source = "not described by Pacemaker's metadata"): OptionDef {
  return { name, type: inferType(value), default: null, options: [], shortdesc: "", longdesc: "", advanced: false, deprecated: false, source, readOnly: CLUSTER_WRITTEN.has(name) };
}

/** Does the option match the search (name, short or long description; every word must match)? */
export function matches(def: OptionDef, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = `${def.name} ${def.shortdesc} ${def.longdesc}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

/** The page's groups, each filtered by the search; `common` lists names in COMMON order. */
export function groupOptions(defs: readonly OptionDef[], values: Readonly<Record<string, string>>, query = "", common: readonly string[] = COMMON_PROPERTIES): OptionGroups {
  const byName = new Map(defs.map((d) => [d.name, d]));
  const row = (def: OptionDef): OptionRow => ({ def, value: values[def.name] ?? null });
  const keep = (r: OptionRow) => matches(r.def, query);
  const commonSet = new Set(common);
  const commonRows = common.flatMap((n) => (byName.has(n) ? [row(byName.get(n)!)] : []));
  const rest = defs.filter((d) => !commonSet.has(d.name));
  const byNameSort = (a: OptionRow, b: OptionRow) => a.def.name.localeCompare(b.def.name);
  const unknown = Object.keys(values)
    .filter((n) => !byName.has(n))
    .sort()
    .map((n) => ({ def: unknownDef(n, values[n]!), value: values[n]! }));
  return {
    common: commonRows.filter(keep),
    more: rest.filter((d) => !d.advanced && !d.deprecated).map(row).sort(byNameSort).filter(keep),
    advanced: rest.filter((d) => d.advanced || d.deprecated).map(row).sort(byNameSort).filter(keep),
    unknown: unknown.filter(keep),
  };
}
