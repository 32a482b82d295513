"use client";
import clsx from "clsx";
import { memo, useState } from "react";
import { Section } from "@/components/ui/card";
import { Mark } from "./mark";
import { fullTime } from "./range";
import { LANES, type Lane, type Look } from "./style";

export interface TimelineRow {
  id: string;
  t: number;
  lane: Lane;
  /** the event's kind, or "action" */
  kind: string;
  /** what the legend toggles: the kind, or action:<status> */
  filterKey: string;
  look: Look;
  subject: string;
  title: string;
  message: string;
  status?: string;
}

const LANE_LABEL = new Map<Lane, string>(LANES.map((l) => [l.lane, l.label]));
const PAGE = 300;

/**
 * The plot's data as a table, for keyboard and screen-reader users (and for reading): newest first.
 * Hovering or focusing a row rings its mark on the plot.
 */
export const TimelineTable = memo(function TimelineTable({
  rows,
  loading,
  highlight,
  onHighlight,
}: {
  rows: TimelineRow[];
  loading: boolean;
  highlight: string | null;
  onHighlight: (id: string | null) => void;
}) {
  const [limit, setLimit] = useState(PAGE);
  const visible = rows.slice(0, limit);
  return (
    <Section title="Events and user actions" count={loading ? "loading…" : `${rows.length}`} test="timeline-table">
      {rows.length === 0 ? (
        <p className="px-4 py-3 text-sm text-muted" data-test="timeline-empty">
          {loading ? "Loading…" : "No cluster events or user actions in this range."}
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Cluster events and user actions in the range shown, newest first</caption>
            <thead className="bg-surface-2 text-[11px] uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className="px-3 py-1.5 font-medium whitespace-nowrap">
                  Time
                </th>
                <th scope="col" className="hidden px-3 py-1.5 font-medium sm:table-cell">
                  Lane
                </th>
                <th scope="col" className="px-3 py-1.5 font-medium">
                  What
                </th>
                <th scope="col" className="hidden px-3 py-1.5 font-medium sm:table-cell">
                  Message
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {visible.map((r) => (
                <tr
                  key={r.id}
                  tabIndex={0}
                  data-test="timeline-row"
                  data-id={r.id}
                  data-kind={r.kind}
                  data-subject={r.subject}
                  {...(r.status ? { "data-status": r.status } : {})}
                  className={clsx("align-top outline-none focus-visible:bg-info-soft", r.id === highlight && "bg-surface-2")}
                  onMouseEnter={() => onHighlight(r.id)}
                  onMouseLeave={() => onHighlight(null)}
                  onFocus={() => onHighlight(r.id)}
                  onBlur={() => onHighlight(null)}
                >
                  <td className="tabular px-3 py-1.5 text-xs text-muted">
                    {/* On a phone the date sits above the time: the message needs the width. */}
                    <span className="whitespace-nowrap">{fullTime(r.t).slice(0, 10)}</span>{" "}
                    <span className="whitespace-nowrap">{fullTime(r.t).slice(11)}</span>
                  </td>
                  <td className="hidden px-3 py-1.5 text-xs text-muted sm:table-cell">{LANE_LABEL.get(r.lane)}</td>
                  <td className="px-3 py-1.5">
                    <span className="inline-flex items-center gap-1.5 text-xs font-medium whitespace-nowrap">
                      <Mark look={r.look} />
                      {r.kind === "action" ? r.look.label.replace("user action: ", "action ") : r.title}
                    </span>
                    {/* Phones: the message under what it is, instead of a column off screen. */}
                    <span className="mt-0.5 block sm:hidden">
                      {r.message}
                    </span>
                  </td>
                  <td className="hidden px-3 py-1.5 sm:table-cell" data-test="timeline-message">
                    {r.message}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > limit ? (
            <div className="border-t border-line px-4 py-2">
              <button
                type="button"
                className="rounded-md border border-line px-2.5 py-1 text-xs font-medium hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-accent"
                onClick={() => setLimit((l) => l + PAGE)}
                data-test="timeline-more"
              >
                Show {Math.min(PAGE, rows.length - limit)} more of {rows.length - limit}
              </button>
            </div>
          ) : null}
        </div>
      )}
    </Section>
  );
});
