// Where an element a draft names is edited: a resource in the Resources page's editor, a constraint
// on the Constraints page. Pure, so the panel's findings and conflict items share it.
import type { Configuration } from "@/lib/pacemaker/model-config";

export function resourceIds(config: Configuration | null): Set<string> {
  const ids = new Set<string>();
  for (const r of config?.resources ?? []) {
    ids.add(r.id);
    if (r.kind === "group") for (const c of r.children) ids.add(c.id);
    if (r.kind === "clone" && r.child) {
      ids.add(r.child.id);
      if (r.child.kind === "group") for (const c of r.child.children) ids.add(c.id);
    }
    if (r.kind === "bundle" && r.primitive) ids.add(r.primitive.id);
  }
  return ids;
}

/** The page that edits `id`, or null when it is neither a resource nor a constraint of `config`. */
export function elementHref(cluster: string, config: Configuration | null, id: string): string | null {
  const base = `/clusters/${encodeURIComponent(cluster)}/config`;
  if (resourceIds(config).has(id)) return `${base}?edit=${encodeURIComponent(id)}`;
  if (config?.constraints.some((c) => c.id === id)) return `${base}/constraints?edit=${encodeURIComponent(id)}`;
  return null;
}

/** A placement change in plain words: "start web_ip on node2", "move db from node1 to node3". */
export function changeText(c: { resource: string; change: string; from: string | null; to: string | null }): string {
  const on = (n: string | null) => (n ? ` on ${n}` : "");
  switch (c.change) {
    case "start":
      return `start ${c.resource}${on(c.to)}`;
    case "stop":
      return `stop ${c.resource}${on(c.from)}`;
    case "move":
    case "migrate":
      return `${c.change === "migrate" ? "live-migrate" : "move"} ${c.resource}${c.from ? ` from ${c.from}` : ""}${c.to ? ` to ${c.to}` : ""}`;
    case "promote":
      return `promote ${c.resource}${on(c.to ?? c.from)}`;
    case "demote":
      return `demote ${c.resource}${on(c.from ?? c.to)}`;
    case "restart":
      return `restart ${c.resource}${on(c.to ?? c.from)}`;
    default:
      return `${c.change} ${c.resource}${c.from ? ` from ${c.from}` : ""}${c.to ? ` to ${c.to}` : ""}`;
  }
}
