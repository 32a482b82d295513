import type { StatusPatch } from "./model-patch";

/** What a patch touched, for logs and the audit trail. */
export interface PatchSummary {
  /** node keys (id|name) with the changed fields */
  nodes: string[];
  /** resource paths (group/clone ids down to the instance) */
  resources: string[];
  /** `node: attribute` */
  attributes: string[];
  /** any other section touched (summary.lastUpdate, failures, tickets, configuration.constraints...) */
  other: string[];
}

const VOLATILE = new Set(["summary/lastUpdate"]);

function nodeLabel(key: string): string {
  const bar = key.indexOf("|");
  return bar >= 0 ? key.slice(bar + 1) : key;
}

export function summarizePatch(patch: StatusPatch): PatchSummary {
  const nodes = new Map<string, Set<string>>();
  const resources = new Map<string, Set<string>>();
  const attributes = new Set<string>();
  const other = new Set<string>();
  const note = (m: Map<string, Set<string>>, k: string, what: string): void => {
    let s = m.get(k);
    if (s === undefined) m.set(k, (s = new Set()));
    if (what !== "") s.add(what);
  };
  for (const op of patch.ops) {
    const [section, key, ...rest] = op.path;
    const verb = rest.length > 0 ? "" : op.op === "add" ? "added" : op.op === "remove" ? "removed" : "";
    if (section === "nodes" && key !== undefined) {
      note(nodes, nodeLabel(key), verb || (rest[0] ?? op.op));
    } else if (section === "resources" && key !== undefined) {
      const ids = [key];
      const fields: string[] = [];
      for (let i = 0; i < rest.length; i++) {
        const seg = rest[i] ?? "";
        if ((seg === "children" || seg === "replicas" || seg === "resources") && rest[i + 1] !== undefined) {
          ids.push(rest[i + 1] ?? "");
          i++;
        } else fields.push(seg);
      }
      note(resources, ids.join("/"), verb || (fields[0] ?? op.op));
    } else if (section === "nodeAttributes" && key !== undefined) {
      const attr = rest[0] === "attributes" ? rest[1] : undefined;
      attributes.add(attr === undefined ? `${key}: ${verb || "attributes"}` : `${key}: ${attr}`);
    } else if (section !== undefined) {
      const label = key === undefined ? section : `${section}/${nodeLabel(key)}`;
      if (!VOLATILE.has(label)) other.add(label);
    } else other.add("(whole status)");
  }
  const fmt = (m: Map<string, Set<string>>): string[] =>
    [...m].map(([k, s]) => (s.size === 0 ? k : `${k} (${[...s].join(", ")})`));
  return { nodes: fmt(nodes), resources: fmt(resources), attributes: [...attributes], other: [...other] };
}

/** One line: `nodes: node3 (standby); resources: WebService2 (role, nodes); attributes: node2: pingd`. */
export function describePatch(patch: StatusPatch): string {
  if (patch.ops.length === 0) return "no changes";
  const s = summarizePatch(patch);
  const parts: string[] = [];
  if (s.nodes.length) parts.push(`nodes: ${s.nodes.join(", ")}`);
  if (s.resources.length) parts.push(`resources: ${s.resources.join(", ")}`);
  if (s.attributes.length) parts.push(`attributes: ${s.attributes.join(", ")}`);
  if (s.other.length) parts.push(`other: ${s.other.join(", ")}`);
  return parts.length ? parts.join("; ") : "no meaningful changes (timestamps only)";
}
