"use client";
import clsx from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useClusterLive } from "@/components/live/cluster-live";

/** The configuration's sub-pages; every role reads them, only admins see the controls that stage edits. */
export function ConfigTabs() {
  const { name } = useClusterLive();
  const path = usePathname();
  const base = `/clusters/${encodeURIComponent(name)}/config`;
  const tabs = [
    { href: base, label: "Resources", test: "config-tab-resources" },
    { href: `${base}/constraints`, label: "Constraints", test: "config-tab-constraints" },
    { href: `${base}/graph`, label: "Graph", test: "config-tab-graph" },
    { href: `${base}/properties`, label: "Properties", test: "config-tab-properties" },
    { href: `${base}/access`, label: "ACLs, tags, alerts, fencing", test: "config-tab-access" },
    { href: `${base}/raw`, label: "Raw XML", test: "config-tab-raw" },
  ];
  return (
    <nav aria-label="Configuration" className="flex flex-wrap gap-1 border-b border-line pb-2 text-sm">
      {tabs.map((t) => {
        const active = path === t.href;
        return (
          <Link
            key={t.href}
            href={t.href}
            data-test={t.test}
            aria-current={active ? "page" : undefined}
            className={clsx("rounded px-2 py-1", active ? "bg-surface-2 font-medium text-fg" : "text-muted hover:text-fg")}
          >
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
