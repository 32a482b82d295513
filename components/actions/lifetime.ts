/**
 * Lifetimes of move and ban constraints as crm_resource --lifetime takes them (ISO 8601
 * durations). Checked in the browser for a message while typing; the server checks again with
 * lib/protocol/values.ts (this file stays zod-free for the cluster pages' bundle, and a unit test
 * proves both accept the same durations).
 */

/** Same rule as lib/protocol/values.ts: P[nY][nM][nW][nD][T[nH][nM][nS]], at least one figure. */
const DURATION = /^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

export interface LifetimePreset {
  value: string;
  label: string;
}

/** What an operator reaches for most: "" is no lifetime (the constraint stays until cleared). */
export const LIFETIME_PRESETS: readonly LifetimePreset[] = [
  { value: "", label: "until cleared" },
  { value: "PT15M", label: "15 min" },
  { value: "PT1H", label: "1 hour" },
  { value: "PT8H", label: "8 hours" },
  { value: "P1D", label: "1 day" },
];

export type LifetimeCheck = { ok: true; value: string | undefined; text: string } | { ok: false; error: string };

const UNITS: [RegExp, string][] = [
  [/(\d+)Y/, "year"],
  [/(\d+)M/, "month"],
  [/(\d+)W/, "week"],
  [/(\d+)D/, "day"],
];
const TIME_UNITS: [RegExp, string][] = [
  [/(\d+)H/, "hour"],
  [/(\d+)M/, "minute"],
  [/(\d+)S/, "second"],
];

/** "PT1H30M" → "1 hour 30 minutes"; null when it is not a valid duration. */
export function describeLifetime(value: string): string | null {
  if (!DURATION.test(value)) return null;
  const [datePart, timePart = ""] = value.slice(1).split("T");
  const parts: string[] = [];
  const add = (n: number, unit: string) => {
    if (n > 0) parts.push(`${n} ${unit}${n === 1 ? "" : "s"}`);
  };
  // In the date part M is months; in the time part it is minutes (ISO 8601's own ambiguity).
  for (const [re, unit] of UNITS) {
    const m = re.exec(datePart ?? "");
    if (m) add(Number(m[1]), unit);
  }
  for (const [re, unit] of TIME_UNITS) {
    const m = re.exec(timePart);
    if (m) add(Number(m[1]), unit);
  }
  return parts.length ? parts.join(" ") : "0 seconds";
}

/**
 * The free text an operator typed, checked. Empty means no lifetime. Lower case and spaces are
 * forgiven (pt1h → PT1H); a zero duration is refused because the constraint would expire at once.
 */
export function checkLifetime(input: string): LifetimeCheck {
  const value = input.replace(/\s+/g, "").toUpperCase();
  if (value === "") return { ok: true, value: undefined, text: "until cleared" };
  if (!DURATION.test(value)) {
    return {
      ok: false,
      error: `"${input.trim()}" is not an ISO 8601 duration: write P, then T before hours/minutes/seconds — e.g. PT30M (30 minutes), PT1H (1 hour), P1D (1 day), P1DT12H`,
    };
  }
  if (!/[1-9]/.test(value)) return { ok: false, error: "a lifetime of zero would expire at once: leave it empty for no lifetime" };
  return { ok: true, value, text: describeLifetime(value) ?? value };
}
