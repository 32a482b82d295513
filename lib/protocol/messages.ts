/**
 * The agent's WebSocket protocol: every message either side may send, as zod schemas.
 *
 * Authentication: the client sends `Authorization: Bearer <token>` on the upgrade request, or (for
 * clients that cannot set headers) an `auth` message as its first frame within AUTH_TIMEOUT_MS.
 * Until then the agent answers nothing and runs nothing; a wrong token closes with CLOSE_UNAUTHORIZED.
 * After `hello`, a client sends `subscribe` and gets one `status.full`, then `status.patch`es whose
 * `baseSeq` is the seq it holds; on a gap it subscribes again to get a full snapshot.
 */
import { z } from "zod";
import { CommandRunSchema, RequestErrorCodeSchema } from "./actions";
import { xmlId } from "./values";

export const PROTOCOL_VERSION = 1;

/**
 * Client → agent frames are requests; anything larger is refused by the socket itself. The largest
 * is a configuration draft's edit list (at most 2000 edits, checked by the console before sending).
 */
export const MAX_CLIENT_FRAME_BYTES = 2 * 1024 * 1024;
/** Agent → client frames carry whole snapshots (32 nodes × 2000 resources is tens of MB). */
export const MAX_AGENT_FRAME_BYTES = 256 * 1024 * 1024;
export const AUTH_TIMEOUT_MS = 5_000;

/** WebSocket close codes (4000-4999 are for applications). */
export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_AUTH_TIMEOUT = 4408;
export const CLOSE_PROTOCOL_MISMATCH = 4426;
export const CLOSE_TOO_LARGE = 1009;
export const CLOSE_SHUTDOWN = 1001;

// ---- client → agent ----
export const AuthMessageSchema = z.object({ type: z.literal("auth"), token: z.string().min(1).max(4096) }).strict();
export const SubscribeMessageSchema = z.object({ type: z.literal("subscribe") }).strict();
export const UnsubscribeMessageSchema = z.object({ type: z.literal("unsubscribe") }).strict();
export const RequestMessageSchema = z
  .object({
    type: z.literal("request"),
    id: z.string().min(1).max(128),
    action: z.string().min(1).max(64),
    // Validated per action by ActionParamsSchemas once the action is known.
    params: z.record(z.string(), z.unknown()).default({}),
    /**
     * The Pacemaker ACL user to act as (CIB_user): when the cluster has enable-acl, Pacemaker then
     * enforces that user's ACLs itself (a refused write answers `not_permitted`).
     */
    cibUser: xmlId("cibUser").optional(),
  })
  .strict();
export const ClientMessageSchema = z.discriminatedUnion("type", [
  AuthMessageSchema,
  SubscribeMessageSchema,
  UnsubscribeMessageSchema,
  RequestMessageSchema,
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;
export type RequestMessage = z.infer<typeof RequestMessageSchema>;
export const CLIENT_MESSAGE_TYPES = ["auth", "subscribe", "unsubscribe", "request"] as const;

// ---- agent → client ----
export const AgentModeSchema = z.enum(["live", "sim"]);
export const WatchKindSchema = z.enum(["notify", "poll", "fswatch"]);
export const HelloMessageSchema = z.object({
  type: z.literal("hello"),
  protocol: z.number().int(),
  agentVersion: z.string(),
  node: z.string(),
  cluster: z.string().nullable(),
  pacemakerVersion: z.string().nullable(),
  mode: AgentModeSchema,
  capabilities: z.array(z.string()),
  watch: WatchKindSchema,
});
export type HelloMessage = z.infer<typeof HelloMessageSchema>;

/**
 * `status` and `patch` are the model of lib/pacemaker (ClusterStatusSchema / StatusPatchSchema);
 * the client validates them against those schemas, which keeps this file independent of the model.
 */
export const StatusFullMessageSchema = z.object({
  type: z.literal("status.full"),
  seq: z.number().int().nonnegative(),
  status: z.unknown(),
});
export const StatusPatchMessageSchema = z.object({
  type: z.literal("status.patch"),
  /** equal to baseSeq (with no ops) when the cluster became readable again without a change */
  seq: z.number().int().nonnegative(),
  baseSeq: z.number().int().nonnegative(),
  patch: z.unknown(),
});
/** The cluster could not be read; the last good status (if any) stays valid but is getting stale. */
export const StatusErrorMessageSchema = z.object({
  type: z.literal("status.error"),
  message: z.string(),
  at: z.string(),
  /** seq of the last good status the client should keep showing, null if none yet. */
  lastGoodSeq: z.number().int().nonnegative().nullable(),
});
export const RequestErrorSchema = z.object({
  code: RequestErrorCodeSchema,
  message: z.string(),
  /** the commands the agent ran before it failed (for the audit history), when it ran any */
  commands: z.array(CommandRunSchema).optional(),
});
export const ResponseMessageSchema = z.discriminatedUnion("ok", [
  z.object({ type: z.literal("response"), id: z.string(), ok: z.literal(true), result: z.unknown() }),
  z.object({ type: z.literal("response"), id: z.string(), ok: z.literal(false), error: RequestErrorSchema }),
]);
export const ErrorCodeSchema = z.enum(["bad_json", "bad_message", "unknown_type", "not_authenticated", "too_large"]);
export const ErrorMessageSchema = z.object({ type: z.literal("error"), code: ErrorCodeSchema, message: z.string() });

export const AgentMessageSchema = z.union([
  HelloMessageSchema,
  StatusFullMessageSchema,
  StatusPatchMessageSchema,
  StatusErrorMessageSchema,
  ResponseMessageSchema,
  ErrorMessageSchema,
]);
export type AgentMessage = z.infer<typeof AgentMessageSchema>;
export type StatusFullMessage = z.infer<typeof StatusFullMessageSchema>;
export type StatusPatchMessage = z.infer<typeof StatusPatchMessageSchema>;
export type StatusErrorMessage = z.infer<typeof StatusErrorMessageSchema>;
export type ResponseMessage = z.infer<typeof ResponseMessageSchema>;
export type ErrorMessage = z.infer<typeof ErrorMessageSchema>;
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/**
 * Parses one client frame into a message or a protocol error to send back (never throws), so the
 * agent can answer garbage with a reason and keep the connection.
 */
export function parseClientFrame(
  raw: string,
): { ok: true; message: ClientMessage } | { ok: false; error: ErrorMessage; requestId?: string } {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, error: { type: "error", code: "bad_json", message: "frame is not valid JSON" } };
  }
  const type = typeof data === "object" && data !== null && "type" in data ? (data as { type: unknown }).type : undefined;
  if (typeof type !== "string" || !(CLIENT_MESSAGE_TYPES as readonly string[]).includes(type)) {
    return {
      ok: false,
      error: {
        type: "error",
        code: "unknown_type",
        message: `unknown message type ${JSON.stringify(type ?? null)}; expected one of ${CLIENT_MESSAGE_TYPES.join(", ")}`,
      },
    };
  }
  const parsed = ClientMessageSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length ? ` at ${issue.path.join(".")}` : "";
    const error: ErrorMessage = { type: "error", code: "bad_message", message: `invalid ${type} message${where}: ${issue?.message ?? "invalid"}` };
    // A request with a usable id gets its answer as a response, so the caller's promise settles.
    const id = (data as { id?: unknown }).id;
    return typeof id === "string" && id.length > 0 && id.length <= 128 ? { ok: false, error, requestId: id } : { ok: false, error };
  }
  return { ok: true, message: parsed.data };
}
