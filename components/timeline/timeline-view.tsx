"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import clsx from "clsx";
import { ChevronLeft, ChevronRight, ZoomIn, ZoomOut } from "lucide-react";
import { useCallback, useEffect, useMemo, useState, type FormEvent } from "react";
import { Section } from "@/components/ui/card";
import { useClusterLive } from "@/components/live/cluster-live";
import { useTRPC } from "@/trpc/react";
import { fromLocalInput, fullTime, MIN_SPAN_MS, pan, PRESETS, presetMs, resolveRange, toLocalInput, zoom, type TimeRange } from "./range";
import { actionLook, kindLook, laneOfKind, LANES, type Lane, type Look } from "./style";
import { spread, TimelinePlot, type PlotPoint } from "./timeline-plot";
import { Mark } from "./mark";
import { TimelineTable, type TimelineRow } from "./timeline-table";

/** Rows per request: the plot shows at most this many of each; zooming in shows the rest. */
const LIMIT = 1000;
/** A preset range follows now: re-read this often, and just after each new status. */
const POLL_MS = 5_000;
/** The recorder writes a snapshot's events just after the hub has it: wait that long before re-reading. */
const AFTER_STATUS_MS = 700;

function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const mq = window.matchMedia("(max-width: 639px)");
    const on = () => setNarrow(mq.matches);
    on();
    mq.addEventListener("change", on);
    return () => mq.removeEventListener("change", on);
  }, []);
  return narrow;
}

const btn =
  "inline-flex items-center gap-1 rounded-md border border-line px-2.5 py-1.5 text-xs font-medium hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:opacity-50";

