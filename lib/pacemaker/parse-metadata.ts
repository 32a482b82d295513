/**
 * Agent metadata → AgentMetadata (model-metadata.ts): what the configuration forms are built from.
 *
 * One parser for every dialect Pacemaker 2.1.5 hands out:
 * - OCF 1.0 and 1.1 resource agents (`<content type="select">` + `<option value>`, `<deprecated>` with
 *   `<replaced-with name>`, the legacy deprecated="1", unique / unique-group, reloadable);
 * - the daemons' own metadata (`pacemaker-schedulerd metadata` …): 2.1.5 writes its flags into the
 *   shortdesc ("*** Advanced Use Only ***", "*** Deprecated ***", "Advanced use only: …") and lists
 *   choices in the longdesc ("  Allowed values: a, b"); later versions write advanced="1" and `<deprecated>`;
 * - RHCS fence agents (`<parameter>` with `<getopt>`, the agent's shortdesc as an attribute of the root,
 *   aliases marked by deprecated="1" on the old name and obsoletes="old" on the new one);
 * - the metadata Pacemaker generates for lsb and systemd agents (no parameters, fixed actions).
 */
import { PacemakerParseError } from "./errors";
import type { AgentAction, AgentMetadata, AgentParameter } from "./model-metadata";
import { bool, parseXml, type XNode } from "./xml";

export type { AgentAction, AgentMetadata, AgentParameter } from "./model-metadata";

const child = (node: XNode, tag: string): XNode | undefined => node.children.find((c) => c.tag === tag);
const children = (node: XNode, tag: string): XNode[] => node.children.filter((c) => c.tag === tag);

/** A shortdesc is one line in a form: every run of whitespace (agents wrap them freely) is one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * A longdesc keeps its lines and paragraphs (agents write lists and examples in them), each line
 * trimmed of the script's indentation, runs of blank lines made one, none at either end.
 */
export function longdescText(text: string): string {
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" && (out.length === 0 || out[out.length - 1] === "")) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out.join("\n");
}

/** The English description (agents may carry several languages), else the first one written. */
function desc(node: XNode, tag: "shortdesc" | "longdesc"): string | null {
  const all = children(node, tag);
  const pick = all.find((d) => (d.attrs.lang ?? "en") === "en") ?? all[0];
  return pick ? pick.text : null;
}

/**
 * The daemons' 2.1.5 flags in a shortdesc, as Pacemaker's options code writes them: any of
 * "*** Deprecated ***", "*** Replaced with NAME ***", "*** Advanced Use Only ***" in front (fenced
 * writes "Advanced use only: " instead). They become flags; the text keeps only the description.
 */
interface ShortdescFlags {
  text: string;
  advanced: boolean;
  deprecated: boolean;
  replacedWith: string | null;
}
const MARKERS: readonly { re: RegExp; apply: (f: ShortdescFlags, m: RegExpExecArray) => void }[] = [
  { re: /^\*\*\*\s*Deprecated\s*\*\*\*\s*/i, apply: (f) => void (f.deprecated = true) },
  {
    re: /^\*\*\*\s*Replaced with\s+(\S+)\s*\*\*\*\s*/i,
    apply: (f, m) => {
      f.deprecated = true;
      f.replacedWith = m[1] ?? null;
    },
  },
  { re: /^\*\*\*\s*Advanced Use Only\s*\*\*\*\s*/i, apply: (f) => void (f.advanced = true) },
  { re: /^Advanced use only:\s*/i, apply: (f) => void (f.advanced = true) },
];
function shortdescFlags(shortdesc: string): ShortdescFlags {
  const f: ShortdescFlags = { text: shortdesc, advanced: false, deprecated: false, replacedWith: null };
  // markers may come in any order and number; stop when none matches (bounded by the text's length)
  for (let again = true; again; ) {
    again = false;
    for (const { re, apply } of MARKERS) {
      const m = re.exec(f.text);
      if (m) {
        apply(f, m);
        f.text = f.text.slice(m[0].length);
        again = true;
      }
    }
  }
  return f;
}

const VALUE_TOKEN = /^([A-Za-z0-9_][A-Za-z0-9_.+-]*)(?:\s*\(.*\))?$/s;

