import type { ReactNode } from "react";
import { ActionRunnerProvider } from "@/components/actions/action-runner";
import { OutcomeToasts } from "@/components/actions/outcome-toasts";
import { TopBar } from "@/components/layout/top-bar";
import { requireUser } from "./current-user";

// Every page below reads the session and live state: never prerendered.
export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <ActionRunnerProvider role={user.role}>
      <TopBar user={user} />
      <main className="mx-auto max-w-[120rem] px-4 py-4">{children}</main>
      {/* One outcome area for every change made from any page (it outlives a page change). */}
      <OutcomeToasts />
    </ActionRunnerProvider>
  );
}
