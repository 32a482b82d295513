import { changeInput, runChange } from "@/server/actions/procedure";
import { createTRPCRouter, operatorProcedure } from "../trpc";

export const ticketsRouter = createTRPCRouter({
  grant: operatorProcedure.input(changeInput("ticket.grant")).mutation(({ ctx, input }) => runChange(ctx, "ticket.grant", input)),
  revoke: operatorProcedure.input(changeInput("ticket.revoke")).mutation(({ ctx, input }) => runChange(ctx, "ticket.revoke", input)),
  standby: operatorProcedure.input(changeInput("ticket.standby")).mutation(({ ctx, input }) => runChange(ctx, "ticket.standby", input)),
  activate: operatorProcedure.input(changeInput("ticket.activate")).mutation(({ ctx, input }) => runChange(ctx, "ticket.activate", input)),
});
