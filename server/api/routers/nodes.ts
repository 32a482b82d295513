import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { nodeName } from "@/lib/protocol";
import { changeInput, confirmField, runChange } from "@/server/actions/procedure";
import { recordAudit } from "@/server/audit/audit";
import { ClusterNameSchema } from "../schemas";
import { actorOf, adminProcedure, createTRPCRouter, operatorProcedure } from "../trpc";

const FenceInput = z.object({ cluster: ClusterNameSchema, node: nodeName(), confirm: confirmField("fence") });

export const nodesRouter = createTRPCRouter({
  /** Operator: standby on (resources move away) or off (online). */
  standby: operatorProcedure.input(changeInput("node.standby")).mutation(({ ctx, input }) => runChange(ctx, "node.standby", input)),
  /** Operator: node maintenance (resources there are left alone, unmonitored). */
  maintenance: operatorProcedure.input(changeInput("node.maintenance")).mutation(({ ctx, input }) => runChange(ctx, "node.maintenance", input)),
  /** Admin: fence (stonith_admin --fence); `confirm` must repeat the node's name. */
  fence: adminProcedure.input(FenceInput).mutation(async ({ ctx, input }) => {
    if (input.confirm !== input.node) {
      const message = `type the node's name (${input.node}) to confirm fencing it`;
      await recordAudit(ctx.db, actorOf(ctx.user), { action: "cluster.node.fence", targetKind: "node", target: input.node, clusterName: input.cluster, address: ctx.clientIp, params: input }, "invalid", message);
      throw new TRPCError({ code: "BAD_REQUEST", message });
    }
    return runChange(ctx, "node.fence", { cluster: input.cluster, node: input.node });
  }),
});
