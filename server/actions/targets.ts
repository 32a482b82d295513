// What a change names, for the audit row's target (and the link from the audit page back to it).
import type { ChangeActionName } from "@/lib/protocol";

export { unknownIds } from "@/lib/pacemaker";

export type TargetKind = "resource" | "node" | "ticket" | "cluster" | "attribute" | "configuration";

export function targetOf(action: ChangeActionName, params: Record<string, unknown>): { kind: TargetKind; id: string } {
  const str = (k: string): string => (typeof params[k] === "string" ? (params[k] as string) : "");
  if (action.startsWith("node.attribute.")) return { kind: "attribute", id: `${str("node")}/${str("name")}` };
  if (action.startsWith("node.")) return { kind: "node", id: str("node") };
  if (action.startsWith("ticket.")) return { kind: "ticket", id: str("ticket") };
  if (action.startsWith("resource.")) {
    // cleanup/refresh of everything names no resource: the cluster is the target
    return str("rsc") ? { kind: "resource", id: str("rsc") } : { kind: "cluster", id: str("node") ? `node ${str("node")}` : "" };
  }
  if (action === "config.commit") return { kind: "configuration", id: "" };
  return { kind: "cluster", id: "" };
}
