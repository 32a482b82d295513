"use client";
import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useTRPC } from "@/trpc/react";

/** Jump between registered clusters, keeping the current view (overview, by node, attributes). */
export function ClusterSwitcher() {
  const trpc = useTRPC();
  const router = useRouter();
  const path = usePathname();
  const { data } = useQuery(trpc.clusters.list.queryOptions());
  const m = /^\/clusters\/([^/]+)(\/.*)?$/.exec(path);
  const current = m?.[1] ? decodeURIComponent(m[1]) : "";
  const sub = m?.[2] ?? "";
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">Cluster</span>
      <select
        data-test="cluster-switcher"
        value={current}
        onChange={(e) => {
          if (e.target.value) router.push(`/clusters/${encodeURIComponent(e.target.value)}${sub}`);
        }}
        className="h-8 max-w-32 rounded-md border border-line bg-surface-2 px-2 text-sm sm:max-w-48"
      >
        <option value="">{data?.length ? "Select cluster…" : "No clusters"}</option>
        {(data ?? []).map((c) => (
          <option key={c.name} value={c.name}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
