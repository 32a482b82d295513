// Procedure builders. A procedure's minimum role is its first word: viewerProcedure,
// operatorProcedure, adminProcedure. Each narrows ctx.user; below the minimum → FORBIDDEN + audit.
import { TRPCError, initTRPC } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import { recordAudit } from "@/server/audit/audit";
import { roleAtLeast, type Role } from "@/server/auth/roles";
import type { SessionUser } from "@/server/auth/session";
import type { Context } from "./context";

export const SESSION_EXPIRED_MESSAGE = "Session expired — please log in again";
export const LOGIN_REQUIRED_MESSAGE = "Please log in";

function zodMessage(err: ZodError): string {
  return err.issues
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? error.cause : null;
    // Stack traces stay in the server log, never in a response.
    const { stack: _stack, ...data } = shape.data;
    return {
      ...shape,
      data: { ...data, zodError: zod ? z.flattenError(zod) : null },
    };
  },
  sse: {
    // Pings keep proxies from closing an idle stream; the client reconnects (with Last-Event-ID)
    // when it hears nothing for longer than that, e.g. after a console restart.
    ping: { enabled: true, intervalMs: 10_000 },
    client: { reconnectAfterInactivityMs: 25_000 },
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** A readable sentence instead of zod's issue list as JSON, over HTTP and for server-side callers. */
const readableInputErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof ZodError && !result.error.message.startsWith("Invalid input: ")) {
    result.error.message = `Invalid input: ${zodMessage(result.error.cause)}`;
  }
  return result;
});

export const publicProcedure = t.procedure.use(readableInputErrors);

function requireRole(minimum: Role) {
  return t.middleware(async ({ ctx, next, path, type, getRawInput }) => {
    if (ctx.session.kind !== "valid") {
      // A change tried without a session is evidence worth keeping; reads are not (a closed tab polls).
      if (type === "mutation") {
        const params = await getRawInput().catch(() => undefined);
        await recordAudit(
          ctx.db,
          { userId: null, username: "(not logged in)", role: "" },
          { action: path, params, address: ctx.clientIp },
          "denied",
          ctx.session.kind === "invalid" ? "session expired" : "not logged in",
        );
      }
      throw new TRPCError({
        code: "UNAUTHORIZED",
        message: ctx.session.kind === "invalid" ? SESSION_EXPIRED_MESSAGE : LOGIN_REQUIRED_MESSAGE,
      });
    }
    const user: SessionUser = ctx.session.user;
    if (!roleAtLeast(user.role, minimum)) {
      const params = await getRawInput().catch(() => undefined);
      const message = `${path} needs the ${minimum} role; ${user.username} is ${user.role}`;
      await recordAudit(
        ctx.db,
        { userId: user.id, username: user.username, role: user.role },
        { action: path, params, address: ctx.clientIp },
        "denied",
        message,
      );
      throw new TRPCError({ code: "FORBIDDEN", message: `Not allowed: this needs the ${minimum} role (you are ${user.role})` });
    }
    const result = await next({ ctx: { ...ctx, user, session: ctx.session } });
    // Bad input to a change is refused after the role check, and the refusal is audited too.
    if (!result.ok && type === "mutation" && result.error.cause instanceof ZodError) {
      const params = await getRawInput().catch(() => undefined);
      await recordAudit(
        ctx.db,
        { userId: user.id, username: user.username, role: user.role },
        { action: path, params, address: ctx.clientIp },
        "invalid",
        zodMessage(result.error.cause),
      ).catch(() => undefined);
    }
    return result;
  });
}

export const viewerProcedure = publicProcedure.use(requireRole("viewer"));
export const operatorProcedure = publicProcedure.use(requireRole("operator"));
export const adminProcedure = publicProcedure.use(requireRole("admin"));

/** The audit actor of a narrowed context. */
export function actorOf(user: SessionUser): { userId: string; username: string; role: string } {
  return { userId: user.id, username: user.username, role: user.role };
}
