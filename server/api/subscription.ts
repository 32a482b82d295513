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

/** What to throw when the loop ended: UNAUTHORIZED if the session did it, else the original error. */
export function endOfStream(guard: SessionGuard, err: unknown): unknown {
  return guard.revoked ? new TRPCError({ code: "UNAUTHORIZED", message: SESSION_EXPIRED_MESSAGE }) : err;
}
