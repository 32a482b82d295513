import type { ClusterStatus } from "./model";
import type { Bundle, Clone, Group, Node, Primitive, Resource } from "./model-status";
import { flattenNvSets } from "./parse-nvset";
import { numericStrcasecmp } from "./render-util";

/**
 * The "Full List of Resources" section as crm_mon 2.1.5 prints it with --inactive: the same rules
 * as Pacemaker's native/group/clone/bundle text output (lib/pengine), applied to crm_mon's XML.
 */

interface Ctx {
  nodes: Map<string, Node>;
  nodeNames: string[];
  /** guest node names: their implicit ocf:pacemaker:remote connection is not listed */
  guests: Set<string>;
  /** "rsc@node" → rc text of a failed probe crm_mon would mask as "Stopped (...)" */
  failedProbes: Map<string, string>;
  /** configured clone-max per clone id */
  cloneMax: Map<string, number>;
  /** per clone id: the nodes its Stopped list may name (its allowed nodes); absent without a CIB */
  cloneNodes: Map<string, Set<string>>;
  /** crm_mon's --inactive (pcmk_show_inactive_rscs): stopped resources and clone Stopped lists */
  inactive: boolean;
}

const ROLE_ORDER: Record<string, number> = { unknown: 0, stopped: 1, started: 2, unpromoted: 3, slave: 3, promoted: 4, master: 4 };
const roleRank = (r: string): number => ROLE_ORDER[r.toLowerCase()] ?? 0;
const isRole = (r: string | null, name: "stopped" | "unpromoted"): boolean =>
  r !== null && (r.toLowerCase() === name || (name === "unpromoted" && r.toLowerCase() === "slave"));

function buildCtx(s: ClusterStatus, inactive: boolean): Ctx {
  const ctx: Ctx = {
    nodes: new Map(s.nodes.map((n) => [n.name, n])),
    nodeNames: s.nodes.map((n) => n.name),
    guests: new Set(s.nodes.filter((n) => n.type === "guest" || n.idAsResource !== null).map((n) => n.name)),
    failedProbes: new Map(),
    cloneMax: new Map(),
    cloneNodes: new Map(),
    inactive,
  };
  const timeouts = s.configuration ? failureTimeouts(s.configuration) : new Map<string, number>();
  const now = Date.now();
  for (const h of s.nodeHistory ?? []) {
    for (const r of h.resources) {
      const timeoutMs = timeouts.get(r.id.replace(/:\d+$/, "")) ?? 0;
      for (const op of r.operations) {
        if (op.task === "probe" && (op.rc === 5 || op.rc === 2)) {
          // an expired failed probe is not recorded as failed (check_operation_expiry, unpack.c)
          const at = op.lastRcChange === null ? Number.NaN : Date.parse(op.lastRcChange);
          const hasFailCount = r.failCount !== null && r.failCount !== "0";
          if (timeoutMs > 0 && !Number.isNaN(at) && now >= at + timeoutMs && !hasFailCount) continue;
          ctx.failedProbes.set(`${r.id}@${h.node}`, op.rcText);
          // crm_mon asks "any node" for a resource it shows without one
          if (!ctx.failedProbes.has(`${r.id}@`)) ctx.failedProbes.set(`${r.id}@`, op.rcText);
        }
      }
    }
  }
  const cfg = s.configuration;
  if (cfg) {
    for (const r of cfg.resources) {
      if (r.kind !== "clone") continue;
      const meta = flattenNvSets(r.metaAttributes);
      const max = meta["clone-max"] ?? meta.clone_max;
      if (max !== undefined) ctx.cloneMax.set(r.id, Number.parseInt(max, 10) || 0);
    }
    allowedNodes(cfg, ctx.cloneNodes);
  }
  return ctx;
}

