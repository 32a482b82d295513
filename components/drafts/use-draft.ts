"use client";
// The one hook every editor uses: the user's draft on this cluster (the parameter every editor
// takes, Hawk's live|shadow), and `stage(edit)` to add an edit to it. The server validates; its
// message comes back as the mutation's error. Queries are invalidated so every view of the draft
// (the pending-changes panel, the graph, the lists) follows at once.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { CibEditInput } from "@/lib/cib/edits";
import { useActionRunner } from "@/components/actions/action-runner";
import { useClusterLive } from "@/components/live/cluster-live";
import { useTRPC } from "@/trpc/react";

export function useDraft() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { name: cluster } = useClusterLive();
  const { role } = useActionRunner();
  const canEdit = role === "admin";
  const draftQuery = useQuery({ ...trpc.drafts.current.queryOptions({ cluster }), staleTime: 5_000 });
  const draft = draftQuery.data ?? null;

  const invalidate = useCallback(async () => {
    await Promise.all([qc.invalidateQueries({ queryKey: trpc.drafts.current.queryKey({ cluster }) }), qc.invalidateQueries({ queryKey: trpc.drafts.preview.queryKey({ cluster }) })]);
  }, [qc, trpc, cluster]);

  const editMutation = useMutation(
    trpc.drafts.edit.mutationOptions({
      // The preview follows by itself: its key holds the draft's revision (use-preview.ts, debounced).
      onSuccess: (d) => qc.setQueryData(trpc.drafts.current.queryKey({ cluster }), d),
    }),
  );
  /** Stages one edit; resolves with the new draft, rejects with the server's message. */
  const stage = useCallback(
    (edit: CibEditInput) => editMutation.mutateAsync({ cluster, edit: edit as { op: string }, ...(draft ? { revision: draft.revision } : {}) }),
    [editMutation, cluster, draft],
  );

  return {
    cluster,
    draft,
    loading: draftQuery.isLoading,
    /** only admins stage and commit (the server checks; this only hides the controls) */
    canEdit,
    stage,
    staging: editMutation.isPending,
    stageError: editMutation.error?.message ?? null,
    invalidate,
    /** the configuration editors show: the draft's when there is one, else the live one from the status */
    configuration: draft?.configuration ?? null,
  };
}
