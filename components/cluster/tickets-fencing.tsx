import { memo } from "react";
import type { FenceEvent, Ticket } from "@/lib/pacemaker";
import { Empty, Section } from "@/components/ui/card";
import { StateBadge } from "@/components/status/state-badge";
import { TicketActions } from "@/components/actions/ticket-actions";
import { SimpleTable, Td } from "./table";

export const Tickets = memo(function Tickets({ cluster, tickets, unavailable }: { cluster: string; tickets: Ticket[] | null; unavailable: string | null }) {
  if (!tickets || tickets.length === 0) return null;
  return (
    <Section title="Tickets" count={tickets.length} test="tickets">
      <SimpleTable head={["Ticket", "Status", "Last granted", "Actions"]}>
        {tickets.map((t) => (
          <tr key={t.id} data-test={`ticket:${t.id}`}>
            <Td className="font-medium">{t.id}</Td>
            <Td>
              <StateBadge label={t.standby ? `${t.status} (standby)` : t.status} tone={t.status === "granted" ? "ok" : "neutral"} />
            </Td>
            <Td className="whitespace-nowrap text-xs text-muted">{t.lastGranted ?? "—"}</Td>
            <Td>
              <TicketActions cluster={cluster} ticket={t} unavailable={unavailable} />
            </Td>
          </tr>
        ))}
      </SimpleTable>
    </Section>
  );
});

/** Fencing history: a failed fence leaves a node UNCLEAN, so failures come first and red. */
export const FencingHistory = memo(function FencingHistory({ events }: { events: FenceEvent[] | null }) {
  if (events === null) return null;
  const sorted = [...events].sort((a, b) => Number(b.status === "failed") - Number(a.status === "failed"));
  return (
    <Section title="Fencing history" count={events.length} test="fencing">
      {events.length === 0 ? (
        <Empty>No fencing actions.</Empty>
      ) : (
        <SimpleTable head={["Action", "Target", "Status", "By", "Completed"]}>
          {sorted.map((f, i) => (
            <tr key={`${f.target}-${f.action}-${f.completed ?? i}`} data-test={`fence:${f.target}`}>
              <Td className="font-medium">{f.action}</Td>
              <Td>{f.target}</Td>
              <Td>
                <StateBadge
                  label={f.status}
                  tone={f.status === "failed" ? "err" : f.status === "pending" ? "info" : "ok"}
                />
                {f.exitReason ? <span className="block text-xs text-muted">{f.exitReason}</span> : null}
              </Td>
              <Td className="text-xs">
                {f.delegate ?? f.origin}
                <span className="text-muted"> for {f.client}</span>
              </Td>
              <Td className="whitespace-nowrap text-xs text-muted">{f.completed ?? "—"}</Td>
            </tr>
          ))}
        </SimpleTable>
      )}
    </Section>
  );
});
