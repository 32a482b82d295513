/**
 * "Why is it here?": a resource's allocation score on each node (crm_simulate -s, the scheduler's
 * own numbers) and what makes it up, in words, from the configuration and status the console
 * already holds: location constraints (with their rules evaluated on the node's attributes),
 * move/ban constraints with their lifetime, colocations, stickiness, fail counts against
 * migration-threshold, and node states (standby, maintenance, offline).
 *
 * Pure and zod-free (it runs in the cluster pages' bundle). The score is always crm_simulate's;
 * the parts are our reading of the configuration, so whatever the parts do not account for is
 * said as such ("the rest") instead of being made to add up.
 */
import type { AllocationScore } from "@/lib/protocol/actions";
import type {
  ClusterStatus,
  Constraint,
  GroupConfig,
  NvSet,
  Primitive,
  ResourceConfig,
  Rule,
} from "@/lib/pacemaker";
import { evalRule, exprWords, nodeAttrs, ruleEnd, type NodeAttrs } from "./rules";

/** Pacemaker's INFINITY (scores are clamped to ±1 000 000). */
export const INF = 1_000_000;

export type PartSource =
  | "location"
  | "rule"
  | "move"
  | "ban"
  | "colocation"
  | "group"
  | "stickiness"
  | "failcount"
  | "standby"
  | "maintenance"
  | "offline"
  | "opt-in"
  | "rest";

export interface ScorePart {
  /** what this part adds to the score; null when it does not act through the score */
  value: number | null;
  /** the node cannot run the resource because of this, whatever the score says */
  blocks: boolean;
  source: PartSource;
  text: string;
  /** the constraint id behind it, when there is one */
  id: string | null;
}

export interface NodeExplanation {
  node: string;
  /** crm_simulate's score as it printed it, null when it printed none for this node */
  score: string | null;
  value: number | null;
  /** promotion score (promotable clones), as printed */
  promotion: string | null;
  runsHere: boolean;
  /** false when a part blocks or the score is -INFINITY */
  canRun: boolean;
  parts: ScorePart[];
  /** one line: "node3: -INFINITY — banned by cli-ban-WebService1-on-node3 until 14:05" */
  summary: string;
}

export interface Explanation {
  id: string;
  /** the crm_simulate resource name the scores are of (an instance for a clone child, e.g. "ping:0") */
  scoredAs: string | null;
  nodes: NodeExplanation[];
}

export interface ExplainOptions {
  now?: Date;
  /** how an end time is written ("14:05"); the default writes local time, with the date when not today */
  formatTime?: (d: Date, now: Date) => string;
}

// ------------------------------------------------------------------ scores

export function parseScore(s: string | null | undefined): number | null {
  if (s === null || s === undefined) return null;
  const t = s.trim();
  if (/^\+?INFINITY$/i.test(t) || t === "+inf" || t === "inf") return INF;
  if (/^-INFINITY$/i.test(t) || t === "-inf") return -INF;
  const n = Number.parseInt(t, 10);
  return Number.isFinite(n) ? Math.max(-INF, Math.min(INF, n)) : null;
}

/** Pacemaker's score addition: -INFINITY wins over everything, then +INFINITY; else clamped. */
export function addScores(a: number, b: number): number {
  if (a <= -INF || b <= -INF) return -INF;
  if (a >= INF || b >= INF) return INF;
  return Math.max(-INF, Math.min(INF, a + b));
}

export function formatScore(v: number, signed = false): string {
  if (v >= INF) return signed ? "+INFINITY" : "INFINITY";
  if (v <= -INF) return "-INFINITY";
  return signed && v > 0 ? `+${v}` : String(v);
}

// ------------------------------------------------------------------ the resource's place in the tree

