import { failureResource, type Bundle, type ClusterStatus, type Clone, type Group, type Primitive, type Resource } from "@/lib/pacemaker";
import { resourceState, type ResourceStateLabel } from "@/components/status/resource-state";
import { agentClass } from "@/components/status/walk";

/**
 * The resource tree flattened into rows for a virtualized list. Each row keeps a reference to the
 * model object it shows, so a memoized row re-renders only when a patch replaced that object.
 */
export type ResourceRow = PrimitiveRow | GroupRow | CloneRow | BundleRow;

interface RowBase {
  /** stable across updates: the React key and the data-test suffix */
  key: string;
  depth: number;
  /** the id the details panel opens (the top-level resource for clone instances) */
  detailId: string;
}

export interface PrimitiveRow extends RowBase {
  kind: "primitive";
  primitive: Primitive;
  state: ResourceStateLabel;
  /** set for clone instances: the row shows the node rather than repeating the id */
  instanceOf: string | null;
}

export interface RoleNodes {
  role: string;
  nodes: string[];
  /** instances without a node (crm_mon's "Stopped:" list shows nodes it could run on, we have only a count) */
  count: number;
}

export interface GroupRow extends RowBase {
  kind: "group";
  group: Group;
  members: number;
  running: number;
  failed: number;
  collapsed: boolean;
}

export interface CloneRow extends RowBase {
  kind: "clone";
  clone: Clone;
  /** the primitive (or group) id being cloned: "ping" of "ping-clone" */
  childId: string;
  roles: RoleNodes[];
  failed: number;
  collapsed: boolean;
}

export interface BundleRow extends RowBase {
  kind: "bundle";
  bundle: Bundle;
  running: number;
  replicas: number;
  collapsed: boolean;
}

export interface ResourceFilter {
  text: string;
  failedOnly: boolean;
  /** node name, or "" for every node */
  node: string;
  /** "" | "class:ocf" | "agent:ocf:heartbeat:apache" | "kind:clone" … */
  type: string;
}

export const emptyFilter: ResourceFilter = { text: "", failedOnly: false, node: "", type: "" };

export function isFilterActive(f: ResourceFilter): boolean {
  return f.text.trim() !== "" || f.failedOnly || f.node !== "" || f.type !== "";
}

function primitiveMatches(p: Primitive, f: ResourceFilter, failedIds: ReadonlySet<string>, ancestors: string[]): boolean {
  if (f.failedOnly && !(p.failed || p.blocked || failedIds.has(p.id))) return false;
  if (f.node && !p.nodes.some((n) => n.name === f.node)) return false;
  if (f.type.startsWith("class:") && agentClass(p.resourceAgent) !== f.type.slice(6)) return false;
  if (f.type.startsWith("agent:") && p.resourceAgent !== f.type.slice(6)) return false;
  const text = f.text.trim().toLowerCase();
  if (text) {
    const hay = [p.id, p.resourceAgent, p.role, ...p.nodes.map((n) => n.name), ...ancestors].join(" ").toLowerCase();
    if (!text.split(/\s+/).every((word) => hay.includes(word))) return false;
  }
  return true;
}

function kindMatches(top: Resource, f: ResourceFilter): boolean {
  if (!f.type.startsWith("kind:")) return true;
  const want = f.type.slice(5);
  if (want === "promotable") return top.kind === "clone" && top.promotable;
  if (want === "clone") return top.kind === "clone" && !top.promotable;
  return top.kind === want;
}

