/**
 * Small helpers over XNode for the edit functions. apply.ts clones the configuration once per edit
 * and then edits the clone in place through these, so nothing a caller holds is ever mutated.
 */
import type { XNode } from "@/lib/pacemaker/xml";
import { CibEditError } from "./edits";
import { deriveId, REF_TAGS, type IdSpace } from "./ids";

export function el(tag: string, attrs: Record<string, string | undefined> = {}, children: XNode[] = []): XNode {
  const a: Record<string, string> = {};
  for (const k in attrs) {
    const v = attrs[k];
    if (v !== undefined) a[k] = v;
  }
  return { tag, attrs: a, children, text: "" };
}

export function cloneNode(n: XNode): XNode {
  return { tag: n.tag, attrs: { ...n.attrs }, children: n.children.map(cloneNode), text: n.text };
}

/** The `<configuration>` of a `<cib>`. */
export function configurationOf(cib: XNode): XNode {
  if (cib.tag !== "cib") throw new CibEditError(`the document's root is <${cib.tag}>, not <cib>`);
  const c = cib.children.find((x) => x.tag === "configuration");
  if (!c) throw new CibEditError("the CIB has no <configuration> section");
  return c;
}

/** The order Pacemaker writes the sections in (the schema interleaves them, but people read them in this order). */
export const SECTION_ORDER = [
  "crm_config", "nodes", "resources", "constraints", "fencing-topology", "op_defaults", "rsc_defaults", "acls", "tags", "alerts",
] as const;
export type SectionName = (typeof SECTION_ORDER)[number];

export function findSection(config: XNode, name: SectionName): XNode | undefined {
  return config.children.find((c) => c.tag === name);
}

/** The section, created empty in its place when missing. */
export function ensureSection(config: XNode, name: SectionName): XNode {
  const found = findSection(config, name);
  if (found) return found;
  const made = el(name);
  const rank = SECTION_ORDER.indexOf(name);
  const at = config.children.findIndex((c) => {
    const r = SECTION_ORDER.indexOf(c.tag as SectionName);
    return r > rank;
  });
  if (at < 0) config.children.push(made);
  else config.children.splice(at, 0, made);
  return made;
}

/** Removes an optional section that became empty (an empty <tags/> or <acls/> is valid, but noise in a diff). */
export function dropIfEmpty(config: XNode, name: SectionName): void {
  const s = findSection(config, name);
  if (s && s.children.length === 0 && (name === "tags" || name === "alerts" || name === "acls" || name === "fencing-topology")) {
    config.children.splice(config.children.indexOf(s), 1);
  }
}


export interface Located {
  node: XNode;
  parent: XNode;
}

/** The element that carries `id` (references such as resource_ref do not count), with its parent. */
export function findById(root: XNode, id: string): Located | null {
  for (const c of root.children) {
    if (c.attrs.id === id && !REF_TAGS.has(c.tag)) return { node: c, parent: root };
    const deeper = findById(c, id);
    if (deeper) return deeper;
  }
  return null;
}

export function removeChild(parent: XNode, child: XNode): void {
  const i = parent.children.indexOf(child);
  if (i >= 0) parent.children.splice(i, 1);
}

export const RESOURCE_TAGS: ReadonlySet<string> = new Set(["primitive", "group", "clone", "master", "bundle", "template"]);

export function childResources(n: XNode): XNode[] {
  return n.children.filter((c) => RESOURCE_TAGS.has(c.tag));
}

const hasRule = (set: XNode): boolean => set.children.some((c) => c.tag === "rule");

/** nvpairs of a set that carry a name and a value of their own (not id-refs). */
const ownPairs = (set: XNode): XNode[] => set.children.filter((c) => c.tag === "nvpair" && c.attrs["id-ref"] === undefined);

/** The first set of this tag without rules (what applies unconditionally), or undefined. */
export function firstPlainSet(parent: XNode, setTag: string, preferId?: string): XNode | undefined {
  const sets = parent.children.filter((c) => c.tag === setTag && !hasRule(c) && c.attrs["id-ref"] === undefined);
  return sets.find((s) => s.attrs.id === preferId) ?? sets[0];
}

