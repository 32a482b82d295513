// The timeline page's time arithmetic (components/timeline/range.ts, plot spreading): zoom and pan
// keep a live range live, ticks land on round times, bad custom input is refused, marks at one
// time do not hide each other.
import { describe, expect, it } from "vitest";
import { fromLocalInput, pan, resolveRange, tickLabel, timeTicks, toLocalInput, zoom } from "@/components/timeline/range";
import { spread } from "@/components/timeline/timeline-plot";

const NOW = new Date("2026-11-24T12:00:00").getTime();
const MIN = 60_000;

describe("timeline ranges", () => {
  it("zooming a live range keeps it ending now; never below a minute", () => {
    expect(zoom({ kind: "live", ms: 15 * MIN }, 0.5, NOW)).toEqual({ kind: "live", ms: 7.5 * MIN });
    expect(zoom({ kind: "live", ms: 15 * MIN }, 2, NOW)).toEqual({ kind: "live", ms: 30 * MIN });
    expect(zoom({ kind: "live", ms: MIN }, 0.5, NOW)).toEqual({ kind: "live", ms: MIN });
  });

  it("a fixed range zooms about its centre and turns live when it reaches now", () => {
    const r = { kind: "fixed" as const, from: NOW - 60 * MIN, to: NOW - 40 * MIN };
    expect(zoom(r, 0.5, NOW)).toEqual({ kind: "fixed", from: NOW - 55 * MIN, to: NOW - 45 * MIN });
    expect(zoom(r, 4, NOW)).toEqual({ kind: "fixed", from: NOW - 90 * MIN, to: NOW - 10 * MIN });
    expect(zoom(r, 6, NOW)).toEqual({ kind: "live", ms: 120 * MIN });
  });

  it("pans by half a window; later than now is live", () => {
    const live = { kind: "live" as const, ms: 20 * MIN };
    const earlier = pan(live, -1, NOW);
    expect(earlier).toEqual({ kind: "fixed", from: NOW - 30 * MIN, to: NOW - 10 * MIN });
    expect(pan(earlier, 1, NOW)).toEqual({ kind: "live", ms: 20 * MIN });
    // Seconds later (the user took a moment), back to where it was still means "now".
    expect(pan(earlier, 1, NOW + 3_000)).toEqual({ kind: "live", ms: 20 * MIN });
    expect(resolveRange(live, NOW)).toEqual({ from: NOW - 20 * MIN, to: NOW });
  });

  it("ticks fall on round local times, about as many as asked", () => {
    const ticks = timeTicks(NOW - 60 * MIN + 7_000, NOW, 7);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.length).toBeLessThanOrEqual(7);
    for (const t of ticks) expect(new Date(t).getMinutes() % 10).toBe(0);
    expect(tickLabel(new Date("2026-11-24T09:30:00").getTime(), 3_600_000)).toBe("09:30");
    const day = timeTicks(NOW - 7 * 86_400_000, NOW, 7);
    for (const t of day) expect(new Date(t).getHours()).toBe(0);
  });

  it("custom input: a datetime-local value round-trips; anything else is not a time", () => {
    const t = new Date("2026-01-02T10:05:00").getTime();
    expect(toLocalInput(t)).toBe("2026-01-02T10:05");
    expect(fromLocalInput("2026-01-02T10:05")).toBe(t);
    expect(fromLocalInput("")).toBeNaN();
    expect(fromLocalInput("yesterday")).toBeNaN();
    expect(fromLocalInput("2026-13-45T99:99")).toBeNaN();
  });

  it("marks of one lane at (nearly) one time get different heights; other lanes are not affected", () => {
    const items = [0, 1_000, 2_000, 3_000].map((dt) => ({ t: NOW + dt, lane: "resources" as const }));
    const out = spread([...items, { t: NOW, lane: "nodes" as const }], NOW - 60 * MIN, NOW + MIN);
    const ys = out.filter((p) => p.lane === "resources").map((p) => p.y);
    expect(new Set(ys).size).toBe(4);
    for (const y of ys) expect(Math.abs(y - 1)).toBeLessThan(0.5);
    expect(out.find((p) => p.lane === "nodes")!.y).toBe(2);
    // Far apart in time: the same height.
    const apart = spread([{ t: NOW - 50 * MIN, lane: "nodes" as const }, { t: NOW, lane: "nodes" as const }], NOW - 60 * MIN, NOW);
    expect(apart.map((p) => p.y)).toEqual([2, 2]);
  });
});
