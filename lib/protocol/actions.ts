/**
 * Requests a client may ask an agent to carry out, with their parameters. The console validates
 * with the same schemas before sending; the agent validates again on receipt.
 */
import { z } from "zod";
import { attrName, attrValue, duration, nodeName, xmlId } from "./values";

export const ActionParamsSchemas = {
  /** Re-read the cluster and push a fresh status (answers with the new seq). */
  refresh: z.object({}).strict(),
  "resource.move": z
    .object({ rsc: xmlId("resource id"), node: nodeName(), lifetime: duration().optional() })
    .strict(),
  "resource.clear": z.object({ rsc: xmlId("resource id"), node: nodeName().optional() }).strict(),
  "node.standby": z.object({ node: nodeName(), on: z.boolean() }).strict(),
  "node.attribute.set": z
    .object({
      node: nodeName(),
      name: attrName(),
      value: attrValue(),
      lifetime: z.enum(["reboot", "forever"]),
    })
    .strict(),
} as const;

export type ActionName = keyof typeof ActionParamsSchemas;
export type ActionParams<A extends ActionName> = z.infer<(typeof ActionParamsSchemas)[A]>;
export const ACTION_NAMES = Object.keys(ActionParamsSchemas) as ActionName[];

export function isActionName(name: string): name is ActionName {
  return Object.hasOwn(ActionParamsSchemas, name);
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
]);
export type RequestErrorCode = z.infer<typeof RequestErrorCodeSchema>;
