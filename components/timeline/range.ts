// Time ranges of the timeline: the presets, and axis ticks on round times.

export const PRESETS = [
  { key: "15m", label: "15 min", ms: 15 * 60_000 },
  { key: "1h", label: "1 h", ms: 3_600_000 },
  { key: "24h", label: "24 h", ms: 86_400_000 },
  { key: "7d", label: "7 d", ms: 7 * 86_400_000 },
] as const;
export type PresetKey = (typeof PRESETS)[number]["key"];

/** A preset follows now (live); a custom range is fixed. */
export type TimeRange = { kind: "preset"; key: PresetKey } | { kind: "custom"; from: number; to: number };

export function presetMs(key: PresetKey): number {
  return PRESETS.find((p) => p.key === key)?.ms ?? 3_600_000;
}

export function resolveRange(r: TimeRange, now: number): { from: number; to: number } {
  return r.kind === "preset" ? { from: now - presetMs(r.key), to: now } : { from: r.from, to: r.to };
}

/** Never zoom into less than a minute: events of one snapshot share a time. */
export const MIN_SPAN_MS = 60_000;
const MAX_SPAN_MS = 366 * 86_400_000;

export function zoom(r: { from: number; to: number }, factor: number, now: number): TimeRange {
  const centre = (r.from + r.to) / 2;
  const span = Math.min(MAX_SPAN_MS, Math.max(MIN_SPAN_MS, (r.to - r.from) * factor));
  let from = centre - span / 2;
  let to = centre + span / 2;
  if (to > now) {
    from -= to - now;
    to = now;
  }
  return { kind: "custom", from: Math.round(from), to: Math.round(to) };
}

export function pan(r: { from: number; to: number }, direction: -1 | 1, now: number): TimeRange {
  const step = (r.to - r.from) / 2;
  let from = r.from + direction * step;
  let to = r.to + direction * step;
  if (to > now) {
    from -= to - now;
    to = now;
  }
  return { kind: "custom", from: Math.round(from), to: Math.round(to) };
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
