"use client";
import { memo, useRef, useState, type PointerEvent } from "react";
import { CartesianGrid, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Symbols, Tooltip, XAxis, YAxis } from "recharts";
import { fullTime, tickLabel, timeTicks } from "./range";
import { LANES, type Lane, type Look } from "./style";

/** One mark on the plot: a cluster event or a user action. */
export interface PlotPoint {
  id: string;
  t: number;
  /** the lane's y, plus a small offset so marks at one time do not hide each other */
  y: number;
  lane: Lane;
  /** the event's kind, or "action" for a user action */
  kind: string;
  look: Look;
  /** what it is, in words: "resource moved", "olga: nodes.standby node3" */
  title: string;
  message: string;
}

const LANE_LABEL = new Map<number, string>(LANES.map((l) => [l.y, l.label]));
/** A phone's axis has room for a short word only. */
const LANE_SHORT = new Map<number, string>(LANES.map((l) => [l.y, l.lane === "actions" ? "Users" : l.label]));

/**
 * Marks that share a lane and (nearly) a time are fanned out vertically inside the lane: a
 * standby is one snapshot with five events, and they must all be visible and hoverable.
 */
export function spread<T extends { t: number; lane: Lane }>(items: T[], from: number, to: number): (T & { y: number })[] {
  // Marks closer than this (about 1/120 of the width) would overlap: they take different slots.
  const near = Math.max(1, (to - from) / 120);
  const OFFSETS = [0, 0.22, -0.22, 0.38, -0.38];
  const recent = new Map<Lane, { t: number; slot: number }[]>();
  return [...items]
    .sort((a, b) => a.t - b.t)
    .map((it) => {
      const placed = (recent.get(it.lane) ?? []).filter((p) => it.t - p.t < near);
      const used = new Set(placed.map((p) => p.slot));
      let slot = 0;
      while (used.has(slot) && slot < OFFSETS.length - 1) slot += 1;
      if (used.has(slot)) slot = placed.length % OFFSETS.length; // full: overlap, evenly
      recent.set(it.lane, [...placed, { t: it.t, slot }]);
      const base = LANES.find((l) => l.lane === it.lane)?.y ?? 0;
      return { ...it, y: base + (OFFSETS[slot] ?? 0) };
    });
}

function PointTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }> }) {
  const p = active ? (payload?.[0]?.payload as PlotPoint | undefined) : undefined;
  if (!p) return null;
  return (
    <div className="max-w-xs rounded-md border border-line bg-surface px-3 py-2 text-xs shadow-lg" data-test="timeline-tooltip">
      <div className="tabular text-muted">{fullTime(p.t)}</div>
      <div className="mt-0.5 flex items-center gap-1.5 font-medium">
        <svg width="12" height="12" aria-hidden="true">
          <Symbols type={p.look.shape} cx={6} cy={6} size={60} fill={p.look.color} />
        </svg>
        {p.title}
      </div>
      {p.message ? <div className="mt-1 text-fg">{p.message}</div> : null}
    </div>
  );
}

interface ShapeProps {
  cx?: number;
  cy?: number;
  payload?: PlotPoint;
}

