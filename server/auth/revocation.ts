// Long-lived subscriptions outlive the request that authenticated them. A session guard ends a
// stream when its session is revoked (logout, user disabled, password reset) or runs out, so a
// disabled user's open browser stops receiving cluster state at once.
import { EventEmitter } from "node:events";
import type { Db } from "@/server/db/client";

interface Revocation {
  userId?: string;
  sessionId?: string;
}

declare global {
  var __vigilAuthBus: EventEmitter | undefined;
}

function authBus(): EventEmitter {
  globalThis.__vigilAuthBus ??= new EventEmitter().setMaxListeners(0);
  return globalThis.__vigilAuthBus;
}

export function announceRevoked(revocation: Revocation): void {
  authBus().emit("revoked", revocation);
}

export interface SessionGuard {
  /** aborts when the request ends or the session stops being valid */
  signal: AbortSignal;
  /** true when it was the session, not the client, that ended the stream */
  readonly revoked: boolean;
  dispose(): void;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

export function guardSession(
  db: Db,
  session: { sessionId: string; userId: string; expiresAt: Date },
  requestSignal: AbortSignal | undefined,
): SessionGuard {
  const controller = new AbortController();
  let revoked = false;
  let timer: NodeJS.Timeout | null = null;
  const revoke = (): void => {
    if (controller.signal.aborted) return;
    revoked = true;
    controller.abort();
  };
  const onRevoked = (r: Revocation): void => {
    if (r.sessionId === session.sessionId || r.userId === session.userId) revoke();
  };
  // Other requests slide the expiry forward; check the row before ending the stream.
  const schedule = (at: Date): void => {
    timer = setTimeout(async () => {
      const row = await db.session
        .findUnique({ where: { id: session.sessionId }, include: { user: { select: { disabled: true } } } })
        .catch(() => null);
      if (!row || row.user.disabled || row.expiresAt.getTime() <= Date.now()) revoke();
      else schedule(row.expiresAt);
    }, Math.min(MAX_TIMER_MS, Math.max(0, at.getTime() - Date.now()) + 1_000));
    timer.unref();
  };
  const onAbort = (): void => controller.abort();

  authBus().on("revoked", onRevoked);
  requestSignal?.addEventListener("abort", onAbort, { once: true });
  if (requestSignal?.aborted) controller.abort();
  schedule(session.expiresAt);

  return {
    signal: controller.signal,
    get revoked() {
      return revoked;
    },
    dispose() {
      authBus().off("revoked", onRevoked);
      requestSignal?.removeEventListener("abort", onAbort);
      if (timer) clearTimeout(timer);
    },
  };
}
