import type { NvPair, NvSet, RawElement, Rule, RuleExpression } from "./model-common";
import { extraAttrs, rawElement, req, str, type XNode } from "./xml";

/** nvset-3.x.rng and rule-3.x.rng: name/value sets and the rules that guard them. */

const S = (...k: string[]): ReadonlySet<string> => new Set(k);
const RULE_KNOWN = S("id", "id-ref", "score", "score-attribute", "boolean-op", "role");
const EXPR_KNOWN = S("id", "attribute", "operation", "value", "type", "value-source");
const DATE_KNOWN = S("id", "operation", "start", "end");
const RSC_KNOWN = S("id", "class", "provider", "type");
const OP_KNOWN = S("id", "name", "interval");
const NVSET_KNOWN = S("id", "id-ref", "score");

function spec(el: XNode | undefined): { id: string | null; attrs: Record<string, string> } | null {
  if (el === undefined) return null;
  return { id: str(el.attrs, "id"), attrs: extraAttrs(el.attrs, S("id")) };
}

function parseExpression(el: XNode, unknown: RawElement[]): RuleExpression | null {
  const a = el.attrs;
  switch (el.tag) {
    case "rule":
      return parseRule(el);
    case "expression":
      return {
        kind: "expression", id: str(a, "id"), attribute: req(a, "attribute"), operation: req(a, "operation"),
        value: str(a, "value"), type: str(a, "type"), valueSource: str(a, "value-source"),
        extraAttrs: extraAttrs(a, EXPR_KNOWN),
      };
    case "date_expression":
      return {
        kind: "date_expression", id: str(a, "id"), operation: req(a, "operation"), start: str(a, "start"),
        end: str(a, "end"), dateSpec: spec(el.children.find((c) => c.tag === "date_spec")),
        duration: spec(el.children.find((c) => c.tag === "duration")), extraAttrs: extraAttrs(a, DATE_KNOWN),
      };
    case "rsc_expression":
      return {
        kind: "rsc_expression", id: str(a, "id"), class: str(a, "class"), provider: str(a, "provider"),
        type: str(a, "type"), extraAttrs: extraAttrs(a, RSC_KNOWN),
      };
    case "op_expression":
      return {
        kind: "op_expression", id: str(a, "id"), name: req(a, "name"), interval: str(a, "interval"),
        extraAttrs: extraAttrs(a, OP_KNOWN),
      };
    default:
      unknown.push(rawElement(el));
      return null;
  }
}

export function parseRule(el: XNode): Rule {
  const a = el.attrs;
  const unknown: RawElement[] = [];
  const expressions: RuleExpression[] = [];
  for (const c of el.children) {
    const e = parseExpression(c, unknown);
    if (e !== null) expressions.push(e);
  }
  return {
    kind: "rule", id: str(a, "id"), idRef: str(a, "id-ref"), score: str(a, "score"),
    scoreAttribute: str(a, "score-attribute"), booleanOp: str(a, "boolean-op"), role: str(a, "role"),
    expressions, extraAttrs: extraAttrs(a, RULE_KNOWN), unknown,
  };
}

export function parseNvSet(el: XNode): NvSet {
  const a = el.attrs;
  const rules: Rule[] = [];
  const nvpairs: NvPair[] = [];
  const unknown: RawElement[] = [];
  for (const c of el.children) {
    if (c.tag === "nvpair") {
      nvpairs.push({ id: str(c.attrs, "id"), name: req(c.attrs, "name"), value: str(c.attrs, "value"), idRef: str(c.attrs, "id-ref") });
    } else if (c.tag === "rule") rules.push(parseRule(c));
    else unknown.push(rawElement(c));
  }
  return { id: str(a, "id"), idRef: str(a, "id-ref"), score: str(a, "score"), rules, nvpairs, extraAttrs: extraAttrs(a, NVSET_KNOWN), unknown };
}

/** name → value of the sets without rules, first set first: what applies unconditionally. */
export function flattenNvSets(sets: NvSet[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of sets) {
    if (s.rules.length > 0) continue;
    for (const p of s.nvpairs) if (p.value !== null && !(p.name in out)) out[p.name] = p.value;
  }
  return out;
}
