import { auditRouter } from "./routers/audit";
import { authRouter } from "./routers/auth";
import { clustersRouter } from "./routers/clusters";
import { statusRouter } from "./routers/status";
import { usersRouter } from "./routers/users";
import { createCallerFactory, createTRPCRouter } from "./trpc";

/**
 * Every procedure, with its minimum role:
 *   auth.login [public] · auth.logout [public] · auth.me [viewer]
 *   clusters.list / get / watch(sub) [viewer] · clusters.register / remove [admin]
 *   status.get / snapshot / watch(sub, SSE, tracked) [viewer]
 *   users.list / add / setRole / resetPassword / disable / enable [admin]
 *   audit.list [viewer]
 */
export const appRouter = createTRPCRouter({
  auth: authRouter,
  clusters: clustersRouter,
  status: statusRouter,
  users: usersRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
