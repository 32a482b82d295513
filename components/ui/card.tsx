import clsx from "clsx";
import type { ReactNode } from "react";

/** A titled block of the page; `count` sits beside the title because admins scan for numbers first. */
export function Section({
  title,
  count,
  actions,
  children,
  test,
  className,
}: {
  title: string;
  count?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  test?: string;
  className?: string;
}) {
  return (
    <section data-test={test} className={clsx("rounded-lg border border-line bg-surface", className)}>
      <header className="flex flex-wrap items-center gap-2 border-b border-line px-4 py-2.5">
        <h2 className="text-sm font-semibold">{title}</h2>
        {count !== undefined ? <span className="tabular text-xs text-muted">{count}</span> : null}
        {actions ? <div className="ml-auto flex flex-wrap items-center gap-2">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="px-4 py-3 text-sm text-muted">{children}</p>;
}
