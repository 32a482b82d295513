import { on } from "node:events";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { audited } from "@/server/audit/audit";
import { probeAgents, type ProbeResult } from "@/server/hub/probe";
import { ANY_CLUSTER_EVENT } from "@/server/hub/types";
import { clusterSummary } from "@/server/hub/views";
import { AgentUrlSchema, ClusterNameSchema, ClusterRefSchema } from "../schemas";
import { endOfStream, subscriptionGuard } from "../subscription";
import { actorOf, adminProcedure, createTRPCRouter, viewerProcedure } from "../trpc";

export const RegisterClusterInput = z.object({
  name: ClusterNameSchema,
  agents: z
    .array(AgentUrlSchema)
    .min(1, "Give at least one agent address")
    .max(64)
    .refine((a) => new Set(a).size === a.length, "Agent addresses must be distinct"),
  token: z.string().trim().min(1, "Token is required").max(4096),
  tlsFingerprint: z
    .string()
    .trim()
    .regex(/^([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}$/, "TLS fingerprint must be a SHA-256 fingerprint (AA:BB:…)")
    .optional(),
});

function conflict(name: string): TRPCError {
  return new TRPCError({ code: "CONFLICT", message: `A cluster named ${name} already exists` });
}

/** Refuses unless at least one agent answered, none refused the token, and all name one cluster. */
function checkProbes(results: ProbeResult[]): void {
  const refused = results.filter((r) => r.outcome === "refused");
  if (refused.length) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `The agent at ${refused.map((r) => r.url).join(", ")} refused the token`,
    });
  }
  const ok = results.filter((r) => r.outcome === "ok");
  if (!ok.length) {
    const why = results.map((r) => `${r.url} (${r.outcome === "ok" ? "ok" : r.detail})`).join(", ");
    throw new TRPCError({ code: "BAD_REQUEST", message: `No agent answered: ${why}` });
  }
  const names = new Set(ok.map((r) => (r.outcome === "ok" ? r.cluster : null)).filter((n) => n !== null));
  if (names.size > 1) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `These agents belong to different clusters (${[...names].join(", ")}): register each cluster separately`,
    });
  }
}

export const clustersRouter = createTRPCRouter({
  /** Viewer: every cluster with health, counts and freshness. */
  list: viewerProcedure.query(({ ctx }) => ctx.hub.snapshots().map(clusterSummary)),

  /** Viewer: one cluster with its agent addresses (never its token). */
  get: viewerProcedure.input(ClusterRefSchema).query(async ({ ctx, input }) => {
    const row = await ctx.db.cluster.findUnique({
      where: { name: input.cluster },
      include: { agents: { orderBy: { position: "asc" } } },
    });
    const feed = ctx.hub.feedByName(input.cluster);
    if (!row || !feed) throw new TRPCError({ code: "NOT_FOUND", message: `No cluster named ${input.cluster}` });
    return {
      ...clusterSummary(feed.snapshot()),
      agentUrls: row.agents.map((a) => a.url),
      tlsPinned: row.tlsFingerprint !== null,
      createdAt: row.createdAt,
    };
  }),

  /** Viewer: the list again whenever any cluster's health or freshness may have changed. */
  watch: viewerProcedure.subscription(async function* ({ ctx, signal }) {
    const guard = subscriptionGuard(ctx, signal);
    try {
      const events = on(ctx.hub.bus, ANY_CLUSTER_EVENT, { signal: guard.signal });
      yield ctx.hub.snapshots().map(clusterSummary);
      let last = 0;
      for await (const _ of events) {
        // Coalesce bursts (a reconnect storm, a batch of CIB updates) into at most 4 lists a second.
        const wait = 250 - (Date.now() - last);
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        last = Date.now();
        yield ctx.hub.snapshots().map(clusterSummary);
      }
    } catch (err) {
      endOfStream(guard, err);
    } finally {
      guard.dispose();
    }
  }),

  /** Admin: connects to the agents first and saves nothing unless one answered with the token. */
  register: adminProcedure.input(RegisterClusterInput).mutation(async ({ ctx, input }) => {
    const params = { name: input.name, agents: input.agents, tlsFingerprint: input.tlsFingerprint ?? null };
    return audited(ctx.db, actorOf(ctx.user), { action: "clusters.register", targetKind: "cluster", target: input.name, clusterName: input.name, params, address: ctx.clientIp }, async (notes) => {
      if (await ctx.db.cluster.findUnique({ where: { name: input.name } })) throw conflict(input.name);
      const probes = await probeAgents(ctx.hub.factory, input.agents, input.token, 5_000, input.tlsFingerprint ?? null);
      checkProbes(probes);
      let row;
      try {
        row = await ctx.db.cluster.create({
          data: {
            name: input.name,
            token: input.token,
            tlsFingerprint: input.tlsFingerprint ?? null,
            agents: { create: input.agents.map((url, position) => ({ url, position })) },
          },
        });
      } catch (err) {
        if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw conflict(input.name);
        throw err;
      }
      ctx.hub.addCluster({ id: row.id, name: row.name, token: row.token, tlsFingerprint: row.tlsFingerprint, agents: input.agents });
      const answered = probes.filter((p) => p.outcome === "ok").length;
      notes.summary = `${answered} of ${probes.length} agents answered`;
      return { id: row.id, name: row.name, agents: probes };
    });
  }),

  /** Admin: forgets the cluster and closes its agent connections (the agents keep running). */
  remove: adminProcedure.input(ClusterRefSchema).mutation(async ({ ctx, input }) => {
    return audited(ctx.db, actorOf(ctx.user), { action: "clusters.remove", targetKind: "cluster", target: input.cluster, clusterName: input.cluster, params: input, address: ctx.clientIp }, async () => {
      const row = await ctx.db.cluster.findUnique({ where: { name: input.cluster } });
      if (!row) throw new TRPCError({ code: "NOT_FOUND", message: `No cluster named ${input.cluster}` });
      await ctx.db.cluster.delete({ where: { id: row.id } });
      ctx.hub.removeCluster(row.id);
      return { ok: true as const };
    });
  }),
});
