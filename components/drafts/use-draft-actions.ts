"use client";
// The pending-changes panel's mutations: take back one edit, commit, rebase, discard. Each one
// refreshes the draft (and so every editor showing it) when it lands.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { useTRPC } from "@/trpc/react";
import { useDraft } from "./use-draft";

type Outputs = inferRouterOutputs<AppRouter>["drafts"];
export type CommitResult = Outputs["commit"];
export type CommitConflict = Extract<CommitResult, { ok: false }>["conflict"];
export type CommitOutcome = Extract<CommitResult, { ok: true }>;
export type RebaseResult = Outputs["rebase"];

export function useDraftActions() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { cluster, invalidate } = useDraft();
  const currentKey = trpc.drafts.current.queryKey({ cluster });

  const removeEdit = useMutation(trpc.drafts.removeEdit.mutationOptions({ onSuccess: (d) => qc.setQueryData(currentKey, d) }));
  const commit = useMutation(
    trpc.drafts.commit.mutationOptions({
      // A commit that went through closes the draft; a refused one leaves it as it was.
      onSuccess: (r) => (r.ok ? invalidate() : undefined),
    }),
  );
  const rebase = useMutation(trpc.drafts.rebase.mutationOptions({ onSuccess: (r) => qc.setQueryData(currentKey, r.draft) }));
  const discard = useMutation(trpc.drafts.discard.mutationOptions({ onSuccess: () => invalidate() }));
  const busy = removeEdit.isPending || commit.isPending || rebase.isPending || discard.isPending;
  return { cluster, removeEdit, commit, rebase, discard, busy };
}
