// Read-only configuration views: the raw CIB, crm shell syntax, and the metadata the editors'
// forms are built from. Every role may read them; changes go through drafts.
import { z } from "zod";
import { AgentRefSchema } from "@/lib/cib/edits";
import {
  AgentMetadataResultSchema,
  AgentsResultSchema,
  ClusterMetadataResultSchema,
  ConfigReadResultSchema,
  ConfigShowResultSchema,
  StandardsResultSchema,
} from "@/lib/protocol";
import { queryAgent } from "@/server/actions/query";
import { ClusterNameSchema, ClusterRefSchema } from "../schemas";
import { createTRPCRouter, viewerProcedure } from "../trpc";

const AgentsInput = z.object({ cluster: ClusterNameSchema, class: AgentRefSchema.shape.class, provider: AgentRefSchema.shape.provider });
const AgentInput = z.object({ cluster: ClusterNameSchema, agent: AgentRefSchema });

export const configRouter = createTRPCRouter({
  /** The live CIB without its status (cibadmin --query), and its epoch. */
  raw: viewerProcedure.input(ClusterRefSchema).query(({ ctx, input }) => queryAgent(ctx.hub, input.cluster, "config.read", {}, ConfigReadResultSchema)),
  /** `crm configure show`, where crmsh is installed on the node. */
  crmsh: viewerProcedure.input(ClusterRefSchema).query(({ ctx, input }) => queryAgent(ctx.hub, input.cluster, "config.show", {}, ConfigShowResultSchema)),
  standards: viewerProcedure.input(ClusterRefSchema).query(({ ctx, input }) => queryAgent(ctx.hub, input.cluster, "meta.standards", {}, StandardsResultSchema)),
  agents: viewerProcedure.input(AgentsInput).query(({ ctx, input }) => {
    const { cluster, ...params } = input;
    return queryAgent(ctx.hub, cluster, "meta.agents", params, AgentsResultSchema);
  }),
  agentMetadata: viewerProcedure.input(AgentInput).query(({ ctx, input }) =>
    queryAgent(ctx.hub, input.cluster, "meta.agent", { agent: input.agent }, AgentMetadataResultSchema),
  ),
  /** The cluster options' metadata (pacemaker-schedulerd, -controld, -based, -fenced). */
  clusterMetadata: viewerProcedure.input(ClusterRefSchema).query(({ ctx, input }) => queryAgent(ctx.hub, input.cluster, "meta.cluster", {}, ClusterMetadataResultSchema)),
});
