import clsx from "clsx";
import type { ReactNode } from "react";

/** A plain compact table for the small lists of the cluster page (failures, failcounts, tickets…). */
export function SimpleTable({ head, children, test }: { head: string[]; children: ReactNode; test?: string }) {
  return (
    <div className="overflow-x-auto">
      <table data-test={test} className="w-full text-left text-sm">
        <thead className="bg-surface-2 text-[11px] uppercase tracking-wide text-muted">
          <tr>
            {head.map((h) => (
              <th key={h} scope="col" className="px-3 py-1.5 font-medium whitespace-nowrap">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">{children}</tbody>
      </table>
    </div>
  );
}

export function Td({ children, className, mono }: { children: ReactNode; className?: string; mono?: boolean }) {
  return <td className={clsx("px-3 py-1.5 align-top", mono && "font-mono text-xs", className)}>{children}</td>;
}
