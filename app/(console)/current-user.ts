import { redirect } from "next/navigation";
import type { CurrentUser } from "@/components/layout/top-bar";
import { api } from "@/trpc/server";

/** The signed-in user for a server component; anonymous or expired sessions go to /login. */
export async function requireUser(): Promise<CurrentUser> {
  const me = await (await api()).auth.me().catch(() => null);
  if (!me) redirect("/login");
  return { username: me.username, role: me.role };
}
