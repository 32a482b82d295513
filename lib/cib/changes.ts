/**
 * Element-level comparison of two CIBs' configurations, for draft conflicts: an element with an
 * id is "changed" when its own attributes or its id-less content changed (an `<op>` under
 * `<operations>`, `<select_nodes/>`, `<role id>` count as content of their nearest id-bearing
 * ancestor); a change inside an id-bearing child belongs to that child. Reordering id-bearing
 * children (group members) changes the parent.
 */
import { parseXml, toXml, type XNode } from "@/lib/pacemaker/xml";
import { REF_TAGS } from "./ids";

export type ChangeKind = "added" | "removed" | "changed";

export interface ElementChange {
  change: ChangeKind;
  tag: string;
  before: string | null;
  after: string | null;
}

interface Entry {
  tag: string;
  /** the element's own content: attributes, id-less children whole, id-bearing children as stubs */
  own: string;
  node: XNode;
}

const hasOwnId = (n: XNode): boolean => n.attrs.id !== undefined && !REF_TAGS.has(n.tag);

function ownContent(n: XNode, top: boolean): string {
  if (!top && hasOwnId(n)) return `<${n.tag} id=${JSON.stringify(n.attrs.id)}/>`;
  const attrs = Object.keys(n.attrs)
    .sort()
    .map((k) => `${k}=${JSON.stringify(n.attrs[k])}`)
    .join(" ");
  return `<${n.tag} ${attrs}>${JSON.stringify(n.text)}${n.children.map((c) => ownContent(c, false)).join("")}</${n.tag}>`;
}

function index(cibXml: string, what: string): Map<string, Entry> {
  const root = parseXml(cibXml, what);
  const out = new Map<string, Entry>();
  const conf = root.tag === "cib" ? root.children.find((c) => c.tag === "configuration") : undefined;
  const visit = (n: XNode): void => {
    for (const c of n.children) {
      if (hasOwnId(c) && !out.has(c.attrs.id!)) out.set(c.attrs.id!, { tag: c.tag, own: ownContent(c, true), node: c });
      visit(c);
    }
  };
  if (conf) visit(conf);
  return out;
}

function compare(before: Map<string, Entry>, after: Map<string, Entry>): Map<string, ElementChange> {
  const out = new Map<string, ElementChange>();
  for (const [id, b] of before) {
    const a = after.get(id);
    if (!a) out.set(id, { change: "removed", tag: b.tag, before: toXml(b.node), after: null });
    else if (a.own !== b.own) out.set(id, { change: "changed", tag: a.tag, before: toXml(b.node), after: toXml(a.node) });
  }
  for (const [id, a] of after) if (!before.has(id)) out.set(id, { change: "added", tag: a.tag, before: null, after: toXml(a.node) });
  return out;
}

/** id → what happened to it between the two CIBs (only ids whose element changed). */
export function changedElements(beforeXml: string, afterXml: string): Map<string, ElementChange> {
  return compare(index(beforeXml, "the earlier CIB"), index(afterXml, "the later CIB"));
}

export interface Conflict {
  id: string;
  tag: string;
  base: string | null;
  live: string | null;
  draft: string | null;
}

/**
 * Ids changed both underneath (base → live) and in the draft (base → draft), unless both sides
 * made the same change (same own content after, or both removed).
 */
export function conflictsBetween(baseXml: string, liveXml: string, draftXml: string): Conflict[] {
  const base = index(baseXml, "the draft's base CIB");
  const live = index(liveXml, "the live CIB");
  const draft = index(draftXml, "the draft CIB");
  const underneath = compare(base, live);
  const mine = compare(base, draft);
  const out: Conflict[] = [];
  for (const [id, u] of underneath) {
    const m = mine.get(id);
    if (!m) continue;
    const l = live.get(id);
    const d = draft.get(id);
    if ((l === undefined && d === undefined) || (l !== undefined && d !== undefined && l.own === d.own)) continue;
    out.push({ id, tag: (d ?? l)?.tag ?? u.tag, base: u.before, live: u.after, draft: m.after });
  }
  return out;
}
