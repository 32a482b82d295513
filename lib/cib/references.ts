/**
 * What names an id, read from the parsed configuration: the UI shows it before a rename or a
 * delete ("takes along 2 constraints: …"). apply-refs.ts does the same on the XML tree while editing.
 */
import type { Configuration, Constraint, GroupConfig, ResourceConfig } from "@/lib/pacemaker/model-config";

export type ReferenceKind = "constraint" | "tag" | "group" | "clone" | "bundle" | "fencing-level" | "acl-permission" | "acl-role" | "template";

export interface Reference {
  kind: ReferenceKind;
  /** id of the element that holds the reference (the constraint, tag, group, level, ACL role…) */
  id: string;
  /** constraint: rsc_location | rsc_colocation | rsc_order | rsc_ticket; otherwise the element's tag */
  tag: string;
  /** where in it: rsc, with-rsc, first, then, resource_set, obj_ref, member, child, devices, reference, role, template */
  field: string;
  /** the resource_set's id for a set member; the permission's id for an ACL permission */
  detail: string | null;
}

function constraintRefs(c: Constraint, id: string, out: Reference[]): void {
  const push = (field: string, detail: string | null = null): void => {
    out.push({ kind: "constraint", id: c.id, tag: c.kind, field, detail });
  };
  switch (c.kind) {
    case "rsc_location": if (c.rsc === id) push("rsc"); break;
    case "rsc_colocation":
      if (c.rsc === id) push("rsc");
      if (c.withRsc === id) push("with-rsc");
      break;
    case "rsc_order":
      if (c.first === id) push("first");
      if (c.then === id) push("then");
      break;
    case "rsc_ticket": if (c.rsc === id) push("rsc"); break;
  }
  for (const s of c.resourceSets) if (s.resources.includes(id)) push("resource_set", s.id);
}

function resourceRefs(r: ResourceConfig | GroupConfig, id: string, out: Reference[]): void {
  if (r.kind === "group") {
    if (r.children.some((c) => c.id === id)) out.push({ kind: "group", id: r.id, tag: "group", field: "member", detail: null });
    for (const c of r.children) if (c.template === id) out.push({ kind: "template", id: c.id, tag: "primitive", field: "template", detail: null });
  } else if (r.kind === "clone" && r.child) {
    if (r.child.id === id) out.push({ kind: "clone", id: r.id, tag: "clone", field: "child", detail: null });
    resourceRefs(r.child, id, out);
  } else if (r.kind === "bundle" && r.primitive) {
    if (r.primitive.id === id) out.push({ kind: "bundle", id: r.id, tag: "bundle", field: "primitive", detail: null });
  } else if (r.kind === "primitive" && r.template === id) {
    out.push({ kind: "template", id: r.id, tag: "primitive", field: "template", detail: null });
  }
}

/** Every element that names `id`: constraints (and which field or set), tags, the group or clone holding it, fencing levels, ACL permissions and role holders, primitives made from it as a template. */
export function referencesTo(config: Configuration, id: string): Reference[] {
  const out: Reference[] = [];
  for (const c of config.constraints) constraintRefs(c, id, out);
  for (const t of config.tags) if (t.refs.includes(id)) out.push({ kind: "tag", id: t.id, tag: "tag", field: "obj_ref", detail: null });
  for (const r of config.resources) resourceRefs(r, id, out);
  for (const l of config.fencingTopology) if (l.devices.includes(id)) out.push({ kind: "fencing-level", id: l.id, tag: "fencing-level", field: "devices", detail: null });
  for (const role of config.acls?.roles ?? []) {
    for (const p of role.permissions) if (p.reference === id) out.push({ kind: "acl-permission", id: role.id, tag: "acl_role", field: "reference", detail: p.id });
  }
  for (const s of [...(config.acls?.targets ?? []), ...(config.acls?.groups ?? [])]) {
    if (s.roles.includes(id)) out.push({ kind: "acl-role", id: s.id, tag: s.tag, field: "role", detail: null });
  }
  return out;
}

/** "2 constraints (a, b), 1 tag (t)": the references a delete takes along, for a confirmation line. */
export function describeReferences(refs: readonly Reference[]): string {
  const by = new Map<string, Set<string>>();
  for (const r of refs) {
    const word = r.kind === "constraint" ? "constraint" : r.kind === "fencing-level" ? "fencing level" : r.kind === "acl-permission" ? "ACL role" : r.kind === "acl-role" ? "ACL holder" : r.kind;
    const s = by.get(word) ?? new Set<string>();
    s.add(r.id);
    by.set(word, s);
  }
  return [...by].map(([word, ids]) => `${ids.size} ${word}${ids.size === 1 ? "" : "s"} (${[...ids].join(", ")})`).join(", ");
}
