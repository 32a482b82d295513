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
 * One node's state, worst first: an unclean node is a fencing candidate, so it outranks being
 * offline; standby / maintenance are deliberate and therefore amber, not red.
 */
export function nodeState(node: Node): NodeStateLabel {
  const flags: NodeStateLabel["flags"] = [];
  if (node.shutdown) flags.push({ label: "shutting down", tone: "warn" });
  if (node.health && node.health !== "green") {
    flags.push({ label: `health ${node.health}`, tone: node.health === "red" ? "err" : "warn" });
  }
  if (node.unclean) return { label: node.online ? "UNCLEAN (online)" : "UNCLEAN (offline)", tone: "err", flags };
  if (node.pending) return { label: "pending", tone: "warn", flags };
  if (!node.online) return { label: "OFFLINE", tone: node.expectedUp ? "err" : "stale", flags };
  if (node.standbyOnfail) return { label: "standby (on-fail)", tone: "err", flags };
  if (node.maintenance) {
    if (node.standby) flags.push({ label: "standby", tone: "warn" });
    return { label: "maintenance", tone: "warn", flags };
  }
  if (node.standby) return { label: "standby", tone: "warn", flags };
  return { label: "online", tone: "ok", flags };
}
