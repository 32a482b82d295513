// What happened in the cluster between two status snapshots, in words: node lost / joined /
// fenced, resource failed / recovered / moved / started / stopped / promoted / demoted, quorum,
// maintenance, standby. Pure: the recorder (recorder.ts) stores what this returns.
//
// Both snapshots are first reduced to a small summary of the facts events are made of (where each
// resource runs and in which role, node states, failures, fencing history); events are the
// differences between two summaries. Rules that keep the timeline honest:
// - one event per (kind, subject) per snapshot pair: ClusterEvent is unique on (cluster, kind,
//   subject, statusEpoch), so a clone stopping on two nodes at once is one event naming both;
// - nothing from nothing: a resource or node that is only in one of the two snapshots (added to or
//   removed from the configuration) gives no event, and the recorder never derives from a first
//   snapshot;
// - a failure already there gives no new event; only a failure record that is new (or whose call /
//   last-rc-change moved on) or a resource newly flagged FAILED does;
// - a group whose members all move together is one event about the group, not one per member; a
//   member that does something else (one member stopped) gets its own.
import { createHash } from "node:crypto";
import { failureResource, type ClusterStatus, type Failure, type FenceEvent, type Primitive, type Resource } from "@/lib/pacemaker";
import type { EventKind } from "./kinds";

export interface DerivedEvent {
  kind: EventKind;
  /** the node or resource it is about; "" for cluster-wide events */
  subject: string;
  message: string;
  details: Record<string, unknown>;
  /**
   * Set when the event is not tied to a CIB change (fencing history lives in the fencer, not the
   * CIB): it is appended to the stored statusEpoch, so two fencings of one node between two CIB
   * versions stay two events, and every console still derives the same key.
   */
  epochKey?: string;
}

// ---- summary ----

interface NodeFacts {
  type: "member" | "remote" | "guest";
  online: boolean;
  standby: boolean;
  maintenance: boolean;
  unclean: boolean;
  /** the CIB's node_state was last written by fencing (the controller or crm_simulate) */
  fencedState: boolean;
}

type UnitKind = "primitive" | "group" | "member" | "clone" | "replica" | "bundle";

interface Unit {
  id: string;
  kind: UnitKind;
  /** the group of a member, the bundle of a replica */
  parent: string | null;
  /** node → role, for every node it is active on */
  placements: Map<string, string>;
  /** some primitive of it is flagged FAILED by crm_mon */
  failedOn: string[];
  targetRole: string | null;
  /** members of a group (for the message) */
  members: string[];
}

interface FailureFact {
  version: string;
  failure: Failure;
}

export interface StatusSummary {
  nodes: Map<string, NodeFacts>;
  units: Map<string, Unit>;
  /** owner unit id → failure key (op key @ node) → fact */
  failures: Map<string, Map<string, FailureFact>>;
  /** fencing history entries by identity; null when crm_mon did not report the section */
  fencing: Map<string, FenceEvent> | null;
  quorum: boolean | null;
  dc: string | null;
  maintenance: boolean | null;
  /** when crm_mon ran (its last_update, read in the console's time zone), ms; null when unknown */
  lastUpdate: number | null;
}

export interface DeriveOptions {
  /**
   * When the console received `prev` (its own clock). Fencing entries of a history section that
   * `prev` did not have are new only if they completed after this (less a clock-skew slack);
   * without it, prev's crm_mon last_update stands in.
   */
  prevAt?: Date;
}

/** Clocks of nodes and console differ a little; a fencing this much before prev still counts. */
const FENCE_SLACK_MS = 120_000;

function parseTime(s: string | null | undefined): number | null {
  if (!s) return null;
  const t = new Date(s.replace(/^(\d{4}-\d{2}-\d{2}) /, "$1T")).getTime();
  return Number.isNaN(t) ? null : t;
}

/** node_state origins that mean "this node was fenced" (the controller's, crm_simulate's). */
const FENCE_ORIGINS = new Set(["send_stonith_update", "simulate_fencing_action", "tengine_stonith_callback"]);

/** Pacemaker 1.x role names, as some crm_mon outputs still print them. */
function normRole(role: string): string {
  if (role === "Master") return "Promoted";
  if (role === "Slave") return "Unpromoted";
  return role;
}

function primitivePlacements(p: Primitive, into: Map<string, string>): void {
  if (p.role === "Stopped" || p.nodes.length === 0) return;
  const role = normRole(p.role);
  for (const n of p.nodes) {
    const had = into.get(n.name);
    // A node holds one role per unit: Promoted wins (a cloned group with one promoted member).
    if (had !== "Promoted") into.set(n.name, role);
  }
}

