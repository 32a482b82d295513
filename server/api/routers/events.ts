// A cluster's timeline: the events the console derived from its status (server/events/), and the
// audit rows of the same cluster over the same range, so the page can put what users did and what
// the cluster did on one time axis. Both newest first, cursor-paged by row id.
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { EVENT_KINDS } from "@/server/events/kinds";
import { AUDIT_STATUSES } from "@/server/audit/audit";
import { ClusterNameSchema } from "../schemas";
import { createTRPCRouter, viewerProcedure } from "../trpc";

const Range = {
  cluster: ClusterNameSchema,
  from: z.date({ error: "from must be a date" }),
  /** open end: up to now */
  to: z.date({ error: "to must be a date" }).optional(),
  /** id of the last row of the previous page */
  cursor: z.string().max(64).nullish(),
};
const rangeOrder = (v: { from: Date; to?: Date | undefined }) => !v.to || v.from.getTime() <= v.to.getTime();
const RANGE_MESSAGE = { message: "from must not be after to", path: ["from"] };

export const EventsListInput = z
  .object({
    ...Range,
    kinds: z.array(z.enum(EVENT_KINDS)).max(EVENT_KINDS.length).optional(),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .refine(rangeOrder, RANGE_MESSAGE);

export const EventsActionsInput = z
  .object({ ...Range, limit: z.number().int().min(1).max(1000).default(200) })
  .refine(rangeOrder, RANGE_MESSAGE);

function parseDetails(json: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(json);
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const timeRange = (from: Date, to?: Date) => ({ gte: from, ...(to ? { lte: to } : {}) });

export const eventsRouter = createTRPCRouter({
  /** Viewer: the cluster's events in [from, to], optionally only some kinds. */
  list: viewerProcedure.input(EventsListInput).query(async ({ ctx, input }) => {
    const where: Prisma.ClusterEventWhereInput = {
      clusterName: input.cluster,
      time: timeRange(input.from, input.to),
      ...(input.kinds ? { kind: { in: input.kinds } } : {}),
    };
    const rows = await ctx.db.clusterEvent.findMany({
      where,
      orderBy: [{ time: "desc" }, { id: "desc" }],
      take: input.limit + 1,
      ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    });
    const page = rows.slice(0, input.limit);
    return {
      items: page.map((r) => ({
        id: r.id,
        time: r.time,
        kind: r.kind,
        subject: r.subject,
        message: r.message,
        details: parseDetails(r.details),
        statusEpoch: r.statusEpoch,
      })),
      nextCursor: rows.length > input.limit ? (page[page.length - 1]?.id ?? null) : null,
    };
  }),

  /**
   * Viewer: what users did to the cluster in [from, to] (the audit rows kept under its name), for
   * the timeline's second lane. Who, what, on what, and how it ended; never the client's address.
   */
  actions: viewerProcedure.input(EventsActionsInput).query(async ({ ctx, input }) => {
    const rows = await ctx.db.auditEvent.findMany({
      where: { clusterName: input.cluster, time: timeRange(input.from, input.to) },
      orderBy: [{ time: "desc" }, { id: "desc" }],
      take: input.limit + 1,
      ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
      select: { id: true, time: true, username: true, role: true, action: true, targetKind: true, target: true, status: true, message: true, durationMs: true },
    });
    const page = rows.slice(0, input.limit);
    const statuses: readonly string[] = AUDIT_STATUSES;
    return {
      items: page.map((r) => ({
        ...r,
        status: statuses.includes(r.status) ? r.status : "unknown",
        message: r.message.length > 500 ? `${r.message.slice(0, 500)}…` : r.message,
      })),
      nextCursor: rows.length > input.limit ? (page[page.length - 1]?.id ?? null) : null,
    };
  }),
});
