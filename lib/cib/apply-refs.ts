/**
 * References to resources in the tree: what resource.delete takes along (or refuses over),
 * what resource.rename follows, and what ungroup/unclone drop with the id that goes away.
 * (references.ts answers the same question over the parsed model, for the UI.)
 */
import type { XNode } from "@/lib/pacemaker/xml";
import type { IdSpace } from "./ids";
import { findSection, removeChild } from "./tree";

const CONSTRAINT_ATTRS = ["rsc", "with-rsc", "first", "then"] as const;
export const CONSTRAINT_TAGS: ReadonlySet<string> = new Set(["rsc_location", "rsc_colocation", "rsc_order", "rsc_ticket"]);

export interface TreeRef {
  /** "constraint rsc_order order-1", "tag web", "fencing level fl-1", "ACL role r (permission p)" */
  label: string;
  /** true when the reference can be taken along (removed) rather than only reported */
  removable: boolean;
}

const names = (ids: ReadonlySet<string>, v: string | undefined): boolean => v !== undefined && ids.has(v);

/** Every element that names one of `ids` (constraints, sets, tags, fencing levels, ACL permissions, template users). */
export function findReferences(config: XNode, ids: ReadonlySet<string>): TreeRef[] {
  const out: TreeRef[] = [];
  for (const c of findSection(config, "constraints")?.children ?? []) {
    const inAttr = CONSTRAINT_ATTRS.some((a) => names(ids, c.attrs[a]));
    const inSet = c.children.some((s) => s.tag === "resource_set" && s.children.some((r) => r.tag === "resource_ref" && names(ids, r.attrs.id)));
    if (inAttr || inSet) out.push({ label: `constraint ${c.attrs.id ?? c.tag}`, removable: true });
  }
  for (const t of findSection(config, "tags")?.children ?? []) {
    if (t.children.some((r) => r.tag === "obj_ref" && names(ids, r.attrs.id))) out.push({ label: `tag ${t.attrs.id ?? ""}`, removable: true });
  }
  for (const l of findSection(config, "fencing-topology")?.children ?? []) {
    if ((l.attrs.devices ?? "").split(",").some((d) => ids.has(d))) out.push({ label: `fencing level ${l.attrs.id ?? ""}`, removable: true });
  }
  for (const r of findSection(config, "acls")?.children ?? []) {
    for (const p of r.children) {
      if (p.tag === "acl_permission" && names(ids, p.attrs.reference)) out.push({ label: `ACL permission ${p.attrs.id ?? ""} of ${r.attrs.id ?? ""}`, removable: true });
    }
  }
  const visit = (n: XNode): void => {
    for (const c of n.children) {
      if (c.tag === "primitive" && names(ids, c.attrs.template)) out.push({ label: `primitive ${c.attrs.id ?? ""} (made from the template)`, removable: false });
      visit(c);
    }
  };
  const res = findSection(config, "resources");
  if (res) visit(res);
  return out;
}

/** Removes every removable reference to `ids` (empty sets, constraints, tags and levels go with them). */
export function dropReferences(config: XNode, ids: ReadonlySet<string>, space: IdSpace): void {
  const cons = findSection(config, "constraints");
  for (const c of [...(cons?.children ?? [])]) {
    if (CONSTRAINT_ATTRS.some((a) => names(ids, c.attrs[a]))) {
      space.releaseTree(c);
      removeChild(cons!, c);
      continue;
    }
    let touched = false;
    for (const s of [...c.children]) {
      if (s.tag !== "resource_set") continue;
      const before = s.children.length;
      s.children = s.children.filter((r) => !(r.tag === "resource_ref" && names(ids, r.attrs.id)));
      if (s.children.length !== before) touched = true;
      if (!s.children.some((r) => r.tag === "resource_ref") && s.attrs["id-ref"] === undefined) {
        space.releaseTree(s);
        removeChild(c, s);
      }
    }
    const standsAlone = c.attrs.rsc !== undefined || c.attrs["rsc-pattern"] !== undefined || c.attrs.first !== undefined;
    if (touched && !standsAlone && !c.children.some((s) => s.tag === "resource_set")) {
      space.releaseTree(c);
      removeChild(cons!, c);
    }
  }
  const tags = findSection(config, "tags");
  const emptied = new Set<string>();
  for (const t of [...(tags?.children ?? [])]) {
    const before = t.children.length;
    t.children = t.children.filter((r) => !(r.tag === "obj_ref" && names(ids, r.attrs.id)));
    // a tag needs at least one reference (tags-3.3.rng)
    if (t.tag === "tag" && t.children.length !== before && !t.children.some((r) => r.tag === "obj_ref")) {
      space.releaseTree(t);
      removeChild(tags!, t);
      if (t.attrs.id !== undefined) emptied.add(t.attrs.id);
    }
  }
  const ft = findSection(config, "fencing-topology");
  for (const l of [...(ft?.children ?? [])]) {
    const devices = (l.attrs.devices ?? "").split(",").filter((d) => d !== "");
    const kept = devices.filter((d) => !ids.has(d));
    if (kept.length === devices.length) continue;
    if (kept.length === 0) {
      space.releaseTree(l);
      removeChild(ft!, l);
    } else l.attrs.devices = kept.join(",");
  }
  for (const r of findSection(config, "acls")?.children ?? []) {
    for (const p of [...r.children]) {
      if (p.tag === "acl_permission" && names(ids, p.attrs.reference)) {
        space.releaseTree(p);
        removeChild(r, p);
      }
    }
  }
  // a tag that lost its last member is gone too: what named the tag (a constraint) goes with it
  if (emptied.size > 0) dropReferences(config, emptied, space);
}

/** Points the constraints (and their sets) that name `from` at `to`. */
export function retargetConstraints(config: XNode, from: string, to: string): void {
  for (const c of findSection(config, "constraints")?.children ?? []) {
    for (const a of CONSTRAINT_ATTRS) if (c.attrs[a] === from) c.attrs[a] = to;
    for (const s of c.children) for (const r of s.children) if (r.tag === "resource_ref" && r.attrs.id === from) r.attrs.id = to;
  }
}

/** Points every reference to `from` at `to` (constraints, sets, tags, fencing levels, ACL permissions, template users). */
export function renameReferences(config: XNode, from: string, to: string): void {
  retargetConstraints(config, from, to);
  for (const t of findSection(config, "tags")?.children ?? []) for (const r of t.children) if (r.tag === "obj_ref" && r.attrs.id === from) r.attrs.id = to;
  for (const l of findSection(config, "fencing-topology")?.children ?? []) {
    const devices = (l.attrs.devices ?? "").split(",");
    if (devices.includes(from)) l.attrs.devices = devices.map((d) => (d === from ? to : d)).join(",");
  }
  for (const r of findSection(config, "acls")?.children ?? []) for (const p of r.children) if (p.tag === "acl_permission" && p.attrs.reference === from) p.attrs.reference = to;
  const visit = (n: XNode): void => {
    for (const c of n.children) {
      if (c.tag === "primitive" && c.attrs.template === from) c.attrs.template = to;
      visit(c);
    }
  };
  const res = findSection(config, "resources");
  if (res) visit(res);
}
