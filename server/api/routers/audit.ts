import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { createTRPCRouter, viewerProcedure } from "../trpc";

export const AuditStatusSchema = z.enum(["pending", "ok", "failed", "denied", "unknown"]);

export const AuditListInput = z.object({
  /** id of the last row of the previous page */
  cursor: z.string().max(64).nullish(),
  limit: z.number().int().min(1).max(500).default(100),
  status: AuditStatusSchema.optional(),
  username: z.string().max(64).optional(),
  /** prefix: "users." matches every users action */
  action: z.string().max(64).optional(),
  cluster: z.string().max(64).optional(),
  from: z.date().optional(),
  to: z.date().optional(),
  /** free text in target, message or summary */
  q: z.string().max(200).optional(),
});

function parseParams(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return {};
  }
}

export const auditRouter = createTRPCRouter({
  /** Viewer: newest first, filterable, cursor-paged. */
  list: viewerProcedure.input(AuditListInput.default({ limit: 100 })).query(async ({ ctx, input }) => {
    const where: Prisma.AuditEventWhereInput = {
      ...(input.status ? { status: input.status } : {}),
      ...(input.username ? { username: input.username } : {}),
      ...(input.action ? { action: { startsWith: input.action } } : {}),
      ...(input.cluster ? { cluster: { name: input.cluster } } : {}),
      ...(input.from || input.to ? { time: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lte: input.to } : {}) } } : {}),
      ...(input.q
        ? { OR: [{ target: { contains: input.q } }, { message: { contains: input.q } }, { summary: { contains: input.q } }] }
        : {}),
    };
    const rows = await ctx.db.auditEvent.findMany({
      where,
      orderBy: [{ time: "desc" }, { id: "desc" }],
      take: input.limit + 1,
      ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
      include: { cluster: { select: { name: true } } },
    });
    const page = rows.slice(0, input.limit);
    return {
      items: page.map((r) => ({
        id: r.id,
        time: r.time,
        username: r.username,
        role: r.role,
        action: r.action,
        target: r.target,
        params: parseParams(r.params),
        status: AuditStatusSchema.catch("unknown").parse(r.status),
        message: r.message,
        cluster: r.cluster?.name ?? null,
        epochBefore: r.epochBefore,
        epochAfter: r.epochAfter,
        summary: r.summary,
      })),
      nextCursor: rows.length > input.limit ? (page[page.length - 1]?.id ?? null) : null,
    };
  }),
});
