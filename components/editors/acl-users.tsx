"use client";
// Beside the ACLs: which Vigil user acts as which acl_target (users.list, admins only), flagging
// targets no user maps to and users mapped to a target this configuration lacks. The mapping is
// changed on the users page.
import { useQuery } from "@tanstack/react-query";
import { CircleAlert } from "lucide-react";
import Link from "next/link";
import type { Acls } from "@/lib/pacemaker";
import { Badge } from "@/components/ui/badge";
import { useTRPC } from "@/trpc/react";
import { aclMapping } from "./acl-mapping";

export function AclUsers({ acls, isAdmin }: { acls: Acls | null; isAdmin: boolean }) {
  const trpc = useTRPC();
  const users = useQuery({ ...trpc.users.list.queryOptions(), enabled: isAdmin, staleTime: 30_000 });
  return (
    <div data-test="acl-users" className="rounded-md border border-line p-3 text-sm">
      <h3 className="font-semibold">Vigil users and ACL targets</h3>
      <p className="mt-0.5 text-xs text-muted">
        With enable-acl=true, the console runs a user&apos;s changes as its ACL target (CIB_user), so Pacemaker&apos;s ACLs apply to it.
      </p>
      {!isAdmin ? (
        <p className="mt-2 text-xs text-muted">Only admins see which user maps to which target.</p>
      ) : users.isLoading ? (
        <p className="mt-2 text-xs text-muted">Loading users…</p>
      ) : users.isError ? (
        <p role="alert" className="mt-2 text-xs text-err">
          {users.error.message}
        </p>
      ) : (
        <MappingTable acls={acls} users={users.data ?? []} />
      )}
      {isAdmin ? (
        <p className="mt-2 text-xs">
          <Link href="/admin/users" className="text-info underline underline-offset-2" data-test="acl-users-link">
            Change a user&apos;s ACL target on the users page
          </Link>
        </p>
      ) : null}
    </div>
  );
}

function MappingTable({ acls, users }: { acls: Acls | null; users: { username: string; role: string; disabled: boolean; aclTarget: string | null }[] }) {
  const m = aclMapping(acls, users);
  return (
    <>
      <ul className="mt-2 divide-y divide-line">
        {m.users.map(({ user, targetExists }) => (
          <li key={user.username} data-test={`acl-user:${user.username}`} className="flex flex-wrap items-center gap-2 py-1.5">
            <span className="font-medium">{user.username}</span>
            <span className="text-xs text-muted">{user.role}</span>
            {user.disabled ? <Badge tone="neutral">disabled</Badge> : null}
            <span className="ml-auto">
              {user.aclTarget === null ? (
                <span className="text-xs text-muted">no ACL target</span>
              ) : (
                <code className="rounded bg-surface-2 px-1.5 font-mono text-xs">{user.aclTarget}</code>
              )}
            </span>
            {targetExists === false ? (
              <Badge tone="err" icon={CircleAlert} test="acl-user-dangling" title="no acl_target with this id in the configuration: Pacemaker denies this user everything">
                target not in the CIB
              </Badge>
            ) : null}
          </li>
        ))}
      </ul>
      {m.unmappedTargets.length ? (
        <p data-test="acl-unmapped-targets" className="mt-2 flex flex-wrap items-center gap-1.5 text-xs">
          <CircleAlert aria-hidden className="size-3.5 text-warn" /> ACL targets no Vigil user acts as:
          {m.unmappedTargets.map((t) => (
            <code key={t} className="rounded bg-warn-soft px-1.5 font-mono text-warn">
              {t}
            </code>
          ))}
        </p>
      ) : null}
    </>
  );
}
