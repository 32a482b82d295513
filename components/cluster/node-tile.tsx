import clsx from "clsx";
import { Server, ServerOff } from "lucide-react";
import { memo } from "react";
import type { Node } from "@/lib/pacemaker";
import { Badge } from "@/components/ui/badge";
import { toneBorder } from "@/components/ui/tone";
import { nodeState } from "@/components/status/node-state";
import { Flags, StateBadge } from "@/components/status/state-badge";

/** One node: name, its state in crm_mon's words, what kind of node it is and how much runs there. */
export const NodeTile = memo(function NodeTile({
  node,
  selected,
  onSelect,
}: {
  node: Node;
  selected: boolean;
  onSelect: (name: string) => void;
}) {
  const s = nodeState(node);
  const Icon = node.online ? Server : ServerOff;
  return (
    <button
      type="button"
      data-test={`node:${node.name}`}
      data-state={s.label}
      aria-pressed={selected}
      onClick={() => onSelect(node.name)}
      title={selected ? "Show resources on every node" : `Show only resources on ${node.name}`}
      className={clsx(
        "flex min-w-0 flex-col gap-1.5 rounded-md border-l-4 bg-surface-2 px-3 py-2 text-left transition-colors hover:bg-line/60",
        toneBorder[s.tone],
        selected && "ring-2 ring-accent",
      )}
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
  );
});
