import { memo } from "react";
import type { Failure } from "@/lib/pacemaker";
import { Empty, Section } from "@/components/ui/card";
import { StateBadge } from "@/components/status/state-badge";
import { failureResource, parseOpKey } from "@/lib/pacemaker/op-key";
import { ActionButton } from "@/components/actions/action-button";
import { SimpleTable, Td } from "./table";

/**
 * crm_mon's "Failed Resource Actions". A failure whose resource has since recovered stays listed
 * (until a cleanup) but amber: it is history, not an outage; `currentlyFailed` says which are live.
 */
export const FailedActions = memo(function FailedActions({
  cluster,
  failures,
  currentlyFailed,
  onOpen,
  unavailable,
}: {
  cluster: string;
  failures: Failure[];
  currentlyFailed: ReadonlySet<string>;
  onOpen: (id: string) => void;
  unavailable: string | null;
}) {
  return (
    <Section
      title="Failed actions"
      count={failures.length}
      test="failed-actions"
      actions={
        failures.length ? (
          <ActionButton
            cluster={cluster}
            action="resource.cleanup"
            params={{}}
            target="all"
            label="Clean up all"
            describe="clean up every resource on every node"
            size="xs"
            disabledReason={unavailable}
          />
        ) : null
      }
    >
      {failures.length === 0 ? (
        <Empty>No failed actions.</Empty>
      ) : (
        <SimpleTable head={["Resource", "Operation", "Node", "Result", "Exit reason", "When", "Actions"]}>
          {failures.map((f) => {
            const rsc = failureResource(f.opKey);
            // crm_mon names the instance ("c1p:0 10s-interval monitor on n1"); the panel and cleanup take the resource
            const named = parseOpKey(f.opKey)?.rsc ?? rsc;
            const live = currentlyFailed.has(rsc);
            return (
              <tr key={`${f.opKey}@${f.node}`} data-test={`failure:${f.opKey}@${f.node}`}>
                <Td>
                  <button type="button" className="font-medium hover:underline" onClick={() => onOpen(rsc)}>
                    {named}
                  </button>
                </Td>
                <Td mono>
                  {f.task ?? parseOpKey(f.opKey)?.task ?? f.opKey}
                  {f.interval ? ` ${f.interval / 1000}s` : ""}
                </Td>
                <Td>{f.node}</Td>
                <Td>
                  <StateBadge label={`${f.exitstatus} (${f.exitcode})`} tone={live ? "err" : "warn"} />
                </Td>
                <Td className="max-w-72 break-words whitespace-pre-wrap">{f.exitreason || <span className="text-faint">—</span>}</Td>
                <Td className="whitespace-nowrap text-xs text-muted">{f.lastRcChange ?? "—"}</Td>
                <Td>
                  <ActionButton
                    cluster={cluster}
                    action="resource.cleanup"
                    params={{ rsc, node: f.node }}
                    target={`${rsc}@${f.node}`}
                    label="Clean up"
                    describe={`clean up ${rsc} on ${f.node}`}
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
