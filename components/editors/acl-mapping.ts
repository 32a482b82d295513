// Vigil users beside the CIB's ACL targets: which targets no Vigil user acts as, and which users
// are mapped to a target the CIB lacks (with enable-acl=true such a user is refused everything the
// ACLs do not grant to nobody: Pacemaker denies by default). Pure, for the page and its test.
import type { Acls } from "@/lib/pacemaker";

export interface MappedUser {
  username: string;
  role: string;
  disabled: boolean;
  aclTarget: string | null;
}

export interface AclMapping {
  /** each user with whether its target exists (null: mapped to none) */
  users: { user: MappedUser; targetExists: boolean | null }[];
  /** acl_target ids no Vigil user maps to */
  unmappedTargets: string[];
  /** users whose aclTarget is not an acl_target of the CIB */
  danglingUsers: string[];
}

export function aclMapping(acls: Acls | null, users: readonly MappedUser[]): AclMapping {
  // A user's aclTarget is an acl_target's id (users.ts); a target written with a name= (the
  // system user it stands for) answers to that name too.
  const targets = acls?.targets ?? [];
  const known = new Set(targets.flatMap((t) => (t.name ? [t.id, t.name] : [t.id])));
  const mappedTo = new Set(users.filter((u) => u.aclTarget !== null).map((u) => u.aclTarget!));
  return {
    users: users.map((user) => ({ user, targetExists: user.aclTarget === null ? null : known.has(user.aclTarget) })),
    unmappedTargets: targets
      .filter((t) => !mappedTo.has(t.id) && !(t.name && mappedTo.has(t.name)))
      .map((t) => t.id)
      .sort(),
    danglingUsers: users.filter((u) => u.aclTarget !== null && !known.has(u.aclTarget)).map((u) => u.username),
  };
}

/** A permission in words: "write xpath //resources", "read ref web_ip", "deny type primitive @target-role". */
export function permissionText(p: { kind: string; xpath: string | null; reference: string | null; objectType: string | null; attribute: string | null }): string {
  const on = p.xpath !== null ? `xpath ${p.xpath}` : p.reference !== null ? `id ${p.reference}` : p.objectType !== null ? `every ${p.objectType}` : "?";
  return `${p.kind} ${on}${p.attribute ? ` (attribute ${p.attribute})` : ""}`;
}
