/** Formatting helpers that reproduce Pacemaker's own (pcmk__numeric_strcasecmp, readable intervals, ctime). */

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Natural, case-insensitive order: node2 < node10 (how crm_mon sorts node names). */
export function numericStrcasecmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      let ei = i;
      while (ei < a.length && isDigit(a.charCodeAt(ei))) ei++;
      let ej = j;
      while (ej < b.length && isDigit(b.charCodeAt(ej))) ej++;
      const na = Number.parseInt(a.slice(i, ei), 10);
      const nb = Number.parseInt(b.slice(j, ej), 10);
      if (na !== nb) return na < nb ? -1 : 1;
      i = ei;
      j = ej;
      continue;
    }
    const la = a[i]?.toLowerCase() ?? "";
    const lb = b[j]?.toLowerCase() ?? "";
    if (la !== lb) return la < lb ? -1 : 1;
    i++;
    j++;
  }
  return a.length - i - (b.length - j);
}

/**
 * pcmk__readable_interval as 2.1.5 writes it: strict ">" at each unit (so 60000 is "60s" and
 * 1000 is "1000ms"), and seconds carry milliseconds as a fraction ("1m1.500s").
 */
export function readableInterval(msIn: number): string {
  const D = 86_400_000;
  const H = 3_600_000;
  const M = 60_000;
  const S = 1_000;
  let ms = msIn;
  let out = "";
  for (const [unit, suffix] of [[D, "d"], [H, "h"], [M, "m"]] as const) {
    if (ms > unit) {
      out += `${Math.floor(ms / unit)}${suffix}`;
      ms -= Math.floor(ms / unit) * unit;
    }
  }
  if (ms > S) {
    out += `${Math.floor(ms / S)}`;
    ms -= Math.floor(ms / S) * S;
    if (ms > 0) out += `.${String(ms).padStart(3, "0")}`;
    out += "s";
  } else if (ms > 0) out += `${ms}ms`;
  else if (out === "") out = "0s";
  return out;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad2 = (n: number): string => String(n).padStart(2, "0");

/** ctime(3) in local time, as crm_mon prints epochs: "Tue Nov  4 23:00:57 2026". */
export function ctime(d: Date): string {
  return `${DAYS[d.getDay()]} ${MONTHS[d.getMonth()]} ${String(d.getDate()).padStart(2, " ")} ${pad2(d.getHours())}:${pad2(
    d.getMinutes(),
  )}:${pad2(d.getSeconds())} ${d.getFullYear()}`;
}

/**
 * crm_mon's failure `last-rc-change` is ISO ("2026-11-24 23:00:57Z") while its text prints ctime:
 * convert when it parses, else keep what was given.
 */
export function isoToCtime(s: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(s.trim());
  if (m === null) return s;
  const zone = m[7] === undefined ? "" : m[7] === "Z" ? "Z" : m[7].includes(":") ? m[7] : `${m[7].slice(0, 3)}:${m[7].slice(3)}`;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? s : ctime(d);
}

/** Op keys are parsed in one place only (op-key.ts); re-exported for the renderer's callers. */
export { parseOpKey } from "./op-key";
