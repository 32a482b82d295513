"use client";
import clsx from "clsx";
import { Server, ServerOff } from "lucide-react";
import { memo } from "react";
import type { Node } from "@/lib/pacemaker";
import { NodeActions } from "@/components/actions/node-actions";
import { NodeHistory } from "@/components/audit/recent-history";
import { Badge } from "@/components/ui/badge";
import { toneBorder } from "@/components/ui/tone";
import { nodeState } from "@/components/status/node-state";
import { Flags, StateBadge } from "@/components/status/state-badge";

/**
 * One node: name, its state in crm_mon's words, what kind of node it is and how much runs there;
 * below, its changes (standby, maintenance, fence). The upper part is the filter toggle: two
 * buttons side by side rather than buttons inside a button.
 */
export const NodeTile = memo(function NodeTile({
  cluster,
  node,
  selected,
  onSelect,
  unavailable,
}: {
  cluster: string;
  node: Node;
  selected: boolean;
  onSelect: (name: string) => void;
  unavailable: string | null;
}) {
  const s = nodeState(node);
  const Icon = node.online ? Server : ServerOff;
  return (
    <div
      data-test={`node:${node.name}`}
      data-state={s.label}
      className={clsx(
        "flex min-w-0 flex-col rounded-md border-l-4 bg-surface-2",
        toneBorder[s.tone],
        selected && "ring-2 ring-accent",
      )}
    >
      <button
        type="button"
        data-test={`node-filter:${node.name}`}
        aria-pressed={selected}
        onClick={() => onSelect(node.name)}
        title={selected ? "Show resources on every node" : `Show only resources on ${node.name}`}
        className="flex min-w-0 flex-col gap-1.5 rounded-tr-md px-3 pt-2 pb-1.5 text-left outline-none transition-colors hover:bg-line/60 focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-accent"
      >
        <span className="flex items-center gap-2">
          <Icon aria-hidden className="size-4 shrink-0 text-muted" />
          <span className="truncate font-semibold">{node.name}</span>
          {node.isDc ? (
            <Badge tone="info" test="dc-marker" title="Designated Controller">
              DC
            </Badge>
          ) : null}
          {node.type !== "member" ? <Badge tone="neutral">{node.type}</Badge> : null}
        </span>
        <span className="flex flex-wrap items-center gap-1">
          <StateBadge label={s.label} tone={s.tone} test="node-state" />
          <Flags flags={s.flags} />
        </span>
        <span className="tabular text-xs text-muted">
          {node.resourcesRunning} resource{node.resourcesRunning === 1 ? "" : "s"} running
        </span>
      </button>
      <div className="border-t border-line/70 px-2 py-1.5">
        <NodeActions cluster={cluster} node={node} unavailable={unavailable} />
      </div>
      <NodeHistory cluster={cluster} node={node.name} />
    </div>
  );
});