function newUnit(id: string, kind: UnitKind, parent: string | null, targetRole: string | null): Unit {
  return { id, kind, parent, placements: new Map(), failedOn: [], targetRole, members: [] };
}

function flagFailed(unit: Unit, p: Primitive): void {
  if (p.failed) for (const n of p.nodes) if (!unit.failedOn.includes(n.name)) unit.failedOn.push(n.name);
}

function summarizeResources(resources: Resource[], units: Map<string, Unit>, owner: Map<string, string>): void {
  const add = (u: Unit): Unit => {
    units.set(u.id, u);
    return u;
  };
  for (const r of resources) {
    switch (r.kind) {
      case "primitive": {
        const u = add(newUnit(r.id, "primitive", null, r.targetRole));
        primitivePlacements(r, u.placements);
        flagFailed(u, r);
        owner.set(r.id, r.id);
        break;
      }
      case "group": {
        const g = add(newUnit(r.id, "group", null, null));
        for (const c of r.children) {
          const m = add(newUnit(c.id, "member", r.id, c.targetRole));
          primitivePlacements(c, m.placements);
          primitivePlacements(c, g.placements);
          flagFailed(m, c);
          g.members.push(c.id);
          owner.set(c.id, c.id);
        }
        for (const [node] of g.placements) g.placements.set(node, "Started");
        break;
      }
      case "clone": {
        // Instances of an anonymous clone all share one id: the clone is the unit, placed by node.
        const u = add(newUnit(r.id, "clone", null, r.targetRole));
        for (const inst of r.children) {
          const prims = inst.kind === "group" ? inst.children : [inst];
          for (const p of prims) {
            primitivePlacements(p, u.placements);
            flagFailed(u, p);
            owner.set(p.id.replace(/:\d+$/, ""), r.id);
          }
        }
        break;
      }
      case "bundle": {
        // A replica (httpd-bundle-0) stays put by its number: it is the unit that moves. The bundle
        // itself only carries failures (its child's id repeats in every replica).
        const b = add(newUnit(r.id, "bundle", null, null));
        for (const rep of r.replicas) {
          const u = add(newUnit(`${r.id}-${rep.id}`, "replica", r.id, null));
          const where = rep.container ?? rep.resources[0] ?? null;
          if (where) primitivePlacements(where, u.placements);
          if (rep.child && u.placements.size) {
            const role = rep.child.role === "Stopped" ? null : normRole(rep.child.role);
            if (role === "Promoted" || role === "Unpromoted") for (const n of u.placements.keys()) u.placements.set(n, role);
          }
          for (const p of rep.resources) {
            primitivePlacements(p, b.placements);
            flagFailed(b, p);
            owner.set(p.id, r.id);
          }
        }
        break;
      }
    }
  }
}

function fenceKey(f: FenceEvent): string {
  return [f.target, f.action, f.status, f.completed ?? "", f.delegate ?? "", f.origin].join("|");
}

export function summarize(s: ClusterStatus): StatusSummary {
  const origins = new Map<string, string>();
  for (const ns of s.cib?.nodeStates ?? []) {
    const origin = ns.extraAttrs["crm-debug-origin"];
    if (ns.uname && typeof origin === "string") origins.set(ns.uname, origin);
  }
  const nodes = new Map<string, NodeFacts>();
  for (const n of s.nodes) {
    nodes.set(n.name, {
      type: n.type,
      online: n.online,
      standby: n.standby,
      maintenance: n.maintenance,
      unclean: n.unclean,
      fencedState: !n.online && FENCE_ORIGINS.has(origins.get(n.name) ?? ""),
    });
  }
  const units = new Map<string, Unit>();
  const owner = new Map<string, string>();
  summarizeResources(s.resources, units, owner);

  const failures = new Map<string, Map<string, FailureFact>>();
  for (const f of s.failures) {
    const rsc = failureResource(f.opKey);
    const unit = owner.get(rsc) ?? rsc;
    const map = failures.get(unit) ?? new Map<string, FailureFact>();
    map.set(`${f.opKey}@${f.node}`, { version: `${f.call}|${f.lastRcChange ?? ""}`, failure: f });
    failures.set(unit, map);
  }
  const fencing = s.fenceHistory ? new Map(s.fenceHistory.map((f) => [fenceKey(f), f])) : null;
  const dc = s.summary.dc;
  return {
    nodes,
    units,
    failures,
    fencing,
    quorum: dc ? dc.withQuorum : (s.cib?.haveQuorum ?? null),
    dc: dc?.name ?? null,
    maintenance: s.summary.clusterOptions?.maintenanceMode ?? null,
    lastUpdate: parseTime(s.summary.lastUpdate),
  };
}

