/**
 * Requests a client may ask an agent to carry out, with their parameters. The console validates
 * with the same schemas before sending; the agent validates again on receipt.
 *
 * Two kinds: changes (everything but the `query` kinds below), which the console sends only through
 * its one audited path (server/actions), and read-only queries (`refresh`, `simulate.*`), which
 * change nothing in the cluster and are not audited as changes.
 */
import { z } from "zod";
import { attrName, attrValue, duration, nodeName, xmlId } from "./values";
import { CommandRunSchema, PlacementChangeSchema, TransitionActionSchema } from "./actions-common";
import { ConfigChangeParamsSchemas, ConfigParamsSchemas } from "./config";

export * from "./actions-common";

const rsc = () => xmlId("resource id");
const ticket = () => xmlId("ticket id");
const on = z.boolean();

export const ActionParamsSchemas = {
  /** Re-read the cluster and push a fresh status (answers with the new seq). */
  refresh: z.object({}).strict(),

  // ---- nodes ----
  "node.standby": z.object({ node: nodeName(), on }).strict(),
  "node.maintenance": z.object({ node: nodeName(), on }).strict(),
  /** Admin only (the console's procedure says so): stonith_admin --fence; sim mode marks the node fenced. */
  "node.fence": z.object({ node: nodeName() }).strict(),
  "node.attribute.set": z
    .object({
      node: nodeName(),
      name: attrName(),
      value: attrValue(),
      /** forever: the CIB's nodes section (permanent); reboot: the status section (transient) */
      lifetime: z.enum(["reboot", "forever"]),
    })
    .strict(),
  "node.attribute.delete": z.object({ node: nodeName(), name: attrName(), lifetime: z.enum(["reboot", "forever"]) }).strict(),

  // ---- resources ----
  /** target-role=Started (the meta attribute crm_resource and pcs set) */
  "resource.start": z.object({ rsc: rsc() }).strict(),
  /** target-role=Stopped */
  "resource.stop": z.object({ rsc: rsc() }).strict(),
  /** stop then start again where it runs (crm_resource --restart live) */
  "resource.restart": z.object({ rsc: rsc(), node: nodeName().optional() }).strict(),
  /** promotable clones: target-role=Promoted / Unpromoted */
  "resource.promote": z.object({ rsc: rsc() }).strict(),
  "resource.demote": z.object({ rsc: rsc() }).strict(),
  "resource.manage": z.object({ rsc: rsc() }).strict(),
  "resource.unmanage": z.object({ rsc: rsc() }).strict(),
  /** forget failures (fail counts, failed operations): all resources / nodes when not given */
  "resource.cleanup": z.object({ rsc: rsc().optional(), node: nodeName().optional() }).strict(),
  /** forget the whole operation history so the cluster re-probes */
  "resource.refresh": z.object({ rsc: rsc().optional(), node: nodeName().optional() }).strict(),
  "resource.move": z
    .object({ rsc: rsc(), node: nodeName(), lifetime: duration().optional(), promoted: z.boolean().optional() })
    .strict(),
  /** a -INFINITY location for the node (the node it runs on when none is given) */
  "resource.ban": z
    .object({ rsc: rsc(), node: nodeName().optional(), lifetime: duration().optional(), promoted: z.boolean().optional() })
    .strict(),
  /** removes the cli-prefer-/cli-ban- constraints move and ban made (on one node when given) */
  "resource.clear": z.object({ rsc: rsc(), node: nodeName().optional(), promoted: z.boolean().optional() }).strict(),

  // ---- the cluster ----
  "cluster.maintenance": z.object({ on }).strict(),
  /** stop-all-resources=true stops every resource; false lets them start again */
  "cluster.stopAll": z.object({ on }).strict(),

  // ---- tickets ----
  "ticket.grant": z.object({ ticket: ticket() }).strict(),
  "ticket.revoke": z.object({ ticket: ticket() }).strict(),
  "ticket.standby": z.object({ ticket: ticket() }).strict(),
  "ticket.activate": z.object({ ticket: ticket() }).strict(),

  // ---- read-only queries (crm_simulate) ----
  /** what the cluster would do if rsc were moved to node: the transition, from crm_simulate */
  "simulate.move": z.object({ rsc: rsc(), node: nodeName(), promoted: z.boolean().optional() }).strict(),
  /** allocation scores (crm_simulate -s), of one resource or all */
  "simulate.scores": z.object({ rsc: rsc().optional() }).strict(),

  // ---- configuration (lib/protocol/config.ts) ----
  ...ConfigParamsSchemas,
  ...ConfigChangeParamsSchemas,
} as const;

