// The one context builder: every request (HTTP, SSE, server-side caller) gets the same shape.
import { env } from "@/env";
import { clearedSessionCookie, readCookie, sessionCookie } from "@/server/auth/cookies";
import { getLoginLimiter, type LoginRateLimiter } from "@/server/auth/rate-limit";
import { SESSION_COOKIE, lookupSession, type SessionLookup } from "@/server/auth/session";
import { getDb, type Db } from "@/server/db/client";
import type { AgentHub } from "@/server/hub/hub";
import { getHub } from "@/server/hub/instance";

export interface Context {
  db: Db;
  hub: AgentHub;
  session: SessionLookup;
  /** the peer address (set by server.ts), for login rate limiting and the audit log */
  clientIp: string;
  limiter: LoginRateLimiter;
  sessionTtlMs: number;
  /** queue a Set-Cookie header on the response */
  setCookie: (value: string) => void;
  cookieSecure: boolean;
}

/** server.ts overwrites this header with the socket's address; clients cannot forge it. */
export const CLIENT_IP_HEADER = "x-vigil-client-ip";

export function clientIpFrom(headers: Headers): string {
  if (env.VIGIL_TRUST_PROXY) {
    const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return headers.get(CLIENT_IP_HEADER) ?? "local";
}

export interface ContextDeps {
  db?: Db;
  hub?: AgentHub;
  limiter?: LoginRateLimiter;
  sessionTtlMs?: number;
  clientIp?: string;
}

export async function createContext(
  headers: Headers,
  setCookie: (value: string) => void,
  deps: ContextDeps = {},
): Promise<Context> {
  const db = deps.db ?? getDb();
  const sessionTtlMs = deps.sessionTtlMs ?? env.VIGIL_SESSION_HOURS * 3_600_000;
  const cookieSecure = env.VIGIL_COOKIE_SECURE;
  const token = readCookie(headers.get("cookie"), SESSION_COOKIE);
  const session = await lookupSession(db, token, sessionTtlMs);
  // Sliding expiry: the browser's cookie must move forward with the server-side row.
  if (session.kind === "valid" && session.refreshed && token) setCookie(sessionCookie(token, session.expiresAt, cookieSecure));
  if (session.kind === "invalid") setCookie(clearedSessionCookie(cookieSecure));
  return {
    db,
    hub: deps.hub ?? (await getHub()),
    session,
    clientIp: deps.clientIp ?? clientIpFrom(headers),
    limiter: deps.limiter ?? getLoginLimiter(),
    sessionTtlMs,
    setCookie,
    cookieSecure,
  };
}
