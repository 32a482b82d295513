"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { LogOut, UserRound } from "lucide-react";
import { useRouter } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import type { Tone } from "@/components/ui/tone";
import { useTRPC } from "@/trpc/react";
import type { CurrentUser } from "./top-bar";

const KEEPALIVE_MS = 5 * 60_000;

const roleTone: Record<CurrentUser["role"], Tone> = { viewer: "neutral", operator: "info", admin: "promoted" };

export function UserMenu({ user }: { user: CurrentUser }) {
  const trpc = useTRPC();
  const router = useRouter();
  // A wall screen only watches: its stream makes no requests, so nothing would slide the session.
  // A light auth.me every few minutes keeps it (and its cookie) alive while the page is open.
  useQuery({ ...trpc.auth.me.queryOptions(), refetchInterval: KEEPALIVE_MS, refetchIntervalInBackground: true });
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSettled: () => {
        router.replace("/login");
        router.refresh();
      },
    }),
  );
  return (
    <div className="ml-auto flex min-w-0 items-center gap-2 text-sm sm:gap-3">
      <span className="flex min-w-0 items-center gap-1.5" data-test="current-user">
        <UserRound aria-hidden className="hidden size-4 text-muted sm:block" />
        <span className="max-w-24 truncate font-medium sm:max-w-none" title={user.username}>
          {user.username}
        </span>
        <Badge tone={roleTone[user.role]} test="role-badge">
          {user.role}
        </Badge>
      </span>
      <button
        type="button"
        data-test="logout"
        onClick={() => logout.mutate()}
        disabled={logout.isPending}
        aria-label="Log out"
        title="Log out"
        className="inline-flex shrink-0 items-center gap-1 rounded-md px-2 py-1 text-muted hover:bg-surface-2 hover:text-fg"
      >
        <LogOut aria-hidden className="size-4" /> <span className="hidden sm:inline">Log out</span>
      </button>
    </div>
  );
}