interface Subject {
  id: string;
  /** the primitive ids it consists of */
  primitives: string[];
  /** the ids constraints may name to reach it: itself and its enclosing group / clone / bundle */
  related: string[];
  /** the group it is a member of, with its members in order */
  group: { id: string; members: string[] } | null;
  /** the clone around it (or itself), for instance names `child:N` */
  cloneChild: string | null;
  /** whose scores say where it goes: a group goes where its first member goes, a clone where its instances go */
  scoreId: string;
  promotable: boolean;
  config: ResourceConfig | GroupConfig["children"][number] | GroupConfig | null;
  /** meta attribute sets from the innermost out (its own, its group's, its clone's) */
  metaChain: NvSet[][];
}

function subjectOf(status: ClusterStatus, id: string): Subject {
  const related = [id];
  let group: Subject["group"] = null;
  let cloneChild: string | null = null;
  let promotable = false;
  let primitives: string[] = [id];
  let config: Subject["config"] = null;
  const metaChain: NvSet[][] = [];
  for (const r of status.configuration?.resources ?? []) {
    if (r.kind === "primitive" && r.id === id) {
      config = r;
      metaChain.push(r.metaAttributes);
    } else if (r.kind === "group") {
      const members = r.children.map((c) => c.id);
      if (r.id === id) {
        config = r;
        primitives = members;
        metaChain.push(r.metaAttributes);
      } else {
        const m = r.children.find((c) => c.id === id);
        if (m) {
          config = m;
          related.push(r.id);
          group = { id: r.id, members };
          metaChain.push(m.metaAttributes, r.metaAttributes);
        }
      }
    } else if (r.kind === "clone" && r.child) {
      const inner = r.child;
      const innerPrims = inner.kind === "group" ? inner.children.map((c) => c.id) : [inner.id];
      if (r.id === id || inner.id === id) {
        config = r.id === id ? r : inner;
        if (inner.id === id) related.push(r.id);
        else related.push(inner.id);
        primitives = innerPrims;
        cloneChild = inner.id;
        promotable = r.promotable;
        metaChain.push(...(r.id === id ? [r.metaAttributes, inner.metaAttributes] : [inner.metaAttributes, r.metaAttributes]));
      } else if (inner.kind === "group") {
        const m = inner.children.find((c) => c.id === id);
        if (m) {
          config = m;
          related.push(inner.id, r.id);
          group = { id: inner.id, members: innerPrims };
          cloneChild = inner.id;
          promotable = r.promotable;
          metaChain.push(m.metaAttributes, inner.metaAttributes, r.metaAttributes);
        }
      }
    } else if (r.kind === "bundle" && (r.id === id || r.primitive?.id === id)) {
      config = r;
      if (r.primitive && r.primitive.id !== id) primitives = [r.primitive.id];
      related.push(...(r.id === id ? (r.primitive ? [r.primitive.id] : []) : [r.id]));
      metaChain.push(r.metaAttributes);
    }
  }
  // A group is placed by its first member; a clone (or its child) by its instances (`child:N`).
  const scoreId = config?.kind === "group" || config?.kind === "clone" ? (primitives[0] ?? id) : id;
  return { id, primitives, related, group, cloneChild, promotable, config, metaChain, scoreId };
}

/** The first value of a meta attribute (sets without rules), innermost resource first, then rsc_defaults. */
function metaValue(status: ClusterStatus, s: Subject, name: string): string | null {
  for (const sets of s.metaChain) {
    for (const set of sets) {
      if (set.rules.length) continue;
      const p = set.nvpairs.find((x) => x.name === name && x.value !== null);
      if (p?.value) return p.value;
    }
  }
  for (const set of status.configuration?.rscDefaults ?? []) {
    if (set.rules.length) continue;
    const p = set.nvpairs.find((x) => x.name === name && x.value !== null);
    if (p?.value) return p.value;
  }
  return null;
}

