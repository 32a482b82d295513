/**
 * The two read-only queries: what the cluster would do if a resource were moved (`simulate.move`),
 * and the allocation scores (`simulate.scores`). Both run crm_simulate; neither touches the real
 * CIB: a move is tried on a scratch copy (a temp file, always removed).
 *
 * The parsers below are pure functions over crm_simulate's real output (tests/fixtures/simulate/).
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ClusterStatus, Constraint } from "@/lib/pacemaker";
import { parseCib } from "@/lib/pacemaker/parse-cib";
import { parseXml, type XNode } from "@/lib/pacemaker/xml";
import {
  shellQuote,
  type ActionParams,
  type AllocationScore,
  type PlacementChange,
  type SimulateMoveResult,
  type SimulateScoresResult,
  type TransitionAction,
} from "@/lib/protocol";
import { descendantIds, parentId, primitivesOf } from "./actions/ids";
import { StepRefused, type Steps } from "./actions/steps";
import { parseCibHeader, readCibHeader } from "./sim";

export interface SimulateContext {
  /** sim mode: the shared CIB file (read, never written) */
  cibFile?: string;
  status: ClusterStatus | null;
  steps: Steps;
}

const SIM_TIMEOUT_MS = 60_000;
/** A CIB or crm_simulate's XML of a big cluster is tens of MB. */
const BIG_OUTPUT = 64 * 1024 * 1024;

// ---------------------------------------------------------------- scores

const ALLOCATION_LINE = /^([A-Za-z0-9_]+): (\S+) allocation score on (\S+): (\S+)$/;
const PROMOTION_LINE = /^(\S+) promotion score on (\S+): (\S+)$/;

/**
 * The score lines of `crm_simulate -s` (text):
 * `pcmk__primitive_assign: WebService1 allocation score on node2: 200` (also pcmk__group_assign,
 * pcmk__clone_allocate, pcmk__bundle_allocate, …) and `pgsql:0 promotion score on node2: 1000`
 * (kind "promotion"). Everything else crm_simulate prints (the status) is skipped.
 */
export function parseScores(text: string): AllocationScore[] {
  const out: AllocationScore[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    let m = ALLOCATION_LINE.exec(line);
    if (m) {
      out.push({ kind: m[1]!, resource: m[2]!, node: m[3]!, score: m[4]! });
      continue;
    }
    m = PROMOTION_LINE.exec(line);
    if (m) out.push({ kind: "promotion", resource: m[1]!, node: m[2]!, score: m[3]! });
  }
  return out;
}

/** The scores of these resource ids, their clone instances (`ping:1`) and bundle replicas (`httpd-bundle-0`, …). */
export function filterScores(scores: readonly AllocationScore[], ids: ReadonlySet<string>, bundles: ReadonlySet<string> = new Set()): AllocationScore[] {
  return scores.filter((s) => {
    if (ids.has(s.resource) || ids.has(s.resource.replace(/:\d+$/, ""))) return true;
    for (const b of bundles) if (s.resource.startsWith(`${b}-`)) return true;
    return false;
  });
}

export async function simulateScores(p: ActionParams<"simulate.scores">, ctx: SimulateContext): Promise<SimulateScoresResult> {
  let args: string[];
  if (ctx.cibFile) {
    const header = await readCibHeader(ctx.cibFile);
    args = ["-s", "-x", ctx.cibFile, "-q", header?.haveQuorum ? "true" : "false"];
  } else args = ["-s", "-L"];
  const r = await ctx.steps.run({ tool: "crm_simulate", args }, { timeoutMs: SIM_TIMEOUT_MS, maxBytes: BIG_OUTPUT, output: () => "" });
  let scores = parseScores(r.stdout);
  if (p.rsc !== undefined) {
    const ids = ctx.status ? descendantIds(ctx.status, p.rsc) : new Set([p.rsc]);
    const bundles = new Set(ctx.status?.configuration?.resources.filter((c) => c.kind === "bundle" && ids.has(c.id)).map((c) => c.id) ?? []);
    scores = filterScores(scores, ids, bundles);
  }
  return { scores, commands: [...ctx.steps.runs] };
}

// ---------------------------------------------------------------- transitions

export interface PlacedPrimitive {
  id: string;
  role: string;
  nodes: string[];
  /** enclosing group / clone / bundle ids, innermost first */
  parents: string[];
}

export interface SimulationResult {
  actions: TransitionAction[];
  changes: PlacementChange[];
  /** the cluster after the transition (`revised_cluster_status`); the current one when there is none */
  after: PlacedPrimitive[];
  scores: AllocationScore[];
}