export function rolesOf(instances: readonly Primitive[]): RoleNodes[] {
  const byRole = new Map<string, RoleNodes>();
  for (const p of instances) {
    // crm_mon's words: a failed instance keeps a role above Unpromoted ("FAILED Promoted"); an
    // action in flight is its own role ("Starting"), on the node it runs on ("Starting node4")
    const role = p.failed ? (p.role === "Promoted" || p.role === "Master" ? `FAILED ${p.role}` : "FAILED") : p.role;
    let entry = byRole.get(role);
    if (!entry) byRole.set(role, (entry = { role, nodes: [], count: 0 }));
    entry.count += 1;
    if (p.nodes.length > 0) for (const n of p.nodes) entry.nodes.push(n.name);
    else if (p.pendingNode !== null) entry.nodes.push(p.pendingNode);
  }
  const order = ["FAILED Promoted", "FAILED", "Promoted", "Unpromoted", "Started", "Starting", "Stopping", "Stopped"];
  return [...byRole.values()].sort((a, b) => rank(order, a.role) - rank(order, b.role));
}

/**
 * crm_mon names the nodes a stopped instance could run on ("Stopped: [ n3 n4 ]", "Stopped (disabled):
 * [ … ]") rather than counting instances without a node: its lists replace the count when known.
 */
export function withStoppedLists(roles: RoleNodes[], lists: { status: string; nodes: string[] }[] | undefined): RoleNodes[] {
  if (lists === undefined) return roles;
  const kept = roles.filter((r) => !(r.role === "Stopped" && r.nodes.length === 0));
  return [...kept, ...lists.map((l) => ({ role: l.status, nodes: l.nodes, count: l.nodes.length }))];
}

function rank(order: string[], role: string): number {
  const i = order.indexOf(role);
  return i < 0 ? order.length : i;
}

function cloneInstances(clone: Clone): Primitive[] {
  const out: Primitive[] = [];
  for (const c of clone.children) {
    if (c.kind === "primitive") out.push(c);
    else out.push(...c.children);
  }
  return out;
}

/** Stable keys for anonymous clone instances, which all carry the clone child's id. */
function instanceKey(prefix: string, p: Primitive, seen: Map<string, number>): string {
  const where = p.nodes.map((n) => n.name).join("+") || "stopped";
  const base = `${prefix}/${p.id}@${where}`;
  const n = seen.get(base) ?? 0;
  seen.set(base, n + 1);
  return n === 0 ? base : `${base}#${n}`;
}

/**
 * Flatten `resources` into rows. Containers are collapsed unless listed in `expanded` (groups are
 * open by default: their members are the resources admins look for); with an active filter every
 * container that holds a match opens, so a search always shows what it found.
 */
