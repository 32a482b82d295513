/** constraint.put / constraint.delete: location (node score or rules), colocation, order, ticket, with resource sets. */
import type { XNode } from "@/lib/pacemaker/xml";
import { CibEditError, type CibEdit, type ConstraintInput, type ExpressionInput, type ResourceSetInput, type RuleInput } from "./edits";
import { deriveId, idFor, type IdSpace } from "./ids";
import { CONSTRAINT_TAGS } from "./apply-refs";
import type { Ctx } from "./apply-resources";
import { el, ensureSection, findById, findSection, RESOURCE_TAGS } from "./tree";

type Edit<O extends CibEdit["op"]> = Extract<CibEdit, { op: O }>;

const bool = (v: boolean | undefined): string | undefined => (v === undefined ? undefined : v ? "true" : "false");

/** The schema (score.rng) takes INFINITY, +INFINITY, -INFINITY or an integer; the edit also allows "inf" forms and any case. */
export function normalizeScore(s: string): string {
  const m = /^([+-]?)(inf|infinity)$/i.exec(s);
  if (!m) return s;
  return m[1] === "-" ? "-INFINITY" : `${m[1]}INFINITY`;
}

/** The clone (or legacy master) that holds resource `id` somewhere inside it, if any. */
function cloneHolding(ctx: Ctx, id: string): string | null {
  for (const top of findSection(ctx.config, "resources")?.children ?? []) {
    if ((top.tag === "clone" || top.tag === "master") && top.attrs.id !== id && findById(top, id)) return top.attrs.id ?? null;
  }
  return null;
}

/**
 * Constraints may name resources, templates and tags (Pacemaker expands a tag to its members).
 * Not a resource inside a clone: the scheduler ignores such a constraint ("not a valid resource")
 * whenever no instance of it is in the status yet, and pcs refuses it the same way.
 */
function checkTarget(ctx: Ctx, id: string, constraint: string): void {
  const tag = ctx.ids.tagOf(id);
  if (tag === undefined || !(RESOURCE_TAGS.has(tag) || tag === "tag")) {
    throw new CibEditError(`constraint ${constraint} names ${id}, but there is no resource named ${id}`, constraint);
  }
  const clone = tag === "tag" ? null : cloneHolding(ctx, id);
  if (clone !== null) throw new CibEditError(`constraint ${constraint} names ${id}, which is inside clone ${clone}; constrain ${clone} instead`, constraint);
}

function expression(x: ExpressionInput, ruleId: string, ids: IdSpace, where: string): XNode {
  const id = deriveId(idFor.expression(ruleId), ids, x.kind);
  if (x.kind === "expression") {
    const unary = x.operation === "defined" || x.operation === "not_defined";
    if (unary && x.value !== undefined) throw new CibEditError(`${where}: "${x.operation}" on ${x.attribute} takes no value`);
    if (!unary && x.value === undefined) throw new CibEditError(`${where}: "${x.operation}" on ${x.attribute} needs a value`);
    return el("expression", { id, attribute: x.attribute, operation: x.operation, value: x.value, type: x.type });
  }
  const need = (ok: boolean, msg: string): void => {
    if (!ok) throw new CibEditError(`${where}: ${msg}`);
  };
  if (x.operation === "gt") need(x.start !== undefined && x.end === undefined, "a date expression \"gt\" takes a start (and no end)");
  if (x.operation === "lt") need(x.end !== undefined && x.start === undefined, "a date expression \"lt\" takes an end (and no start)");
  if (x.operation === "in_range") need(x.start !== undefined || x.end !== undefined, "a date range needs a start or an end");
  if (x.operation === "date_spec") need(x.spec !== undefined && Object.keys(x.spec).length > 0 && x.start === undefined && x.end === undefined, "a date_spec expression needs date fields (hours, weekdays…) and no start or end");
  need(x.spec === undefined || x.operation === "date_spec", "date fields belong to a date_spec expression");
  need(x.duration === undefined || x.operation === "in_range", "a duration belongs to a date range (in_range)");
  const node = el("date_expression", { id, operation: x.operation, start: x.start, end: x.end });
  if (x.spec) node.children.push(el("date_spec", { id: deriveId(idFor.dateSpec(id), ids, "date_spec"), ...x.spec }));
  if (x.duration) node.children.push(el("duration", { id: deriveId(idFor.duration(id), ids, "duration"), ...x.duration }));
  return node;
}

function rule(r: RuleInput, owner: string, ids: IdSpace): XNode {
  if (r.score !== undefined && r.scoreAttribute !== undefined) throw new CibEditError(`a rule of ${owner} has a score or a score attribute, not both`, owner);
  const id = deriveId(idFor.rule(owner), ids, "rule");
  const node = el("rule", {
    id, score: r.score === undefined ? undefined : normalizeScore(r.score), "score-attribute": r.scoreAttribute,
    "boolean-op": r.booleanOp, role: r.role,
  });
  node.children = r.expressions.map((x) => expression(x, id, ids, `rule ${id}`));
  return node;
}

