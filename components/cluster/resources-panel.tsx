"use client";
import { useCallback, useDeferredValue, useMemo, useState } from "react";
import type { ClusterStatus } from "@/lib/pacemaker";
import { Section } from "@/components/ui/card";
import { buildResourceRows, typeOptions, type ResourceFilter } from "./resource-rows";
import { ResourceToolbar } from "./resource-toolbar";
import { ResourceTree } from "./resource-tree";

/** Toolbar + virtualized tree. The filter is deferred so typing stays instant on 2,000 resources. */
export function ResourcesPanel({
  status,
  filter,
  onFilter,
  selectedId,
  onOpen,
}: {
  status: ClusterStatus;
  filter: ResourceFilter;
  onFilter: (f: ResourceFilter) => void;
  selectedId: string | null;
  onOpen: (id: string) => void;
}) {
  const [toggled, setToggled] = useState<ReadonlySet<string>>(() => new Set());
  const onToggle = useCallback((id: string) => {
    setToggled((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  const deferredFilter = useDeferredValue(filter);
  const { resources, failures, nodes } = status;
  const { rows, shown, total } = useMemo(
    () => buildResourceRows({ resources, failures }, deferredFilter, toggled),
    [resources, failures, deferredFilter, toggled],
  );
  const types = useMemo(() => typeOptions(resources), [resources]);
  const failedCount = useMemo(
    () => buildResourceRows({ resources, failures }, { text: "", failedOnly: true, node: "", type: "" }, toggled).shown,
    [resources, failures, toggled],
  );
  return (
    <Section
      title="Resources"
      count={shown === total ? `${total} instances` : `${shown} of ${total} instances`}
      test="resources"
      actions={<ResourceToolbar filter={filter} onChange={onFilter} nodes={nodes} typeOptions={types} failedCount={failedCount} />}
    >
      <ResourceTree rows={rows} selectedId={selectedId} onOpen={onOpen} onToggle={onToggle} />
    </Section>
  );
}
