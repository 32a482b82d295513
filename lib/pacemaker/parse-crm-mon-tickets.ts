import type { Configuration } from "./model-config";
import type { Node, Primitive, Resource, Ticket } from "./model-status";

/**
 * What a lost ticket's loss-policy does to crm_mon's XML, undone.
 *
 * crm_mon unpacks the constraints only when it shows bans or tickets (pcmk__output_cluster_status,
 * lib/pacemaker/pcmk_status.c, 2.1.5), and Vigil asks for them (--include=all). Unpacking an
 * rsc_ticket whose ticket is not granted applies its loss-policy at once (constraints_for_ticket,
 * pcmk_sched_tickets.c): `fence` calls pe_fence_node on every node running the resource — the XML
 * then says unclean="true" — and `freeze` makes the resource blocked and unmanaged. Those are the
 * scheduler's verdicts for its next transition, not the cluster's state: the node is online and
 * clean until it is fenced, the resource is managed until then, and `crm_mon -1 -A -f` (which
 * unpacks no constraints) says exactly that: "Online: [ node1 node2 ]", "Started node2".
 *
 * So the model keeps the state as crm_mon's text shows it (unclean false, blocked false) and says
 * what is coming in its own fields: Node.ticketFence and Primitive.ticketFreeze name the lost
 * ticket. The text, the browser and the warnings (ticket-fence) read those.
 */

const roleOf = (r: string | null): string | null => {
  if (r === null) return null;
  const l = r.toLowerCase();
  return l === "master" ? "promoted" : l === "slave" ? "unpromoted" : l;
};

function leaves(r: Resource): Primitive[] {
  if (r.kind === "primitive") return [r];
  if (r.kind === "group") return r.children;
  if (r.kind === "clone") return r.children.flatMap(leaves);
  return r.replicas.flatMap((rep) => rep.resources);
}

/** The model resources a configured id names (clone instances carry `:N`). */
function findResource(resources: Resource[], id: string): Resource[] {
  return resources.flatMap((r): Resource[] => {
    if (r.id.replace(/:\d+$/, "") === id) return [r];
    if (r.kind === "group" || r.kind === "clone") return findResource(r.children, id);
    if (r.kind === "bundle") return findResource(r.replicas.flatMap((rep) => rep.resources), id);
    return [];
  });
}

/** is-managed=false in a primitive's or its parents' meta attributes (unmanaged with or without the ticket) */
function unmanagedByConfig(cfg: Configuration): Set<string> {
  const out = new Set<string>();
  const off = (sets: Configuration["resources"][number]["metaAttributes"]): boolean =>
    sets.some((s) => s.nvpairs.some((nv) => nv.name === "is-managed" && nv.value?.toLowerCase() === "false"));
  const visit = (r: Configuration["resources"][number], parentOff: boolean): void => {
    const mine = parentOff || off(r.metaAttributes);
    if (r.kind === "primitive") {
      if (mine) out.add(r.id);
    } else if (r.kind === "group") r.children.forEach((c) => visit(c, mine));
    else if (r.kind === "clone" && r.child) visit(r.child, mine);
    else if (r.kind === "bundle" && r.primitive) visit(r.primitive, mine);
  };
  cfg.resources.forEach((r) => visit(r, false));
  return out;
}

export function undoTicketLossPolicies(resources: Resource[], nodes: Node[], tickets: Ticket[] | null, cfg: Configuration, stonithEnabled: boolean): void {
  for (const n of nodes) n.ticketFence = null;
  const all = resources.flatMap(leaves);
  for (const p of all) p.ticketFreeze = null;
  if (tickets === null) return; // crm_mon did not unpack constraints
  const granted = new Map(tickets.map((t) => [t.id, t.status === "granted"]));
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const clusterMaintenance = cfg.properties["maintenance-mode"] === "true";
  const unmanaged = unmanagedByConfig(cfg);
  for (const c of cfg.constraints) {
    if (c.kind !== "rsc_ticket" || granted.get(c.ticket) === true) continue;
    const policy = c.lossPolicy?.toLowerCase() ?? null;
    if (policy !== "freeze" && !(policy === "fence" && stonithEnabled)) continue;
    const targets: { id: string; role: string | null }[] = [];
    if (c.rsc !== null) targets.push({ id: c.rsc, role: roleOf(c.rscRole) });
    for (const set of c.resourceSets) for (const id of set.resources) targets.push({ id, role: roleOf(set.role) });
    for (const t of targets) {
      for (const leaf of findResource(resources, t.id).flatMap(leaves)) {
        if (leaf.nodes.length === 0) continue;
        // ticket_role_matches: no role, or the resource's own role
        if (t.role !== null && t.role !== "unknown" && t.role !== roleOf(leaf.role)) continue;
        if (policy === "fence") {
          for (const on of leaf.nodes) {
            const n = byName.get(on.name);
            if (n === undefined || n.ticketFence !== null) continue;
            n.ticketFence = c.ticket;
            // only an online node is clean but for the ticket: an offline one running resources is unclean anyway
            if (n.online) n.unclean = false;
          }
        } else if (leaf.ticketFreeze === null) {
          leaf.ticketFreeze = c.ticket;
          leaf.blocked = false;
          const inMaintenance = clusterMaintenance || leaf.nodes.some((x) => byName.get(x.name)?.maintenance === true);
          if (!inMaintenance && !unmanaged.has(leaf.id.replace(/:\d+$/, ""))) leaf.managed = true;
        }
      }
    }
  }
}
