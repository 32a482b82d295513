import type { Configuration, PrimitiveConfig, ResourceConfig } from "./model-config";
import type { InstanceFailCount, Node, NodeHistory } from "./model-status";
import { flattenNvSets } from "./parse-nvset";
import { ctime } from "./render-util";
import { parseXml } from "./xml";

/**
 * The migration summary per clone instance, as crm_mon's text prints it (node_history_list in
 * lib/pengine/pe_output.c, 2.1.5): one line per lrm_resource entry of an online node, named by the
 * entry's own id (`drbd0:0`, `drbd0:1`), whenever pe_get_failcount is above 0 — even for entries
 * whose operations crm_mon's XML leaves out. crm_mon's XML names anonymous instances by their
 * printable id instead and lists only entries with operations to show, so these come from the
 * CIB: its node_state's lrm_resource ids (picked out as tags, the status section is not parsed
 * as a whole) and its transient fail-count-* / last-failure-* attributes.
 */

const INFINITY = 1_000_000;

/** char2score (lib/common/scores.c): INFINITY words, else an integer clamped to ±INFINITY. */
export function char2score(v: string | undefined): number {
  if (v === undefined) return 0;
  const t = v.trim();
  if (t === "INFINITY" || t === "+INFINITY") return INFINITY;
  if (t === "-INFINITY") return -INFINITY;
  const m = /^[+-]?\d+/.exec(t);
  const n = m === null ? 0 : Number.parseInt(m[0], 10);
  return Math.max(-INFINITY, Math.min(INFINITY, n));
}

/** pcmk__add_scores: infinities win (-INFINITY first), else the sum, clamped. */
function addScores(a: number, b: number): number {
  if (a <= -INFINITY || b <= -INFINITY) return -INFINITY;
  if (a >= INFINITY || b >= INFINITY) return INFINITY;
  return Math.max(-INFINITY, Math.min(INFINITY, a + b));
}

interface RscInfo {
  unique: boolean;
  /** meta attributes, own first, then the parents' (the first one found wins, as get_meta_attributes) */
  meta: Record<string, string>[];
}

function resourceIndex(cfg: Configuration): Map<string, RscInfo> {
  const out = new Map<string, RscInfo>();
  const templates = new Map(cfg.templates.map((t) => [t.id, flattenNvSets(t.metaAttributes)]));
  const prim = (p: PrimitiveConfig, parents: Record<string, string>[], unique: boolean): void => {
    const own = flattenNvSets(p.metaAttributes);
    const tmpl = p.template === null ? {} : (templates.get(p.template) ?? {});
    out.set(p.id, { unique, meta: [own, tmpl, ...parents] });
  };
  const visit = (r: ResourceConfig, parents: Record<string, string>[], unique: boolean): void => {
    const meta = flattenNvSets(r.metaAttributes);
    if (r.kind === "primitive") prim(r, parents, unique);
    else if (r.kind === "group") r.children.forEach((c) => prim(c, [meta, ...parents], unique));
    else if (r.kind === "clone") {
      const u = (meta["globally-unique"] ?? "false").toLowerCase() === "true";
      if (r.child) visit(r.child, [meta, ...parents], u);
    } else if (r.kind === "bundle" && r.primitive) prim(r.primitive, [meta, ...parents], false);
  };
  cfg.resources.forEach((r) => visit(r, [], false));
  return out;
}

function migrationThreshold(info: RscInfo | undefined, defaults: Record<string, string>): number {
  const v = [...(info?.meta ?? []), defaults].map((m) => m["migration-threshold"]).find((x) => x !== undefined);
  if (v === undefined || v.toLowerCase() === "default") return INFINITY;
  const n = char2score(v);
  return n < 0 ? 1 : n;
}

/** `<lrm_resource id=...>` ids of each wanted node_state, in document order. */
function lrmIds(cibXml: string, wanted: Set<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const statusAt = cibXml.indexOf("<status");
  if (statusAt < 0 || wanted.size === 0) return out;
  const states: { id: string; at: number }[] = [];
  for (let i = cibXml.indexOf("<node_state ", statusAt); i >= 0; i = cibXml.indexOf("<node_state ", i + 1)) {
    const end = cibXml.indexOf(">", i);
    if (end < 0) break;
    const tag = cibXml.slice(i, end + 1);
    const id = parseXml(tag.endsWith("/>") ? tag : `${tag.slice(0, -1)}/>`, "CIB XML (node_state)").attrs.id;
    if (id !== undefined) states.push({ id, at: i });
  }
  states.forEach((s, k) => {
    if (!wanted.has(s.id)) return;
    const limit = states[k + 1]?.at ?? cibXml.length;
    const ids: string[] = [];
    for (let i = cibXml.indexOf("<lrm_resource ", s.at); i >= 0 && i < limit; i = cibXml.indexOf("<lrm_resource ", i + 1)) {
      const end = cibXml.indexOf(">", i);
      const tag = cibXml.slice(i, end + 1);
      const id = parseXml(tag.endsWith("/>") ? tag : `${tag.slice(0, -1)}/>`, "CIB XML (lrm_resource)").attrs.id;
      if (id !== undefined) ids.push(id);
    }
    out.set(s.id, ids);
  });
  return out;
}

