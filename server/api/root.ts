import { attributesRouter } from "./routers/attributes";
import { auditRouter } from "./routers/audit";
import { authRouter } from "./routers/auth";
import { clustersRouter } from "./routers/clusters";
import { configRouter } from "./routers/config";
import { draftsRouter } from "./routers/drafts";
import { eventsRouter } from "./routers/events";
import { nodesRouter } from "./routers/nodes";
import { operationsRouter } from "./routers/operations";
import { resourcesRouter } from "./routers/resources";
import { statusRouter } from "./routers/status";
import { ticketsRouter } from "./routers/tickets";
import { usersRouter } from "./routers/users";
import { createCallerFactory, createTRPCRouter } from "./trpc";

/**
 * Every procedure, with its minimum role:
 *   auth.login [public] · auth.logout [public] · auth.me [viewer]
 *   clusters.list / get / watch(sub) [viewer] · clusters.register / remove [admin]
 *   status.get / snapshot / watch(sub, SSE, tracked) [viewer]
 *   users.list / add / setRole / resetPassword / disable / enable [admin]
 *   audit.list / facets [viewer] (addresses for admins only; export: GET /api/audit/export)
 *   nodes.standby / maintenance [operator] · nodes.fence [admin]
 *   resources.start / stop / restart / promote / demote / manage / unmanage / cleanup / refresh /
 *     move / ban / clear [operator] · resources.simulateMove [operator] · resources.scores [viewer]
 *   attributes.set / delete [operator] · tickets.grant / revoke / standby / activate [operator]
 *   operations.maintenance / stopAll [operator]
 *   events.list / actions [viewer] (the cluster timeline: derived events, and the cluster's audit rows)
 *   drafts.current [viewer: own draft] · drafts.edit / removeEdit / preview / commit / rebase / discard [admin]
 *   config.raw / crmsh / standards / agents / agentMetadata / clusterMetadata [viewer]
 * Every change procedure calls server/actions/performAction, the one audited path to an agent.
 */
export const appRouter = createTRPCRouter({
  auth: authRouter,
  clusters: clustersRouter,
  status: statusRouter,
  users: usersRouter,
  audit: auditRouter,
  nodes: nodesRouter,
  resources: resourcesRouter,
  attributes: attributesRouter,
  tickets: ticketsRouter,
  operations: operationsRouter,
  events: eventsRouter,
  drafts: draftsRouter,
  config: configRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
