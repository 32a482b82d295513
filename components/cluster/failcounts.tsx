import { memo } from "react";
import type { NodeHistory } from "@/lib/pacemaker";
import { Empty, Section } from "@/components/ui/card";
import { ActionButton } from "@/components/actions/action-button";
import { SimpleTable, Td } from "./table";

/** crm_mon's "Migration Summary": how close each resource is to being moved away by migration-threshold. */
export const Failcounts = memo(function Failcounts({
  cluster,
  history,
  onOpen,
  unavailable,
}: {
  cluster: string;
  history: NodeHistory[] | null;
  onOpen: (id: string) => void;
  unavailable: string | null;
}) {
  const rows = (history ?? []).flatMap((nh) =>
    nh.resources.filter((r) => r.failCount && r.failCount !== "0").map((r) => ({ node: nh.node, r })),
  );
  return (
    <Section title="Fail counts" count={rows.length} test="failcounts">
      {rows.length === 0 ? (
        <Empty>No resource has failed.</Empty>
      ) : (
        <SimpleTable head={["Resource", "Node", "Fail count", "Threshold", "Last failure", "Actions"]}>
          {rows.map(({ node, r }) => {
            // crm_mon names a clone's instances rsc:N; the cleanup is of the resource itself.
            const rsc = r.id.replace(/:\d+$/, "");
            return (
              <tr key={`${node}/${r.id}`} data-test={`failcount:${r.id}@${node}`}>
                <Td>
                  <button type="button" className="font-medium hover:underline" onClick={() => onOpen(r.id)}>
                    {r.id}
                  </button>
                </Td>
                <Td>{node}</Td>
                <Td className="tabular font-semibold text-warn">{r.failCount}</Td>
                <Td className="tabular text-muted">{r.migrationThreshold ?? "—"}</Td>
                <Td className="whitespace-nowrap text-xs text-muted">{r.lastFailure ?? "—"}</Td>
                <Td>
                  <ActionButton
                    cluster={cluster}
                    action="resource.cleanup"
                    params={{ rsc, node }}
                    target={`${rsc}@${node}`}
                    test={`action:resource.cleanup:failcount:${rsc}@${node}`}
                    label="Clean up"
                    describe={`clean up ${rsc} on ${node}`}
                    size="xs"
                    disabledReason={unavailable}
                  />
                </Td>
              </tr>
            );
          })}
        </SimpleTable>
      )}
    </Section>
  );
});