/**
 * Inserts a new set before the parent's first non-set child (Pacemaker and pcs keep sets first),
 * so a primitive reads instance_attributes, meta_attributes, operations.
 */
function insertSet(parent: XNode, set: XNode): void {
  const order = ["instance_attributes", "meta_attributes", "utilization", "cluster_property_set"];
  const rank = order.indexOf(set.tag);
  const at = parent.children.findIndex((c) => {
    const r = order.indexOf(c.tag);
    return r < 0 || r > rank;
  });
  if (at < 0) parent.children.push(set);
  else parent.children.splice(at, 0, set);
}

/** The first plain set, created (id derived from `setId`) when there is none. */
export function ensurePlainSet(parent: XNode, setTag: string, setId: string, ids: IdSpace): XNode {
  const found = firstPlainSet(parent, setTag, setId);
  if (found) return found;
  const set = el(setTag, { id: deriveId(setId, ids, setTag) });
  insertSet(parent, set);
  return set;
}

/**
 * One name in the parent's plain sets of `setTag`: a value updates the first pair with that name
 * (the one the cluster reads) or adds one to the first set; null removes every plain pair with
 * that name (removing a name that is not set changes nothing, so a replayed edit stays valid).
 */
export function setNvValue(parent: XNode, setTag: string, name: string, value: string | null, setId: string, ids: IdSpace): void {
  const sets = parent.children.filter((c) => c.tag === setTag && !hasRule(c) && c.attrs["id-ref"] === undefined);
  if (value === null) {
    for (const s of sets) {
      const gone = (p: XNode): boolean => p.tag === "nvpair" && p.attrs.name === name && p.attrs["id-ref"] === undefined;
      for (const p of s.children) if (gone(p)) ids.release(p.attrs.id);
      s.children = s.children.filter((p) => !gone(p));
    }
    return;
  }
  for (const s of sets) {
    const p = ownPairs(s).find((x) => x.attrs.name === name);
    if (p) {
      p.attrs.value = value;
      return;
    }
  }
  const set = ensurePlainSet(parent, setTag, setId, ids);
  set.children.push(el("nvpair", { id: deriveId(`${set.attrs.id ?? setId}-${name}`, ids, "nvpair"), name, value }));
}

/**
 * Makes the set's pairs exactly `pairs` (in that order): a name already there keeps its nvpair id,
 * a new one gets `${set id}-${name}`, the rest are removed. Rules and other children stay.
 */
export function writePairs(set: XNode, pairs: readonly { name: string; value: string }[], ids: IdSpace): void {
  const existing = new Map<string, XNode>();
  for (const p of ownPairs(set)) if (p.attrs.name !== undefined && !existing.has(p.attrs.name)) existing.set(p.attrs.name, p);
  const seen = new Set<string>();
  const out: XNode[] = [];
  for (const { name, value } of pairs) {
    if (seen.has(name)) throw new CibEditError(`attribute "${name}" is given twice`, set.attrs.id ?? null);
    seen.add(name);
    const old = existing.get(name);
    if (old) {
      old.attrs.value = value;
      out.push(old);
    } else out.push(el("nvpair", { id: deriveId(`${set.attrs.id ?? "nvpair"}-${name}`, ids, "nvpair"), name, value }));
  }
  for (const p of ownPairs(set)) if (!out.includes(p)) ids.release(p.attrs.id);
  const others = set.children.filter((c) => !(c.tag === "nvpair" && c.attrs["id-ref"] === undefined));
  set.children = [...others, ...out];
}

/** Replaces the pairs of the parent's first plain set, creating the set when there are pairs to write. */
export function replaceSetPairs(parent: XNode, setTag: string, setId: string, pairs: readonly { name: string; value: string }[], ids: IdSpace): void {
  const found = firstPlainSet(parent, setTag, setId);
  if (!found && pairs.length === 0) return;
  const set = found ?? ensurePlainSet(parent, setTag, setId, ids);
  writePairs(set, pairs, ids);
}

/** Every element under `root` (root included), depth first. */
export function* walk(root: XNode): Generator<XNode> {
  yield root;
  for (const c of root.children) yield* walk(c);
}
