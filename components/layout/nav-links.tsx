"use client";
import clsx from "clsx";
import { Menu as MenuIcon } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLinks({ isAdmin }: { isAdmin: boolean }) {
  const path = usePathname();
  const links = [
    { href: "/", label: "Dashboard", test: "nav-dashboard", active: path === "/" },
    // every role reads the history (the server hides addresses from all but admins)
    { href: "/audit", label: "Audit", test: "nav-audit", active: path.startsWith("/audit") },
    ...(isAdmin
      ? [
          { href: "/admin/clusters", label: "Clusters", test: "nav-admin-clusters", active: path.startsWith("/admin/clusters") },
          { href: "/admin/users", label: "Users", test: "nav-admin-users", active: path.startsWith("/admin/users") },
        ]
      : []),
  ];
  return (
    <>
      {/* A phone has no room for the links in the bar: one native disclosure (keyboard and screen-reader ready). */}
      <details className="relative md:hidden" data-test="nav-menu">
        <summary className="cursor-pointer list-none rounded p-1.5 text-muted hover:text-fg focus-visible:outline-2 focus-visible:outline-accent [&::-webkit-details-marker]:hidden">
          <MenuIcon aria-hidden className="size-5" />
          <span className="sr-only">Menu</span>
        </summary>
        <nav
          // a link followed closes the menu (client navigation keeps the element open otherwise)
          onClick={(e) => e.currentTarget.closest("details")?.removeAttribute("open")}
          className="absolute left-0 top-full z-30 mt-1 flex min-w-40 flex-col rounded-md border border-line bg-surface p-1 text-sm shadow-lg"
        >
          {links.map((l) => (
            <Link
              key={l.href}
              href={l.href}
              data-test={`${l.test}-menu`}
              aria-current={l.active ? "page" : undefined}
              className={clsx("rounded px-2 py-1.5", l.active ? "bg-surface-2 font-medium text-fg" : "text-muted hover:text-fg")}
            >
              {l.label}
            </Link>
          ))}
        </nav>
      </details>
      <NavBar links={links} />
    </>
  );
}

function NavBar({ links }: { links: { href: string; label: string; test: string; active: boolean }[] }) {
  return (
    <nav className="hidden items-center gap-1 text-sm md:flex">
      {links.map((l) => (
        <Link
          key={l.href}
          href={l.href}
          data-test={l.test}
          aria-current={l.active ? "page" : undefined}
          className={clsx("rounded px-2 py-1", l.active ? "bg-surface-2 font-medium text-fg" : "text-muted hover:text-fg")}
        >
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