/** Split at commas outside parentheses: fenced explains each value in brackets, "dynamic-list (query …)". */
function topLevelItems(list: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of list) {
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    if (ch === "," && depth === 0) {
      items.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  items.push(cur.trim());
  return items;
}

/**
 * The values a daemon's longdesc lists after "Allowed values:" (2.1.5 has no `<option>` for
 * non-select types such as pcmk_host_check). Only when every item is a plain value (optionally with a
 * bracketed explanation): controld's cluster-recheck-interval writes prose there, which is no list.
 */
export function allowedValues(longdesc: string): string[] {
  const at = longdesc.search(/Allowed values:/);
  if (at < 0) return [];
  const rest = longdesc.slice(at + "Allowed values:".length).split("\n")[0] ?? "";
  const items = topLevelItems(rest.trim().replace(/\.$/, ""));
  const values: string[] = [];
  for (const item of items) {
    const m = VALUE_TOKEN.exec(item);
    if (!m || m[1] === undefined) return [];
    if (!values.includes(m[1])) values.push(m[1]);
  }
  return values.length >= 2 ? values : [];
}

/** OCF 1.1 `<deprecated>`: its first `<replaced-with name>` (the form suggests one replacement). */
function ocfDeprecation(p: XNode): { deprecated: boolean; replacedWith: string | null } {
  const d = child(p, "deprecated");
  if (!d) return { deprecated: false, replacedWith: null };
  const r = children(d, "replaced-with").find((x) => (x.attrs.name ?? "") !== "");
  return { deprecated: true, replacedWith: r?.attrs.name ?? null };
}

/**
 * Pacemaker's fence daemon ignores (or remaps to pcmk_off_action / pcmk_reboot_action) an `action`
 * a fence device is configured with: "should never be specified in configuration" (2.1.5
 * fenced_commands.c). The agent's metadata still lists it, so the form must present it as deprecated.
 */
const FENCE_IGNORED = new Set(["action"]);

interface Context {
  /** name → the parameter that obsoletes it (fence agents: ip obsoletes="ipaddr") */
  obsoletedBy: Map<string, string>;
  /** unique-group name → how many parameters share it */
  groupSizes: Map<string, number>;
  fenceAgent: boolean;
}

function parseParameter(p: XNode, ctx: Context): AgentParameter | null {
  const name = p.attrs.name ?? "";
  if (name === "") return null; // nothing a form could set
  const content = child(p, "content");
  const longdesc = longdescText(desc(p, "longdesc") ?? "");
  const flags = shortdescFlags(collapseWhitespace(desc(p, "shortdesc") ?? ""));
  const ocf = ocfDeprecation(p);
  const obsoletedBy = ctx.obsoletedBy.get(name) ?? null;
  const ignored = ctx.fenceAgent && FENCE_IGNORED.has(name);

  const options: string[] = [];
  for (const o of content ? children(content, "option") : []) {
    const v = o.attrs.value;
    if (v !== undefined && !options.includes(v)) options.push(v);
  }
  const group = p.attrs["unique-group"];
  return {
    name,
    required: bool(p.attrs, "required"),
    // unique-group alone in its group is uniqueness of this one value; a group of several constrains
    // only their combination, which a single flag cannot say (see the report)
    unique: bool(p.attrs, "unique") || (group !== undefined && ctx.groupSizes.get(group) === 1),
    reloadable: bool(p.attrs, "reloadable"),
    deprecated: ocf.deprecated || bool(p.attrs, "deprecated") || obsoletedBy !== null || flags.deprecated || ignored,
    replacedWith: ocf.replacedWith ?? flags.replacedWith ?? obsoletedBy,
    advanced: bool(p.attrs, "advanced") || flags.advanced,
    type: content?.attrs.type ?? "string",
    default: content?.attrs.default ?? p.attrs.default ?? null,
    options: options.length > 0 ? options : allowedValues(longdesc),
    shortdesc: flags.text,
    longdesc,
  };
}

function parseAction(a: XNode): AgentAction | null {
  const name = a.attrs.name ?? "";
  if (name === "") return null;
  return {
    name,
    timeout: a.attrs.timeout ?? null,
    interval: a.attrs.interval ?? null,
    role: a.attrs.role ?? null,
    depth: a.attrs.depth ?? null,
    startDelay: a.attrs["start-delay"] ?? null,
  };
}

/**
 * Parse one agent's (or daemon's) metadata; `what` names it in errors ("metadata of ocf:heartbeat:IPaddr2").
 * Throws PacemakerParseError when it is not well-formed XML or not `<resource-agent>` metadata.
 */
export function parseAgentMetadata(xml: string, what: string): AgentMetadata {
  const root = parseXml(xml, what);
  if (root.tag !== "resource-agent") {
    throw new PacemakerParseError(`${what} is not agent metadata: its root element is <${root.tag}>, not <resource-agent>`, { source: what });
  }
  const name = root.attrs.name ?? "";
  if (name === "") throw new PacemakerParseError(`${what} is not agent metadata: <resource-agent> has no name`, { source: what });

  const params = children(child(root, "parameters") ?? root, "parameter");
  const ctx: Context = { obsoletedBy: new Map(), groupSizes: new Map(), fenceAgent: false };
  for (const p of params) {
    const newName = p.attrs.name;
    const old = p.attrs.obsoletes;
    if (newName && old && !ctx.obsoletedBy.has(old)) ctx.obsoletedBy.set(old, newName);
    const g = p.attrs["unique-group"];
    if (g !== undefined) ctx.groupSizes.set(g, (ctx.groupSizes.get(g) ?? 0) + 1);
    if (child(p, "getopt")) ctx.fenceAgent = true;
  }

  const parameters: AgentParameter[] = [];
  const seen = new Set<string>();
  for (const p of params) {
    const param = parseParameter(p, ctx);
    // a form is keyed by name: a parameter listed twice is shown once, as first written
    if (param && !seen.has(param.name)) {
      seen.add(param.name);
      parameters.push(param);
    }
  }
  const actions: AgentAction[] = [];
  for (const a of children(child(root, "actions") ?? root, "action")) {
    const action = parseAction(a);
    if (action) actions.push(action);
  }
  return {
    name,
    version: root.attrs.version ?? null,
    // fence agents write their shortdesc as an attribute of the root
    shortdesc: collapseWhitespace(desc(root, "shortdesc") ?? root.attrs.shortdesc ?? ""),
    longdesc: longdescText(desc(root, "longdesc") ?? ""),
    parameters,
    actions,
  };
}