export const TimelinePlot = memo(function TimelinePlot({
  points,
  from,
  to,
  highlight,
  showNow,
  narrow,
  onZoom,
}: {
  points: PlotPoint[];
  from: number;
  to: number;
  highlight: string | null;
  showNow: boolean;
  narrow: boolean;
  /** a range dragged out on the plot with the mouse (keyboard users have the zoom buttons) */
  onZoom: (from: number, to: number) => void;
}) {
  const ticks = timeTicks(from, to, narrow ? 3 : 7);
  // A live range's newest marks sit at "now": a little room after it keeps them whole.
  const end = showNow ? to + (to - from) / 50 : to;
  const span = end - from;
  const axisWidth = narrow ? 66 : 92;
  const right = narrow ? 12 : 24;
  const box = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  // The plot area starts after the y axis and ends before the right margin (ScatterChart's layout).
  const timeAt = (clientX: number): number => {
    const r = box.current?.getBoundingClientRect();
    if (!r) return from;
    const frac = (clientX - r.left - axisWidth) / Math.max(1, r.width - axisWidth - right);
    return from + Math.min(1, Math.max(0, frac)) * span;
  };
  const xOf = (t: number): number => {
    const w = (box.current?.getBoundingClientRect().width ?? 0) - axisWidth - right;
    return axisWidth + ((t - from) / span) * w;
  };
  const down = (e: PointerEvent<HTMLDivElement>) => {
    if (e.pointerType !== "mouse" || e.button !== 0) return;
    const t = timeAt(e.clientX);
    setDrag({ a: t, b: t });
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const move = (e: PointerEvent<HTMLDivElement>) => {
    if (drag) setDrag({ ...drag, b: timeAt(e.clientX) });
  };
  const up = () => {
    if (!drag) return;
    const [a, b] = drag.a < drag.b ? [drag.a, drag.b] : [drag.b, drag.a];
    setDrag(null);
    // A click (or a sliver) is not a zoom: the tooltip's hover stays what a click does.
    if (b - a >= span / 100) onZoom(Math.round(a), Math.round(b));
  };
  const shape = (props: unknown) => {
    const { cx, cy, payload } = props as ShapeProps;
    if (cx === undefined || cy === undefined || !payload) return <g />;
    const on = payload.id === highlight;
    return (
      <g data-test="timeline-mark" data-id={payload.id} data-kind={payload.kind}>
        {on ? <circle cx={cx} cy={cy} r={11} fill="none" stroke="var(--color-fg)" strokeWidth={2} /> : null}
        <Symbols type={payload.look.shape} cx={cx} cy={cy} size={on ? 170 : 90} fill={payload.look.color} stroke="var(--color-surface)" strokeWidth={1} />
      </g>
    );
  };
  return (
    <div
      ref={box}
      className="relative select-none"
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerCancel={() => setDrag(null)}
      title="Drag across the plot to zoom into that time"
    >
      {drag ? (
        <div
          className="pointer-events-none absolute top-3 bottom-8 border-x border-accent bg-info-soft opacity-60"
          style={{ left: Math.min(xOf(drag.a), xOf(drag.b)), width: Math.abs(xOf(drag.b) - xOf(drag.a)) }}
          data-test="timeline-selection"
        />
      ) : null}
      <ResponsiveContainer width="100%" height={narrow ? 230 : 260}>
        <ScatterChart margin={{ top: 12, right, bottom: 4, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="var(--color-line)" horizontal vertical={false} />
          <XAxis
            type="number"
            dataKey="t"
            domain={[from, end]}
            ticks={ticks}
            tickFormatter={(t: number) => tickLabel(t, span)}
            allowDataOverflow
            stroke="var(--color-muted)"
            tick={{ fontSize: 11, fill: "var(--color-muted)" }}
          />
          <YAxis
            type="number"
            dataKey="y"
            domain={[-0.5, 3.5]}
            ticks={LANES.map((l) => l.y)}
            tickFormatter={(y: number) => (narrow ? LANE_SHORT : LANE_LABEL).get(y) ?? ""}
            width={axisWidth}
            interval={0}
            stroke="var(--color-muted)"
            tick={{ fontSize: 11, fill: "var(--color-muted)" }}
          />
          {showNow ? <ReferenceLine x={to} stroke="var(--color-accent)" strokeDasharray="3 3" label={{ value: "now", position: "insideTopRight", fontSize: 10, fill: "var(--color-muted)" }} /> : null}
          {highlight ? <ReferenceLine x={points.find((p) => p.id === highlight)?.t} stroke="var(--color-fg)" strokeOpacity={0.35} /> : null}
          <Tooltip content={(props) => <PointTooltip active={props.active} payload={props.payload} />} cursor={false} isAnimationActive={false} />
          <Scatter data={points} shape={shape} isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
});
