import { XMLParser, XMLValidator } from "fast-xml-parser";
import { PacemakerParseError } from "./errors";
import type { ExtraAttrs, RawElement } from "./model-common";

/**
 * The one XML entry point. fast-xml-parser is lenient (it accepts `<a><b></a>` and many truncations),
 * so every document is validated first; the validator is ~4× faster than the parse and its line
 * numbers make the error message useful.
 */

export interface XNode {
  tag: string;
  attrs: ExtraAttrs;
  children: XNode[];
  /** concatenated text content (crm_mon `<error>` lines, `<xml>` blocks) */
  text: string;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // entities are decoded in convert(): fast-xml-parser's own pass costs a third of the parse
  processEntities: false,
  htmlEntities: false,
  commentPropName: false,
});

type FxpItem = Record<string, unknown>;

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** XML's five named entities and character references; anything else is left as written. */
function decode(v: string): string {
  if (v.indexOf("&") < 0) return v;
  return v.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
    if (e.startsWith("#x")) return safeCodePoint(Number.parseInt(e.slice(2), 16), m);
    if (e.startsWith("#")) return safeCodePoint(Number.parseInt(e.slice(1), 10), m);
    return NAMED[e] ?? m;
  });
}

function safeCodePoint(n: number, fallback: string): string {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : fallback;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function convert(items: unknown[], out: XNode[]): string {
  let text = "";
  for (const item of items) {
    if (!isRecord(item)) continue;
    let tag: string | null = null;
    for (const k in item) {
      if (k !== ":@") {
        tag = k;
        break;
      }
    }
    if (tag === null) continue;
    const body = (item as FxpItem)[tag];
    if (tag === "#text") {
      text += decode(typeof body === "string" ? body : String(body));
      continue;
    }
    const attrs: ExtraAttrs = {};
    const rawAttrs = item[":@"];
    if (isRecord(rawAttrs)) {
      for (const a in rawAttrs) {
        const v = rawAttrs[a];
        attrs[a] = decode(typeof v === "string" ? v : String(v));
      }
    }
    const node: XNode = { tag, attrs, children: [], text: "" };
    if (Array.isArray(body)) node.text = convert(body, node.children);
    out.push(node);
  }
  return text;
}

/** Where a validation error happened, as "line N" (and the offending text when short). */
function describeValidation(err: { code: string; msg: string; line: number; col: number }, xml: string, what: string): PacemakerParseError {
  const truncated =
    err.code === "InvalidTag" && /Unclosed tag|doesn't have proper closing/.test(err.msg)
      ? true
      : err.code === "InvalidAttr" && /open quote/.test(err.msg) && !/<\/?[A-Za-z_][^<]*>\s*$/.test(xml.trimEnd().slice(-400));
  const lines = xml.length === 0 ? 0 : xml.split("\n").length;
  const message = truncated
    ? `${what} is truncated: unexpected end at line ${lines} (${err.msg})`
    : `${what} is not well-formed XML at line ${err.line}, column ${err.col}: ${err.msg}`;
  return new PacemakerParseError(message, { source: what, line: truncated ? lines : err.line });
}

/** Parse `xml` into its root element; `what` names the input in error messages ("crm_mon XML"). */
export function parseXml(xml: string, what: string): XNode {
  if (typeof xml !== "string") throw new PacemakerParseError(`${what} is not a string`, { source: what });
  if (xml.trim() === "") throw new PacemakerParseError(`${what} is empty`, { source: what, line: 1 });
  let result: true | { err: { code: string; msg: string; line: number; col: number } };
  try {
    result = XMLValidator.validate(xml);
  } catch (cause) {
    throw new PacemakerParseError(`${what} could not be read: ${String(cause)}`, { source: what, cause });
  }
  if (result !== true) throw describeValidation(result.err, xml, what);
  let items: unknown;
  try {
    items = parser.parse(xml);
  } catch (cause) {
    const msg = cause instanceof Error ? cause.message : String(cause);
    throw new PacemakerParseError(`${what} could not be parsed: ${msg}`, { source: what, cause });
  }
  const roots: XNode[] = [];
  try {
    if (Array.isArray(items)) convert(items, roots);
  } catch (cause) {
    // absurd nesting can exhaust the stack: still bad input, not a crash
    throw new PacemakerParseError(`${what} could not be read: ${String(cause)}`, { source: what, cause });
  }
  const root = roots[0];
  if (root === undefined) throw new PacemakerParseError(`${what} has no root element`, { source: what, line: 1 });
  return root;
}

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const escape = (s: string): string => s.replace(/[&<>"]/g, (c) => ESC[c] ?? c);

/** Serialize back to XML: how unknown elements are kept raw. */
export function toXml(node: XNode): string {
  let s = `<${node.tag}`;
  for (const k in node.attrs) s += ` ${k}="${escape(node.attrs[k] ?? "")}"`;
  if (node.children.length === 0 && node.text === "") return `${s}/>`;
  s += ">";
  if (node.text !== "") s += escape(node.text);
  for (const c of node.children) s += toXml(c);
  return `${s}</${node.tag}>`;
}

/**
 * Serialize with one element per line (two-space indent), and say which element starts on each
 * line: crm_verify and the CIB's schema validation name a line of the file they read, and this is
 * how their message is tied back to the element (and its id) it is about.
 */
export function toXmlPretty(root: XNode): { xml: string; lines: { tag: string; id: string | null }[] } {
  const out: string[] = [];
  const lines: { tag: string; id: string | null }[] = [];
  const walk = (node: XNode, depth: number): void => {
    const pad = "  ".repeat(depth);
    let open = `<${node.tag}`;
    for (const k in node.attrs) open += ` ${k}="${escape(node.attrs[k] ?? "")}"`;
    lines.push({ tag: node.tag, id: node.attrs.id ?? null });
    if (node.children.length === 0 && node.text === "") {
      out.push(`${pad}${open}/>`);
      return;
    }
    if (node.children.length === 0) {
      out.push(`${pad}${open}>${escape(node.text)}</${node.tag}>`);
      return;
    }
    out.push(`${pad}${open}>${node.text !== "" ? escape(node.text) : ""}`);
    for (const c of node.children) walk(c, depth + 1);
    lines.push({ tag: node.tag, id: node.attrs.id ?? null });
    out.push(`${pad}</${node.tag}>`);
  };
  walk(root, 0);
  return { xml: `${out.join("\n")}\n`, lines };
}

/** An element the parser does not know, kept whole. */
export function rawElement(node: XNode): RawElement {
  return { tag: node.tag, attrs: { ...node.attrs }, xml: toXml(node) };
}

/** Attributes not in `known`: what a newer Pacemaker may add, shown raw rather than lost. */
export function extraAttrs(attrs: ExtraAttrs, known: ReadonlySet<string>): ExtraAttrs {
  let out: ExtraAttrs | null = null;
  for (const k in attrs) {
    if (!known.has(k)) {
      out ??= {};
      out[k] = attrs[k] ?? "";
    }
  }
  return out ?? {};
}

export const str = (attrs: ExtraAttrs, name: string): string | null => attrs[name] ?? null;
export const req = (attrs: ExtraAttrs, name: string, fallback = ""): string => attrs[name] ?? fallback;
/** XML schema booleans: true/1 (Pacemaker also writes yes/on in the CIB). */
export function bool(attrs: ExtraAttrs, name: string, fallback = false): boolean {
  const v = attrs[name];
  if (v === undefined) return fallback;
  return isTrue(v);
}
export function isTrue(v: string): boolean {
  const l = v.toLowerCase();
  return l === "true" || l === "1" || l === "yes" || l === "on" || l === "y";
}
export function int(attrs: ExtraAttrs, name: string, fallback = 0): number {
  const v = attrs[name];
  if (v === undefined) return fallback;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : fallback;
}
export function intOrNull(attrs: ExtraAttrs, name: string): number | null {
  const v = attrs[name];
  if (v === undefined) return null;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : null;
}
