import { z } from "zod";
import { CHANGE_ACTIONS } from "@/lib/protocol";
import { AUDIT_STATUSES } from "@/server/audit/audit";
import { AuditFilterSchema, auditPage, CursorTextSchema, toItem } from "@/server/audit/query";
import { createTRPCRouter, viewerProcedure } from "../trpc";

export const AuditStatusSchema = z.enum(AUDIT_STATUSES);

export const AuditListInput = z.object({
  filter: AuditFilterSchema.prefault({}),
  /** a previous page's nextCursor (opaque: the last row's time and id) */
  cursor: CursorTextSchema.nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});

/** The console's own events, beside the cluster changes (`cluster.<action>`), for the action filter. */
const CONSOLE_ACTIONS = [
  "auth.login",
  "auth.logout",
  "clusters.register",
  "clusters.remove",
  "users.add",
  "users.setRole",
  "users.resetPassword",
  "users.disable",
  "users.enable",
] as const;

export const auditRouter = createTRPCRouter({
  /**
   * Viewer: newest first, filtered, searched, cursor-paged. The client's address is an admin's
   * to see: for everyone else the field is not in the answer at all.
   */
  list: viewerProcedure.input(AuditListInput.prefault({})).query(async ({ ctx, input }) => {
    const page = await auditPage(ctx.db, input.filter, input.cursor, input.limit);
    const admin = ctx.user.role === "admin";
    return {
      items: page.rows.map((r) => toItem(r, admin)),
      nextCursor: page.nextCursor,
      searchedTo: page.searchedTo,
      showsAddress: admin,
    };
  }),

  /** Viewer: suggestions for the filter controls (users, clusters, action names). */
  facets: viewerProcedure.query(async ({ ctx }) => {
    const [users, clusters] = await Promise.all([
      ctx.db.user.findMany({ select: { username: true }, orderBy: { username: "asc" }, take: 500 }),
      ctx.db.cluster.findMany({ select: { name: true }, orderBy: { name: "asc" }, take: 500 }),
    ]);
    return {
      users: users.map((u) => u.username),
      clusters: clusters.map((c) => c.name),
      actions: [...CHANGE_ACTIONS.map((a) => `cluster.${a}`), ...CONSOLE_ACTIONS],
      statuses: AUDIT_STATUSES,
    };
  }),
});
