import { z } from "zod";
import { nodeName, SimulateMoveResultSchema, SimulateScoresResultSchema, xmlId } from "@/lib/protocol";
import { changeInput, runChange } from "@/server/actions/procedure";
import { queryAgent } from "@/server/actions/query";
import { ClusterNameSchema } from "../schemas";
import { createTRPCRouter, operatorProcedure, viewerProcedure } from "../trpc";

const SimulateMoveInput = z.object({ cluster: ClusterNameSchema, rsc: xmlId("resource id"), node: nodeName(), promoted: z.boolean().optional() });
const ScoresInput = z.object({ cluster: ClusterNameSchema, rsc: xmlId("resource id").optional() });

export const resourcesRouter = createTRPCRouter({
  start: operatorProcedure.input(changeInput("resource.start")).mutation(({ ctx, input }) => runChange(ctx, "resource.start", input)),
  stop: operatorProcedure.input(changeInput("resource.stop")).mutation(({ ctx, input }) => runChange(ctx, "resource.stop", input)),
  restart: operatorProcedure.input(changeInput("resource.restart")).mutation(({ ctx, input }) => runChange(ctx, "resource.restart", input)),
  promote: operatorProcedure.input(changeInput("resource.promote")).mutation(({ ctx, input }) => runChange(ctx, "resource.promote", input)),
  demote: operatorProcedure.input(changeInput("resource.demote")).mutation(({ ctx, input }) => runChange(ctx, "resource.demote", input)),
  manage: operatorProcedure.input(changeInput("resource.manage")).mutation(({ ctx, input }) => runChange(ctx, "resource.manage", input)),
  unmanage: operatorProcedure.input(changeInput("resource.unmanage")).mutation(({ ctx, input }) => runChange(ctx, "resource.unmanage", input)),
  cleanup: operatorProcedure.input(changeInput("resource.cleanup")).mutation(({ ctx, input }) => runChange(ctx, "resource.cleanup", input)),
  refresh: operatorProcedure.input(changeInput("resource.refresh")).mutation(({ ctx, input }) => runChange(ctx, "resource.refresh", input)),
  move: operatorProcedure.input(changeInput("resource.move")).mutation(({ ctx, input }) => runChange(ctx, "resource.move", input)),
  ban: operatorProcedure.input(changeInput("resource.ban")).mutation(({ ctx, input }) => runChange(ctx, "resource.ban", input)),
  clear: operatorProcedure.input(changeInput("resource.clear")).mutation(({ ctx, input }) => runChange(ctx, "resource.clear", input)),

  /** Operator: what the cluster would do if rsc moved to node (crm_simulate on a copy; nothing changes). */
  simulateMove: operatorProcedure.input(SimulateMoveInput).query(({ ctx, input }) => {
    const { cluster, ...params } = input;
    return queryAgent(ctx.hub, cluster, "simulate.move", params, SimulateMoveResultSchema);
  }),
  /** Viewer: allocation scores per node ("why is it here"). */
  scores: viewerProcedure.input(ScoresInput).query(({ ctx, input }) => {
    const { cluster, ...params } = input;
    return queryAgent(ctx.hub, cluster, "simulate.scores", params, SimulateScoresResultSchema);
  }),
});