/**
 * A clone's allowed nodes are the nodes the scheduler knew when it unpacked the clone
 * (common_unpack: resource_location(rsc, NULL, 0, "symmetric_default") over data_set->nodes): the
 * nodes section and the remote and guest nodes of primitives (unpack_remote_nodes runs first).
 * Bundle nodes are not among them once their bundle is unpacked (it sets their rsc_discover_mode
 * to pe_discover_never, which symmetric_default skips): a clone configured after the bundle, or a
 * bundle node that only the bundle creates, is left out; nor are nodes only the status section
 * names (an orphaned remote node). crm_mon's "Stopped: [ … ]" lists only the allowed nodes.
 */
function allowedNodes(cfg: NonNullable<ClusterStatus["configuration"]>, out: Map<string, Set<string>>): void {
  const known = new Set(cfg.nodes.map((n) => n.uname));
  const fromPrimitive = (p: { id: string; class: string | null; provider: string | null; type: string | null; metaAttributes: Parameters<typeof flattenNvSets>[0] }): void => {
    const guest = flattenNvSets(p.metaAttributes)["remote-node"];
    if (guest !== undefined) known.add(guest);
    else if (p.class === "ocf" && p.provider === "pacemaker" && p.type === "remote") known.add(p.id);
  };
  for (const r of cfg.resources) {
    if (r.kind === "primitive") fromPrimitive(r);
    else if (r.kind === "group") r.children.forEach(fromPrimitive);
  }
  let now = known;
  for (const r of cfg.resources) {
    if (r.kind === "bundle" && r.primitive !== null) {
      const replicas = Number.parseInt(r.runtimeAttrs.replicas ?? r.runtimeAttrs["promoted-max"] ?? "1", 10) || 1;
      now = new Set(now);
      for (let i = 0; i < replicas; i++) now.delete(`${r.id}-${i}`);
    } else if (r.kind === "clone") out.set(r.id, now);
  }
}

/** crm_parse_interval_spec for the usual spellings (10, 10s, 2min, 1h, 500ms, PT10S), in ms */
function intervalMs(v: string): number {
  const t = v.trim();
  const iso = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/i.exec(t);
  if (iso !== null) return ((Number(iso[1] ?? 0) * 60 + Number(iso[2] ?? 0)) * 60 + Number(iso[3] ?? 0)) * 1000;
  const m = /^(\d+)\s*(ms|msec|us|usec|s|sec|m|min|h|hr)?$/i.exec(t);
  if (m === null) return 0;
  const n = Number(m[1]);
  const unit = (m[2] ?? "s").toLowerCase();
  const f: Record<string, number> = { ms: 1, msec: 1, us: 0.001, usec: 0.001, s: 1000, sec: 1000, m: 60_000, min: 60_000, h: 3_600_000, hr: 3_600_000 };
  return n * (f[unit] ?? 1000);
}

/** failure-timeout per primitive id: its own meta, its parents', then rsc_defaults */
function failureTimeouts(cfg: NonNullable<ClusterStatus["configuration"]>): Map<string, number> {
  const out = new Map<string, number>();
  const defaults = flattenNvSets(cfg.rscDefaults)["failure-timeout"];
  type R = NonNullable<ClusterStatus["configuration"]>["resources"][number];
  const visit = (r: R, inherited: string | undefined): void => {
    const v = flattenNvSets(r.metaAttributes)["failure-timeout"] ?? inherited;
    if (r.kind === "primitive") out.set(r.id, intervalMs(v ?? defaults ?? "0"));
    else if (r.kind === "group") r.children.forEach((c) => visit(c, v));
    else if (r.kind === "clone" && r.child) visit(r.child, v);
    else if (r.kind === "bundle" && r.primitive) visit(r.primitive, v);
  };
  cfg.resources.forEach((r) => visit(r, undefined));
  return out;
}

function item(out: string[], depth: number, text: string): void {
  out.push(`${"  ".repeat(depth)}* ${text}`);
}