const child = (n: XNode | undefined, tag: string): XNode | undefined => n?.children.find((c) => c.tag === tag);
const attr = (n: XNode, name: string): string | null => n.attrs[name] ?? null;

function placed(resources: XNode | undefined): PlacedPrimitive[] {
  const out: PlacedPrimitive[] = [];
  const walk = (n: XNode, parents: string[]): void => {
    if (n.tag === "resource") {
      out.push({
        id: attr(n, "id") ?? "",
        role: attr(n, "role") ?? "",
        nodes: n.children.filter((c) => c.tag === "node").map((c) => attr(c, "name") ?? ""),
        parents,
      });
      return;
    }
    // group, clone, bundle (and a bundle's replica): descend
    const id = attr(n, "id");
    const next = id && n.tag !== "replica" ? [id, ...parents] : parents;
    for (const c of n.children) walk(c, next);
  };
  for (const c of resources?.children ?? []) walk(c, []);
  return out;
}

/**
 * `crm_simulate -S [-s] --output-as=xml`: the transition (`<transition>`: resource actions and
 * fencing; pseudo actions are left out, they run nowhere), the per-resource summary (`<actions>`,
 * crm_simulate's "Transition Summary"), where every primitive is after it, and the scores.
 */
export function parseSimulateXml(xml: string): SimulationResult {
  const root = parseXml(xml, "crm_simulate output");
  const actions: TransitionAction[] = [];
  for (const a of child(root, "transition")?.children ?? []) {
    if (a.tag === "rsc_action") {
      const interval = attr(a, "interval");
      actions.push({ task: attr(a, "op") ?? "", resource: attr(a, "resource") ?? "", node: attr(a, "node"), interval: interval === null ? null : Number.parseInt(interval, 10) });
    } else if (a.tag === "fencing_action") {
      const target = attr(a, "target") ?? "";
      actions.push({ task: `fence:${attr(a, "op") ?? "reboot"}`, resource: target, node: target, interval: null });
    } else if (a.tag === "cluster_action") {
      actions.push({ task: attr(a, "task") ?? "", resource: attr(a, "node") ?? "", node: attr(a, "node"), interval: null });
    }
  }
  const changes: PlacementChange[] = [];
  for (const a of child(root, "actions")?.children ?? []) {
    if (a.tag !== "rsc_action") continue;
    const change = (attr(a, "action") ?? "").toLowerCase();
    const source = attr(a, "source");
    const dest = attr(a, "dest");
    const node = attr(a, "node");
    // Pacemaker's rsc-action XML: source+dest (a move), source alone (same node: restart, recover,
    // promote, demote), dest alone (starting a promotable instance), node alone (start or stop).
    const from = source ?? (dest !== null || change === "start" ? null : node);
    const to = dest ?? (source !== null ? source : change === "start" ? node : null);
    changes.push({ resource: attr(a, "resource") ?? "", change, from, to });
  }
  const scores: AllocationScore[] = [];
  for (const s of child(root, "allocations")?.children ?? []) {
    if (s.tag === "node_weight") {
      scores.push({ kind: attr(s, "function") ?? "", resource: attr(s, "id") ?? "", node: attr(s, "node") ?? "", score: attr(s, "score") ?? "" });
    } else if (s.tag === "promotion_score") {
      scores.push({ kind: "promotion", resource: attr(s, "id") ?? "", node: attr(s, "node") ?? "", score: attr(s, "score") ?? "" });
    }
  }
  const revised = child(root, "revised_cluster_status") ?? child(root, "cluster_status");
  return { actions, changes, after: placed(child(revised, "resources")), scores };
}

/** Whether rsc (a primitive, or anything holding primitives) runs on node in `after` (promoted, when asked). */
export function runsOn(after: readonly PlacedPrimitive[], rsc: string, node: string, promoted = false): boolean {
  const mine = after.filter((p) => p.id === rsc || p.parents.includes(rsc));
  return mine.some((p) => p.nodes.includes(node) && (!promoted || p.role === "Promoted"));
}