// ---- wording ----

function list(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** "node3", "remote node remote1", "guest node httpd-bundle-0". */
function nodeLabel(name: string, type: NodeFacts["type"]): string {
  return type === "member" ? name : `${type} node ${name}`;
}

const sorted = (xs: Iterable<string>): string[] => [...xs].sort((a, b) => a.localeCompare(b));

/** Why a resource left `nodes`, when the same snapshot shows the reason. */
function leftBecause(nodes: string[], next: StatusSummary, unit: Unit | undefined): string {
  if (next.quorum === false) return " (no quorum)";
  if (unit?.targetRole === "Stopped") return " (target-role Stopped)";
  const states = nodes.map((n) => next.nodes.get(n));
  if (nodes.length && states.every((s) => s && !s.online)) return nodes.length === 1 ? ` (${nodes[0]} is offline)` : " (its nodes are offline)";
  if (nodes.length && states.every((s) => s?.standby)) return nodes.length === 1 ? ` (${nodes[0]} is in standby)` : " (its nodes are in standby)";
  return "";
}

function failureWords(f: Failure): string {
  const task = f.task ?? (/_([^_]+)_\d+$/.exec(f.opKey)?.[1] ?? "operation");
  const every = f.interval ? ` (${f.interval % 1000 === 0 ? `${f.interval / 1000}s` : `${f.interval}ms`})` : "";
  const why = f.exitstatus && f.exitreason ? `${f.exitstatus} (${f.exitreason})` : f.exitstatus || f.exitreason;
  return `${task}${every} failed on ${f.node}${why ? ` — ${why}` : ""}`;
}

// ---- the rules ----

export function deriveEvents(prev: ClusterStatus, next: ClusterStatus, opts: DeriveOptions = {}): DerivedEvent[] {
  return compareSummaries(summarize(prev), summarize(next), opts);
}

export function compareSummaries(a: StatusSummary, b: StatusSummary, opts: DeriveOptions = {}): DerivedEvent[] {
  const out: DerivedEvent[] = [];
  const emit = (kind: EventKind, subject: string, message: string, details: Record<string, unknown> = {}, epochKey?: string): void => {
    out.push({ kind, subject, message, details, ...(epochKey ? { epochKey } : {}) });
  };

  // Cluster-wide first: they explain what follows.
  if (a.quorum === true && b.quorum === false) emit("quorum.lost", "", "The cluster lost quorum", { dc: b.dc });
  if (a.quorum === false && b.quorum === true) emit("quorum.regained", "", "The cluster regained quorum", { dc: b.dc });
  if (a.maintenance === false && b.maintenance === true) {
    emit("maintenance.on", "", "Cluster maintenance mode on: resources are not managed");
  }
  if (a.maintenance === true && b.maintenance === false) emit("maintenance.off", "", "Cluster maintenance mode off");
  if (a.dc !== b.dc && (a.dc !== null || b.dc !== null)) {
    const message = b.dc === null ? `No DC elected (was ${a.dc})` : a.dc === null ? `${b.dc} was elected DC` : `${b.dc} is now the DC (was ${a.dc})`;
    emit("dc.changed", "", message, { from: a.dc, to: b.dc });
  }

  // Nodes.
  const fenced = new Map<string, Record<string, unknown>>();
  const fenceFailed = new Map<string, FenceEvent>();
  // crm_mon leaves the section out while the history is empty, so a section that appears may hold
  // the first fencing; or it may be old history a fencer that was unreachable reports again. Which
  // one the completion time tells.
  const since = opts.prevAt?.getTime() ?? a.lastUpdate;
  if (b.fencing && (a.fencing || since !== null)) {
    for (const [key, f] of b.fencing) {
      if (a.fencing?.has(key)) continue;
      if (!a.fencing) {
        const done = parseTime(f.completed);
        if (done === null || since === null || done < since - FENCE_SLACK_MS) continue;
      }
      if (f.status === "success") fenced.set(f.target, { via: "fence history", action: f.action, delegate: f.delegate, origin: f.origin, client: f.client, completed: f.completed });
      else if (f.status === "failed" && !fenceFailed.has(f.target)) fenceFailed.set(f.target, f);
    }
  }
  for (const [name, n] of b.nodes) {
    const p = a.nodes.get(name);
    if (!p) continue;
    const label = nodeLabel(name, n.type);
    if (p.online && !n.online) {
      emit("node.lost", name, `${label} lost${n.unclean ? " (unclean: it will be fenced)" : ""}`, { type: n.type, unclean: n.unclean });
    }
    if (!p.online && n.online) emit("node.joined", name, `${label} joined`, { type: n.type });
    if (!p.unclean && n.unclean && n.online) {
      emit("node.unclean", name, `${label} is UNCLEAN (online): it will be fenced`, { type: n.type });
    }
    if (!fenced.has(name) && !n.online) {
      if (n.fencedState && (p.online || !p.fencedState)) fenced.set(name, { via: "node state" });
      else if (p.unclean && !n.unclean) fenced.set(name, { via: "unclean node now down" });
    }
    if (!p.standby && n.standby) emit("node.standby.on", name, `${label} is in standby`);
    if (p.standby && !n.standby) emit("node.standby.off", name, `${label} left standby`);
    if (!p.maintenance && n.maintenance) emit("node.maintenance.on", name, `${label} is in maintenance`);
    if (p.maintenance && !n.maintenance) emit("node.maintenance.off", name, `${label} left maintenance`);
  }
  for (const [name, d] of fenced) {
    if (!b.nodes.has(name) && !a.nodes.has(name)) continue;
    const how = typeof d.action === "string" ? ` (${d.action}${typeof d.delegate === "string" && d.delegate ? ` by ${d.delegate}` : ""})` : "";
    const key = d.via === "fence history" ? `fence:${String(d.completed ?? "")}` : undefined;
    emit("node.fenced", name, `${nodeLabel(name, b.nodes.get(name)?.type ?? "member")} was fenced${how}`, d, key);
  }
  for (const [name, f] of fenceFailed) {
    emit("fencing.failed", name, `Fencing ${name} failed${f.exitReason ? `: ${f.exitReason}` : ""}`, { action: f.action, delegate: f.delegate, origin: f.origin, completed: f.completed }, `fence:${f.completed ?? ""}`);
  }

  // Resources.
  const groupChange = new Map<string, string>();
  for (const [id, u] of b.units) {
    const p = a.units.get(id);
    if (!p) continue;
    if (u.kind === "clone") cloneEvents(p, u, b, emit);
    else if (u.kind !== "bundle") {
      const from = sorted(p.placements.keys());
      const to = sorted(u.placements.keys());
      const change = `${from.join(",")}>${to.join(",")}`;
      const same = from.join(",") === to.join(",");
      if (u.kind === "group") groupChange.set(id, change);
      // A member that went where its group went is told by the group's event.
      if (u.kind === "member" && u.parent && groupChange.get(u.parent) === change) continue;
      const label = u.kind === "group" ? `group ${id}` : id;
      const members = u.members.length ? { members: u.members } : {};
      if (from.length && to.length && !same) {
        emit("resource.moved", id, `${label} moved from ${list(from)} to ${list(to)}${leftBecause(from.filter((n) => !to.includes(n)), b, u)}`, { from, to, ...members });
      } else if (!from.length && to.length) {
        emit("resource.started", id, `${label} started on ${list(to)}`, { nodes: to, ...members });
      } else if (from.length && !to.length) {
        emit("resource.stopped", id, `${label} stopped on ${list(from)}${leftBecause(from, b, u)}`, { nodes: from, ...members });
      }
    }
  }
  failureEvents(a, b, emit);
  return out;
}

type Emit = (kind: EventKind, subject: string, message: string, details?: Record<string, unknown>) => void;

function cloneEvents(p: Unit, u: Unit, b: StatusSummary, emit: Emit): void {
  const started = sorted([...u.placements.keys()].filter((n) => !p.placements.has(n)));
  const stopped = sorted([...p.placements.keys()].filter((n) => !u.placements.has(n)));
  const promoted = sorted([...u.placements].filter(([n, r]) => r === "Promoted" && p.placements.get(n) !== "Promoted").map(([n]) => n));
  const demoted = sorted([...u.placements].filter(([n, r]) => r !== "Promoted" && p.placements.get(n) === "Promoted").map(([n]) => n));
  if (started.length) emit("resource.started", u.id, `${u.id} started on ${list(started)}`, { nodes: started });
  if (stopped.length) emit("resource.stopped", u.id, `${u.id} stopped on ${list(stopped)}${leftBecause(stopped, b, u)}`, { nodes: stopped });
  if (promoted.length) {
    const was = sorted([...p.placements].filter(([n, r]) => r === "Promoted" && u.placements.get(n) !== "Promoted").map(([n]) => n));
    emit("resource.promoted", u.id, `${u.id} promoted on ${list(promoted)}${was.length ? ` (was ${list(was)})` : ""}`, { nodes: promoted, from: was });
  }
  if (demoted.length) emit("resource.demoted", u.id, `${u.id} demoted on ${list(demoted)}`, { nodes: demoted });
}

/**
 * crm_mon flags it FAILED. (A failure record alone is not trouble: the record stays until a
 * cleanup, also while the resource runs again or is stopped for another reason, e.g. a standby.)
 */
function troubled(s: StatusSummary, id: string): boolean {
  return (s.units.get(id)?.failedOn.length ?? 0) > 0;
}

function failureEvents(a: StatusSummary, b: StatusSummary, emit: Emit): void {
  const ids = new Set([...b.failures.keys(), ...[...b.units.values()].filter((u) => u.failedOn.length).map((u) => u.id)]);
  for (const id of sorted(ids)) {
    // Failures of a resource that is not in both snapshots are part of adding or removing it.
    if (!a.units.has(id) && !a.failures.has(id)) continue;
    const before = a.failures.get(id);
    const fresh = [...(b.failures.get(id)?.values() ?? [])].filter((f) => before?.get(`${f.failure.opKey}@${f.failure.node}`)?.version !== f.version);
    const u = b.units.get(id);
    const flagged = (u?.failedOn.length ?? 0) > 0 && !(a.units.get(id)?.failedOn.length);
    if (!fresh.length && !flagged) continue;
    const first = fresh[0]?.failure;
    const running = u && !u.failedOn.length && u.placements.size ? `; running on ${list(sorted(u.placements.keys()))}` : "";
    const message = first
      ? `${id}: ${failureWords(first)}${fresh.length > 1 ? ` (+${fresh.length - 1} more)` : ""}${running}`
      : `${id} failed on ${list(u?.failedOn ?? [])}`;
    emit("resource.failed", id, message, {
      failures: fresh.map((f) => ({ opKey: f.failure.opKey, node: f.failure.node, exitstatus: f.failure.exitstatus, exitreason: f.failure.exitreason, call: f.failure.call })),
      failedOn: u?.failedOn ?? [],
    });
  }
  for (const id of sorted(new Set([...a.units.keys(), ...a.failures.keys()]))) {
    if (!b.units.has(id) || !troubled(a, id) || troubled(b, id)) continue;
    const u = b.units.get(id)!;
    if (!u.placements.size) continue;
    const nodes = sorted(u.placements.keys());
    emit("resource.recovered", id, `${id} recovered: running on ${list(nodes)}`, { nodes });
  }
}

// ---- the epoch an event is stored under ----

/** `admin_epoch.epoch.num_updates` of a status, as Pacemaker prints CIB versions. */
export function cibVersion(s: ClusterStatus): string | null {
  const c = s.cib;
  return c ? `${c.adminEpoch}.${c.epoch}.${c.numUpdates}` : null;
}

function canonical(s: StatusSummary): string {
  const units = sorted(s.units.keys()).map((id) => {
    const u = s.units.get(id)!;
    return [id, sorted([...u.placements].map(([n, r]) => `${n}=${r}`)).join(","), u.failedOn.join(",")].join(":");
  });
  const nodes = sorted(s.nodes.keys()).map((n) => {
    const f = s.nodes.get(n)!;
    return `${n}:${+f.online}${+f.standby}${+f.maintenance}${+f.unclean}`;
  });
  const failures = sorted(s.failures.keys()).flatMap((id) => sorted([...s.failures.get(id)!].map(([k, f]) => `${k}=${f.version}`)));
  return JSON.stringify([s.quorum, s.dc, s.maintenance, nodes, units, failures, s.fencing ? sorted(s.fencing.keys()) : null]);
}

/**
 * The statusEpoch an event from `prev → next` is stored under: the CIB version of `next`, the same
 * for every console that saw it. Without CIB info (a crm_mon run without the CIB) the fallback is a
 * hash of both snapshots' summaries: every console derives the same one from the same pair, so two
 * instances still store one row; the cost is that an identical transition between identical states
 * seen again later (no CIB version to tell them apart) is stored once.
 */
export function eventEpoch(prev: ClusterStatus, next: ClusterStatus): string {
  return cibVersion(next) ?? nocibEpoch(summarize(prev), summarize(next));
}

export function nocibEpoch(prev: StatusSummary, next: StatusSummary): string {
  return `nocib:${createHash("sha256").update(canonical(prev)).update("\n").update(canonical(next)).digest("hex").slice(0, 24)}`;
}
