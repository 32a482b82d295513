import { ShieldAlert } from "lucide-react";
import type { ReactNode } from "react";
import type { CurrentUser } from "@/components/layout/top-bar";
import { requireUser } from "../current-user";

/** Admin pages: say plainly that the role is missing (the server refuses the calls anyway). */
export async function AdminOnly({ children }: { children: (user: CurrentUser) => ReactNode }) {
  const user = await requireUser();
  if (user.role !== "admin") {
    return (
      <div data-test="forbidden" className="flex items-center gap-3 rounded-lg border border-line bg-surface p-6">
        <ShieldAlert className="size-5 text-warn" />
        This page needs the admin role; you are {user.role}.
      </div>
    );
  }
  return <>{children(user)}</>;
}