function primitiveText(ctx: Ctx, p: Primitive, name: string, nodeIn: string | null | undefined, topPromotable: boolean): string {
  const multiple = p.nodes.length > 1;
  // pe__resource_text: the current node, else the node of an action in flight ("Starting node4")
  let node: string | null = nodeIn !== undefined ? nodeIn : (p.nodes[0]?.name ?? p.pendingNode);
  if (node === null && p.lockedTo !== null) node = p.lockedTo;
  if (multiple) node = null;
  let s = `${name}\t(${p.resourceAgent}):\t`;
  if (p.orphaned) s += " ORPHANED";
  if (p.failed) {
    s += " FAILED";
    if (roleRank(p.role) > roleRank("unpromoted")) s += ` ${p.role}`;
  } else s += ` ${p.role}`;
  if (node !== null) s += ` ${node}`;
  if (isRole(p.role, "stopped")) {
    const probe = ctx.failedProbes.get(`${p.id.replace(/:\d+$/, "")}@${node ?? ""}`);
    if (probe !== undefined) s += ` (${probe}) `;
  }
  const flags: string[] = [];
  const n = node === null ? undefined : ctx.nodes.get(node);
  if (n && !n.online && n.unclean) flags.push("UNCLEAN");
  if (node !== null && node === p.lockedTo) flags.push("LOCKED");
  if (p.pending !== null) flags.push(p.pending);
  if (isRole(p.targetRole, "stopped")) flags.push("disabled");
  else if (topPromotable && isRole(p.targetRole, "unpromoted")) flags.push(`target-role:${p.targetRole ?? ""}`);
  // 2.1.5 has no "maintenance" flag here: maintenance shows as unmanaged
  if (p.blocked) flags.push("blocked");
  else if (!p.managed) flags.push("unmanaged");
  if (p.failureIgnored) flags.push("failure ignored");
  if (flags.length > 0) s += ` (${flags.join(", ")})`;
  if (multiple) {
    if (p.description !== null) s += ` ${p.description}`;
    s += ` [ ${p.nodes.map((x) => x.name).join(" ")} ]`;
  }
  return s;
}

function renderGroup(ctx: Ctx, g: Group, depth: number, out: string[], topPromotable: boolean): void {
  // skip_child_rsc: without --inactive only active members are listed
  const shown = ctx.inactive ? g.children : g.children.filter((c) => c.active);
  if (shown.length === 0) return;
  const flags: string[] = [];
  const inactiveMembers = g.children.filter((c) => !c.active).length;
  // group_header: "(N members inactive)" when not showing them and the group is partially active
  if (!ctx.inactive && inactiveMembers > 0) flags.push(`${inactiveMembers} member${inactiveMembers === 1 ? "" : "s"} inactive`);
  if (!g.managed) flags.push("unmanaged");
  if (g.disabled) flags.push("disabled");
  item(out, depth, `Resource Group: ${g.id}${flags.length > 0 ? ` (${flags.join(", ")})` : ""}:`);
  for (const c of shown) item(out, depth + 1, primitiveText(ctx, c, c.id, undefined, topPromotable));
}

interface InstanceState {
  partiallyActive: boolean;
  fullyActive: boolean;
  orphan: boolean;
  allManaged: boolean;
  anyFailed: boolean;
  location: string | null;
  role: number;
  nodes: string[];
}

function instanceState(r: Primitive | Group): InstanceState {
  const members = r.kind === "group" ? r.children : [r];
  const nodes = new Set<string>();
  for (const m of members) for (const n of m.nodes) nodes.add(n.name);
  const locs = new Set<string>();
  let fully = members.length > 0;
  for (const m of members) {
    if (!m.active) fully = false;
    if (m.nodes.length === 1 && m.nodes[0]) locs.add(m.nodes[0].name);
    else if (m.nodes.length > 1) locs.add("\u0000multiple");
  }
  return {
    partiallyActive: members.some((m) => m.active),
    fullyActive: fully,
    orphan: members.some((m) => m.orphaned),
    allManaged: members.every((m) => m.managed) && (r.kind !== "group" || r.managed),
    anyFailed: members.some((m) => m.failed),
    location: locs.size === 1 && !locs.has("\u0000multiple") ? ([...locs][0] ?? null) : null,
    role: Math.max(0, ...members.map((m) => roleRank(m.role))),
    nodes: [...nodes],
  };
}

