import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { xmlId } from "@/lib/protocol/values";
import { audited } from "@/server/audit/audit";
import { hashPassword, PasswordSchema, UsernameSchema } from "@/server/auth/password";
import { parseRole, RoleSchema } from "@/server/auth/roles";
import { deleteUserSessions } from "@/server/auth/session";
import type { Db } from "@/server/db/client";
import { actorOf, adminProcedure, createTRPCRouter } from "../trpc";

const UserRef = z.object({ username: UsernameSchema });

async function findUser(db: Db, username: string) {
  const user = await db.user.findUnique({ where: { username } });
  if (!user) throw new TRPCError({ code: "NOT_FOUND", message: `No user named ${username}` });
  return user;
}

/** Refuses a change that would leave no enabled admin: nobody could manage users any more. */
async function assertAnotherAdmin(db: Db, username: string): Promise<void> {
  const others = await db.user.count({ where: { role: "admin", disabled: false, username: { not: username } } });
  if (others === 0) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: `${username} is the last admin: make another user admin first`,
    });
  }
}

/** Every user change's audit row: the user it names, the request (passwords redacted), the admin's address. */
function userSpec(ctx: { clientIp: string }, action: string, input: { username: string }) {
  return { action, targetKind: "user", target: input.username, params: input, address: ctx.clientIp };
}

const publicUser = (u: { id: string; username: string; role: string; disabled: boolean; createdAt: Date; aclTarget: string | null }) => ({
  id: u.id,
  username: u.username,
  role: parseRole(u.role),
  disabled: u.disabled,
  createdAt: u.createdAt,
  /** the Pacemaker acl_target this user acts as where a cluster has enable-acl=true (null: none) */
  aclTarget: u.aclTarget,
});

/**
 * An acl_target id as the CIB holds it: the same XML id rule the agent checks before it sets
 * CIB_user, so a mapping the console stores is one the agent will take. null clears the mapping.
 */
const AclTargetInput = z.object({
  id: z.string().min(1, "user id is empty").max(64, "user id is too long"),
  aclTarget: xmlId("ACL target").nullable(),
});

export const usersRouter = createTRPCRouter({
  /** Admin: every user (never a password hash), with when each was last active. */
  list: adminProcedure.query(async ({ ctx }) => {
    const users = await ctx.db.user.findMany({
      orderBy: { username: "asc" },
      include: { sessions: { select: { lastSeenAt: true }, orderBy: { lastSeenAt: "desc" }, take: 1 } },
    });
    // Sessions go when a user is disabled or a password reset; the user row keeps the last activity.
    return users.map((u) => ({ ...publicUser(u), lastSeenAt: u.lastSeenAt ?? u.sessions[0]?.lastSeenAt ?? null }));
  }),

  /** Admin. */
  add: adminProcedure
    .input(z.object({ username: UsernameSchema, password: PasswordSchema, role: RoleSchema }))
    .mutation(async ({ ctx, input }) =>
      audited(ctx.db, actorOf(ctx.user), userSpec(ctx, "users.add", input), async () => {
        try {
          const user = await ctx.db.user.create({
            data: { username: input.username, passwordHash: await hashPassword(input.password), role: input.role },
          });
          return publicUser(user);
        } catch (err) {
          if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
            throw new TRPCError({ code: "CONFLICT", message: `A user named ${input.username} already exists` });
          }
          throw err;
        }
      }),
    ),

  /** Admin. The last enabled admin cannot be demoted. */
  setRole: adminProcedure
    .input(UserRef.extend({ role: RoleSchema }))
    .mutation(async ({ ctx, input }) =>
      audited(ctx.db, actorOf(ctx.user), userSpec(ctx, "users.setRole", input), async (notes) => {
        const user = await findUser(ctx.db, input.username);
        if (user.role === "admin" && input.role !== "admin" && !user.disabled) await assertAnotherAdmin(ctx.db, user.username);
        const updated = await ctx.db.user.update({ where: { id: user.id }, data: { role: input.role } });
        notes.summary = `${user.role} → ${input.role}`;
        return publicUser(updated);
      }),
    ),

  /** Admin. Ends the user's sessions: whoever held the old password is logged out. */
  resetPassword: adminProcedure
    .input(UserRef.extend({ password: PasswordSchema }))
    .mutation(async ({ ctx, input }) =>
      audited(ctx.db, actorOf(ctx.user), userSpec(ctx, "users.resetPassword", input), async () => {
        const user = await findUser(ctx.db, input.username);
        await ctx.db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.password) } });
        await deleteUserSessions(ctx.db, user.id);
        return { ok: true as const };
      }),
    ),

  /** Admin. Ends the user's sessions at once. The last enabled admin cannot be disabled. */
  disable: adminProcedure.input(UserRef).mutation(async ({ ctx, input }) =>
    audited(ctx.db, actorOf(ctx.user), userSpec(ctx, "users.disable", input), async () => {
      const user = await findUser(ctx.db, input.username);
      if (user.role === "admin" && !user.disabled) await assertAnotherAdmin(ctx.db, user.username);
      const updated = await ctx.db.user.update({ where: { id: user.id }, data: { disabled: true } });
      await deleteUserSessions(ctx.db, user.id);
      return publicUser(updated);
    }),
  ),

  /**
   * Admin: the Pacemaker ACL target (acl_target id) the user acts as on clusters with enable-acl=true.
   * The console sends it as CIB_user with each of the user's changes; null: no mapping, and such a
   * cluster then refuses the user's changes with a clear message instead of running them as root.
   */
  setAclTarget: adminProcedure.input(AclTargetInput).mutation(async ({ ctx, input }) => {
    const user = await ctx.db.user.findUnique({ where: { id: input.id } });
    // The row names the user when there is one; an unknown id is audited (failed) all the same.
    return audited(ctx.db, actorOf(ctx.user), { action: "users.setAclTarget", targetKind: "user", target: user?.username ?? input.id, params: input, address: ctx.clientIp }, async (notes) => {
      if (!user) throw new TRPCError({ code: "NOT_FOUND", message: `No user with id ${input.id}` });
      const updated = await ctx.db.user.update({ where: { id: user.id }, data: { aclTarget: input.aclTarget } });
      notes.summary = `ACL target ${user.aclTarget ?? "(none)"} → ${input.aclTarget ?? "(none)"}`;
      return publicUser(updated);
    });
  }),

  /** Admin. */
  enable: adminProcedure.input(UserRef).mutation(async ({ ctx, input }) =>
    audited(ctx.db, actorOf(ctx.user), userSpec(ctx, "users.enable", input), async () => {
      const user = await findUser(ctx.db, input.username);
      const updated = await ctx.db.user.update({ where: { id: user.id }, data: { disabled: false } });
      return publicUser(updated);
    }),
  ),
});
