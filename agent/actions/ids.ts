/**
 * What a request's ids refer to, from the agent's current status (crm_mon's view plus the CIB's
 * configuration): used to refuse unknown ids before anything runs, and by the sim-mode stand-ins
 * that need to know which primitives a group or clone holds.
 */
import type { ClusterStatus, Group, Primitive, Resource } from "@/lib/pacemaker";

type Config = NonNullable<ClusterStatus["configuration"]>;
type AnyConfig = Config["resources"][number] | Extract<Config["resources"][number], { kind: "group" }>["children"][number];

/** Every id a request may name: top-level resources, group members, clone children, bundle parts. */
export function resourceIds(status: ClusterStatus): Set<string> {
  const ids = new Set<string>();
  const walk = (r: Resource | Group | Primitive): void => {
    ids.add(r.id);
    if (r.kind === "group" || r.kind === "clone") for (const child of r.children) walk(child);
    else if (r.kind === "bundle") for (const rep of r.replicas) for (const p of rep.resources) walk(p);
  };
  for (const r of status.resources) walk(r);
  // Configured resources crm_mon does not list (e.g. not yet probed) still exist for Pacemaker.
  for (const r of status.configuration?.resources ?? []) walkConfig(r, null, (c) => ids.add(c.id));
  return ids;
}

function childrenOf(c: AnyConfig): AnyConfig[] {
  switch (c.kind) {
    case "group":
      return c.children;
    case "clone":
      return c.child ? [c.child] : [];
    case "bundle":
      return c.primitive ? [c.primitive] : [];
    default:
      return [];
  }
}

function walkConfig(c: AnyConfig, parent: AnyConfig | null, visit: (c: AnyConfig, parent: AnyConfig | null) => void): void {
  visit(c, parent);
  for (const child of childrenOf(c)) walkConfig(child, c, visit);
}

/** The configured resource with this id and its parent (null when not configured). */
export function findConfig(status: ClusterStatus, id: string): { rsc: AnyConfig; parent: AnyConfig | null } | null {
  let hit: { rsc: AnyConfig; parent: AnyConfig | null } | null = null;
  for (const r of status.configuration?.resources ?? []) {
    walkConfig(r, null, (c, parent) => {
      if (!hit && c.id === id) hit = { rsc: c, parent };
    });
  }
  return hit;
}

/** Ids of the primitives a resource consists of (itself when a primitive); every configured primitive for undefined. */
export function primitivesOf(status: ClusterStatus, id: string | undefined): string[] {
  const out = new Set<string>();
  const collect = (c: AnyConfig): void => walkConfig(c, null, (x) => void (x.kind === "primitive" && out.add(x.id)));
  if (id === undefined) for (const r of status.configuration?.resources ?? []) collect(r);
  else {
    const hit = findConfig(status, id);
    if (hit) collect(hit.rsc);
    else out.add(id); // crm_mon knows it, the configuration does not (an orphan): its own id
  }
  return [...out];
}

/** The id itself and every resource id configured under it (group members, a clone's child, a bundle's primitive). */
export function descendantIds(status: ClusterStatus, id: string): Set<string> {
  const out = new Set([id]);
  const hit = findConfig(status, id);
  if (hit) walkConfig(hit.rsc, null, (c) => void out.add(c.id));
  else {
    const walk = (r: Resource | Group | Primitive, under: boolean): void => {
      const here = under || r.id === id;
      if (here) out.add(r.id);
      if (r.kind === "group" || r.kind === "clone") for (const c of r.children) walk(c, here);
    };
    for (const r of status.resources) walk(r, false);
  }
  return out;
}

/** The configured parent of id (a group, clone or bundle), null at the top or when unknown. */
export function parentId(status: ClusterStatus, id: string): string | null {
  return findConfig(status, id)?.parent?.id ?? null;
}

/** A promotable clone, or something inside one. */
export function isPromotable(status: ClusterStatus, id: string): boolean {
  const hit = findConfig(status, id);
  if (hit) {
    if (hit.rsc.kind === "clone") return hit.rsc.promotable;
    if (hit.parent?.kind === "clone") return hit.parent.promotable;
    // a group member inside a cloned group
    for (const r of status.configuration?.resources ?? []) {
      if (r.kind === "clone" && r.promotable && r.child?.kind === "group" && r.child.children.some((p) => p.id === id || r.child?.id === id)) return true;
    }
    return false;
  }
  // No configuration in the status: crm_mon's tree says it.
  const inPromotable = (r: Resource | Group | Primitive, under: boolean): boolean => {
    const here = under || (r.kind === "clone" && r.promotable);
    if (r.id === id) return here;
    if (r.kind === "group" || r.kind === "clone") return r.children.some((c) => inPromotable(c, here));
    return false;
  };
  return status.resources.some((r) => inPromotable(r, false));
}

export function isClone(status: ClusterStatus, id: string): boolean {
  const hit = findConfig(status, id);
  if (hit) return hit.rsc.kind === "clone" || hit.parent?.kind === "clone";
  return status.resources.some((r) => r.kind === "clone" && (r.id === id || r.children.some((c) => c.id === id)));
}

/**
 * Where crm_resource puts a meta attribute set on id: a clone's child hands target-role and
 * is-managed to the clone ("Performing update of 'target-role' on 'pgsql-clone', the parent of 'pgsql'").
 */
export function metaHolder(status: ClusterStatus, id: string): string {
  const hit = findConfig(status, id);
  return hit?.parent?.kind === "clone" ? hit.parent.id : id;
}

/** A meta attribute's configured value (the first set that has it), null when not set. */
export function metaValue(status: ClusterStatus, id: string, name: string): string | null {
  const hit = findConfig(status, id);
  if (!hit || !("metaAttributes" in hit.rsc)) return null;
  for (const set of hit.rsc.metaAttributes) for (const nv of set.nvpairs) if (nv.name === name && nv.value !== null) return nv.value;
  return null;
}

/** Tickets the cluster knows: granted/revoked ones crm_mon lists, and those ticket constraints name. */
export function ticketIds(status: ClusterStatus): Set<string> {
  const ids = new Set((status.tickets ?? []).map((t) => t.id));
  for (const c of status.configuration?.constraints ?? []) if (c.kind === "rsc_ticket") ids.add(c.ticket);
  return ids;
}

/** Ids named in the params that the current status does not know; null when all are known. */
export function unknownIds(status: ClusterStatus | null, params: Record<string, unknown>): string | null {
  if (!status) return null; // nothing to check against yet: Pacemaker's exit 105 still catches it
  const nodes = new Set(status.nodes.map((n) => n.name));
  for (const n of status.configuration?.nodes ?? []) nodes.add(n.uname);
  if (typeof params.node === "string" && !nodes.has(params.node)) {
    return `unknown node "${params.node}" (nodes: ${[...nodes].join(", ") || "none"})`;
  }
  if (typeof params.rsc === "string" && !resourceIds(status).has(params.rsc)) return `unknown resource "${params.rsc}"`;
  if (typeof params.ticket === "string") {
    const tickets = ticketIds(status);
    if (!tickets.has(params.ticket)) return `unknown ticket "${params.ticket}" (tickets: ${[...tickets].join(", ") || "none"})`;
  }
  return null;
}