/** What crm_mon prints of a clone: instances on their own lines, the Promoted/Started lists, the Stopped lists. */
interface CloneSummary {
  /** instances printed in full, in the clone's order */
  full: (Primitive | Group)[];
  promoted: string[];
  started: string[];
  /** "Stopped" / "Stopped (disabled)" / "Stopped (<failed probe>)" → its nodes, sorted as crm_mon sorts them */
  stopped: { status: string; nodes: string[] }[];
}

function summarizeClone(ctx: Ctx, c: Clone): CloneSummary {
  const childId = (c.children[0]?.id ?? "").replace(/:\d+$/, "");
  const full: (Primitive | Group)[] = [];
  const promoted: string[] = [];
  const started: string[] = [];
  const runningOn = new Set<string>();
  for (const child of c.children) {
    const st = instanceState(child);
    // native_add_running: an unmanaged instance adds its node to the clone only while it is online
    for (const m of child.kind === "group" ? child.children : [child]) {
      for (const n of m.nodes) if (m.managed || ctx.nodes.get(n.name)?.online !== false) runningOn.add(n.name);
    }
    let isFull = false;
    if (c.unique) isFull = true;
    // an instance with a (non-probe) action in flight is printed on its own line
    else if (child.kind === "primitive" && child.pendingTask !== null) isFull = true;
    else if (!st.partiallyActive) continue;
    else if (st.orphan || !st.allManaged || st.anyFailed) isFull = true;
    else if (st.fullyActive) {
      const loc = st.location;
      const ln = loc === null ? undefined : ctx.nodes.get(loc);
      if (loc === null) isFull = true;
      else if (ln !== undefined && !ln.online && ln.unclean) isFull = true;
      else if (st.role > roleRank("unpromoted")) promoted.push(loc);
      else started.push(loc);
    } else isFull = true;
    if (isFull) full.push(child);
  }
  promoted.sort(numericStrcasecmp);
  started.sort(numericStrcasecmp);
  const active = promoted.length + started.length;
  const cloneMax = ctx.cloneMax.get(c.id) ?? c.children.filter((ch) => !instanceState(ch).orphan).length;
  const byNode = new Map<string, string>();
  if (ctx.inactive && !c.unique && cloneMax > active) {
    const allowed = ctx.cloneNodes.get(c.id);
    for (const n of ctx.nodeNames) {
      if (runningOn.has(n) || byNode.has(n) || (allowed !== undefined && !allowed.has(n))) continue;
      const probe = ctx.failedProbes.get(`${childId}@${n}`);
      byNode.set(n, probe !== undefined ? `Stopped (${probe})` : isRole(c.targetRole, "stopped") ? "Stopped (disabled)" : "Stopped");
    }
  }
  const stopped = [...new Set(byNode.values())].sort().map((status) => ({
    status,
    nodes: [...byNode].filter(([, v]) => v === status).map(([k]) => k).sort(numericStrcasecmp),
  }));
  return { full, promoted, started, stopped };
}

