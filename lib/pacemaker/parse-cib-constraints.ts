import type { RawElement, Rule } from "./model-common";
import type { Constraint, ResourceSet } from "./model-config";
import { parseRule } from "./parse-nvset";
import { extraAttrs, rawElement, req, str, type XNode } from "./xml";

/** constraints-3.x.rng: rsc_location, rsc_colocation, rsc_order, rsc_ticket, each with resource sets. */

const S = (...k: string[]): ReadonlySet<string> => new Set(k);
const SET_KNOWN = S("id", "id-ref", "sequential", "require-all", "ordering", "action", "role", "score", "kind");
const LOC_KNOWN = S("id", "rsc", "rsc-pattern", "role", "score", "node", "resource-discovery");
const COLO_KNOWN = S(
  "id", "rsc", "with-rsc", "rsc-role", "with-rsc-role", "score", "node-attribute", "influence",
);
const ORDER_KNOWN = S("id", "first", "then", "first-action", "then-action", "kind", "score", "symmetrical", "require-all");
const TICKET_KNOWN = S("id", "ticket", "rsc", "rsc-role", "loss-policy");

function parseSet(el: XNode): ResourceSet {
  const a = el.attrs;
  const resources: string[] = [];
  const unknown: RawElement[] = [];
  for (const c of el.children) {
    if (c.tag === "resource_ref") resources.push(req(c.attrs, "id"));
    else unknown.push(rawElement(c));
  }
  return {
    id: str(a, "id"), idRef: str(a, "id-ref"), sequential: str(a, "sequential"), requireAll: str(a, "require-all"),
    ordering: str(a, "ordering"), action: str(a, "action"), role: str(a, "role"), score: str(a, "score"),
    kind: str(a, "kind"), resources, extraAttrs: extraAttrs(a, SET_KNOWN), unknown,
  };
}

/** Children common to all constraints: resource sets, rules (location only), the rest kept raw. */
function children(el: XNode, allowRules: boolean): { sets: ResourceSet[]; rules: Rule[]; unknown: RawElement[] } {
  const sets: ResourceSet[] = [];
  const rules: Rule[] = [];
  const unknown: RawElement[] = [];
  for (const c of el.children) {
    if (c.tag === "resource_set") sets.push(parseSet(c));
    else if (allowRules && c.tag === "rule") rules.push(parseRule(c));
    else unknown.push(rawElement(c));
  }
  return { sets, rules, unknown };
}

function parseConstraint(el: XNode): Constraint | null {
  const a = el.attrs;
  switch (el.tag) {
    case "rsc_location": {
      const ch = children(el, true);
      return {
        kind: "rsc_location", id: req(a, "id"), rsc: str(a, "rsc"), rscPattern: str(a, "rsc-pattern"),
        role: str(a, "role"), score: str(a, "score"), node: str(a, "node"),
        resourceDiscovery: str(a, "resource-discovery"), rules: ch.rules, resourceSets: ch.sets,
        extraAttrs: extraAttrs(a, LOC_KNOWN), unknown: ch.unknown,
      };
    }
    case "rsc_colocation": {
      const ch = children(el, false);
      return {
        kind: "rsc_colocation", id: req(a, "id"), rsc: str(a, "rsc"), withRsc: str(a, "with-rsc"),
        rscRole: str(a, "rsc-role"), withRscRole: str(a, "with-rsc-role"), score: str(a, "score"),
        nodeAttribute: str(a, "node-attribute"), influence: str(a, "influence"), resourceSets: ch.sets,
        extraAttrs: extraAttrs(a, COLO_KNOWN), unknown: ch.unknown,
      };
    }
    case "rsc_order": {
      const ch = children(el, false);
      return {
        kind: "rsc_order", id: req(a, "id"), first: str(a, "first"), then: str(a, "then"),
        firstAction: str(a, "first-action"), thenAction: str(a, "then-action"), orderKind: str(a, "kind"),
        score: str(a, "score"), symmetrical: str(a, "symmetrical"), requireAll: str(a, "require-all"),
        resourceSets: ch.sets, extraAttrs: extraAttrs(a, ORDER_KNOWN), unknown: ch.unknown,
      };
    }
    case "rsc_ticket": {
      const ch = children(el, false);
      return {
        kind: "rsc_ticket", id: req(a, "id"), ticket: req(a, "ticket"), rsc: str(a, "rsc"), rscRole: str(a, "rsc-role"),
        lossPolicy: str(a, "loss-policy"), resourceSets: ch.sets, extraAttrs: extraAttrs(a, TICKET_KNOWN),
        unknown: ch.unknown,
      };
    }
    default:
      return null;
  }
}

export function parseConstraints(el: XNode, unknown: RawElement[]): Constraint[] {
  const out: Constraint[] = [];
  for (const c of el.children) {
    const k = parseConstraint(c);
    if (k === null) unknown.push(rawElement(c));
    else out.push(k);
  }
  return out;
}
