/**
 * The bridge between the parsed configuration (lib/pacemaker/model-config.ts: what the CIB says) and
 * the edit input (lib/cib/edits.ts: what a form stages). Pure, so the graph, the lists and the forms
 * share one reading and the unit tests cover it. Used by components/editors/constraint-*.tsx.
 */
import type { ConstraintInput, ExpressionInput, ResourceSetInput, RuleInput, ROLES } from "@/lib/cib/edits";
import type { Configuration, Constraint, ResourceConfig, ResourceSet, Rule } from "@/lib/pacemaker";

export type ConstraintKind = Constraint["kind"];

export const KIND_LABEL: Record<ConstraintKind, string> = {
  rsc_location: "Location",
  rsc_colocation: "Colocation",
  rsc_order: "Order",
  rsc_ticket: "Ticket",
};

export interface ResourceEntry {
  id: string;
  kind: "primitive" | "group" | "clone" | "promotable" | "bundle";
  /** the group/clone/bundle it is in (null at the top level) */
  parent: string | null;
}

/** Every resource of the configuration, containers before their children, in CIB order. */
export function resourceEntries(config: Configuration): ResourceEntry[] {
  const out: ResourceEntry[] = [];
  const walk = (r: ResourceConfig, parent: string | null) => {
    switch (r.kind) {
      case "primitive":
        out.push({ id: r.id, kind: "primitive", parent });
        break;
      case "group":
        out.push({ id: r.id, kind: "group", parent });
        r.children.forEach((c) => walk(c, r.id));
        break;
      case "clone":
        out.push({ id: r.id, kind: r.promotable ? "promotable" : "clone", parent });
        if (r.child) walk(r.child, r.id);
        break;
      case "bundle":
        out.push({ id: r.id, kind: "bundle", parent });
        if (r.primitive) walk(r.primitive, r.id);
        break;
    }
  };
  config.resources.forEach((r) => walk(r, null));
  return out;
}

/** Every id a new constraint must not take (ids are unique across the whole CIB). */
export function takenIds(config: Configuration): Set<string> {
  const ids = new Set<string>();
  resourceEntries(config).forEach((r) => ids.add(r.id));
  config.constraints.forEach((c) => ids.add(c.id));
  config.nodes.forEach((n) => ids.add(n.id));
  config.tags.forEach((t) => ids.add(t.id));
  config.templates.forEach((t) => ids.add(t.id));
  return ids;
}

