"use client";
// What every editor of these pages shows: the user's draft when there is one, else the live
// configuration from the cluster's status; both, so a row can say "changed in your draft".
import type { Configuration } from "@/lib/pacemaker";
import { useDraft } from "@/components/drafts/use-draft";
import { useClusterLive } from "@/components/live/cluster-live";

export function useShownConfiguration() {
  const d = useDraft();
  const live = useClusterLive().status?.configuration ?? null;
  const shown: Configuration | null = d.configuration ?? live;
  return { ...d, shown, live, fromDraft: d.configuration !== null };
}
