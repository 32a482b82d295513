/**
 * Which actions apply to a resource, from what the status and the CIB say about it. Pure (no
 * React), so the rules are unit-tested: promote/demote only on promotable clones, the promoted-role
 * option only there, move only where "where it runs" is one place, restart only while it runs.
 */
import type { Constraint, Primitive, Resource } from "@/lib/pacemaker";

/** The few facts about a resource the rules read (a subset of components/cluster's ResourceDetails). */
export interface ResourceFacts {
  id: string;
  resource: Resource | null;
  instances: Primitive[];
  /** the configuration's meta attributes, as name → value (target-role, is-managed) */
  meta: Record<string, string>;
  /** containers around it, innermost first */
  parents: string[];
  constraints: Constraint[];
}

export interface ResourceActionPlan {
  /** the id start/stop/manage/cleanup act on: the resource the panel shows */
  rsc: string;
  /** the id move/ban/clear act on: a group member or a clone's child moves with its container */
  placeRsc: string;
  /** why placeRsc differs from rsc, for the panel ("moves the whole group balanceGroup") */
  placeNote: string | null;
  kind: Resource["kind"] | "unknown";
  promotable: boolean;
  /** target-role says Stopped (the resource is disabled): offer Start, not Stop */
  disabled: boolean;
  managed: boolean;
  running: boolean;
  runningOn: string[];
  promotedOn: string[];
  canRestart: boolean;
  /** move needs one place: a primitive, a group, a bundle, a promotable clone's promoted instance */
  canMove: boolean;
  moveNote: string | null;
  /** cli-prefer-/cli-ban- constraints on placeRsc that "clear" would remove */
  cliConstraints: string[];
}

const unique = (xs: string[]): string[] => [...new Set(xs)];
const stopped = (v: string | null | undefined): boolean => v?.toLowerCase() === "stopped";

export function planResourceActions(f: ResourceFacts): ResourceActionPlan {
  const r = f.resource;
  const rsc = r?.id ?? f.id;
  // The clone around a member (a clone's child id opens the clone; a cloned group member is inside
  // both), else the group around a member: constraints on a member fight its group's colocation.
  const outer = f.parents.length ? f.parents[f.parents.length - 1]! : null;
  const placeRsc = outer ?? rsc;
  const placeNote = outer && outer !== rsc ? `moves, bans and clears act on ${outer}, which ${rsc} belongs to` : null;
  const kind = r?.kind ?? "unknown";
  const promotable = r?.kind === "clone" && r.promotable;
  const targetRole = f.meta["target-role"] ?? (r && "targetRole" in r ? r.targetRole : null) ?? null;
  const managedMeta = f.meta["is-managed"];
  const managed =
    managedMeta !== undefined ? !["false", "no", "off", "0", "n"].includes(managedMeta.toLowerCase()) : r ? r.managed : true;
  const active = f.instances.filter((p) => p.active);
  const runningOn = unique(active.flatMap((p) => p.nodes.map((n) => n.name)));
  const promotedOn = unique(f.instances.filter((p) => p.role === "Promoted").flatMap((p) => p.nodes.map((n) => n.name)));
  const disabled = stopped(targetRole) || (r?.kind === "group" && r.disabled) || (r?.kind === "clone" && r.disabled);
  let canMove = true;
  let moveNote: string | null = null;
  if (kind === "clone" && !promotable) {
    canMove = false;
    moveNote = "a clone runs on several nodes at once: ban it from a node instead";
  }
  if (kind === "unknown") {
    canMove = false;
    moveNote = "not in the cluster's status";
  }
  const cli = f.constraints
    .map((c) => c.id)
    .filter((id) => id === `cli-prefer-${placeRsc}` || id.startsWith(`cli-ban-${placeRsc}-on-`));
  return {
    rsc,
    placeRsc,
    placeNote,
    kind,
    promotable,
    disabled,
    managed,
    running: runningOn.length > 0,
    runningOn,
    promotedOn,
    canRestart: runningOn.length > 0,
    canMove,
    moveNote,
    cliConstraints: unique(cli),
  };
}

/** name → value of every nvpair in a list of meta attribute sets (the first set wins, as Pacemaker reads them). */
export function metaMap(sets: readonly { nvpairs: readonly { name: string; value: string | null }[] }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of sets) for (const p of s.nvpairs) if (p.value !== null && !(p.name in out)) out[p.name] = p.value;
  return out;
}
