// The glue every change procedure shares: its input is the action's own params (the agent's zod
// schema, so the console refuses exactly what the agent would) plus the cluster's name.
import { z } from "zod";
import { ActionParamsSchemas, type ActionParams, type ChangeActionName } from "@/lib/protocol";
import type { SessionUser } from "@/server/auth/session";
import type { Context } from "@/server/api/context";
import { ClusterNameSchema } from "@/server/api/schemas";
import { performAction, type ActionCaller, type ActionOutcome } from "./perform";

/** `{ cluster, ...params }` for an action. */
export function changeInput<A extends ChangeActionName>(action: A) {
  return (ActionParamsSchemas[action] as unknown as z.ZodObject<z.ZodRawShape>).extend({ cluster: ClusterNameSchema }) as unknown as z.ZodType<
    ActionParams<A> & { cluster: string }
  >;
}

/** A typed confirmation: the user types the name of what a dangerous change hits. */
export function confirmField(what: string) {
  return z.string().max(256, `${what} confirmation is too long`);
}

export function callerOf(ctx: Context & { user: SessionUser }): ActionCaller {
  return { db: ctx.db, hub: ctx.hub, user: ctx.user, clientIp: ctx.clientIp };
}

/** Splits `{ cluster, ...params }` and performs the change. */
export function runChange<A extends ChangeActionName>(
  ctx: Context & { user: SessionUser },
  action: A,
  input: ActionParams<A> & { cluster: string },
): Promise<ActionOutcome> {
  const { cluster, ...params } = input as { cluster: string } & Record<string, unknown>;
  return performAction(callerOf(ctx), cluster, action, params as ActionParams<A>);
}
