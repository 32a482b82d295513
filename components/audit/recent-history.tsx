"use client";
// A resource's or a node's last changes, where its details are shown: who did what, when, and
// how it ended, with a link to the whole history filtered to it. Fetched when shown, again after
// any change this browser runs (the action runner's reports), and every 30 s.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import { useActionRunner } from "@/components/actions/action-runner";
import { useClusterLive } from "@/components/live/cluster-live";
import { useTRPC } from "@/trpc/react";
import { AuditTime, OutcomeBadge } from "./audit-bits";
import { auditHref } from "./audit-filter";

const RECENT = 10;

export function RecentHistory({
  cluster,
  targetKind,
  target,
  compact = false,
}: {
  cluster: string;
  targetKind: "resource" | "node";
  target: string;
  /** fewer rows and no heading box (a node tile) */
  compact?: boolean;
}) {
  const trpc = useTRPC();
  const limit = compact ? 5 : RECENT;
  const q = useQuery({
    ...trpc.audit.list.queryOptions({ filter: { cluster, targetKind, target }, limit }),
    refetchInterval: 30_000,
  });
  const { reports } = useActionRunner();
  const latest = reports[0]?.key;
  const { refetch } = q;
  useEffect(() => {
    if (latest) void refetch();
  }, [latest, refetch]);
  const href = auditHref({ cluster, targetKind, target });
  const items = q.data?.items ?? [];

  return (
    <section data-test="recent-history" aria-label={`Recent changes to ${target}`} className="space-y-1.5">
      <div className="flex items-center gap-2">
        <h3 className="text-[11px] font-semibold uppercase tracking-wide text-muted">Recent history</h3>
        <Link href={href} data-test="recent-history-all" className="ml-auto rounded text-xs text-accent hover:underline focus-visible:outline-2 focus-visible:outline-accent">
          All in the audit log
        </Link>
      </div>
      {q.error ? (
        <p className="text-xs text-err">{q.error.message}</p>
      ) : q.isPending ? (
        <p className="text-xs text-muted">Loading…</p>
      ) : items.length === 0 ? (
        <p className="text-xs text-muted">No change recorded for {target} on {cluster}.</p>
      ) : (
        <ol className="space-y-1">
          {items.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs" data-test="recent-history-row" data-status={r.status}>
              <span className="text-muted">
                <AuditTime time={r.time} />
              </span>
              <span className="font-medium">{r.username}</span>
              <span className="font-mono">{r.action.replace(/^cluster\./, "")}</span>
              <OutcomeBadge status={r.status} action={r.action} />
              {r.status !== "ok" && r.message ? <span className="basis-full break-words text-muted">{r.message}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The resource details drawer's section: the cluster is the page's. */
export function ResourceHistory({ id }: { id: string }) {
  const live = useClusterLive();
  return <RecentHistory cluster={live.name} targetKind="resource" target={id} />;
}

/**
 * A node tile's history, folded: a board of 32 tiles asks for nothing until one is opened
 * (a native disclosure: keyboard and screen readers know it).
 */
export function NodeHistory({ cluster, node }: { cluster: string; node: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="border-t border-line/70 px-3 py-1.5 text-xs" data-test="node-history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer rounded text-muted hover:text-fg focus-visible:outline-2 focus-visible:outline-accent">History</summary>
      {open ? (
        <div className="pt-1.5">
          <RecentHistory cluster={cluster} targetKind="node" target={node} compact />
        </div>
      ) : null}
    </details>
  );
}
