"use client";
// Alerts: an agent (a script on every node) the cluster runs on events, with its recipients and
// which kinds of event reach it. New and edit stage alert.put, delete stages alert.delete.
import { Plus } from "lucide-react";
import { useState } from "react";
import type { Alert, Configuration } from "@/lib/pacemaker";
import type { CibEditInput } from "@/lib/cib/edits";
import { Button, ServerMessage } from "@/components/admin/form-bits";
import { Empty, Section } from "@/components/ui/card";
import { AlertForm } from "./alert-form";
import { EditDelete, useStaging } from "./properties-form-bits";

type Stage = (edit: CibEditInput) => Promise<unknown>;

/** "every event" or the kinds an alert is limited to, in words. */
export function alertKinds(a: Alert): string {
  const s = a.select;
  if (!s) return "every event";
  const kinds = [s.nodes && "nodes", s.fencing && "fencing", s.resources && "resources", s.attributes !== null && (s.attributes.length ? `attributes ${s.attributes.join(", ")}` : "all attributes")].filter(
    (x): x is string => typeof x === "string",
  );
  return kinds.length ? kinds.join(", ") : "no event";
}

export function AlertSection({ config, canEdit, stage }: { config: Configuration; canEdit: boolean; stage: Stage }) {
  const [editing, setEditing] = useState<Alert | "new" | null>(null);
  const del = useStaging(stage);
  return (
    <Section
      title="Alerts"
      count={config.alerts.length}
      test="alerts"
      actions={
        canEdit ? (
          <Button variant="secondary" className="h-8" data-test="alert-new" onClick={() => setEditing("new")}>
            <Plus aria-hidden className="size-4" /> New alert
          </Button>
        ) : null
      }
    >
      <p className="border-b border-line px-4 py-2 text-xs text-muted">
        An alert runs its agent on the node where an event happened, once per recipient (Pacemaker ships samples in /usr/share/pacemaker/alerts/).
      </p>
      {config.alerts.length === 0 ? <Empty>No alerts.</Empty> : null}
      <ul className="divide-y divide-line">
        {config.alerts.map((a) => {
          const meta = a.metaAttributes[0]?.nvpairs ?? [];
          return (
            <li key={a.id} data-test={`alert:${a.id}`} className="flex flex-wrap items-start gap-2 px-4 py-2.5 text-sm">
              <div className="min-w-0 flex-1 space-y-0.5">
                <p>
                  <span className="font-mono font-medium">{a.id}</span> <code className="font-mono text-xs text-muted [overflow-wrap:anywhere]">{a.path}</code>
                </p>
                {a.description ? <p className="text-xs text-muted">{a.description}</p> : null}
                <p className="text-xs">
                  <span className="text-muted">Events:</span> {alertKinds(a)}
                </p>
                <p className="text-xs">
                  <span className="text-muted">Recipients:</span>{" "}
                  {a.recipients.length ? a.recipients.map((r) => <code key={r.id} className="mr-1 font-mono">{r.value}</code>) : "none (the agent is run once, without one)"}
                </p>
                {meta.length ? (
                  <p className="text-xs">
                    <span className="text-muted">Meta:</span>{" "}
                    {meta.map((p) => (
                      <code key={p.name} className="mr-1 font-mono">
                        {p.name}={p.value}
                      </code>
                    ))}
                  </p>
                ) : null}
              </div>
              {canEdit ? <EditDelete what={`alert ${a.id}`} test="alert" busy={del.busy} onEdit={() => setEditing(a)} onDelete={() => void del.run({ op: "alert.delete", id: a.id })} /> : null}
            </li>
          );
        })}
      </ul>
      {del.error ? (
        <div className="px-4 pb-3">
          <ServerMessage error={del.error} test="alert-delete-error" />
        </div>
      ) : null}
      {editing !== null ? <AlertForm alert={editing === "new" ? null : editing} taken={config.alerts.map((a) => a.id)} stage={stage} onClose={() => setEditing(null)} /> : null}
    </Section>
  );
}
