"use client";
// A ticket's changes (crm_ticket): grant / revoke, standby / activate. Revoking or putting a
// granted ticket in standby stops what depends on it (the rsc_ticket's loss-policy), so those ask.
import type { Ticket } from "@/lib/pacemaker";
import { ActionButton } from "./action-button";

export function TicketActions({ cluster, ticket: t, unavailable }: { cluster: string; ticket: Ticket; unavailable: string | null }) {
  const granted = t.status === "granted";
  const id = t.id;
  return (
    <div className="flex flex-wrap gap-1" role="group" aria-label={`Actions on ticket ${id}`}>
      {granted ? (
        <ActionButton
          cluster={cluster}
          action="ticket.revoke"
          params={{ ticket: id }}
          target={id}
          label="Revoke"
          describe={`revoke ticket ${id}`}
          size="xs"
          variant="danger"
          disabledReason={unavailable}
          confirm={{
            title: `Revoke ticket ${id}?`,
            body: <p>Resources that depend on {id} (rsc_ticket constraints) are stopped, demoted or fenced as their loss-policy says.</p>,
            danger: true,
            confirmLabel: "Revoke",
          }}
        />
      ) : (
        <ActionButton cluster={cluster} action="ticket.grant" params={{ ticket: id }} target={id} label="Grant" describe={`grant ticket ${id}`} size="xs" disabledReason={unavailable} />
      )}
      {t.standby ? (
        <ActionButton cluster={cluster} action="ticket.activate" params={{ ticket: id }} target={id} label="Activate" describe={`activate ticket ${id}`} size="xs" disabledReason={unavailable} />
      ) : (
        <ActionButton
          cluster={cluster}
          action="ticket.standby"
          params={{ ticket: id }}
          target={id}
          label="Standby"
          describe={`put ticket ${id} in standby`}
          size="xs"
          disabledReason={unavailable}
          confirm={{
            title: `Put ticket ${id} in standby?`,
            body: <p>Resources that depend on {id} are stopped as if it were revoked, while it stays granted.</p>,
            confirmLabel: "Standby",
          }}
        />
      )}
    </div>
  );
}