function renderClone(ctx: Ctx, c: Clone, depth: number, out: string[]): void {
  const flags: string[] = [];
  if (c.promotable) flags.push("promotable");
  if (c.unique) flags.push("unique");
  // 2.1.5 order (checked against crm_mon): unmanaged before disabled
  if (!c.managed) flags.push("unmanaged");
  if (c.disabled) flags.push("disabled");
  const childId = (c.children[0]?.id ?? "").replace(/:\d+$/, "");
  const sum = summarizeClone(ctx, c);
  // crm_mon prints the header whatever follows (an all-stopped clone without allowed nodes shows it alone)
  item(out, depth, `Clone Set: ${c.id} [${childId}]${flags.length > 0 ? ` (${flags.join(", ")})` : ""}:`);
  for (const child of sum.full) {
    if (child.kind === "group") renderGroup(ctx, child, depth + 1, out, c.promotable);
    else item(out, depth + 1, primitiveText(ctx, child, child.id, undefined, c.promotable));
  }
  if (sum.promoted.length > 0) item(out, depth + 1, `Promoted: [ ${sum.promoted.join(" ")} ]`);
  if (sum.started.length > 0) {
    const label = c.promotable ? (isRole(c.targetRole, "unpromoted") ? "Unpromoted (target-role)" : "Unpromoted") : "Started";
    item(out, depth + 1, `${label}: [ ${sum.started.join(" ")} ]`);
  }
  for (const { status, nodes } of sum.stopped) item(out, depth + 1, `${status}: [ ${nodes.join(" ")} ]`);
}

/** One status's render context, built once: the browser asks for it per clone row. */
const inactiveCtx = new WeakMap<ClusterStatus, Ctx>();

/**
 * A clone's "Stopped: [ … ]" lists as crm_mon --inactive prints them (only the nodes an instance
 * could run on; "Stopped (disabled)" for a stopped clone; a failed probe's result) — for the
 * browser's clone rows, which otherwise could only count instances without a node.
 */
export function cloneStoppedLists(s: ClusterStatus, c: Clone): { status: string; nodes: string[] }[] {
  let ctx = inactiveCtx.get(s);
  if (!ctx) inactiveCtx.set(s, (ctx = buildCtx(s, true)));
  return summarizeClone(ctx, c).stopped;
}

function renderBundle(ctx: Ctx, b: Bundle, depth: number, out: string[]): void {
  const unmanaged = !b.managed ? " (unmanaged)" : "";
  item(out, depth, `Container bundle${b.replicas.length > 1 ? " set" : ""}: ${b.id} [${b.image}]${b.unique ? " (unique)" : ""}${unmanaged}:`);
  for (const r of b.replicas) {
    const rsc = r.child ?? r.container;
    if (rsc === null) continue;
    let name = (r.remote ?? r.container ?? rsc).id;
    if (r.ip !== null) name += ` (${r.ip.id.slice(`${b.id}-ip-`.length)})`;
    const node = r.container?.nodes[0]?.name ?? null;
    item(out, depth + 1, primitiveText(ctx, rsc, name, node, false));
  }
}

/** rsc->fns->active(rsc, FALSE): any part of it is active */
function partiallyActive(r: Resource): boolean {
  switch (r.kind) {
    case "primitive": return r.active;
    case "group": return r.children.some((c) => c.active);
    case "clone": return r.children.some(partiallyActive);
    case "bundle": return r.replicas.some((rep) => rep.resources.some((p) => p.active));
  }
}

/** resource_list (pe_output.c): with --inactive every resource, else only the (partly) active ones. */
export function renderResources(s: ClusterStatus, out: string[], inactive = true): void {
  const ctx = buildCtx(s, inactive);
  const render = (r: Resource): void => {
    if (!inactive && !partiallyActive(r)) return;
    switch (r.kind) {
      case "primitive":
        // a guest node's connection resource is implicit (internal): crm_mon lists it in XML only,
        // unless it is an orphan (made from history, without the internal meta attribute)
        if (r.resourceAgent === "ocf:pacemaker:remote" && ctx.guests.has(r.id) && !r.orphaned) break;
        item(out, 1, primitiveText(ctx, r, r.id, undefined, false));
        break;
      case "group": renderGroup(ctx, r, 1, out, false); break;
      case "clone": renderClone(ctx, r, 1, out); break;
      case "bundle": renderBundle(ctx, r, 1, out); break;
    }
  };
  s.resources.forEach(render);
}
