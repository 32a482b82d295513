"use client";
import clsx from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLinks({ isAdmin }: { isAdmin: boolean }) {
  const path = usePathname();
  const links = [
    { href: "/", label: "Dashboard", test: "nav-dashboard", active: path === "/" },
    ...(isAdmin
      ? [
          { href: "/admin/clusters", label: "Clusters", test: "nav-admin-clusters", active: path.startsWith("/admin/clusters") },
          { href: "/admin/users", label: "Users", test: "nav-admin-users", active: path.startsWith("/admin/users") },
        ]
      : []),
  ];
  return (
    <nav className="hidden items-center gap-1 text-sm md:flex">
      {links.map((l) => (
        <Link
          key={l.href}
          href={l.href}
          data-test={l.test}
          className={clsx("rounded px-2 py-1", l.active ? "bg-surface-2 font-medium text-fg" : "text-muted hover:text-fg")}
        >
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
