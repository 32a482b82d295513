import { TRPCError } from "@trpc/server";
import { guardSession, type SessionGuard } from "@/server/auth/revocation";
import type { SessionUser } from "@/server/auth/session";
import type { Context } from "./context";
import { SESSION_EXPIRED_MESSAGE } from "./trpc";

type ValidSession = Extract<Context["session"], { kind: "valid" }>;

/** A signal for a subscription's event loop that also fires when the caller's session ends. */
export function subscriptionGuard(
  ctx: Pick<Context, "db"> & { user: SessionUser; session: ValidSession },
  signal: AbortSignal | undefined,
): SessionGuard {
  return guardSession(ctx.db, { sessionId: ctx.session.sessionId, userId: ctx.user.id, expiresAt: ctx.session.expiresAt }, signal);
}

/**
 * Ends a subscription's loop after `err`: UNAUTHORIZED when the session ended it; nothing when the
 * client went away (its request aborted: a closed tab is not an error worth a log line); else the
 * error itself.
 */
export function endOfStream(guard: SessionGuard, err: unknown): void {
  if (guard.revoked) throw new TRPCError({ code: "UNAUTHORIZED", message: SESSION_EXPIRED_MESSAGE });
  if (guard.signal.aborted && isAbort(err)) return;
  throw err;
}

function isAbort(err: unknown): boolean {
  return err instanceof Error && (err.name === "AbortError" || (err as { code?: unknown }).code === "ABORT_ERR");
}
