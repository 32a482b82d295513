import { Activity } from "lucide-react";
import Link from "next/link";
import { ClusterSwitcher } from "./cluster-switcher";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";

export interface CurrentUser {
  username: string;
  role: "viewer" | "operator" | "admin";
}

/** The one bar every page shares: where am I (cluster), who am I (role), and the way out. */
export function TopBar({ user }: { user: CurrentUser }) {
  return (
    <header className="sticky top-0 z-20 border-b border-line bg-surface/95 backdrop-blur">
      {/* A phone has 390 px for all of it: the labels fold to icons there (each keeps its accessible name). */}
      <div className="mx-auto flex h-12 max-w-[120rem] items-center gap-2 px-3 sm:gap-4 sm:px-4">
        <Link href="/" data-test="nav-home" aria-label="Vigil — dashboard" className="flex items-center gap-2 font-semibold tracking-tight">
          <Activity aria-hidden className="size-5 text-accent" />
          <span className="hidden sm:inline">Vigil</span>
        </Link>
        <ClusterSwitcher />
        <NavLinks isAdmin={user.role === "admin"} />
        <UserMenu user={user} />
      </div>
    </header>
  );
}
