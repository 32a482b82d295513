"use client";
// Small pieces every audit view shows the same way: the outcome badge, the time with its age on
// hover, the target as a link to what it touched.
import { CircleAlert, CircleCheck, CircleDashed, CircleHelp, CircleX, Hourglass, ShieldAlert } from "lucide-react";
import Link from "next/link";
import type { LucideIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { formatAuditTime, outcomeLabel, relativeAge, targetHref, type AuditOutcome } from "./audit-filter";

const ICON: Record<AuditOutcome, LucideIcon> = {
  ok: CircleCheck,
  failed: CircleX,
  denied: ShieldAlert,
  acl_denied: ShieldAlert,
  invalid: CircleAlert,
  unknown: CircleHelp,
  pending: Hourglass,
};

export function OutcomeBadge({ status, action }: { status: AuditOutcome; action: string }) {
  const { label, tone } = outcomeLabel(status, action);
  return (
    <Badge tone={tone} icon={ICON[status] ?? CircleDashed} test="audit-outcome">
      {label}
    </Badge>
  );
}

/**
 * The absolute time (one format, time zone said); the age on hover, for people who think in
 * "minutes ago" — worked out when the pointer arrives, not by a timer per row (a page holds hundreds).
 */
export function AuditTime({ time }: { time: Date | string }) {
  const iso = new Date(time).toISOString();
  return (
    <time
      dateTime={iso}
      title={iso}
      onMouseEnter={(e) => {
        e.currentTarget.title = `${relativeAge(time, Date.now())} · ${iso}`;
      }}
      className="tabular whitespace-nowrap"
    >
      {formatAuditTime(time)}
    </time>
  );
}

export function TargetLink({
  row,
  isAdmin,
}: {
  row: { clusterName: string; targetKind: string; target: string };
  isAdmin: boolean;
}) {
  if (!row.target && !row.targetKind) return <span className="text-faint">—</span>;
  const href = targetHref(row, isAdmin);
  const text = row.target || row.clusterName || row.targetKind;
  const kind = row.targetKind ? <span className="mr-1 text-xs text-muted">{row.targetKind}</span> : null;
  if (!href) {
    return (
      <span className="break-words">
        {kind}
        <span className="font-mono text-xs">{text}</span>
      </span>
    );
  }
  return (
    <span className="break-words">
      {kind}
      <Link
        href={href}
        data-test="audit-target"
        className="rounded font-mono text-xs text-accent underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-accent"
      >
        {text}
      </Link>
    </span>
  );
}

export function Epochs({ before, after }: { before: string | null; after: string | null }) {
  if (!before && !after) return <span className="text-faint">—</span>;
  return (
    <span className="tabular whitespace-nowrap font-mono text-xs" title="CIB version (admin_epoch.epoch.num_updates) before → after">
      {before ?? "?"} → {after ?? "?"}
    </span>
  );
}

export function Duration({ ms }: { ms: number | null }) {
  if (ms === null) return <span className="text-faint">—</span>;
  return <span className="tabular whitespace-nowrap">{ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`}</span>;
}

export function Commands({ lines }: { lines: string[] }) {
  if (lines.length === 0) return <span className="text-faint">—</span>;
  return (
    <ul className="space-y-0.5">
      {lines.map((l, i) => (
        <li key={i} className="break-words font-mono text-xs" data-test="audit-command">
          {l}
        </li>
      ))}
    </ul>
  );
}