/** pcs-style ids (location-web-node1-100, colocation-a-b-INFINITY), made unique with -1, -2 … */
export function suggestId(prefix: string, parts: (string | undefined | null)[], taken: Set<string>): string {
  const base = [prefix, ...parts.filter((p): p is string => !!p)]
    .join("-")
    .replace(/[^A-Za-z0-9._-]/g, "_")
    .replace(/^[^A-Za-z_]/, "_");
  if (!taken.has(base)) return base;
  for (let i = 1; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

type Role = (typeof ROLES)[number];
// A copy of edits.ts' ROLES (type-checked against it) so the graph and lists do not load zod.
export const ROLE_NAMES = ["Started", "Stopped", "Promoted", "Unpromoted", "Master", "Slave"] as const satisfies readonly Role[];
const ROLE_SET = new Set<string>(ROLE_NAMES);
const asRole = (r: string | null): Role | undefined => (r !== null && ROLE_SET.has(r) ? (r as Role) : undefined);
const some = (v: string | null): string | undefined => (v === null || v === "" ? undefined : v);
const bool = (v: string | null): boolean | undefined => (v === null ? undefined : ["true", "yes", "1", "on"].includes(v.toLowerCase()));
function oneOf<T extends string>(v: string | null, allowed: readonly T[]): T | undefined {
  return v !== null && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
}

const ACTIONS = ["start", "stop", "promote", "demote"] as const;

export interface ToInputResult {
  input: ConstraintInput | null;
  /** why the forms cannot edit it (it is still listed, shown and can be deleted) */
  unsupported: string | null;
}

function setInput(s: ResourceSet): ResourceSetInput | string {
  if (s.idRef) return "a resource set given by reference (id-ref)";
  return {
    resources: s.resources,
    ...(bool(s.sequential) !== undefined ? { sequential: bool(s.sequential) } : {}),
    ...(bool(s.requireAll) !== undefined ? { requireAll: bool(s.requireAll) } : {}),
    ...(asRole(s.role) ? { role: asRole(s.role) } : {}),
    ...(oneOf(s.action, ACTIONS) ? { action: oneOf(s.action, ACTIONS) } : {}),
  };
}

function sets(list: ResourceSet[]): ResourceSetInput[] | string {
  const out: ResourceSetInput[] = [];
  for (const s of list) {
    const r = setInput(s);
    if (typeof r === "string") return r;
    out.push(r);
  }
  return out;
}

const EXPR_OPS = ["lt", "gt", "lte", "gte", "eq", "ne", "defined", "not_defined"] as const;
const DATE_OPS = ["gt", "lt", "in_range", "date_spec"] as const;
const VALUE_TYPES = ["string", "integer", "number", "version"] as const;
const SPEC_FIELDS = ["seconds", "minutes", "hours", "monthdays", "weekdays", "yeardays", "months", "weeks", "years", "weekyears", "moon"] as const;
const DURATION_FIELDS = ["seconds", "minutes", "hours", "days", "weeks", "months", "years"] as const;

function pick<K extends string>(attrs: Record<string, string>, keys: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const k of keys) if (attrs[k] !== undefined) out[k] = attrs[k];
  return out;
}

function ruleInput(r: Rule): RuleInput | string {
  if (r.idRef) return "a rule given by reference (id-ref)";
  const expressions: ExpressionInput[] = [];
  for (const e of r.expressions) {
    if (e.kind === "expression") {
      const operation = oneOf(e.operation, EXPR_OPS);
      if (!operation) return `the expression operation "${e.operation}"`;
      if (e.valueSource && e.valueSource !== "literal") return "an expression with value-source";
      expressions.push({
        kind: "expression",
        attribute: e.attribute,
        operation,
        ...(e.value !== null ? { value: e.value } : {}),
        ...(oneOf(e.type, VALUE_TYPES) ? { type: oneOf(e.type, VALUE_TYPES) } : {}),
      });
    } else if (e.kind === "date_expression") {
      const operation = oneOf(e.operation, DATE_OPS);
      if (!operation) return `the date operation "${e.operation}"`;
      const spec = e.dateSpec ? pick(e.dateSpec.attrs, SPEC_FIELDS) : {};
      const duration = e.duration ? pick(e.duration.attrs, DURATION_FIELDS) : {};
      expressions.push({
        kind: "date_expression",
        operation,
        ...(e.start !== null ? { start: e.start } : {}),
        ...(e.end !== null ? { end: e.end } : {}),
        ...(Object.keys(spec).length ? { spec } : {}),
        ...(Object.keys(duration).length ? { duration } : {}),
      });
    } else {
      return e.kind === "rule" ? "a nested rule" : `a ${e.kind.replace("_", " ")}`;
    }
  }
  return {
    ...(some(r.score) ? { score: r.score! } : {}),
    ...(some(r.scoreAttribute) ? { scoreAttribute: r.scoreAttribute! } : {}),
    ...(oneOf(r.booleanOp, ["and", "or"] as const) ? { booleanOp: oneOf(r.booleanOp, ["and", "or"] as const) } : {}),
    ...(asRole(r.role) ? { role: asRole(r.role) } : {}),
    expressions,
  };
}

const unsupported = (what: string): ToInputResult => ({ input: null, unsupported: `This constraint uses ${what}, which the form does not edit; see the Raw XML tab.` });

/** The input that re-creates a parsed constraint (for its edit form), or why the form cannot. */
export function toInput(c: Constraint): ToInputResult {
  switch (c.kind) {
    case "rsc_location": {
      if (c.resourceSets.length) return unsupported("resource sets in a location");
      const rules: RuleInput[] = [];
      for (const r of c.rules) {
        const ri = ruleInput(r);
        if (typeof ri === "string") return unsupported(ri);
        rules.push(ri);
      }
      return {
        unsupported: null,
        input: {
          kind: "rsc_location",
          id: c.id,
          ...(c.rsc ? { rsc: c.rsc } : {}),
          ...(c.rscPattern ? { rscPattern: c.rscPattern } : {}),
          ...(asRole(c.role) ? { role: asRole(c.role) } : {}),
          ...(rules.length ? { rules } : { ...(c.node ? { node: c.node } : {}), ...(c.score ? { score: c.score } : {}) }),
          ...(oneOf(c.resourceDiscovery, ["always", "never", "exclusive"] as const) ? { resourceDiscovery: oneOf(c.resourceDiscovery, ["always", "never", "exclusive"] as const) } : {}),
        },
      };
    }
    case "rsc_colocation": {
      const s = sets(c.resourceSets);
      if (typeof s === "string") return unsupported(s);
      return {
        unsupported: null,
        input: {
          kind: "rsc_colocation",
          id: c.id,
          ...(s.length ? { sets: s } : { rsc: c.rsc ?? undefined, withRsc: c.withRsc ?? undefined }),
          ...(asRole(c.rscRole) ? { rscRole: asRole(c.rscRole) } : {}),
          ...(asRole(c.withRscRole) ? { withRscRole: asRole(c.withRscRole) } : {}),
          score: c.score ?? "INFINITY",
          ...(c.nodeAttribute ? { nodeAttribute: c.nodeAttribute } : {}),
          ...(bool(c.influence) !== undefined ? { influence: bool(c.influence) } : {}),
        },
      };
    }
    case "rsc_order": {
      const s = sets(c.resourceSets);
      if (typeof s === "string") return unsupported(s);
      // An old-style order with a score: 0 is Optional, anything else Mandatory (Pacemaker's reading).
      const orderKind = oneOf(c.orderKind, ["Mandatory", "Optional", "Serialize"] as const) ?? (c.score !== null ? (c.score === "0" ? "Optional" : "Mandatory") : undefined);
      return {
        unsupported: null,
        input: {
          kind: "rsc_order",
          id: c.id,
          ...(s.length ? { sets: s } : { first: c.first ?? undefined, then: c.then ?? undefined }),
          ...(oneOf(c.firstAction, ACTIONS) ? { firstAction: oneOf(c.firstAction, ACTIONS) } : {}),
          ...(oneOf(c.thenAction, ACTIONS) ? { thenAction: oneOf(c.thenAction, ACTIONS) } : {}),
          ...(orderKind ? { orderKind } : {}),
          ...(bool(c.symmetrical) !== undefined ? { symmetrical: bool(c.symmetrical) } : {}),
        },
      };
    }
    case "rsc_ticket": {
      const s = sets(c.resourceSets);
      if (typeof s === "string") return unsupported(s);
      return {
        unsupported: null,
        input: {
          kind: "rsc_ticket",
          id: c.id,
          ticket: c.ticket,
          ...(s.length ? { sets: s } : { rsc: c.rsc ?? undefined }),
          ...(asRole(c.rscRole) ? { rscRole: asRole(c.rscRole) } : {}),
          ...(oneOf(c.lossPolicy, ["stop", "demote", "fence", "freeze"] as const) ? { lossPolicy: oneOf(c.lossPolicy, ["stop", "demote", "fence", "freeze"] as const) } : {}),
        },
      };
    }
  }
}

/** Drops undefined keys (the strict input schemas refuse none, but equality checks and JSON are cleaner). */
export function compact<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