export type ActionName = keyof typeof ActionParamsSchemas;
export type ActionParams<A extends ActionName> = z.infer<(typeof ActionParamsSchemas)[A]>;
export const ACTION_NAMES = Object.keys(ActionParamsSchemas) as ActionName[];

/** Requests that change nothing in the cluster. */
export const QUERY_ACTIONS = [
  "refresh",
  "simulate.move",
  "simulate.scores",
  "config.read",
  "config.show",
  "config.preview",
  "meta.standards",
  "meta.agents",
  "meta.agent",
  "meta.cluster",
] as const satisfies readonly ActionName[];
export type QueryActionName = (typeof QUERY_ACTIONS)[number];
export type ChangeActionName = Exclude<ActionName, QueryActionName>;
/** Changes an operator makes on the running cluster (everything but the configuration commit, which drafts make). */
export type OperationActionName = Exclude<ChangeActionName, "config.commit">;
export const CHANGE_ACTIONS = ACTION_NAMES.filter((a): a is ChangeActionName => !(QUERY_ACTIONS as readonly string[]).includes(a));

export function isActionName(name: string): name is ActionName {
  return Object.hasOwn(ActionParamsSchemas, name);
}

export function isChangeAction(name: ActionName): name is ChangeActionName {
  return !(QUERY_ACTIONS as readonly string[]).includes(name);
}

/** Error codes of a failed request, stable for scripts and the console. */
export const RequestErrorCodeSchema = z.enum([
  "bad_request",
  "unknown_action",
  "invalid_params",
  "not_found",
  "not_permitted",
  "command_failed",
  "timeout",
  "unavailable",
  "internal",
  /** config.commit: the live configuration is no longer at the draft's epoch */
  "conflict",
]);
export type RequestErrorCode = z.infer<typeof RequestErrorCodeSchema>;


/** What an agent answers for a change it carried out. */
export const ChangeResultSchema = z.object({
  /** seq of the agent's status after the change (null before the first status) */
  seq: z.number().int().nullable(),
  /** the tools' combined output, trimmed */
  output: z.string().default(""),
  commands: z.array(CommandRunSchema).default([]),
  /** CIB version admin_epoch.epoch.num_updates before and after, when the agent could read them */
  epochBefore: z.string().nullable().default(null),
  epochAfter: z.string().nullable().default(null),
  /** config.commit: the patch that was applied (crm_diff's `<diff>`) */
  patch: z.string().optional(),
});
export type ChangeResult = z.infer<typeof ChangeResultSchema>;



export const SimulateMoveResultSchema = z.object({
  actions: z.array(TransitionActionSchema),
  changes: z.array(PlacementChangeSchema),
  /** the target node cannot run it (score -INFINITY, standby, banned…): why, in crm_simulate's words or ours */
  blocked: z.string().nullable(),
  /** the commands run to compute it */
  commands: z.array(CommandRunSchema).default([]),
});
export type SimulateMoveResult = z.infer<typeof SimulateMoveResultSchema>;

export const AllocationScoreSchema = z.object({
  /** resource (instance) id as crm_simulate names it */
  resource: z.string(),
  node: z.string(),
  /** the score as Pacemaker prints it: a number, "INFINITY" or "-INFINITY" */
  score: z.string(),
  /** crm_simulate's own label for the line (pcmk__primitive_assign, pcmk__group_assign, …) */
  kind: z.string().default(""),
});
export type AllocationScore = z.infer<typeof AllocationScoreSchema>;

export const SimulateScoresResultSchema = z.object({
  scores: z.array(AllocationScoreSchema),
  commands: z.array(CommandRunSchema).default([]),
});
export type SimulateScoresResult = z.infer<typeof SimulateScoresResultSchema>;