/** Why rsc would not run on node, from the current status and the simulated scores. */
export function blockedReason(
  status: ClusterStatus | null,
  sim: SimulationResult,
  rsc: string,
  node: string,
  promoted: boolean,
  /** the constraints of the CIB the simulation ran on: newer than `status` when a change just landed */
  constraints: readonly Constraint[] = [],
): string | null {
  if (runsOn(sim.after, rsc, node, promoted)) return null;
  const n = status?.nodes.find((x) => x.name === node);
  if (n && !n.online) return `${node} is offline`;
  if (n?.standby) return `${node} is in standby`;
  if (n?.maintenance) return `${node} is in maintenance (nothing starts or stops there)`;
  if (status) {
    const related = new Set([...descendantIds(status, rsc)]);
    for (let p = parentId(status, rsc); p; p = parentId(status, p)) related.add(p);
    // crm_resource --move clears rsc's own cli-ban on the target first: that one does not block the move.
    const ban = status.bans.find(
      (b) => b.node === node && related.has(b.resource) && (!b.promotedOnly || promoted) && !b.id.startsWith(`cli-ban-${rsc}-on-${node}`),
    );
    if (ban) return `${ban.resource} is banned from ${node} (constraint ${ban.id}, score ${ban.weight === -1_000_000 ? "-INFINITY" : ban.weight})`;
  }
  {
    const related = new Set(status ? [...descendantIds(status, rsc)] : [rsc]);
    for (let p = status ? parentId(status, rsc) : null; p; p = status ? parentId(status, p) : null) related.add(p);
    related.add(rsc);
    const neg = constraints.find(
      (c) =>
        c.kind === "rsc_location" &&
        c.node === node &&
        c.rsc !== null &&
        related.has(c.rsc) &&
        (c.score === "-INFINITY" || c.score === "-inf" || (c.score !== null && Number(c.score) < 0)) &&
        (!c.role || promoted) &&
        !c.id.startsWith(`cli-ban-${rsc}-on-${node}`),
    );
    if (neg && neg.kind === "rsc_location") return `${neg.rsc} is banned from ${node} (constraint ${neg.id}, score ${neg.score})`;
  }
  const prims = new Set(status ? primitivesOf(status, rsc) : [rsc]);
  prims.add(rsc);
  const own = sim.scores.filter((s) => s.node === node && s.kind.endsWith("primitive_assign") && (prims.has(s.resource) || prims.has(s.resource.replace(/:\d+$/, ""))));
  if (own.length > 0 && own.every((s) => s.score === "-INFINITY")) {
    return `the allocation score of ${rsc} on ${node} is -INFINITY even with the move's constraint (a constraint, a colocation or a failure forbids it)`;
  }
  return `crm_simulate does not ${promoted ? "promote" : "place"} ${rsc} on ${node}`;
}

export async function simulateMove(p: ActionParams<"simulate.move">, ctx: SimulateContext): Promise<SimulateMoveResult> {
  const dir = await mkdtemp(join(tmpdir(), "vigil-simulate-"));
  const copy = join(dir, "cib.xml");
  try {
    if (ctx.cibFile) {
      // A rename replaces the demo's file atomically: a copy sees one version or the other, whole.
      await copyFile(ctx.cibFile, copy);
    } else {
      const r = await ctx.steps.run({ tool: "cibadmin", args: ["--query"] }, { maxBytes: BIG_OUTPUT, output: () => "" });
      await writeFile(copy, r.stdout, { mode: 0o600 });
    }
    const onCopy = { env: { CIB_file: copy }, noBaseEnv: true };
    const prefix = `CIB_file=${shellQuote(copy)} `;
    const moveArgs = ["--move", `--resource=${p.rsc}`, `--node=${p.node}`, ...(p.promoted ? ["--promoted"] : [])];
    const moved = await ctx.steps.run({ tool: "crm_resource", args: moveArgs }, { ...onCopy, line: `${prefix}crm_resource ${moveArgs.map(shellQuote).join(" ")}`, okCodes: [0, 108] });
    if (moved.code !== 0) {
      // "Requested item already exists": crm_resource makes no constraint (it already runs there, or is already moved there).
      const said = (moved.stderr.trim() || moved.stdout.trim()).split("\n").join(" / ");
      throw new StepRefused("invalid_params", `${p.rsc} already runs on ${p.node} or is moved there already (${said})`);
    }
    const copyXml = await readFile(copy, "utf8");
    const header = parseCibHeader(copyXml.slice(0, 4096));
    // The copy is the CIB the simulation judges: its constraints name what forbids the target even
    // when the agent's status has not caught up with a change made a moment ago.
    let constraints: Constraint[] = [];
    try {
      constraints = parseCib(copyXml).configuration.constraints;
    } catch {
      // an unreadable copy leaves the status's bans and the scores to explain it
    }
    const simArgs = ["-x", copy, "-q", header?.haveQuorum ? "true" : "false", "-S", "-s", "--output-as=xml"];
    const r = await ctx.steps.run({ tool: "crm_simulate", args: simArgs }, { ...onCopy, timeoutMs: SIM_TIMEOUT_MS, maxBytes: BIG_OUTPUT, output: () => "" });
    const sim = parseSimulateXml(r.stdout);
    return {
      actions: sim.actions,
      changes: sim.changes,
      blocked: blockedReason(ctx.status, sim, p.rsc, p.node, p.promoted ?? false, constraints),
      commands: [...ctx.steps.runs],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
