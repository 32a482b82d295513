/**
 * What an agent's metadata says about the values a resource form takes: how each parameter is
 * edited (checkbox, choices, number, text), the order the form lists them in, the operations it
 * starts from, and `paramsSchemaFor(metadata)` — the zod schema the form validates with as the user
 * types (the server validates again by applying the edit, and crm_verify judges the result).
 *
 * Pure (no I/O, no React): the same in the browser and in the tests over real agents' metadata.
 */
import { z } from "zod";
import type { AgentAction, AgentMetadata, AgentParameter } from "@/lib/pacemaker/model-metadata";
import { DURATION_TEXT, type OperationInput } from "./edits";

export type ParamFieldKind = "boolean" | "select" | "integer" | "text";

/** Pacemaker's own spellings of true and false (crm_is_true), as the spec of the form lists them. */
const TRUE_WORDS = ["true", "yes", "1"] as const;
const FALSE_WORDS = ["false", "no", "0"] as const;
const BOOLEAN_WORDS: readonly string[] = [...TRUE_WORDS, ...FALSE_WORDS];

/** Types whose values are whole numbers (fence agents write seconds as "second", ports as "port"). */
const INTEGER_TYPES = new Set(["integer", "nonnegative_integer", "port", "second", "epoch_time"]);
/** Types whose values are durations (the daemons' options; resource agents rarely use them). */
const DURATION_TYPES = new Set(["time", "duration", "timeout"]);

export function isTrueWord(v: string): boolean {
  return (TRUE_WORDS as readonly string[]).includes(v.trim().toLowerCase());
}

export function isBooleanWord(v: string): boolean {
  return BOOLEAN_WORDS.includes(v.trim().toLowerCase());
}

/**
 * How the form edits this parameter. A select without choices is edited as text (nothing to pick
 * from); a string whose longdesc lists "Allowed values" stays text, with those values suggested.
 */
export function fieldKind(p: Pick<AgentParameter, "type" | "options">): ParamFieldKind {
  const t = p.type.toLowerCase();
  if (t === "boolean") return "boolean";
  if (t === "select" && p.options.length > 0) return "select";
  if (INTEGER_TYPES.has(t)) return "integer";
  return "text";
}

/**
 * The message for a value that does not fit the parameter, or null. An empty value means "not set"
 * (the agent's default applies): only a required parameter refuses it.
 */
export function checkParamValue(p: AgentParameter, value: string | undefined): string | null {
  const v = (value ?? "").trim();
  if (v === "") return p.required ? `${p.name} is required` : null;
  const t = p.type.toLowerCase();
  if (t === "boolean" && !isBooleanWord(v)) return `${p.name} is true or false (yes/no, 1/0 also work), not "${v}"`;
  if (INTEGER_TYPES.has(t)) {
    if (!/^[+-]?\d+$/.test(v)) return `${p.name} is a whole number, not "${v}"`;
    if ((t === "nonnegative_integer" || t === "port" || t === "second") && v.startsWith("-")) return `${p.name} must not be negative`;
    if (t === "port" && Number(v) > 65535) return `${p.name} is a port number (0–65535)`;
  }
  if (DURATION_TYPES.has(t) && !DURATION_TEXT.test(v)) return `${p.name} is a duration such as 30s, 2min or 0, not "${v}"`;
  // Only a declared select is held to its list: "Allowed values" read from a longdesc are a hint.
  if (t === "select" && p.options.length > 0 && !p.options.includes(v)) return `${p.name} is one of ${p.options.join(", ")}, not "${v}"`;
  return null;
}

/**
 * The schema of a parameter map (name → value as typed; "" or missing = not set) for this agent:
 * required parameters present and non-empty, integers integers, select values among the choices,
 * booleans true/false/yes/no/1/0. Names the metadata does not list pass (the raw rows of the form
 * add them on purpose); their names are checked by the edit schema.
 */
export function paramsSchemaFor(metadata: AgentMetadata): z.ZodType<Record<string, string>> {
  const params = metadata.parameters;
  return z.record(z.string(), z.string()).superRefine((values, ctx) => {
    for (const p of params) {
      const message = checkParamValue(p, values[p.name]);
      if (message !== null) ctx.addIssue({ code: "custom", path: [p.name], message });
    }
  });
}

export interface OrderedParameters {
  /** required first (in the metadata's order), then the common ones */
  main: AgentParameter[];
  /** advanced and deprecated ones: folded away in the form */
  folded: AgentParameter[];
}

/** The form's order: required parameters first, advanced and deprecated ones folded away. */
export function orderParameters(metadata: AgentMetadata): OrderedParameters {
  const rest = metadata.parameters.filter((p) => !p.required);
  const isFolded = (p: AgentParameter) => p.advanced || p.deprecated;
  return {
    main: [...metadata.parameters.filter((p) => p.required), ...rest.filter((p) => !isFolded(p))],
    folded: rest.filter(isFolded),
  };
}

/** The operations a new resource starts from (what its agent's metadata advertises), one row each. */
export function defaultOperations(metadata: AgentMetadata | null, promotable: boolean): OperationInput[] {
  const actions = metadata?.actions ?? [];
  const out: OperationInput[] = [];
  const timeoutOf = (a: AgentAction | undefined): { timeout?: string } => (a?.timeout && DURATION_TEXT.test(a.timeout) ? { timeout: a.timeout } : {});
  // monitor (OCF) or status (lsb, and the old heartbeat agents) — Pacemaker schedules "monitor".
  const monitors = actions.filter((a) => a.name === "monitor" && a.interval && a.interval !== "0");
  const status = actions.find((a) => a.name === "status" && a.interval && a.interval !== "0");
  const roleMonitors = monitors.filter((a) => a.role !== null);
  const chosen = promotable && roleMonitors.length > 0 ? roleMonitors : monitors.filter((a) => a.role === null).slice(0, 1);
  for (const a of chosen.length ? chosen : status ? [status] : []) {
    if (!a.interval || !DURATION_TEXT.test(a.interval)) continue;
    out.push({ name: "monitor", interval: a.interval, ...timeoutOf(a), ...(promotable && a.role ? { role: normalRole(a.role) } : {}) });
  }
  for (const name of ["start", "stop", ...(promotable ? (["promote", "demote"] as const) : [])] as const) {
    const a = actions.find((x) => x.name === name);
    if (a) out.push({ name, interval: "0s", ...timeoutOf(a) });
  }
  // Without metadata (or with nothing advertised), a monitor every 10s is what crm and pcs add too.
  if (!out.some((o) => o.name === "monitor")) out.unshift({ name: "monitor", interval: "10s", timeout: "20s" });
  return out;
}

/** Promoted/Unpromoted as Pacemaker 2.1+ writes them (the metadata of older agents says Master/Slave). */
function normalRole(role: string): OperationInput["role"] {
  if (role === "Master") return "Promoted";
  if (role === "Slave") return "Unpromoted";
  return role === "Promoted" || role === "Unpromoted" || role === "Started" || role === "Stopped" ? role : undefined;
}

/** A parameter's longdesc when it says more than its shortdesc (many agents repeat one in the other). */
export function extraHelp(p: Pick<AgentParameter, "shortdesc" | "longdesc">): string | null {
  const long = p.longdesc.trim();
  if (long === "" || long === p.shortdesc.trim()) return null;
  return long;
}