/** A cluster's events and its users' actions on one time axis, live, with the same data as a table. */
export function Timeline() {
  const live = useClusterLive();
  const trpc = useTRPC();
  const narrow = useNarrow();
  const [range, setRange] = useState<TimeRange>({ kind: "live", ms: presetMs("1h") });
  const [anchor, setAnchor] = useState(() => Date.now());
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [highlight, setHighlight] = useState<string | null>(null);
  const [customOpen, setCustomOpen] = useState(false);
  const following = range.kind === "live";

  useEffect(() => {
    if (!following) return;
    const id = setInterval(() => setAnchor(Date.now()), POLL_MS);
    return () => clearInterval(id);
  }, [following]);
  useEffect(() => {
    if (!following || live.version < 0) return;
    const id = setTimeout(() => setAnchor(Date.now()), AFTER_STATUS_MS);
    return () => clearTimeout(id);
  }, [live.version, following]);

  const { from, to } = resolveRange(range, anchor);
  const input = { cluster: live.name, from: new Date(from), ...(following ? {} : { to: new Date(to) }), limit: LIMIT };
  // A live range's key moves with now: keep the previous answer on screen, and drop old ones soon.
  const opts = { placeholderData: keepPreviousData, gcTime: 30_000, refetchOnWindowFocus: false } as const;
  const events = useQuery({ ...trpc.events.list.queryOptions(input), ...opts });
  const actions = useQuery({ ...trpc.events.actions.queryOptions(input), ...opts });

  const choose = useCallback((r: TimeRange) => {
    setRange(r);
    setAnchor(Date.now());
    setHighlight(null);
  }, []);

  const rows: TimelineRow[] = useMemo(() => {
    const out: TimelineRow[] = [];
    for (const e of events.data?.items ?? []) {
      const look = kindLook(e.kind);
      out.push({ id: e.id, t: new Date(e.time).getTime(), lane: laneOfKind(e.kind), kind: e.kind, filterKey: e.kind, look, subject: e.subject, title: look.label, message: e.message });
    }
    for (const a of actions.data?.items ?? []) {
      const look = actionLook(a.status);
      out.push({
        id: a.id,
        t: new Date(a.time).getTime(),
        lane: "actions",
        kind: "action",
        filterKey: `action:${a.status}`,
        look,
        subject: a.target,
        title: `${a.username}: ${a.action}`,
        message: `${a.username} (${a.role}) ${a.action}${a.target ? ` ${a.target}` : ""} — ${a.status}${a.message ? `: ${a.message}` : ""}`,
        status: a.status,
      });
    }
    return out.sort((x, y) => y.t - x.t || (x.id < y.id ? 1 : -1));
  }, [events.data, actions.data]);

  // The legend lists what is in the range; a hidden kind leaves plot and table alike.
  const legend = useMemo(() => {
    const m = new Map<string, { look: Look; lane: Lane; count: number }>();
    for (const r of rows) {
      const had = m.get(r.filterKey);
      if (had) had.count += 1;
      else m.set(r.filterKey, { look: r.look, lane: r.lane, count: 1 });
    }
    const order = new Map(LANES.map((l, i) => [l.lane, i]));
    return [...m].sort(([ka, a], [kb, b]) => (order.get(a.lane) ?? 0) - (order.get(b.lane) ?? 0) || ka.localeCompare(kb));
  }, [rows]);
  const shown = useMemo(() => rows.filter((r) => !hidden.has(r.filterKey)), [rows, hidden]);
  const points: PlotPoint[] = useMemo(
    () => spread([...shown].reverse(), from, to).map((r) => ({ id: r.id, t: r.t, y: r.y, lane: r.lane, kind: r.kind, look: r.look, title: r.title, message: r.message })),
    [shown, from, to],
  );
  const toggle = (key: string) =>
    setHidden((h) => {
      const n = new Set(h);
      if (n.has(key)) n.delete(key);
      else n.add(key);
      return n;
    });

  const error = events.error ?? actions.error;
  const truncated = Boolean(events.data?.nextCursor || actions.data?.nextCursor);
  const nEvents = shown.filter((r) => r.kind !== "action").length;
  const nActions = shown.length - nEvents;
  const span = to - from;
  const caption = `${fullTime(from)} – ${following ? "now" : fullTime(to)}`;

  return (
    <div className="space-y-3" data-test="timeline" data-loading={events.isFetching || actions.isFetching}>
      <Section
        title="Timeline"
        count={`${nEvents} cluster event${nEvents === 1 ? "" : "s"} · ${nActions} user action${nActions === 1 ? "" : "s"}`}
        test="timeline-plot-section"
        actions={
          <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Time range">
            {PRESETS.map((p) => (
              <button
                key={p.key}
                type="button"
                className={clsx(btn, following && range.ms === p.ms && "border-accent bg-info-soft text-fg")}
                aria-pressed={following && range.ms === p.ms}
                data-test={`range-${p.key}`}
                onClick={() => {
                  setCustomOpen(false);
                  choose({ kind: "live", ms: p.ms });
                }}
              >
                {p.label}
              </button>
            ))}
            <button
              type="button"
              className={clsx(btn, customOpen && "border-accent bg-info-soft text-fg")}
              aria-expanded={customOpen}
              aria-controls="timeline-custom"
              data-test="range-custom"
              onClick={() => setCustomOpen((o) => !o)}
            >
              Custom…
            </button>
          </div>
        }
      >
        {customOpen ? <CustomRange from={from} to={to} onApply={(r) => choose(r)} /> : null}
        <div className="flex flex-wrap items-center gap-2 px-4 pt-3 text-xs text-muted">
          <span className="tabular" data-test="timeline-range">
            {caption}
          </span>
          {following ? <span className="rounded bg-ok-soft px-1.5 py-0.5 font-medium text-ok">live</span> : null}
          <span className="ml-auto flex flex-wrap gap-1.5" role="group" aria-label="Zoom and pan">
            <button type="button" className={btn} onClick={() => choose(pan(range, -1, Date.now()))} aria-label="Earlier" data-test="pan-earlier">
              <ChevronLeft size={14} aria-hidden="true" />
              <span className="hidden sm:inline">Earlier</span>
            </button>
            <button type="button" className={btn} onClick={() => choose(zoom(range, 0.5, Date.now()))} disabled={span <= MIN_SPAN_MS} aria-label="Zoom in" data-test="zoom-in">
              <ZoomIn size={14} aria-hidden="true" />
              <span className="hidden sm:inline">Zoom in</span>
            </button>
            <button type="button" className={btn} onClick={() => choose(zoom(range, 2, Date.now()))} aria-label="Zoom out" data-test="zoom-out">
              <ZoomOut size={14} aria-hidden="true" />
              <span className="hidden sm:inline">Zoom out</span>
            </button>
            <button type="button" className={btn} onClick={() => choose(pan(range, 1, Date.now()))} disabled={following} aria-label="Later" data-test="pan-later">
              <span className="hidden sm:inline">Later</span>
              <ChevronRight size={14} aria-hidden="true" />
            </button>
          </span>
        </div>
        {error ? (
          <p role="alert" className="mx-4 mt-3 rounded-md border border-err bg-err-soft px-3 py-2 text-sm text-err" data-test="timeline-error">
            Cannot read the timeline: {error.message}
          </p>
        ) : null}
        <div
          className="px-1 pt-2 sm:px-2"
          data-test="timeline-plot"
          role="img"
          aria-label={`Timeline plot, ${caption}: ${nEvents} cluster events and ${nActions} user actions, in lanes Cluster, Nodes, Resources and User actions. The table below lists the same.`}
        >
          <TimelinePlot
            points={points}
            from={from}
            to={to}
            highlight={highlight}
            showNow={following}
            narrow={narrow}
            onZoom={(f, t) => choose({ kind: "fixed", from: f, to: Math.max(Math.min(t, Date.now()), f + MIN_SPAN_MS) })}
          />
        </div>
        <ul className="flex flex-wrap gap-1.5 border-t border-line px-4 py-2.5" aria-label="Legend: show or hide a kind" data-test="timeline-legend">
          {legend.length === 0 ? <li className="text-xs text-muted">Nothing happened in this range.</li> : null}
          {legend.map(([key, { look, count }]) => {
            const off = hidden.has(key);
            return (
              <li key={key}>
                <button
                  type="button"
                  className={clsx(btn, "py-1", off && "line-through opacity-60")}
                  aria-pressed={!off}
                  title={off ? `Show ${look.label}` : `Hide ${look.label}`}
                  data-test={`legend:${key}`}
                  onClick={() => toggle(key)}
                >
                  <Mark look={look} />
                  {look.label}
                  <span className="tabular text-muted">{count}</span>
                </button>
              </li>
            );
          })}
        </ul>
        {truncated ? (
          <p className="border-t border-line px-4 py-2 text-xs text-warn" data-test="timeline-truncated">
            Showing the newest {LIMIT} of each in this range: zoom in to see older ones.
          </p>
        ) : null}
      </Section>
      <TimelineTable rows={shown} loading={events.isPending || actions.isPending} onHighlight={setHighlight} highlight={highlight} />
    </div>
  );
}

