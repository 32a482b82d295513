/**
 * Ids: the ones a configuration already uses, whether a string may be one, and the deterministic
 * names pcs and crm_resource give the elements they create (`web-instance_attributes-ip`,
 * `web-monitor-interval-10s`, `loc-rule-expr`), with `-1`, `-2`… when a name is taken. The same CIB
 * and the same edit always give the same ids, so a replayed draft gives the same XML.
 */
import { xmlId } from "@/lib/protocol/values";
import type { XNode } from "@/lib/pacemaker/xml";
import { CibEditError } from "./edits";

/** Elements whose `id` attribute is a reference to another element, not an id of its own. */
export const REF_TAGS: ReadonlySet<string> = new Set(["resource_ref", "obj_ref", "role", "role_ref"]);

const ID_SCHEMA = xmlId();

export function isValidId(v: string): boolean {
  return ID_SCHEMA.safeParse(v).success;
}

const schemas = new Map<string, ReturnType<typeof xmlId>>();

/** Throws a CibEditError with the id rule's own message when `v` is not a valid id. */
export function checkId(v: string, what = "id"): void {
  let schema = schemas.get(what);
  if (!schema) {
    schema = xmlId(what);
    schemas.set(what, schema);
  }
  const r = schema.safeParse(v);
  if (!r.success) throw new CibEditError(r.error.issues[0]?.message ?? `${what} is not a valid id`, v);
}

/** Every id in the configuration (references excluded) → the tag of the element that carries it. */
export function configurationIds(config: XNode): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (n: XNode): void => {
    for (const c of n.children) {
      const id = c.attrs.id;
      if (id !== undefined && !REF_TAGS.has(c.tag) && !out.has(id)) out.set(id, c.tag);
      visit(c);
    }
  };
  visit(config);
  return out;
}

const WORDS: Record<string, string> = {
  rsc_location: "a location constraint", rsc_colocation: "a colocation constraint", rsc_order: "an order constraint",
  rsc_ticket: "a ticket constraint", nvpair: "an nvpair", op: "an operation", instance_attributes: "an instance_attributes set",
  meta_attributes: "a meta_attributes set", utilization: "a utilization set", cluster_property_set: "a cluster_property_set",
  "fencing-level": "a fencing level", acl_role: "an ACL role", acl_target: "an ACL target", acl_group: "an ACL group",
  acl_permission: "an ACL permission", resource_set: "a resource set", date_expression: "a date expression",
};

/** "a primitive", "an order constraint": the element kind in a sentence. */
export function describeTag(tag: string): string {
  return WORDS[tag] ?? `${/^[aeiou]/i.test(tag) ? "an" : "a"} ${tag}`;
}

/** The ids in use while one edit is applied: what the configuration has plus what the edit made. */
export class IdSpace {
  private readonly ids: Map<string, string>;
  constructor(config: XNode) {
    this.ids = configurationIds(config);
  }
  /** The ids as a sorted list (tests compare it with a fresh configurationIds). */
  list(): string[] {
    return [...this.ids.keys()].sort();
  }
  has(id: string): boolean {
    return this.ids.has(id);
  }
  tagOf(id: string): string | undefined {
    return this.ids.get(id);
  }
  /** Claims an id the edit names itself: refused when it is taken. */
  claim(id: string, tag: string, what = "id"): void {
    checkId(id, what);
    const used = this.ids.get(id);
    if (used !== undefined) throw new CibEditError(`id "${id}" is already used by ${describeTag(used)}`, id);
    this.ids.set(id, tag);
  }
  /** Records an id (derived ones, or one kept from a replaced element). */
  take(id: string, tag: string): void {
    this.ids.set(id, tag);
  }
  release(id: string | undefined): void {
    if (id !== undefined) this.ids.delete(id);
  }
  /** Releases every id in a subtree that is about to be removed or replaced. */
  releaseTree(n: XNode): void {
    if (n.attrs.id !== undefined && !REF_TAGS.has(n.tag)) this.ids.delete(n.attrs.id);
    for (const c of n.children) this.releaseTree(c);
  }
}

/**
 * A name as an id the way Pacemaker's crm_xml_sanitize_id does it (`#uname` → `.uname`, `a:b` →
 * `a.b`), widened to every character an XML ID cannot hold; a first character that cannot start an
 * id gets a `_` before it.
 */
export function sanitizeId(raw: string): string {
  let s = raw.replace(/[^A-Za-z0-9._-]/g, ".");
  if (s === "") s = "_";
  if (!/^[A-Za-z_]/.test(s)) s = `_${s}`;
  return s.length > 200 ? s.slice(0, 200) : s;
}

/** `base` sanitized, or `base-1`, `base-2`… when taken; the result is claimed in `ids`. */
export function deriveId(base: string, ids: IdSpace, tag: string): string {
  const b = sanitizeId(base);
  let id = b;
  for (let n = 1; ids.has(id); n++) id = `${b}-${n}`;
  ids.take(id, tag);
  return id;
}

/** The names pcs gives (the derived id is then made unique by deriveId). */
export const idFor = {
  instanceAttributes: (owner: string) => `${owner}-instance_attributes`,
  metaAttributes: (owner: string) => `${owner}-meta_attributes`,
  utilization: (owner: string) => `${owner}-utilization`,
  nvpair: (setId: string, name: string) => `${setId}-${name}`,
  op: (rsc: string, name: string, interval: string) => `${rsc}-${name}-interval-${interval}`,
  rule: (owner: string) => `${owner}-rule`,
  expression: (rule: string) => `${rule}-expr`,
  dateSpec: (expr: string) => `${expr}-date_spec`,
  duration: (expr: string) => `${expr}-duration`,
  resourceSet: (constraint: string) => `${constraint}-set`,
  permission: (role: string, kind: string) => `${role}-${kind}`,
  alertAttribute: (alert: string, name: string) => `${alert}-attribute-${name}`,
  /** crm_attribute's names for a node's sets */
  nodeAttributes: (nodeId: string) => `nodes-${nodeId}`,
  nodeUtilization: (nodeId: string) => `nodes-${nodeId}-utilization`,
} as const;

/** The sets property.set writes into when they are missing (the names Pacemaker's tools use). */
export const PROPERTY_SET_IDS = { crm_config: "cib-bootstrap-options", rsc_defaults: "rsc-options", op_defaults: "op-options" } as const;