export function buildResourceRows(
  status: Pick<ClusterStatus, "resources" | "failures"> & {
    /** a clone's "Stopped: [ … ]" lists as crm_mon prints them (cloneStoppedLists); without it, a count */
    stoppedLists?: (c: Clone) => { status: string; nodes: string[] }[];
  },
  filter: ResourceFilter,
  toggled: ReadonlySet<string>,
): { rows: ResourceRow[]; shown: number; total: number } {
  const failedIds = new Set(status.failures.map((f) => failureResource(f.opKey)));
  const filtering = isFilterActive(filter);
  const rows: ResourceRow[] = [];
  let shown = 0;
  let total = 0;

  const pushPrimitive = (p: Primitive, depth: number, key: string, detailId: string, instanceOf: string | null, parentTargetRole: string | null) => {
    rows.push({ kind: "primitive", key, depth, detailId, primitive: p, state: resourceState(p, parentTargetRole), instanceOf });
  };

  for (const top of status.resources) {
    const matchesKind = kindMatches(top, filter);
    switch (top.kind) {
      case "primitive": {
        total += 1;
        if (!matchesKind || !primitiveMatches(top, filter, failedIds, [])) break;
        shown += 1;
        pushPrimitive(top, 0, `r:${top.id}`, top.id, null, null);
        break;
      }
      case "group": {
        total += top.children.length;
        const match = top.children.filter((p) => matchesKind && primitiveMatches(p, filter, failedIds, [top.id]));
        if (match.length === 0) break;
        shown += match.length;
        const collapsed = filtering ? false : toggled.has(top.id);
        rows.push({
          kind: "group",
          key: `g:${top.id}`,
          depth: 0,
          detailId: top.id,
          group: top,
          members: top.children.length,
          running: top.children.filter((p) => p.active).length,
          failed: top.children.filter((p) => p.failed).length,
          collapsed,
        });
        if (!collapsed) for (const p of match) pushPrimitive(p, 1, `r:${top.id}/${p.id}`, p.id, null, null);
        break;
      }
      case "clone": {
        const instances = cloneInstances(top);
        total += instances.length;
        const childId = top.children[0]?.id ?? "";
        const match = instances.filter((p) => matchesKind && primitiveMatches(p, filter, failedIds, [top.id]));
        if (match.length === 0) break;
        shown += match.length;
        const collapsed = filtering ? false : !toggled.has(top.id);
        rows.push({
          kind: "clone",
          key: `c:${top.id}`,
          depth: 0,
          detailId: top.id,
          clone: top,
          childId,
          roles: withStoppedLists(rolesOf(instances), status.stoppedLists?.(top)),
          failed: instances.filter((p) => p.failed).length,
          collapsed,
        });
        if (!collapsed) {
          const seen = new Map<string, number>();
          for (const p of match) pushPrimitive(p, 1, instanceKey(`c:${top.id}`, p, seen), top.id, childId, top.targetRole);
        }
        break;
      }
      case "bundle": {
        const all = top.replicas.flatMap((r) => r.resources);
        total += all.length;
        const match = all.filter((p) => matchesKind && primitiveMatches(p, filter, failedIds, [top.id]));
        if (match.length === 0) break;
        shown += match.length;
        const collapsed = filtering ? false : !toggled.has(top.id);
        rows.push({
          kind: "bundle",
          key: `b:${top.id}`,
          depth: 0,
          detailId: top.id,
          bundle: top,
          running: all.filter((p) => p.active).length,
          replicas: top.replicas.length,
          collapsed,
        });
        if (!collapsed) for (const p of match) pushPrimitive(p, 1, `b:${top.id}/${p.id}`, p.id, null, null);
        break;
      }
    }
  }
  return { rows, shown, total };
}

/** Options for the "type" filter, from what the cluster actually runs. */
export function typeOptions(resources: readonly Resource[]): { value: string; label: string }[] {
  const classes = new Map<string, number>();
  const agents = new Map<string, number>();
  const kinds = new Map<string, number>();
  const countKind = (k: string) => kinds.set(k, (kinds.get(k) ?? 0) + 1);
  const visit = (p: Primitive) => {
    const cls = agentClass(p.resourceAgent);
    classes.set(cls, (classes.get(cls) ?? 0) + 1);
    agents.set(p.resourceAgent, (agents.get(p.resourceAgent) ?? 0) + 1);
  };
  for (const top of resources) {
    if (top.kind === "primitive") {
      countKind("primitive");
      visit(top);
    } else if (top.kind === "group") {
      countKind("group");
      top.children.forEach(visit);
    } else if (top.kind === "clone") {
      countKind(top.promotable ? "promotable" : "clone");
      const first = top.children[0];
      if (first?.kind === "primitive") visit(first);
      else first?.children.forEach(visit);
    } else {
      countKind("bundle");
      top.replicas[0]?.resources.forEach(visit);
    }
  }
  const kindLabel: Record<string, string> = {
    primitive: "primitives",
    group: "groups",
    clone: "clones",
    promotable: "promotable clones",
    bundle: "bundles",
  };
  return [
    ...[...kinds].map(([k, n]) => ({ value: `kind:${k}`, label: `${kindLabel[k] ?? k} (${n})` })),
    ...[...classes].sort().map(([c]) => ({ value: `class:${c}`, label: `class ${c}` })),
    ...[...agents].sort().map(([a]) => ({ value: `agent:${a}`, label: a })),
  ];
}
