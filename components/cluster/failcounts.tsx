import { memo } from "react";
import type { NodeHistory } from "@/lib/pacemaker";
import { Empty, Section } from "@/components/ui/card";
import { ActionButton } from "@/components/actions/action-button";
import { SimpleTable, Td } from "./table";

interface Row {
  node: string;
  id: string;
  failCount: string;
  threshold: number | null;
  lastFailure: string | null;
}

/**
 * The rows of crm_mon's migration summary: per history entry when the model has them from the CIB
 * (an anonymous clone's instances apart, `drbd0:0` and `drbd0:1`, as crm_mon's text lists them),
 * else crm_mon's XML view (instances merged).
 */
function summaryRows(history: NodeHistory[] | null): Row[] {
  return (history ?? []).flatMap((nh): Row[] =>
    nh.failCounts !== null
      ? nh.failCounts.map((c) => ({ node: nh.node, id: c.id, failCount: String(c.failCount), threshold: c.migrationThreshold, lastFailure: c.lastFailure }))
      : nh.resources
          .filter((r) => r.failCount && r.failCount !== "0")
          .map((r) => ({ node: nh.node, id: r.id, failCount: r.failCount ?? "", threshold: r.migrationThreshold, lastFailure: r.lastFailure })),
  );
}

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
  const rows = summaryRows(history);
  return (
    <Section title="Fail counts" count={rows.length} test="failcounts">
      {rows.length === 0 ? (
        <Empty>No resource has failed.</Empty>
      ) : (
        <SimpleTable head={["Resource", "Node", "Fail count", "Threshold", "Last failure", "Actions"]}>
          {rows.map((r) => {
            const node = r.node;
            // crm_mon names a clone's instances rsc:N; the cleanup is of the resource itself.
            const rsc = r.id.replace(/:\d+$/, "");
            return (
              <tr key={`${node}/${r.id}`} data-test={`failcount:${r.id}@${node}`}>
                <Td>
                  <button type="button" className="font-medium hover:underline" onClick={() => onOpen(rsc)}>
                    {r.id}
                  </button>
                </Td>
                <Td>{node}</Td>
                <Td className="tabular font-semibold text-warn">{r.failCount}</Td>
                <Td className="tabular text-muted">{r.threshold ?? "—"}</Td>
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
