"use client";
import clsx from "clsx";
import { memo, useMemo } from "react";
import type { NodeAttribute } from "@/lib/pacemaker";
import { Section } from "@/components/ui/card";
import { useClusterLive } from "@/components/live/cluster-live";
import { NoStatus } from "@/components/cluster/no-status";
import { attributeLifetime, buildAttributeMatrix } from "./attribute-matrix";

/** `crm_mon -A` as a table: one row per node, one column per attribute, with where each value lives. */
export function AttributeTable() {
  const live = useClusterLive();
  const status = live.status;
  const nodeAttributes = status?.nodeAttributes;
  const nodes = status?.nodes;
  const matrix = useMemo(
    () => (nodeAttributes && nodes ? buildAttributeMatrix({ nodeAttributes, nodes }) : null),
    [nodeAttributes, nodes],
  );
  if (!matrix) return <NoStatus />;
  return (
    <div className={clsx("space-y-3", live.link !== "live" && "stale-data")} data-test="attributes" data-live={live.link === "live"}>
      <Section title="Node attributes" count={`${matrix.rows.length} nodes × ${matrix.names.length} attributes`} test="attribute-table">
        {matrix.names.length === 0 ? (
          <p className="px-4 py-3 text-sm text-muted">No node attributes.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="bg-surface-2 text-xs text-muted">
                <tr>
                  <th scope="col" className="sticky left-0 bg-surface-2 px-3 py-2 font-medium">
                    Node
                  </th>
                  {matrix.names.map((n) => (
                    <th key={n} scope="col" className="px-3 py-2 font-mono font-medium whitespace-nowrap" data-test={`attr-col:${n}`}>
                      {n}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {matrix.rows.map((row) => (
                  <tr key={row.node} data-test={`attr-row:${row.node}`}>
                    <th scope="row" className="sticky left-0 bg-surface px-3 py-2 font-semibold whitespace-nowrap">
                      {row.node}
                      {!row.shown ? <span className="ml-2 text-xs font-normal text-muted">(not reported by crm_mon)</span> : null}
                    </th>
                    {matrix.names.map((name) => (
                      <AttributeCell key={name} node={row.node} name={name} attr={row.cells.get(name) ?? null} />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
      <p className="flex flex-wrap items-center gap-3 text-xs text-muted">
        <Lifetime kind="permanent" /> in the CIB nodes section, survives a reboot
        <Lifetime kind="transient" /> in the status section (<code>-l reboot</code>), gone when the node restarts
      </p>
    </div>
  );
}

const AttributeCell = memo(function AttributeCell({ node, name, attr }: { node: string; name: string; attr: NodeAttribute | null }) {
  if (!attr) {
    return (
      <td className="px-3 py-2 text-faint" data-test={`attr:${node}:${name}`}>
        —
      </td>
    );
  }
  const life = attributeLifetime(attr);
  const shown = attr.value ?? attr.transient ?? attr.permanent;
  const belowExpected = attr.expected !== null && shown !== null && Number(shown) < Number(attr.expected);
  return (
    <td className="px-3 py-2 whitespace-nowrap" data-test={`attr:${node}:${name}`} data-value={shown ?? ""} data-lifetime={life}>
      <span className={clsx("font-mono", belowExpected && "font-semibold text-warn")}>{shown ?? "—"}</span>
      {attr.expected !== null ? <span className="ml-1 text-xs text-muted">(expected {attr.expected})</span> : null}
      <span className="ml-2 inline-flex gap-1 align-middle">
        {life === "both" ? (
          <>
            <Lifetime kind="permanent" title={`permanent: ${attr.permanent}`} />
            <Lifetime kind="transient" title={`transient: ${attr.transient}`} />
          </>
        ) : life !== "unknown" ? (
          <Lifetime kind={life} />
        ) : null}
      </span>
    </td>
  );
});

function Lifetime({ kind, title }: { kind: "permanent" | "transient"; title?: string }) {
  return (
    <span
      title={title ?? kind}
      className={clsx(
        "inline-flex h-4 items-center rounded px-1 text-[10px] font-semibold uppercase tracking-wide",
        kind === "permanent" ? "bg-info-soft text-info" : "bg-surface-2 text-muted ring-1 ring-line",
      )}
    >
      {kind === "permanent" ? "perm" : "trans"}
    </span>
  );
}
