// Cluster-wide switches (the "clusters" router registers clusters; this one acts on one).
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { changeInput, confirmField, runChange } from "@/server/actions/procedure";
import { recordAudit } from "@/server/audit/audit";
import { ClusterNameSchema } from "../schemas";
import { actorOf, createTRPCRouter, operatorProcedure } from "../trpc";

const StopAllInput = z.object({ cluster: ClusterNameSchema, on: z.boolean(), confirm: confirmField("stop-all") });

export const operationsRouter = createTRPCRouter({
  /** Operator: maintenance-mode on/off (Pacemaker leaves every resource alone while it is on). */
  maintenance: operatorProcedure.input(changeInput("cluster.maintenance")).mutation(({ ctx, input }) => runChange(ctx, "cluster.maintenance", input)),
  /** Operator: stop-all-resources on (stop everything) / off (start again); `confirm` repeats the cluster's name. */
  stopAll: operatorProcedure.input(StopAllInput).mutation(async ({ ctx, input }) => {
    if (input.confirm !== input.cluster) {
      const message = `type the cluster's name (${input.cluster}) to confirm ${input.on ? "stopping" : "starting"} every resource`;
      await recordAudit(ctx.db, actorOf(ctx.user), { action: "cluster.cluster.stopAll", targetKind: "cluster", clusterName: input.cluster, address: ctx.clientIp, params: input }, "invalid", message);
      throw new TRPCError({ code: "BAD_REQUEST", message });
    }
    return runChange(ctx, "cluster.stopAll", { cluster: input.cluster, on: input.on });
  }),
});
