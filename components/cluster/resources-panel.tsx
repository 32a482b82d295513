"use client";
import { useCallback, useDeferredValue, useMemo, useState } from "react";
import { cloneStoppedLists, type ClusterStatus, type Clone } from "@/lib/pacemaker";
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
  const { resources, failures, nodes, nodeHistory, configuration } = status;
  // Only what crm_mon's Stopped lists depend on (node states, failed probes, allowed nodes,
  // clone-max): an attribute's patch must not rebuild 2,000 rows.
  const stoppedLists = useMemo(() => {
    const held = status;
    return (c: Clone) => cloneStoppedLists(held, c);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resources, nodes, nodeHistory, configuration]);
  const { rows, shown, total } = useMemo(
    () => buildResourceRows({ resources, failures, stoppedLists }, deferredFilter, toggled),
    [resources, failures, stoppedLists, deferredFilter, toggled],
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
