import clsx from "clsx";
import type { ReactNode } from "react";
import { toneText, type Tone } from "@/components/ui/tone";

/** A labelled figure; big enough to read from across the room on a NOC wall. */
export function Stat({
  label,
  value,
  sub,
  tone = "neutral",
  test,
}: {
  label: string;
  value: ReactNode;
  sub?: ReactNode;
  tone?: Tone;
  test?: string;
}) {
  return (
    <div data-test={test} className="min-w-0 rounded-md bg-surface-2 px-3 py-2">
      <div className="text-[11px] font-medium uppercase tracking-wide text-muted">{label}</div>
      <div className={clsx("tabular truncate text-xl font-semibold", tone === "neutral" ? "text-fg" : toneText[tone])}>{value}</div>
      {sub ? <div className="truncate text-xs text-muted">{sub}</div> : null}
    </div>
  );
}
