import { ArrowRight, Ban as BanIcon } from "lucide-react";
import { memo } from "react";
import type { Ban, Constraint } from "@/lib/pacemaker";
import { ActionButton } from "@/components/actions/action-button";
import { Empty, Section } from "@/components/ui/card";
import { describeConstraint, isCliConstraint, moveTarget } from "./constraint-text";

/**
 * Location constraints left by `crm_resource --move/--ban` (cli-prefer-*, cli-ban-*) and crm_mon's
 * bans: the usual reason a resource "will not go back", listed where an operator looks for it.
 */
export const MovesBans = memo(function MovesBans({
  cluster,
  constraints,
  bans,
  onOpen,
  unavailable,
}: {
  cluster: string;
  constraints: Constraint[] | null;
  bans: Ban[];
  onOpen: (id: string) => void;
  unavailable: string | null;
}) {
  const cli = (constraints ?? []).filter(isCliConstraint);
  const cliIds = new Set(cli.map((c) => c.id));
  const otherBans = bans.filter((b) => !cliIds.has(b.id));
  const count = cli.length + otherBans.length;
  return (
    <Section title="Moves & bans" count={count} test="moves-bans">
      {count === 0 ? (
        <Empty>No move or ban constraints.</Empty>
      ) : (
        <ul className="divide-y divide-line text-sm">
          {cli.map((c) => {
            const move = moveTarget(c);
            const rsc = c.kind === "rsc_location" ? c.rsc : null;
            // crm_resource --clear --node removes the ban on that node, or the move to it.
            const node = move?.node ?? (c.kind === "rsc_location" ? c.node : null);
            return (
              <li key={c.id} data-test={`constraint:${c.id}`} className="flex items-start gap-2 px-4 py-2">
                {move ? (
                  <ArrowRight aria-hidden className="mt-0.5 size-4 shrink-0 text-info" />
                ) : (
                  <BanIcon aria-hidden className="mt-0.5 size-4 shrink-0 text-warn" />
                )}
                <span className="min-w-0">
                  <button type="button" className="text-left hover:underline" onClick={() => rsc && onOpen(rsc)}>
                    {describeConstraint(c)}
                  </button>
                  <span className="block font-mono text-xs text-muted">{c.id}</span>
                </span>
                {rsc ? (
                  <ActionButton
                    cluster={cluster}
                    action="resource.clear"
                    params={node ? { rsc, node } : { rsc }}
                    target={c.id}
                    label="Clear"
                    describe={`clear ${c.id}`}
                    size="xs"
                    className="ml-auto"
                    disabledReason={unavailable}
                  />
                ) : null}
              </li>
            );
          })}
          {otherBans.map((b) => (
            <li key={b.id} data-test={`ban:${b.id}`} className="flex items-start gap-2 px-4 py-2">
              <BanIcon aria-hidden className="mt-0.5 size-4 shrink-0 text-warn" />
              <span className="min-w-0">
                <button type="button" className="text-left hover:underline" onClick={() => onOpen(b.resource)}>
                  {b.resource} {b.weight < 0 ? "is banned from" : "prefers"} {b.node}
                  {b.promotedOnly ? " (promoted role)" : ""} (score {b.weight})
                </button>
                <span className="block font-mono text-xs text-muted">{b.id}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
});
