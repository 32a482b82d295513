"use client";
import { Loader2, WifiOff } from "lucide-react";
import { useClusterLive } from "@/components/live/cluster-live";

/** Before the first snapshot: say why the page is empty instead of showing an empty cluster. */
export function NoStatus() {
  const live = useClusterLive();
  if (live.link === "error") {
    return (
      <div data-test="no-status" className="rounded-lg border border-err bg-err-soft p-6 text-err">
        {live.detail ?? "Could not load this cluster."}
      </div>
    );
  }
  if (live.link === "stale") {
    return (
      <div data-test="no-status" className="flex items-center gap-3 rounded-lg border border-line bg-surface p-6 text-muted">
        <WifiOff className="size-5" /> No agent of {live.name} is reachable and the console has no earlier state of it.
      </div>
    );
  }
  return (
    <div data-test="no-status" className="flex items-center gap-3 rounded-lg border border-line bg-surface p-6 text-muted">
      <Loader2 className="size-5 animate-spin" /> Waiting for the first status of {live.name}…
    </div>
  );
}
