import type { Node } from "@/lib/pacemaker";
import type { Tone } from "@/components/ui/tone";

export interface NodeStateLabel {
  /** The headline word, as crm_mon says it (Online, OFFLINE, UNCLEAN, standby…). */
  label: string;
  tone: Tone;
  /** Further flags worth a badge (maintenance while online, shutting down…). */
  flags: { label: string; tone: Tone }[];
}

/**
 * One node's state in crm_mon's words (its node list: "OFFLINE (standby)", "UNCLEAN (pending)",
 * "standby (with active resources)"...), worst first: an unclean node is a fencing candidate, so it
 * outranks being offline; standby / maintenance are deliberate and therefore amber, not red. What
 * crm_mon does not say in the word is a flag: shutting down (while online), health, and a lost
 * ticket that will fence the node (crm_mon's XML calls that unclean, its text does not: the node is
 * online and clean until then, see lib/pacemaker/parse-crm-mon-tickets.ts).
 */
export function nodeState(node: Node): NodeStateLabel {
  const flags: NodeStateLabel["flags"] = [];
  if (node.shutdown && node.online) flags.push({ label: "shutting down", tone: "warn" });
  if (node.health && node.health !== "green") {
    flags.push({ label: `health ${node.health}`, tone: node.health === "red" ? "err" : "warn" });
  }
  if (node.ticketFence !== null && !node.unclean) flags.push({ label: `will be fenced: ticket ${node.ticketFence} lost`, tone: "err" });
  if (node.unclean) {
    const label = node.online ? "UNCLEAN (online)" : node.pending ? "UNCLEAN (pending)" : "UNCLEAN (offline)";
    return { label, tone: "err", flags };
  }
  if (node.pending) return { label: "pending", tone: "warn", flags };
  if (node.standbyOnfail && node.online) return { label: "standby (on-fail)", tone: "err", flags };
  if (node.standby) {
    if (!node.online) return { label: "OFFLINE (standby)", tone: "stale", flags };
    return { label: node.resourcesRunning > 0 ? "standby (with active resources)" : "standby", tone: "warn", flags };
  }
  if (node.maintenance) return node.online ? { label: "maintenance", tone: "warn", flags } : { label: "OFFLINE (maintenance)", tone: "stale", flags };
  if (!node.online) return { label: "OFFLINE", tone: node.expectedUp ? "err" : "stale", flags };
  return { label: "online", tone: "ok", flags };
}
