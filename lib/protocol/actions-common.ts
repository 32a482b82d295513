// Shapes shared by the change and query results (kept apart so config.ts and actions.ts do not import each other).
import { z } from "zod";

/** One Pacemaker command the agent ran for a request, for the audit history. */
export const CommandRunSchema = z.object({
  /** the command line as a person would type it (shell-quoted where needed) */
  line: z.string(),
  code: z.number().int().nullable(),
  ms: z.number().nonnegative(),
});
export type CommandRun = z.infer<typeof CommandRunSchema>;

/** One action of a transition crm_simulate computed. */
export const TransitionActionSchema = z.object({
  /** start, stop, promote, demote, migrate_to, migrate_from, monitor, notify, fence, … */
  task: z.string(),
  /** the resource (instance id, e.g. "pgsql:1") or, for fencing, the node */
  resource: z.string(),
  node: z.string().nullable(),
  /** for a monitor: its interval in ms */
  interval: z.number().int().nullable().default(null),
});
export type TransitionAction = z.infer<typeof TransitionActionSchema>;

/** Where each changed resource runs before and after, summarised from the transition. */
export const PlacementChangeSchema = z.object({
  resource: z.string(),
  /** "move" | "start" | "stop" | "promote" | "demote" | "restart" | "migrate" */
  change: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type PlacementChange = z.infer<typeof PlacementChangeSchema>;