function resourceSet(s: ResourceSetInput, owner: string, ctx: Ctx): XNode {
  const seen = new Set<string>();
  for (const r of s.resources) {
    checkTarget(ctx, r, owner);
    if (seen.has(r)) throw new CibEditError(`${r} is listed twice in a resource set of ${owner}`, owner);
    seen.add(r);
  }
  const id = deriveId(idFor.resourceSet(owner), ctx.ids, "resource_set");
  return el(
    "resource_set",
    { id, sequential: bool(s.sequential), "require-all": bool(s.requireAll), role: s.role, action: s.action },
    s.resources.map((r) => el("resource_ref", { id: r })),
  );
}

function build(ctx: Ctx, c: ConstraintInput): XNode {
  const sets = (list: readonly ResourceSetInput[] | undefined): XNode[] => (list ?? []).map((s) => resourceSet(s, c.id, ctx));
  switch (c.kind) {
    case "rsc_location": {
      if (c.rsc !== undefined) checkTarget(ctx, c.rsc, c.id);
      const node = el("rsc_location", {
        id: c.id, rsc: c.rsc, "rsc-pattern": c.rscPattern, role: c.role, node: c.node,
        score: c.score === undefined ? undefined : normalizeScore(c.score), "resource-discovery": c.resourceDiscovery,
      });
      node.children = (c.rules ?? []).map((r) => rule(r, c.id, ctx.ids));
      return node;
    }
    case "rsc_colocation": {
      if (c.rsc !== undefined) checkTarget(ctx, c.rsc, c.id);
      if (c.withRsc !== undefined) checkTarget(ctx, c.withRsc, c.id);
      if (c.rsc !== undefined && c.rsc === c.withRsc) throw new CibEditError(`colocation ${c.id} places ${c.rsc} with itself`, c.id);
      return el(
        "rsc_colocation",
        {
          id: c.id, rsc: c.rsc, "with-rsc": c.withRsc, "rsc-role": c.rscRole, "with-rsc-role": c.withRscRole,
          score: normalizeScore(c.score), "node-attribute": c.nodeAttribute, influence: bool(c.influence),
        },
        sets(c.sets),
      );
    }
    case "rsc_order": {
      if (c.first !== undefined) checkTarget(ctx, c.first, c.id);
      if (c.then !== undefined) checkTarget(ctx, c.then, c.id);
      if (c.first !== undefined && c.first === c.then) throw new CibEditError(`order ${c.id} orders ${c.first} after itself`, c.id);
      return el(
        "rsc_order",
        { id: c.id, first: c.first, "first-action": c.firstAction, then: c.then, "then-action": c.thenAction, kind: c.orderKind, symmetrical: bool(c.symmetrical) },
        sets(c.sets),
      );
    }
    case "rsc_ticket": {
      if (c.rsc !== undefined) checkTarget(ctx, c.rsc, c.id);
      return el("rsc_ticket", { id: c.id, ticket: c.ticket, rsc: c.rsc, "rsc-role": c.rscRole, "loss-policy": c.lossPolicy }, sets(c.sets));
    }
  }
}

/** Creates the constraint, or replaces the one with its id where it stands. */
function constraintPut(ctx: Ctx, e: Edit<"constraint.put">): void {
  const c = e.constraint;
  const section = ensureSection(ctx.config, "constraints");
  // constraints are children of the section: no walk of the whole configuration for a new id
  const taken = ctx.ids.tagOf(c.id);
  const node0 = taken !== undefined && CONSTRAINT_TAGS.has(taken) ? section.children.find((x) => x.attrs.id === c.id && CONSTRAINT_TAGS.has(x.tag)) : undefined;
  const old = node0 ? { node: node0, parent: section } : null;
  if (old) {
    ctx.ids.releaseTree(old.node);
    ctx.ids.take(c.id, c.kind);
    const node = build(ctx, c);
    old.parent.children.splice(old.parent.children.indexOf(old.node), 1, node);
    return;
  }
  ctx.ids.claim(c.id, c.kind, "constraint id");
  section.children.push(build(ctx, c));
}

function constraintDelete(ctx: Ctx, e: Edit<"constraint.delete">): void {
  const section = findSection(ctx.config, "constraints");
  const node = section?.children.find((c) => c.attrs.id === e.id && CONSTRAINT_TAGS.has(c.tag));
  if (!section || !node) throw new CibEditError(`no constraint named ${e.id}`, e.id);
  ctx.ids.releaseTree(node);
  section.children.splice(section.children.indexOf(node), 1);
}

export function applyConstraintEdit(ctx: Ctx, e: CibEdit): boolean {
  switch (e.op) {
    case "constraint.put": constraintPut(ctx, e); return true;
    case "constraint.delete": constraintDelete(ctx, e); return true;
    default: return false;
  }
}
