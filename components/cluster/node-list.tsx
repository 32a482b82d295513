import { memo, useMemo } from "react";
import type { Node } from "@/lib/pacemaker";
import { Section } from "@/components/ui/card";
import { nodeState } from "@/components/status/node-state";
import { NodeTile } from "./node-tile";

export const NodeList = memo(function NodeList({
  cluster,
  nodes,
  selectedNode,
  onSelectNode,
  unavailable,
}: {
  cluster: string;
  nodes: Node[];
  selectedNode: string;
  onSelectNode: (name: string) => void;
  /** why no change can run now (no agent reachable), or null */
  unavailable: string | null;
}) {
  const summary = useMemo(() => {
    const byLabel = new Map<string, number>();
    for (const n of nodes) {
      const l = nodeState(n).label;
      byLabel.set(l, (byLabel.get(l) ?? 0) + 1);
    }
    return [...byLabel].map(([l, n]) => `${n} ${l}`).join(" · ");
  }, [nodes]);
  return (
    <Section title="Nodes" count={summary} test="nodes">
      <div className="grid grid-cols-[repeat(auto-fill,minmax(15rem,1fr))] gap-2 p-3">
        {nodes.map((n) => (
          <NodeTile key={n.name} cluster={cluster} node={n} selected={selectedNode === n.name} onSelect={onSelectNode} unavailable={unavailable} />
        ))}
      </div>
    </Section>
  );
});
