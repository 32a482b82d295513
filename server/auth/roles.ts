import { z } from "zod";

export const ROLES = ["viewer", "operator", "admin"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

/** A role string read from the database; an unknown value gets the least privilege. */
export function parseRole(value: string): Role {
  const parsed = RoleSchema.safeParse(value);
  return parsed.success ? parsed.data : "viewer";
}
