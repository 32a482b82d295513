// Read-only requests to an agent (crm_simulate what-ifs and scores). They change nothing in the
// cluster, so they are not audited as changes; changes go through performAction only.
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { AgentRequestError } from "@/lib/agent-client";
import { ActionParamsSchemas, type ActionParams, type QueryActionName } from "@/lib/protocol";
import type { AgentHub } from "@/server/hub/hub";
import { unknownIds } from "@/lib/pacemaker";

export async function queryAgent<A extends QueryActionName, T>(
  hub: AgentHub,
  cluster: string,
  action: A,
  params: ActionParams<A>,
  resultSchema: z.ZodType<T>,
  timeoutMs = 60_000,
): Promise<T> {
  const feed = hub.feedByName(cluster);
  if (!feed) throw new TRPCError({ code: "NOT_FOUND", message: `No cluster named ${cluster}` });
  const parsed = ActionParamsSchemas[action].safeParse(params);
  if (!parsed.success) throw new TRPCError({ code: "BAD_REQUEST", message: parsed.error.issues.map((i) => i.message).join("; ") });
  const status = feed.current();
  const unknown = status ? unknownIds(status, parsed.data as Record<string, unknown>) : null;
  if (unknown) throw new TRPCError({ code: "BAD_REQUEST", message: unknown });
  try {
    const { result } = await feed.request(action, parsed.data as Record<string, unknown>, { timeoutMs });
    const r = resultSchema.safeParse(result);
    if (!r.success) throw new TRPCError({ code: "BAD_GATEWAY", message: `the agent's answer to ${action} was not understood` });
    return r.data;
  } catch (err) {
    if (err instanceof AgentRequestError) {
      const code = err.code === "unavailable" ? "SERVICE_UNAVAILABLE" : err.code === "timeout" ? "TIMEOUT" : err.code === "invalid_params" || err.code === "not_found" ? "BAD_REQUEST" : "PRECONDITION_FAILED";
      throw new TRPCError({ code, message: err.message });
    }
    throw err;
  }
}