/** pe_get_failcount (pe_fc_default: no expiry) for one lrm entry on one node's attributes. */
function failCountOf(lrmId: string, unique: boolean, attrs: Map<string, string>, legacy: boolean): { count: number; last: number } {
  const name = unique ? lrmId : lrmId.replace(/:\d+$/, "");
  const inst = unique ? "" : "(:[0-9]+)?";
  const op = legacy ? "" : "#.+_[0-9]+";
  let fc: RegExp;
  let lf: RegExp;
  try {
    fc = new RegExp(`^fail-count-${name}${inst}${op}$`);
    lf = new RegExp(`^last-failure-${name}${inst}${op}$`);
  } catch {
    return { count: 0, last: 0 };
  }
  let count = 0;
  let last = 0;
  for (const [k, v] of attrs) {
    if (fc.test(k)) count = addScores(count, char2score(v));
    else if (lf.test(k)) {
      const n = /^[+-]?\d+/.exec(v.trim());
      if (n !== null) last = Math.max(last, Number.parseInt(n[0], 10));
    }
  }
  return { count, last };
}

/** crm_feature_set < 3.0.13: fail counts per resource, not per operation */
function legacyFailCounts(featureSet: string | null): boolean {
  if (featureSet === null) return true; // compare_version(NULL, "3.0.13") is -1
  const [a = 0, b = 0, c = 0] = featureSet.split(".").map((x) => Number.parseInt(x, 10) || 0);
  return a !== 3 ? a < 3 : b !== 0 ? b < 0 : c < 13;
}

/**
 * Sets `failCounts` on every node history entry (adding entries for online nodes crm_mon's XML
 * had no history for), or leaves them null without a CIB.
 */
export function applyInstanceFailCounts(
  history: NodeHistory[] | null,
  nodes: Node[],
  cib: { xml: string; cfg: Configuration; transient: Map<string, Map<string, string>>; featureSet: string | null; nodeStateIds: string[] },
): NodeHistory[] | null {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const wanted = new Set<string>();
  for (const id of cib.nodeStateIds) {
    const attrs = cib.transient.get(id);
    if (byId.get(id)?.online && attrs && [...attrs.keys()].some((k) => k.startsWith("fail-count-"))) wanted.add(id);
  }
  const ids = lrmIds(cib.xml, wanted);
  const index = resourceIndex(cib.cfg);
  const defaults = flattenNvSets(cib.cfg.rscDefaults);
  const legacy = legacyFailCounts(cib.featureSet);
  let out = history;
  for (const h of out ?? []) h.failCounts = [];
  for (const id of cib.nodeStateIds) {
    const node = byId.get(id);
    const lrm = ids.get(id);
    const attrs = cib.transient.get(id);
    if (node === undefined || lrm === undefined || attrs === undefined) continue;
    const counts: InstanceFailCount[] = [];
    for (const lrmId of lrm) {
      const base = lrmId.replace(/:\d+$/, "");
      const info = index.get(lrmId) ?? index.get(base);
      const { count, last } = failCountOf(lrmId, info?.unique ?? false, attrs, legacy);
      if (count <= 0) continue;
      // crm_mon's own threshold when its XML reported this resource on this node
      const xmlThreshold = history?.find((x) => x.node === node.name)?.resources.find((r) => r.id === base || r.id === lrmId)?.migrationThreshold;
      counts.push({
        id: lrmId, resource: base, failCount: count,
        migrationThreshold: xmlThreshold ?? migrationThreshold(info, defaults),
        lastFailure: last > 0 ? ctime(new Date(last * 1000)) : null,
        lastFailureEpoch: last > 0 ? last : null,
      });
    }
    if (counts.length === 0) continue;
    out ??= [];
    const entry = out.find((x) => x.node === node.name);
    if (entry) entry.failCounts = counts;
    else out.push({ node: node.name, resources: [], failCounts: counts });
  }
  return out;
}
