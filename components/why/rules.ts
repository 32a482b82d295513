/**
 * Location rules evaluated on one node, as the scheduler reads them: node attributes (permanent and
 * transient, plus #uname, #id, #kind, #is_dc, #cluster-name), expression and date_expression, and/or,
 * with "unknown" where the console cannot tell (a value from a parameter, a date spec). Pure and zod-free.
 */
import type { ClusterStatus, Rule, RuleExpression } from "@/lib/pacemaker";

export type NodeAttrs = Map<string, string>;

export function nodeAttrs(status: ClusterStatus, node: string): NodeAttrs {
  const m: NodeAttrs = new Map();
  const cfg = status.configuration?.nodes.find((n) => n.uname === node);
  for (const set of cfg?.instanceAttributes ?? []) for (const p of set.nvpairs) if (p.value !== null) m.set(p.name, p.value);
  for (const a of status.nodeAttributes?.find((n) => n.node === node)?.attributes ?? []) {
    const v = a.value ?? a.transient ?? a.permanent;
    if (v !== null) m.set(a.name, v);
  }
  const n = status.nodes.find((x) => x.name === node);
  m.set("#uname", node);
  if (n) {
    m.set("#id", n.id);
    m.set("#kind", n.type === "member" ? "cluster" : n.type);
    m.set("#is_dc", n.isDc ? "true" : "false");
  }
  if (status.summary.clusterName) m.set("#cluster-name", status.summary.clusterName);
  return m;
}

/** Pacemaker's date format in rules: "2026-11-25 00:00:58Z", "2026-12-02 14:05:00 +00:00", ISO 8601. */
export function parsePacemakerDate(s: string | null): Date | null {
  if (!s) return null;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(s.trim());
  if (!m) {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const zone = m[5] ? (m[5] === "Z" ? "Z" : m[5].length === 5 ? `${m[5].slice(0, 3)}:${m[5].slice(3)}` : m[5]) : "Z";
  const d = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4] ?? "00"}${zone}`);
  return Number.isNaN(d.getTime()) ? null : d;
}

export type Truth = boolean | "unknown";

function compare(op: string, a: string, b: string, type: string | null): boolean {
  const numeric = type === "number" || type === "integer" || (type === null && /^-?\d+(\.\d+)?$/.test(a) && /^-?\d+(\.\d+)?$/.test(b));
  const x = numeric ? Number(a) : a;
  const y = numeric ? Number(b) : b;
  switch (op) {
    case "eq":
      return x === y;
    case "ne":
      return x !== y;
    case "lt":
      return x < y;
    case "lte":
      return x <= y;
    case "gt":
      return x > y;
    case "gte":
      return x >= y;
    default:
      return false;
  }
}

function evalExpr(e: RuleExpression, attrs: NodeAttrs, now: Date): Truth {
  switch (e.kind) {
    case "expression": {
      const v = attrs.get(e.attribute);
      if (e.operation === "defined") return v !== undefined;
      if (e.operation === "not_defined") return v === undefined;
      if (e.valueSource && e.valueSource !== "literal") return "unknown";
      if (v === undefined || e.value === null) return false;
      return compare(e.operation, v, e.value, e.type);
    }
    case "date_expression": {
      const start = parsePacemakerDate(e.start);
      const end = parsePacemakerDate(e.end);
      if (e.operation === "lt") return end ? now < end : "unknown";
      if (e.operation === "gt") return start ? now > start : "unknown";
      if (e.operation === "in_range" && (start || end) && !e.duration) return (!start || now >= start) && (!end || now <= end);
      return "unknown";
    }
    case "rule":
      return evalRule(e, attrs, now);
    default:
      // rsc_expression / op_expression belong to rsc_defaults and op_defaults, not to location rules
      return "unknown";
  }
}

export function evalRule(r: Rule, attrs: NodeAttrs, now: Date): Truth {
  const results = r.expressions.map((e) => evalExpr(e, attrs, now));
  if (results.length === 0) return false;
  if (r.booleanOp === "or") {
    if (results.includes(true)) return true;
    return results.includes("unknown") ? "unknown" : false;
  }
  if (results.includes(false)) return false;
  return results.includes("unknown") ? "unknown" : true;
}

/** The end of a rule's lifetime (`date_expression operation="lt"`, what crm_resource --lifetime writes). */
export function ruleEnd(r: Rule): Date | null {
  for (const e of r.expressions) {
    if (e.kind === "date_expression" && e.operation === "lt") return parsePacemakerDate(e.end);
    if (e.kind === "rule") {
      const inner = ruleEnd(e);
      if (inner) return inner;
    }
  }
  return null;
}

export function exprWords(e: RuleExpression): string {
  switch (e.kind) {
    case "expression":
      if (e.operation === "defined") return `${e.attribute} is defined`;
      if (e.operation === "not_defined") return `${e.attribute} is not defined`;
      return `${e.attribute} ${e.operation} ${e.value ?? ""}`.trim();
    case "date_expression":
      return e.operation === "lt" ? `before ${e.end}` : e.operation === "gt" ? `after ${e.start}` : `date ${e.operation}`;
    case "rule":
      return `(${e.expressions.map(exprWords).join(` ${e.booleanOp ?? "and"} `)})`;
    default:
      return e.kind;
  }
}
