import { TriangleAlert, WifiOff } from "lucide-react";
import { memo } from "react";
import type { Warning } from "@/lib/pacemaker";

/** crm_mon's own warnings (maintenance mode, no fencing device, no quorum…), impossible to miss. */
export const WarningsBanner = memo(function WarningsBanner({ warnings }: { warnings: Warning[] }) {
  if (warnings.length === 0) return null;
  return (
    <div data-test="warnings" role="alert" className="rounded-lg border border-warn bg-warn-soft px-4 py-2.5 text-sm text-warn">
      <ul className="space-y-1">
        {warnings.map((w) => (
          <li key={w.code + w.message} data-test={`warning:${w.code}`} className="flex items-start gap-2">
            <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
            <span className="text-fg">{w.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
});

/** Shown instead of "live" when no agent answers: the page below is the last state the console saw. */
export function StaleBanner({ detail }: { detail: string | null }) {
  return (
    <div data-test="stale-banner" role="alert" className="flex items-start gap-2 rounded-lg border border-stale bg-stale-soft px-4 py-2.5 text-sm">
      <WifiOff aria-hidden className="mt-0.5 size-4 shrink-0 text-stale" />
      <span>
        <strong>STALE: no agent of this cluster is reachable.</strong> What follows is the last known state, not the
        cluster as it is now.{detail ? <span className="text-muted"> ({detail})</span> : null}
      </span>
    </div>
  );
}
