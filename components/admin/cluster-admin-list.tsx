"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Empty } from "@/components/ui/card";
import { HealthBadge } from "@/components/status/health-badge";
import { useTRPC } from "@/trpc/react";
import { Button, ServerMessage } from "./form-bits";

export function ClusterAdminList() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const list = useQuery(trpc.clusters.list.queryOptions());
  const [confirming, setConfirming] = useState<string | null>(null);
  const remove = useMutation(
    trpc.clusters.remove.mutationOptions({
      onSettled: () => {
        setConfirming(null);
        void qc.invalidateQueries({ queryKey: trpc.clusters.list.queryKey() });
      },
    }),
  );
  if (!list.data) return <Empty>{list.error ? list.error.message : "Loading…"}</Empty>;
  if (list.data.length === 0) return <Empty>No cluster registered.</Empty>;
  return (
    <div>
      <div className="px-4 pt-3">
        <ServerMessage error={remove.error?.message} />
      </div>
      <ul className="divide-y divide-line">
        {list.data.map((c) => (
          <li key={c.id} className="flex flex-wrap items-center gap-3 px-4 py-2.5" data-test={`admin-cluster:${c.name}`}>
            <Link href={`/clusters/${encodeURIComponent(c.name)}`} className="font-semibold hover:underline">
              {c.name}
            </Link>
            <HealthBadge health={c.freshness.stale ? "unreachable" : c.health.level} />
            <span className="text-xs text-muted">
              {c.freshness.agents.map((a) => `${a.url} (${a.state}${a.serving ? ", serving" : ""})`).join(" · ")}
            </span>
            <span className="ml-auto flex gap-2">
              {confirming === c.name ? (
                <>
                  <Button variant="danger" data-test="remove-confirm" disabled={remove.isPending} onClick={() => remove.mutate({ cluster: c.name })}>
                    Remove {c.name}
                  </Button>
                  <Button variant="secondary" onClick={() => setConfirming(null)}>
                    Cancel
                  </Button>
                </>
              ) : (
                <Button variant="secondary" data-test={`remove:${c.name}`} onClick={() => setConfirming(c.name)}>
                  <Trash2 aria-hidden className="size-4" /> Remove
                </Button>
              )}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
