// Configuration drafts: every editor stages edits here (admin); the draft is previewed with
// crm_verify + crm_simulate on the agent and committed through the one audited path.
import { z } from "zod";
import { callerOf } from "@/server/actions/procedure";
import { commitDraft, currentDraft, discardDraft, previewDraft, rebaseDraft, stageEdit, unstageEdit } from "@/server/drafts/service";
import { ClusterNameSchema, ClusterRefSchema } from "../schemas";
import { adminProcedure, createTRPCRouter, viewerProcedure } from "../trpc";

// The edit itself is checked by CibEditSchema in stageEdit (one place, with messages per field);
// here only its outer shape, so a refusal names the field rather than "invalid union".
const EditInput = z.object({
  cluster: ClusterNameSchema,
  edit: z.object({ op: z.string().max(64) }).passthrough(),
  revision: z.number().int().nonnegative().optional(),
});
const IndexInput = z.object({ cluster: ClusterNameSchema, index: z.number().int().nonnegative() });

export const draftsRouter = createTRPCRouter({
  /** The caller's open draft on the cluster (null when none: viewers and operators never have one). */
  current: viewerProcedure.input(ClusterRefSchema).query(({ ctx, input }) => currentDraft(callerOf(ctx), input.cluster)),
  /** Admin: stage one edit (the first one takes the draft's base from the cluster). */
  edit: adminProcedure.input(EditInput).mutation(({ ctx, input }) => stageEdit(callerOf(ctx), input.cluster, input.edit as never, input.revision)),
  /** Admin: take back one staged edit. */
  removeEdit: adminProcedure.input(IndexInput).mutation(({ ctx, input }) => unstageEdit(callerOf(ctx), input.cluster, input.index)),
  /** Admin: what committing would do — the patch, crm_verify's findings, crm_simulate's transition. */
  preview: adminProcedure.input(ClusterRefSchema).query(({ ctx, input }) => previewDraft(callerOf(ctx), input.cluster)),
  /** Admin: write the draft to the live CIB (or get the conflict, with nothing written). */
  commit: adminProcedure.input(ClusterRefSchema).mutation(({ ctx, input }) => commitDraft(callerOf(ctx), input.cluster)),
  /** Admin: replay the draft onto the live configuration (after a conflict, or to catch up). */
  rebase: adminProcedure.input(ClusterRefSchema).mutation(({ ctx, input }) => rebaseDraft(callerOf(ctx), input.cluster)),
  /** Admin: throw the draft away. */
  discard: adminProcedure.input(ClusterRefSchema).mutation(async ({ ctx, input }) => {
    await discardDraft(callerOf(ctx), input.cluster);
    return { ok: true as const };
  }),
});