/** Every primitive in the status, with the top-level resource it belongs to. */
function statusPrimitives(status: ClusterStatus): Primitive[] {
  const out: Primitive[] = [];
  for (const top of status.resources) {
    if (top.kind === "primitive") out.push(top);
    else if (top.kind === "group") out.push(...top.children);
    else if (top.kind === "clone") for (const c of top.children) out.push(...(c.kind === "primitive" ? [c] : c.children));
    else for (const rep of top.replicas) out.push(...rep.resources);
  }
  return out;
}

/** Nodes where any of these resource ids (or their instances, or anything inside them) runs. */
function runningNodes(status: ClusterStatus, id: string): Set<string> {
  const ids = new Set([id, ...subjectOf(status, id).primitives]);
  const nodes = new Set<string>();
  for (const p of statusPrimitives(status)) {
    if (!ids.has(p.id.replace(/:\d+$/, "")) || !p.active) continue;
    for (const n of p.nodes) nodes.add(n.name);
  }
  return nodes;
}

// ------------------------------------------------------------------ times

function defaultFormatTime(d: Date, now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const sameDay = d.getFullYear() === now.getFullYear() && d.getMonth() === now.getMonth() && d.getDate() === now.getDate();
  return sameDay ? hm : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${hm}`;
}

// ------------------------------------------------------------------ the parts

function locationAppliesToRole(c: Extract<Constraint, { kind: "rsc_location" }>, ruleRole: string | null): string | null {
  const role = ruleRole ?? c.role;
  return role && role !== "Started" ? role : null;
}

function namesSubject(c: Extract<Constraint, { kind: "rsc_location" }>, related: readonly string[]): string | null {
  if (c.rsc) return related.includes(c.rsc) ? c.rsc : null;
  if (c.rscPattern) {
    try {
      const re = new RegExp(c.rscPattern);
      return related.find((r) => re.test(r)) ?? null;
    } catch {
      return null;
    }
  }
  for (const set of c.resourceSets) {
    const hit = set.resources.find((r) => related.includes(r));
    if (hit) return hit;
  }
  return null;
}

function locationParts(
  status: ClusterStatus,
  s: Subject,
  node: string,
  attrs: NodeAttrs,
  now: Date,
  fmt: (d: Date) => string,
): ScorePart[] {
  const parts: ScorePart[] = [];
  for (const c of status.configuration?.constraints ?? []) {
    if (c.kind !== "rsc_location") continue;
    const via = namesSubject(c, s.related);
    if (!via) continue;
    const on = via !== s.id ? ` (on ${via})` : "";
    const isBan = c.id.startsWith("cli-ban-");
    const isMove = c.id.startsWith("cli-prefer-");
    if (c.node !== null) {
      if (c.node !== node) continue;
      const value = parseScore(c.score) ?? 0;
      const role = locationAppliesToRole(c, null);
      const roleText = role ? ` for the ${role} role` : "";
      if (isBan) parts.push({ value, blocks: false, source: "ban", id: c.id, text: `banned by ${c.id}${roleText}${on}` });
      else if (isMove) parts.push({ value, blocks: false, source: "move", id: c.id, text: `moved here by ${c.id}${roleText}${on}` });
      else parts.push({ value, blocks: false, source: "location", id: c.id, text: `location ${c.id}${roleText}${on}` });
      continue;
    }
    for (const rule of c.rules) {
      const truth = evalRule(rule, attrs, now);
      const end = ruleEnd(rule);
      const role = locationAppliesToRole(c, rule.role);
      const roleText = role ? ` for the ${role} role` : "";
      let value = parseScore(rule.score);
      if (value === null && rule.scoreAttribute) value = parseScore(attrs.get(rule.scoreAttribute) ?? null) ?? 0;
      value ??= 0;
      if (truth === false) {
        // A move whose lifetime has run out still sits in the CIB until cleared: worth saying on its node.
        const unameHere = rule.expressions.some((e) => e.kind === "expression" && e.attribute === "#uname" && e.operation === "eq" && e.value === node);
        if (end && end <= now && unameHere) {
          parts.push({ value: null, blocks: false, source: isBan ? "ban" : isMove ? "move" : "rule", id: c.id, text: `${c.id} expired at ${fmt(end)} (no longer counts; clear it to remove it)` });
        }
        continue;
      }
      const until = end ? ` until ${fmt(end)}` : "";
      if (truth === "unknown") {
        parts.push({ value: null, blocks: false, source: "rule", id: c.id, text: `${c.id}: ${formatScore(value, true)} if ${rule.expressions.map(exprWords).join(` ${rule.booleanOp ?? "and"} `)} (not evaluated here)` });
        continue;
      }
      if (isBan) parts.push({ value, blocks: false, source: "ban", id: c.id, text: `banned by ${c.id}${until}${roleText}${on}` });
      else if (isMove) parts.push({ value, blocks: false, source: "move", id: c.id, text: `moved here by ${c.id}${until}${roleText}${on}` });
      else {
        const why = rule.expressions.map(exprWords).join(` ${rule.booleanOp ?? "and"} `);
        parts.push({ value, blocks: false, source: "rule", id: c.id, text: `location ${c.id}${on}: ${why}${until}${roleText}` });
      }
    }
  }
  // crm_mon's bans the configuration does not explain (a status without the CIB).
  const known = new Set(parts.map((p) => p.id));
  if (!status.configuration) {
    for (const b of status.bans) {
      if (b.node !== node || !s.related.includes(b.resource) || known.has(b.id)) continue;
      parts.push({ value: b.weight, blocks: false, source: b.id.startsWith("cli-ban-") ? "ban" : "location", id: b.id, text: `${b.weight < 0 ? "banned by" : "location"} ${b.id}${b.promotedOnly ? " for the Promoted role" : ""}` });
    }
  }
  return parts;
}

function colocationParts(status: ClusterStatus, s: Subject, node: string): ScorePart[] {
  const parts: ScorePart[] = [];
  for (const c of status.configuration?.constraints ?? []) {
    if (c.kind !== "rsc_colocation" || !c.rsc || !c.withRsc || !s.related.includes(c.rsc)) continue;
    const score = parseScore(c.score) ?? 0;
    if (score === 0) continue;
    const here = runningNodes(status, c.withRsc).has(node);
    const role = c.withRscRole && c.withRscRole !== "Started" ? ` (${c.withRscRole})` : "";
    const ref = `(${c.id}${c.rsc !== s.id ? `, on ${c.rsc}` : ""})`;
    const where = here ? "which runs here" : "which does not run here";
    if (score >= INF) {
      parts.push({ value: here ? null : -INF, blocks: false, source: "colocation", id: c.id, text: `must run with ${c.withRsc}${role}, ${where} ${ref}` });
    } else if (score <= -INF) {
      if (here) parts.push({ value: -INF, blocks: false, source: "colocation", id: c.id, text: `must not run with ${c.withRsc}${role}, ${where} ${ref}` });
    } else if (here) {
      parts.push({ value: score, blocks: false, source: "colocation", id: c.id, text: `${score > 0 ? "prefers" : "avoids"} ${c.withRsc}${role}, ${where} ${ref}` });
    }
  }
  // A group keeps its members together: each member goes where the one before it is.
  if (s.group) {
    const i = s.group.members.indexOf(s.id);
    const prev = i > 0 ? s.group.members[i - 1] : undefined;
    if (prev && !runningNodes(status, prev).has(node)) {
      parts.push({ value: -INF, blocks: false, source: "group", id: s.group.id, text: `must run where ${prev} runs (group ${s.group.id} keeps its members together), and ${prev} does not run here` });
    }
  }
  return parts;
}

function failParts(status: ClusterStatus, sub: Subject, node: string): ScorePart[] {
  const parts: ScorePart[] = [];
  const ids = new Set([sub.id, ...sub.primitives]);
  const configured = parseScore(metaValue(status, sub, "migration-threshold"));
  for (const r of status.nodeHistory?.find((h) => h.node === node)?.resources ?? []) {
    if (!ids.has(r.id.replace(/:\d+$/, ""))) continue;
    const count = parseScore(r.failCount);
    if (!count) continue;
    const threshold = r.migrationThreshold ?? configured ?? INF;
    const thresholdText = formatScore(threshold);
    if (threshold > 0 && count >= threshold) {
      parts.push({ value: -INF, blocks: false, source: "failcount", id: null, text: `migration-threshold ${thresholdText} reached (failcount ${formatScore(count)}${r.id !== sub.id ? ` of ${r.id}` : ""})` });
    } else {
      parts.push({ value: null, blocks: false, source: "failcount", id: null, text: `failcount ${formatScore(count)}${r.id !== sub.id ? ` of ${r.id}` : ""} (migration-threshold ${thresholdText})` });
    }
  }
  return parts;
}

function nodeParts(status: ClusterStatus, node: string): ScorePart[] {
  const n = status.nodes.find((x) => x.name === node);
  if (!n) return [];
  if (!n.online) return [{ value: null, blocks: true, source: "offline", id: null, text: "offline: nothing runs here" }];
  const parts: ScorePart[] = [];
  if (n.standby || n.standbyOnfail) parts.push({ value: null, blocks: true, source: "standby", id: null, text: n.standbyOnfail ? "in standby (on-fail): no resource runs here" : "in standby: no resource runs here" });
  if (n.maintenance) parts.push({ value: null, blocks: false, source: "maintenance", id: null, text: "in maintenance: nothing is started or stopped here" });
  return parts;
}

// ------------------------------------------------------------------ putting it together

/** Scores crm_simulate printed for this resource, one per node: its own line, else its instances' best. */
function pickScores(scores: readonly AllocationScore[], s: Subject): { scoredAs: string | null; byNode: Map<string, string>; promotion: Map<string, string> } {
  const byNode = new Map<string, string>();
  const promotion = new Map<string, string>();
  const last = (list: AllocationScore[]) => {
    const m = new Map<string, string>();
    for (const x of list) m.set(x.node, x.score); // the last line is the final assignment
    return m;
  };
  const own = scores.filter((x) => x.resource === s.scoreId && x.kind !== "promotion");
  let scoredAs: string | null = null;
  if (own.length) {
    const assign = own.filter((x) => x.kind.endsWith("primitive_assign"));
    for (const [k, v] of last(assign.length ? assign : own)) byNode.set(k, v);
    scoredAs = s.scoreId;
  } else {
    // a clone's child (or a member of a cloned group): its instances `id:N`, best per node
    const inst = scores.filter((x) => x.kind !== "promotion" && x.resource.replace(/:\d+$/, "") === s.scoreId);
    const assign = inst.filter((x) => x.kind.endsWith("primitive_assign"));
    for (const x of assign.length ? assign : inst) {
      const cur = parseScore(byNode.get(x.node));
      const v = parseScore(x.score);
      if (cur === null || (v !== null && v > cur)) byNode.set(x.node, x.score);
    }
    if (inst.length) scoredAs = `${s.scoreId}:N`;
  }
  const promoId = s.cloneChild ?? s.id;
  for (const x of scores) {
    if (x.kind !== "promotion" || x.resource.replace(/:\d+$/, "") !== promoId) continue;
    const cur = parseScore(promotion.get(x.node));
    const v = parseScore(x.score);
    if (cur === null || (v !== null && v > cur)) promotion.set(x.node, x.score);
  }
  return { scoredAs, byNode, promotion };
}

export function explainPlacement(status: ClusterStatus, id: string, scores: readonly AllocationScore[], opts: ExplainOptions = {}): Explanation {
  const now = opts.now ?? new Date();
  const fmt = (d: Date) => (opts.formatTime ?? defaultFormatTime)(d, now);
  const s = subjectOf(status, id);
  const picked = pickScores(scores, s);
  const running = runningNodes(status, id);
  const stickiness = parseScore(metaValue(status, s, "resource-stickiness")) ?? (s.cloneChild ? 1 : 0);
  // The first member of a group carries the group: every member running on a node adds its stickiness there.
  const groupMembers = s.config?.kind === "group" ? s.primitives : s.group && s.group.members[0] === s.id ? s.group.members : null;
  const optIn = status.configuration?.properties["symmetric-cluster"] === "false";

  const names = [...new Set([...status.nodes.map((n) => n.name), ...picked.byNode.keys()])];
  const nodes = names.map((node): NodeExplanation => {
    const attrs = nodeAttrs(status, node);
    const parts = [
      ...nodeParts(status, node),
      ...locationParts(status, s, node, attrs, now, fmt),
      ...colocationParts(status, s, node),
      ...failParts(status, s, node),
    ];
    const runsHere = running.has(node);
    if (groupMembers) {
      const here = groupMembers.filter((m) => runningNodes(status, m).has(node));
      const groupId = s.config?.kind === "group" ? s.id : (s.group?.id ?? s.id);
      if (here.length && stickiness !== 0) {
        parts.push({ value: stickiness * here.length, blocks: false, source: "stickiness", id: null, text: here.length === 1 ? `stickiness (${here[0]} runs here)` : `stickiness of the ${here.length} members of ${groupId} running here` });
      }
    } else if (runsHere && stickiness !== 0) parts.push({ value: stickiness, blocks: false, source: "stickiness", id: null, text: "stickiness (it runs here)" });
    if (optIn && !parts.some((p) => (p.source === "location" || p.source === "rule" || p.source === "move") && (p.value ?? 0) >= 0)) {
      parts.push({ value: -INF, blocks: false, source: "opt-in", id: null, text: "symmetric-cluster=false and no location constraint lets it run here" });
    }
    const score = picked.byNode.get(node) ?? null;
    const value = parseScore(score);
    // What the parts do not account for: said as such, never forced to add up.
    if (value !== null) {
      const known = parts.reduce((sum, p) => (p.value === null ? sum : addScores(sum, p.value)), 0);
      if (known !== value) {
        const rest = value <= -INF || value >= INF || known <= -INF || known >= INF ? null : value - known;
        if (rest === null) {
          if (value <= -INF) parts.push({ value: null, blocks: false, source: "rest", id: null, text: "-INFINITY from the scheduler beyond what is listed (a dependency that cannot run here)" });
          else if (known <= -INF) parts.push({ value: null, blocks: false, source: "rest", id: null, text: `the scheduler does not apply all of the above to this assignment (its score is ${formatScore(value)})` });
        } else if (rest !== 0) {
          parts.push({ value: rest, blocks: false, source: "rest", id: null, text: "not accounted for above (the scheduler's own weighing of group members, colocated resources and clone instances)" });
        }
      }
    }
    const blocked = parts.some((p) => p.blocks) || (value !== null && value <= -INF);
    return {
      node,
      score,
      value,
      promotion: picked.promotion.get(node) ?? null,
      runsHere,
      canRun: !blocked,
      parts,
      summary: summaryLine(node, score, parts),
    };
  });
  return { id, scoredAs: picked.scoredAs, nodes };
}

/** "node2: 200 — +100 location location-WebService1-node2-100, +100 stickiness (it runs here)" */
export function summaryLine(node: string, score: string | null, parts: readonly ScorePart[]): string {
  const value = parseScore(score);
  const head = `${node}: ${value === null ? "no score" : formatScore(value)}`;
  // At -INFINITY only what makes it -INFINITY matters; the rest cannot lift it.
  const shown = value !== null && value <= -INF && parts.some((p) => p.value !== null && p.value <= -INF) ? parts.filter((p) => p.blocks || (p.value !== null && p.value <= -INF)) : parts;
  if (shown.length === 0) return `${head} — no constraint, stickiness or failure touches it here`;
  const words = shown.map((p) => (p.value === null ? p.text : value !== null && value <= -INF && p.value <= -INF ? p.text : `${formatScore(p.value, true)} ${p.text}`));
  return `${head} — ${words.join(", ")}`;
}

// ------------------------------------------------------------------ fail counts

export interface FailcountRow {
  node: string;
  /** the primitive (or instance) that failed */
  resource: string;
  /** the operation (monitor, start, stop…), null when only the total is known */
  op: string | null;
  /** the operation's interval, "30s"; "" for a one-off (start, stop, probe) */
  interval: string | null;
  count: number;
  threshold: number | null;
  /** when it last failed (ISO, from last-failure-… seconds, or crm_mon's text) */
  lastFailure: string | null;
}

const FAILCOUNT_ATTR = /^fail-count-(.+)#([A-Za-z_-]+)_(\d+)$/;

function intervalText(ms: string): string {
  const n = Number(ms);
  if (!Number.isFinite(n) || n === 0) return "";
  if (n % 3_600_000 === 0) return `${n / 3_600_000}h`;
  if (n % 60_000 === 0) return `${n / 60_000}min`;
  if (n % 1000 === 0) return `${n / 1000}s`;
  return `${n}ms`;
}

/**
 * Fail counts of a resource per node and operation: the transient `fail-count-RSC#OP_INTERVAL`
 * node attributes Pacemaker keeps (with `last-failure-…`), and crm_mon's per-node totals where
 * no per-operation attribute is known.
 */
export function failcountsOf(status: ClusterStatus, id: string): FailcountRow[] {
  const s = subjectOf(status, id);
  const ids = new Set([s.id, ...s.primitives]);
  const mine = (r: string) => ids.has(r) || ids.has(r.replace(/:\d+$/, ""));
  const rows: FailcountRow[] = [];
  for (const na of status.nodeAttributes ?? []) {
    const byName = new Map(na.attributes.map((a) => [a.name, a.value ?? a.transient ?? a.permanent]));
    for (const a of na.attributes) {
      const m = FAILCOUNT_ATTR.exec(a.name);
      if (!m || !mine(m[1]!)) continue;
      const count = parseScore(a.value ?? a.transient);
      if (!count) continue;
      const last = byName.get(`last-failure-${m[1]}#${m[2]}_${m[3]}`);
      const secs = last ? Number(last) : Number.NaN;
      const history = status.nodeHistory?.find((h) => h.node === na.node)?.resources.find((r) => r.id === m[1]);
      rows.push({
        node: na.node,
        resource: m[1]!,
        op: m[2]!,
        interval: intervalText(m[3]!),
        count,
        threshold: history?.migrationThreshold ?? null,
        lastFailure: Number.isFinite(secs) ? new Date(secs * 1000).toISOString() : (history?.lastFailure ?? null),
      });
    }
  }
  for (const h of status.nodeHistory ?? []) {
    for (const r of h.resources) {
      const count = parseScore(r.failCount);
      if (!count || !mine(r.id) || rows.some((x) => x.node === h.node && x.resource === r.id)) continue;
      rows.push({ node: h.node, resource: r.id, op: null, interval: null, count, threshold: r.migrationThreshold, lastFailure: r.lastFailure });
    }
  }
  return rows.sort((a, b) => a.node.localeCompare(b.node) || a.resource.localeCompare(b.resource) || (a.op ?? "").localeCompare(b.op ?? ""));
}

/** The ids whose changes can move a resource's scores: itself and what it is made of. */
export function scoreInputs(status: ClusterStatus, id: string): string[] {
  const s = subjectOf(status, id);
  return [...new Set([s.id, ...s.primitives, ...s.related])];
}
