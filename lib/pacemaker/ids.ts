/**
 * The ids a request may name, read from the model: one answer for the agent (which checks a
 * request before running anything) and the console (which checks it before auditing and sending).
 */
import type { ClusterStatus, Group, GroupConfig, Primitive, PrimitiveConfig, Resource, ResourceConfig } from "./model";

/** Every resource id: top-level resources, group members, clone children, bundle parts, and configured ones crm_mon does not list. */
export function resourceIds(status: ClusterStatus): Set<string> {
  const ids = new Set<string>();
  const walk = (r: Resource | Group | Primitive): void => {
    ids.add(r.id);
    // crm_mon names the instances of a clone "pgsql:0", "pgsql:1": the request names "pgsql".
    const colon = r.id.lastIndexOf(":");
    if (colon > 0 && /^\d+$/.test(r.id.slice(colon + 1))) ids.add(r.id.slice(0, colon));
    if (r.kind === "group" || r.kind === "clone") for (const child of r.children) walk(child);
    else if (r.kind === "bundle") for (const rep of r.replicas) for (const p of rep.resources) walk(p);
  };
  for (const r of status.resources) walk(r);
  // Configured resources crm_mon does not list (e.g. not yet probed) still exist for Pacemaker.
  const walkConfig = (r: ResourceConfig | GroupConfig | PrimitiveConfig): void => {
    ids.add(r.id);
    if (r.kind === "group") r.children.forEach(walkConfig);
    else if (r.kind === "clone" && r.child) walkConfig(r.child);
    else if (r.kind === "bundle" && r.primitive) walkConfig(r.primitive);
  };
  for (const r of status.configuration?.resources ?? []) walkConfig(r);
  return ids;
}

export function nodeNames(status: ClusterStatus): Set<string> {
  return new Set(status.nodes.map((n) => n.name));
}

export function ticketIds(status: ClusterStatus): Set<string> {
  const ids = new Set((status.tickets ?? []).map((t) => t.id));
  for (const c of status.configuration?.constraints ?? []) if (c.kind === "rsc_ticket") ids.add(c.ticket);
  return ids;
}

/** Ids named in a request's params that the status does not know, as one sentence (null: all known). */
export function unknownIds(status: ClusterStatus, params: Record<string, unknown>): string | null {
  if (typeof params.node === "string") {
    const nodes = nodeNames(status);
    if (!nodes.has(params.node)) return `unknown node "${params.node}" (nodes: ${[...nodes].join(", ") || "none"})`;
  }
  if (typeof params.rsc === "string" && !resourceIds(status).has(params.rsc)) return `unknown resource "${params.rsc}"`;
  if (typeof params.ticket === "string" && !ticketIds(status).has(params.ticket)) {
    return `unknown ticket "${params.ticket}" (tickets: ${[...ticketIds(status)].join(", ") || "none"})`;
  }
  return null;
}
