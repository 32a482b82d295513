"use client";
import clsx from "clsx";
import { Loader2, Pencil, Plus } from "lucide-react";
import { memo, useCallback, useMemo, useState } from "react";
import type { NodeAttribute } from "@/lib/pacemaker";
import { actionButtonClass } from "@/components/actions/action-button";
import { useActionRunner } from "@/components/actions/action-runner";
import { Section } from "@/components/ui/card";
import { useClusterLive } from "@/components/live/cluster-live";
import { unavailableReason } from "@/components/cluster/cluster-header";
import { NoStatus } from "@/components/cluster/no-status";
import { attributeLifetime, buildAttributeMatrix } from "./attribute-matrix";
import { AttributeEditor, type EditTarget } from "./attribute-editor";

const cellKey = (node: string, name: string) => `${node}\u0000${name}`;

/**
 * `crm_mon -A` as a table: one row per node, one column per attribute, with where each value lives;
 * operators add, change and delete values from here (one editor dialog, components/attributes/attribute-editor).
 */
export function AttributeTable() {
  const live = useClusterLive();
  const runner = useActionRunner();
  const [editing, setEditing] = useState<(EditTarget & { seq: number }) | null>(null);
  const onEdit = useCallback((t: EditTarget) => setEditing({ ...t, seq: Date.now() }), []);
  const onClose = useCallback(() => setEditing(null), []);
  // Cells with a change in flight show it in place.
  const busy = useMemo(() => {
    const keys = new Set<string>();
    for (const c of runner.running) {
      if (c.cluster !== live.name || (c.action !== "node.attribute.set" && c.action !== "node.attribute.delete")) continue;
      keys.add(cellKey(String(c.params.node), String(c.params.name)));
    }
    return keys;
  }, [runner.running, live.name]);
  const unavailable = unavailableReason(live);
  const denied = runner.deniedReason("node.attribute.set");
  const canEdit = denied === null && unavailable === null;
  const status = live.status;
  const nodeAttributes = status?.nodeAttributes;
  const nodes = status?.nodes;
  const matrix = useMemo(
    () => (nodeAttributes && nodes ? buildAttributeMatrix({ nodeAttributes, nodes }) : null),
    [nodeAttributes, nodes],
  );
  if (!matrix || !nodes) return <NoStatus />;
  const addWhy = denied ?? unavailable;
  return (
    <div className={clsx("space-y-3", live.link !== "live" && "stale-data")} data-test="attributes" data-live={live.link === "live"}>
      <Section
        title="Node attributes"
        count={`${matrix.rows.length} nodes × ${matrix.names.length} attributes`}
        test="attribute-table"
        actions={
          <button
            type="button"
            data-test="action:node.attribute.set:add"
            data-action="node.attribute.set"
            aria-disabled={addWhy ? true : undefined}
            title={addWhy ?? "Add a node attribute (crm_attribute --node=… --name=… --update=… --lifetime=…)"}
            onClick={() => {
              if (!addWhy) onEdit({ node: null, name: null, attr: null });
            }}
            className={actionButtonClass("default", "xs")}
          >
            <Plus aria-hidden className="size-3.5" /> Add attribute
            {addWhy ? <span className="sr-only">: {addWhy}</span> : null}
          </button>
        }
      >
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
                      <AttributeCell
                        key={name}
                        node={row.node}
                        name={name}
                        attr={row.cells.get(name) ?? null}
                        busy={busy.has(cellKey(row.node, name))}
                        onEdit={canEdit ? onEdit : null}
                      />
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
      {editing ? (
        <AttributeEditor key={editing.seq} cluster={live.name} nodes={nodes} target={editing} onClose={onClose} />
      ) : null}
    </div>
  );
}

const AttributeCell = memo(function AttributeCell({
  node,
  name,
  attr,
  busy,
  onEdit,
}: {
  node: string;
  name: string;
  attr: NodeAttribute | null;
  busy: boolean;
  /** null: the user cannot change attributes (the add button says why) */
  onEdit: ((t: EditTarget) => void) | null;
}) {
  const edit = onEdit ? (
    busy ? (
      <span className="ml-1 inline-flex items-center gap-1 text-xs text-info" data-test="attr-busy">
        <Loader2 aria-hidden className="size-3.5 animate-spin" /> working…
      </span>
    ) : (
      <button
        type="button"
        data-test={`attr-edit:${node}:${name}`}
        onClick={() => onEdit({ node, name, attr })}
        aria-label={attr ? `Change or delete ${name} on ${node}` : `Set ${name} on ${node}`}
        title={attr ? `Change or delete ${name} on ${node}` : `Set ${name} on ${node}`}
        className="ml-1 inline-flex size-6 items-center justify-center rounded align-middle text-muted outline-none hover:bg-surface-2 hover:text-fg focus-visible:ring-2 focus-visible:ring-accent"
      >
        {attr ? <Pencil aria-hidden className="size-3.5" /> : <Plus aria-hidden className="size-3.5" />}
      </button>
    )
  ) : null;
  if (!attr) {
    return (
      <td className="px-3 py-2 whitespace-nowrap text-faint" data-test={`attr:${node}:${name}`}>
        —{edit}
      </td>
    );
  }
  const life = attributeLifetime(attr);
  const shown = attr.value ?? attr.transient ?? attr.permanent;
  const belowExpected = attr.expected !== null && shown !== null && Number(shown) < Number(attr.expected);
  return (
    <td className="px-3 py-2 whitespace-nowrap" data-test={`attr:${node}:${name}`} data-value={shown ?? ""} data-lifetime={life}>
      {/* exactly as crm_mon shows it: runs of spaces kept (whitespace-pre), an empty value visibly empty */}
      {shown === "" ? (
        <span className="font-mono text-muted" title="empty value" data-test="attr-empty">
          (empty)
        </span>
      ) : (
        <span className={clsx("font-mono whitespace-pre", belowExpected && "font-semibold text-warn")}>{shown ?? "—"}</span>
      )}
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
      {edit}
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
