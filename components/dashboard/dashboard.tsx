"use client";
import { useQuery } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { Plus } from "lucide-react";
import Link from "next/link";
import { Freshness } from "@/components/live/freshness";
import { useTRPC } from "@/trpc/react";
import { ClusterCard, type ClusterSummary } from "./cluster-card";

/** Every registered cluster, worst first, live: the page a NOC wall shows. */
export function Dashboard() {
  const trpc = useTRPC();
  const initial = useQuery(trpc.clusters.list.queryOptions());
  const sub = useSubscription(trpc.clusters.watch.subscriptionOptions());
  const list: ClusterSummary[] | undefined = sub.data ?? initial.data;
  const link = sub.status === "pending" ? "live" : sub.status === "error" ? "error" : list ? "reconnecting" : "connecting";
  const sorted = list ? [...list].sort((a, b) => rank(b) - rank(a) || a.name.localeCompare(b.name)) : [];
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Clusters</h1>
        {list ? <span className="tabular text-sm text-muted">{list.length} registered</span> : null}
        <span className="ml-auto">
          <Freshness state={link} updatedAt={null} detail={sub.error?.message ?? null} compact />
        </span>
      </div>
      {list && list.length === 0 ? (
        <div className="rounded-lg border border-dashed border-line bg-surface p-8 text-center text-muted" data-test="no-clusters">
          <p>No cluster is registered yet.</p>
          <Link href="/admin/clusters" className="mt-3 inline-flex items-center gap-1 text-accent hover:underline">
            <Plus className="size-4" /> Register a cluster (admins)
          </Link>
        </div>
      ) : null}
      <div className="grid grid-cols-[repeat(auto-fill,minmax(22rem,1fr))] gap-3" data-test="cluster-cards">
        {sorted.map((c) => (
          <ClusterCard key={c.id} cluster={c} />
        ))}
      </div>
    </div>
  );
}

const order = { unreachable: 3, errors: 2, warnings: 1, ok: 0 } as const;
function rank(c: ClusterSummary): number {
  return order[c.health.level];
}