function CustomRange({ from, to, onApply }: { from: number; to: number; onApply: (r: TimeRange) => void }) {
  const [a, setA] = useState(() => toLocalInput(from));
  const [b, setB] = useState(() => toLocalInput(to));
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const f = fromLocalInput(a);
    const t = fromLocalInput(b);
    if (Number.isNaN(f)) return setProblem("From is not a date and time.");
    if (Number.isNaN(t)) return setProblem("To is not a date and time.");
    if (t - f < MIN_SPAN_MS) return setProblem("To must be at least a minute after From.");
    setProblem(null);
    onApply({ kind: "fixed", from: f, to: t });
  };
  const input = "rounded-md border border-line bg-surface px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-accent";
  return (
    <form id="timeline-custom" onSubmit={submit} className="flex flex-wrap items-end gap-3 border-b border-line px-4 py-3 text-sm" data-test="custom-range" noValidate>
      <label className="flex flex-col gap-1">
        <span className="text-xs text-muted">From</span>
        <input type="datetime-local" className={input} value={a} onChange={(e) => setA(e.target.value)} data-test="custom-from" aria-invalid={problem?.startsWith("From") || undefined} />
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs text-muted">To</span>
        <input type="datetime-local" className={input} value={b} onChange={(e) => setB(e.target.value)} data-test="custom-to" aria-invalid={problem?.startsWith("To") || undefined} />
      </label>
      <button type="submit" className={clsx(btn, "py-1.5")} data-test="custom-apply">
        Show
      </button>
      {problem ? (
        <p role="alert" className="w-full text-xs text-err" data-test="custom-error">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
