import type { ClusterStatus, NodeAttribute } from "@/lib/pacemaker";

/** node × attribute, as `crm_mon -A` lists it, with where each value lives (CIB nodes section or status). */
export interface AttributeMatrix {
  /** attribute names, sorted; columns of the table */
  names: string[];
  rows: { node: string; shown: boolean; cells: Map<string, NodeAttribute> }[];
}

export function buildAttributeMatrix(status: Pick<ClusterStatus, "nodeAttributes" | "nodes">): AttributeMatrix {
  const names = new Set<string>();
  const byNode = new Map(status.nodeAttributes.map((na) => [na.node, na]));
  const order = [...status.nodes.map((n) => n.name), ...status.nodeAttributes.map((na) => na.node)];
  const rows: AttributeMatrix["rows"] = [];
  for (const node of new Set(order)) {
    const na = byNode.get(node);
    const cells = new Map<string, NodeAttribute>();
    for (const a of na?.attributes ?? []) {
      names.add(a.name);
      cells.set(a.name, a);
    }
    rows.push({ node, shown: na?.shown ?? false, cells });
  }
  return { names: [...names].sort(), rows };
}

/** Where a value lives: permanent (CIB nodes section, survives reboots), transient (status, `-l reboot`), or both. */
export function attributeLifetime(a: NodeAttribute): "permanent" | "transient" | "both" | "unknown" {
  if (a.permanent !== null && a.transient !== null) return "both";
  if (a.permanent !== null) return "permanent";
  if (a.transient !== null) return "transient";
  return "unknown";
}
