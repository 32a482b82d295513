import type { Constraint, ResourceSet, Rule, RuleExpression } from "@/lib/pacemaker";

/**
 * Constraints in one line of plain words, keeping Pacemaker's terms (score, INFINITY, role) so an
 * admin who knows `pcs constraint` reads them as they would there.
 */
export function describeConstraint(c: Constraint): string {
  switch (c.kind) {
    case "rsc_location": {
      const who = c.rsc ?? (c.rscPattern ? `/${c.rscPattern}/` : setsText(c.resourceSets));
      const role = c.role && c.role !== "Started" ? ` (${c.role})` : "";
      const move = moveTarget(c);
      if (move) return `${who}${role} moved to ${move.node}${move.until ? ` until ${move.until}` : ""}`;
      if (c.node) return `${who}${role} ${preferVerb(c.score)} ${c.node} (score ${c.score ?? "?"})`;
      const rules = c.rules.map(ruleText).join("; ");
      return `${who}${role}: ${rules || "(no rule)"}`;
    }
    case "rsc_colocation": {
      if (c.resourceSets.length) return `colocated set ${setsText(c.resourceSets)} (score ${c.score ?? "?"})`;
      const a = c.rscRole ? `${c.rsc} (${c.rscRole})` : c.rsc;
      const b = c.withRscRole ? `${c.withRsc} (${c.withRscRole})` : c.withRsc;
      return `${a} with ${b} (score ${c.score ?? "?"})`;
    }
    case "rsc_order": {
      if (c.resourceSets.length) return `ordered set ${setsText(c.resourceSets)}${c.orderKind ? ` (${c.orderKind})` : ""}`;
      return `${c.firstAction ?? "start"} ${c.first} then ${c.thenAction ?? c.firstAction ?? "start"} ${c.then}${
        c.orderKind ? ` (${c.orderKind})` : c.score ? ` (score ${c.score})` : ""
      }`;
    }
    case "rsc_ticket": {
      const who = c.rsc ?? setsText(c.resourceSets);
      return `${who}${c.rscRole ? ` (${c.rscRole})` : ""} needs ticket ${c.ticket}${c.lossPolicy ? ` (loss-policy ${c.lossPolicy})` : ""}`;
    }
  }
}

function preferVerb(score: string | null): string {
  if (!score) return "prefers";
  if (score === "-INFINITY" || score === "-inf") return "is banned from";
  if (score.startsWith("-")) return "avoids";
  return "prefers";
}

function setsText(sets: ResourceSet[]): string {
  return sets.map((s) => `[${s.resources.join(" ")}]`).join(" ");
}

function exprText(e: RuleExpression): string {
  switch (e.kind) {
    case "expression":
      return `${e.attribute} ${e.operation}${e.value !== null ? ` ${e.value}` : ""}`;
    case "date_expression":
      return describeDate(e);
    case "rsc_expression":
      return `resource ${[e.class, e.provider, e.type].filter(Boolean).join(":")}`;
    case "op_expression":
      return `op ${e.name}${e.interval ? ` ${e.interval}` : ""}`;
    case "rule":
      return `(${ruleText(e)})`;
  }
}

export function ruleText(r: Rule): string {
  const body = r.expressions.map(exprText).join(` ${r.booleanOp ?? "and"} `);
  return `${r.score ?? r.scoreAttribute ?? ""} if ${body}`.trim();
}

/** `crm_resource --move` writes a cli-prefer rule: #uname eq NODE, and with --lifetime a date_expression lt END. */
export function moveTarget(c: Constraint): { node: string; until: string | null } | null {
  if (c.kind !== "rsc_location" || !c.id.startsWith("cli-prefer-")) return null;
  if (c.node) return { node: c.node, until: null };
  for (const r of c.rules) {
    const uname = r.expressions.find((e) => e.kind === "expression" && e.attribute === "#uname" && e.operation === "eq");
    const until = r.expressions.find((e) => e.kind === "date_expression" && e.operation === "lt");
    if (uname && uname.kind === "expression" && uname.value) {
      return { node: uname.value, until: until && until.kind === "date_expression" ? until.end : null };
    }
  }
  return null;
}

/** Every resource id a constraint names, whatever the slot (rsc, with-rsc, first, then, sets). */
export function constraintResources(c: Constraint): string[] {
  const ids: (string | null)[] = c.resourceSets.flatMap((s) => s.resources);
  if (c.kind === "rsc_location" || c.kind === "rsc_ticket") ids.push(c.rsc);
  if (c.kind === "rsc_colocation") ids.push(c.rsc, c.withRsc);
  if (c.kind === "rsc_order") ids.push(c.first, c.then);
  return ids.filter((x): x is string => x !== null);
}

export function isCliConstraint(c: Constraint): boolean {
  return c.id.startsWith("cli-prefer-") || c.id.startsWith("cli-ban-");
}

/** "hours 9-16, weekdays 1-5": a date_spec's (or duration's) fields as written. */
function fields(spec: { attrs: Record<string, string> } | null): string {
  if (!spec) return "";
  return Object.entries(spec.attrs)
    .filter(([k]) => k !== "id")
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
}

/** A date expression in words: before/after a date, between two (or for a duration), or a recurring spec. */
function describeDate(e: Extract<RuleExpression, { kind: "date_expression" }>): string {
  switch (e.operation) {
    case "lt":
      return `before ${e.end}`;
    case "gt":
      return `after ${e.start}`;
    case "in_range": {
      const from = e.start ? `from ${e.start}` : "";
      const to = e.end ? `until ${e.end}` : e.duration ? `for ${fields(e.duration)}` : "";
      return [from, to].filter(Boolean).join(" ") || "in a date range";
    }
    case "date_spec":
      return e.dateSpec && fields(e.dateSpec) ? `when ${fields(e.dateSpec)}` : "on a date spec";
    default:
      return `date ${e.operation}`;
  }
}
