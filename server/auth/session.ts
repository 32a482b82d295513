import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/server/db/client";
import { announceRevoked } from "./revocation";
import { parseRole, type Role } from "./roles";

export const SESSION_COOKIE = "vigil_session";
/** Refresh lastSeenAt/expiresAt at most this often: a write per request would serialize reads. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionUser {
  id: string;
  username: string;
  role: Role;
}

export type SessionLookup =
  | { kind: "none" }
  | { kind: "invalid" }
  | { kind: "valid"; sessionId: string; user: SessionUser; expiresAt: Date; refreshed: boolean };

/** The cookie carries the token; the database only its hash, so a stolen DB yields no sessions. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createSession(
  db: Db,
  userId: string,
  ttlMs: number,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db.session.create({
    data: { id: hashToken(token), userId, expiresAt, createdAt: now, lastSeenAt: now },
  });
  await db.user.update({ where: { id: userId }, data: { lastSeenAt: now } });
  return { token, expiresAt };
}

/**
 * Resolves a cookie token to its user, sliding the expiry forward. Unknown, expired and
 * disabled-user sessions are all "invalid": the caller must log in again either way.
 */
export async function lookupSession(
  db: Db,
  token: string | null,
  ttlMs: number,
  now = new Date(),
): Promise<SessionLookup> {
  if (!token) return { kind: "none" };
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { kind: "invalid" };
  const id = hashToken(token);
  const session = await db.session.findUnique({ where: { id }, include: { user: true } });
  if (!session) return { kind: "invalid" };
  if (session.expiresAt.getTime() <= now.getTime() || session.user.disabled) {
    await db.session.deleteMany({ where: { id } });
    return { kind: "invalid" };
  }
  let expiresAt = session.expiresAt;
  let refreshed = false;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    expiresAt = new Date(now.getTime() + ttlMs);
    refreshed = true;
    await db.session.update({ where: { id }, data: { lastSeenAt: now, expiresAt } });
    await db.user.update({ where: { id: session.userId }, data: { lastSeenAt: now } });
  }
  return {
    kind: "valid",
    sessionId: id,
    user: { id: session.user.id, username: session.user.username, role: parseRole(session.user.role) },
    expiresAt,
    refreshed,
  };
}

/** Also ends the session's open subscriptions. */
export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
  announceRevoked({ sessionId });
}

/** Also ends the user's open subscriptions, in every browser. */
export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.session.deleteMany({ where: { userId } });
  announceRevoked({ userId });
}

export async function purgeExpiredSessions(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
