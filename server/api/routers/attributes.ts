import { changeInput, runChange } from "@/server/actions/procedure";
import { createTRPCRouter, operatorProcedure } from "../trpc";

export const attributesRouter = createTRPCRouter({
  /** Operator: add or change a node attribute, permanent (forever) or transient (reboot). */
  set: operatorProcedure.input(changeInput("node.attribute.set")).mutation(({ ctx, input }) => runChange(ctx, "node.attribute.set", input)),
  /** Operator: delete a node attribute. */
  delete: operatorProcedure.input(changeInput("node.attribute.delete")).mutation(({ ctx, input }) => runChange(ctx, "node.attribute.delete", input)),
});
