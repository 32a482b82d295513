// Time ranges of the timeline: the presets, and axis ticks on round times.

export const PRESETS = [
  { key: "15m", label: "15 min", ms: 15 * 60_000 },
  { key: "1h", label: "1 h", ms: 3_600_000 },
  { key: "24h", label: "24 h", ms: 86_400_000 },
  { key: "7d", label: "7 d", ms: 7 * 86_400_000 },
] as const;
export type PresetKey = (typeof PRESETS)[number]["key"];

/** A live range ends now and follows it (the presets are live ones); a fixed range does not move. */
export type TimeRange = { kind: "live"; ms: number } | { kind: "fixed"; from: number; to: number };

export function presetMs(key: PresetKey): number {
  return PRESETS.find((p) => p.key === key)?.ms ?? 3_600_000;
}

export function resolveRange(r: TimeRange, now: number): { from: number; to: number } {
  return r.kind === "live" ? { from: now - r.ms, to: now } : { from: r.from, to: r.to };
}

/** Never zoom into less than a minute: events of one snapshot share a time. */
export const MIN_SPAN_MS = 60_000;
const MAX_SPAN_MS = 366 * 86_400_000;
const clampSpan = (ms: number) => Math.round(Math.min(MAX_SPAN_MS, Math.max(MIN_SPAN_MS, ms)));

/**
 * Zoom by `factor` (0.5 in, 2 out). A live range stays live (its end is now, where the news is);
 * a fixed one keeps its centre, and becomes live if it would reach past now.
 */
export function zoom(r: TimeRange, factor: number, now: number): TimeRange {
  const { from, to } = resolveRange(r, now);
  const span = clampSpan((to - from) * factor);
  if (r.kind === "live") return { kind: "live", ms: span };
  const centre = (from + to) / 2;
  return fixedOrLive(centre - span / 2, centre + span / 2, now);
}

/** Half a window earlier (-1) or later (1); later than now is live again. */
export function pan(r: TimeRange, direction: -1 | 1, now: number): TimeRange {
  const { from, to } = resolveRange(r, now);
  const step = (to - from) / 2;
  return fixedOrLive(from + direction * step, to + direction * step, now);
}

function fixedOrLive(from: number, to: number, now: number): TimeRange {
  // "Now" moved on since the range was drawn: an end that close to now means now.
  const slack = Math.max(10_000, (to - from) * 0.05);
  if (to >= now - slack) return { kind: "live", ms: clampSpan(to - from) };
  return { kind: "fixed", from: Math.round(from), to: Math.round(to) };
}

const STEPS = [
  10_000, 30_000, 60_000, 2 * 60_000, 5 * 60_000, 10 * 60_000, 15 * 60_000, 30 * 60_000, 3_600_000, 2 * 3_600_000,
  3 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000, 86_400_000, 2 * 86_400_000, 7 * 86_400_000, 14 * 86_400_000, 30 * 86_400_000,
];

/** Ticks on round local times, about `count` of them. */
export function timeTicks(from: number, to: number, count = 6): number[] {
  const span = Math.max(1, to - from);
  const step = STEPS.find((s) => span / s <= count) ?? STEPS[STEPS.length - 1]!;
  // Round in local time: a day tick at local midnight, an hour tick on the hour.
  const offset = new Date(from).getTimezoneOffset() * 60_000;
  const first = Math.ceil((from - offset) / step) * step + offset;
  const ticks: number[] = [];
  for (let t = first; t <= to; t += step) ticks.push(t);
  return ticks;
}

export function tickLabel(t: number, span: number): string {
  const d = new Date(t);
  if (span > 2 * 86_400_000) return d.toLocaleDateString(undefined, { month: "short", day: "numeric" }) + (d.getHours() || d.getMinutes() ? ` ${hm(d)}` : "");
  if (span > 86_400_000 && d.getHours() === 0 && d.getMinutes() === 0) return d.toLocaleDateString(undefined, { month: "short", day: "numeric" });
  return span < 5 * 60_000 ? `${hm(d)}:${String(d.getSeconds()).padStart(2, "0")}` : hm(d);
}

function hm(d: Date): string {
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}

/** Full local time for tooltips and the table: 2026-11-24 23:00:57. */
export function fullTime(t: number | Date): string {
  const d = new Date(t);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** The value of an <input type="datetime-local"> for a time, and back (NaN when it is not one). */
export function toLocalInput(t: number): string {
  return fullTime(t).replace(" ", "T").slice(0, 16);
}
export function fromLocalInput(s: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(s)) return Number.NaN;
  return new Date(s).getTime();
}
