"use client";
// The draft's preview (crm_verify + crm_simulate on the agent), shared by the pending-changes panel
// and the by-node board's ghost cards. Keyed by the draft's revision, debounced: a burst of edits
// (a form that stages three) asks the agent once, after the last one, and the previous preview
// stays on screen meanwhile, marked as refreshing.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useEffect, useState } from "react";
import type { AppRouter } from "@/server/api/root";
import { useTRPC } from "@/trpc/react";
import { useDraft } from "./use-draft";

export type DraftPreview = inferRouterOutputs<AppRouter>["drafts"]["preview"];
export type DraftView = NonNullable<inferRouterOutputs<AppRouter>["drafts"]["current"]>;

/** Wait this long after the last edit before asking for a preview. */
export const PREVIEW_DEBOUNCE_MS = 600;

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

export function useDraftPreview() {
  const trpc = useTRPC();
  const { cluster, draft, canEdit } = useDraft();
  const revision = draft && draft.edits.length > 0 ? draft.revision : null;
  const settled = useDebounced(revision, PREVIEW_DEBOUNCE_MS);
  const base = trpc.drafts.preview.queryOptions({ cluster });
  const query = useQuery({
    ...base,
    // The revision joins the key's args (tRPC reads a 3-element key as a prefixed one, so not as an
    // element of its own): invalidating drafts.preview({cluster}) still matches every revision.
    queryKey: [base.queryKey[0], { ...base.queryKey[1], revision: settled }] as unknown as typeof base.queryKey,
    // Only admins have drafts; nothing to preview without edits.
    enabled: canEdit && settled !== null && revision !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    refetchOnWindowFocus: false,
    retry: false,
  });
  const preview = revision === null ? null : (query.data ?? null);
  return {
    preview,
    /** the shown preview is older than the draft (an edit since, or the request is running) */
    refreshing: revision !== null && (settled !== revision || query.isFetching),
    error: revision === null ? null : (query.error?.message ?? null),
    refetch: query.refetch,
  };
}
