import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { recordAudit } from "@/server/audit/audit";
import { clearedSessionCookie, sessionCookie } from "@/server/auth/cookies";
import { verifyPassword } from "@/server/auth/password";
import { parseRole } from "@/server/auth/roles";
import { createSession, deleteSession } from "@/server/auth/session";
import { createTRPCRouter, publicProcedure, viewerProcedure } from "../trpc";

export const INVALID_LOGIN_MESSAGE = "Invalid username or password";

export const LoginInput = z.object({
  username: z.string().trim().min(1, "Username is required").max(64),
  password: z.string().min(1, "Password is required").max(512),
});

export const authRouter = createTRPCRouter({
  /** Public. Same answer for an unknown user and a wrong password. */
  login: publicProcedure.input(LoginInput).mutation(async ({ ctx, input }) => {
    const { username, password } = input;
    // The address is its own column (shown to admins only), not a param every viewer would see.
    const spec = { action: "auth.login", targetKind: "user", target: username, params: { username }, address: ctx.clientIp };
    const waitMs = ctx.limiter.retryAfterMs(ctx.clientIp, username);
    if (waitMs > 0) {
      const message = `Too many failed logins — try again in ${Math.ceil(waitMs / 1000)} s`;
      // Evidence of a guessing attack: refused before the password is even looked at.
      await recordAudit(ctx.db, { userId: null, username, role: "" }, spec, "denied", `rate-limited: ${message}`);
      throw new TRPCError({ code: "TOO_MANY_REQUESTS", message });
    }
    const user = await ctx.db.user.findUnique({ where: { username } });
    const ok = await verifyPassword(user?.passwordHash ?? null, password);
    const actor = { userId: user?.id ?? null, username, role: user?.role ?? "" };
    if (!user || !ok) {
      ctx.limiter.recordFailure(ctx.clientIp, username);
      await recordAudit(ctx.db, actor, spec, "failed", INVALID_LOGIN_MESSAGE);
      throw new TRPCError({ code: "UNAUTHORIZED", message: INVALID_LOGIN_MESSAGE });
    }
    if (user.disabled) {
      // Only someone who knows the password learns that the account exists and is disabled.
      await recordAudit(ctx.db, actor, spec, "failed", "account disabled");
      throw new TRPCError({ code: "FORBIDDEN", message: "This account is disabled — ask an admin" });
    }
    ctx.limiter.reset(ctx.clientIp, username);
    const { token, expiresAt } = await createSession(ctx.db, user.id, ctx.sessionTtlMs);
    ctx.setCookie(sessionCookie(token, expiresAt, ctx.cookieSecure));
    await recordAudit(ctx.db, actor, spec, "ok", "");
    return { user: { id: user.id, username: user.username, role: parseRole(user.role) }, expiresAt };
  }),

  /** Public so that a browser holding an expired cookie can always clear it. */
  logout: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.session.kind === "valid") {
      await deleteSession(ctx.db, ctx.session.sessionId);
      const { user } = ctx.session;
      await recordAudit(
        ctx.db,
        { userId: user.id, username: user.username, role: user.role },
        { action: "auth.logout", targetKind: "user", target: user.username, address: ctx.clientIp },
        "ok",
        "",
      );
    }
    ctx.setCookie(clearedSessionCookie(ctx.cookieSecure));
    return { ok: true as const };
  }),

  /** Viewer: the signed-in user; UNAUTHORIZED when anonymous or the session expired. */
  me: viewerProcedure.query(({ ctx }) => ({
    id: ctx.user.id,
    username: ctx.user.username,
    role: ctx.user.role,
    expiresAt: ctx.session.kind === "valid" ? ctx.session.expiresAt : null,
  })),
});
