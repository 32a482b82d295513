"use client";
// Pacemaker ACLs: the enable-acl switch (a cluster property), the roles and their permissions,
// the targets (users) and groups holding them, and beside it the Vigil users' mapping to targets.
import { Plus, ShieldCheck, ShieldOff } from "lucide-react";
import { useState } from "react";
import type { Acls, Configuration } from "@/lib/pacemaker";
import type { CibEditInput } from "@/lib/cib/edits";
import { Button, ServerMessage } from "@/components/admin/form-bits";
import { Badge } from "@/components/ui/badge";
import { Section } from "@/components/ui/card";
import { permissionText } from "./acl-mapping";
import { AclRoleForm } from "./acl-role-form";
import { AclSubjectForm } from "./acl-subject-form";
import { AclUsers } from "./acl-users";
import { EditDelete, useStaging } from "./properties-form-bits";

type Stage = (edit: CibEditInput) => Promise<unknown>;
type Role = Acls["roles"][number];
type Subject = Acls["targets"][number];
type Editing = { what: "role"; role: Role | null } | { what: "subject"; subject: Subject | null; kind: "acl_target" | "acl_group" } | null;

const TRUE = /^(true|yes|on|1|y)$/i;

export function AclSection({ config, canEdit, isAdmin, stage }: { config: Configuration; canEdit: boolean; isAdmin: boolean; stage: Stage }) {
  const [editing, setEditing] = useState<Editing>(null);
  const act = useStaging(stage);
  const acls = config.acls;
  const enabled = TRUE.test(config.properties["enable-acl"] ?? "false");
  const subjects = [...(acls?.targets ?? []).map((s) => ({ s, kind: "acl_target" as const })), ...(acls?.groups ?? []).map((s) => ({ s, kind: "acl_group" as const }))];
  const taken = [...(acls?.roles ?? []), ...(acls?.targets ?? []), ...(acls?.groups ?? [])].map((x) => x.id);

  return (
    <Section
      title="Access control lists"
      count={`${acls?.roles.length ?? 0} roles, ${subjects.length} targets and groups`}
      test="acls"
      actions={
        canEdit ? (
          <>
            <Button variant="secondary" className="h-8" data-test="acl-role-new" onClick={() => setEditing({ what: "role", role: null })}>
              <Plus aria-hidden className="size-4" /> New role
            </Button>
            <Button variant="secondary" className="h-8" data-test="acl-subject-new" onClick={() => setEditing({ what: "subject", subject: null, kind: "acl_target" })}>
              <Plus aria-hidden className="size-4" /> New target or group
            </Button>
          </>
        ) : null
      }
    >
      <div className="flex flex-wrap items-center gap-3 border-b border-line px-4 py-2.5 text-sm" data-test="enable-acl">
        {enabled ? (
          <Badge tone="ok" icon={ShieldCheck} test="enable-acl-state">
            ACLs enforced
          </Badge>
        ) : (
          <Badge tone="neutral" icon={ShieldOff} test="enable-acl-state">
            ACLs not enforced
          </Badge>
        )}
        <span className="text-xs text-muted">
          enable-acl={enabled ? "true" : "false"}: {enabled ? "users other than root and hacluster get only what their roles grant." : "every user with CIB access may read and change everything."}
        </span>
        {canEdit ? (
          <Button
            variant="secondary"
            role="switch"
            aria-checked={enabled}
            className="ml-auto h-8"
            data-test="enable-acl-toggle"
            disabled={act.busy}
            onClick={() => void act.run({ op: "property.set", section: "crm_config", name: "enable-acl", value: enabled ? "false" : "true" })}
          >
            Enforce ACLs: {enabled ? "on" : "off"}
          </Button>
        ) : null}
      </div>
      <div className="grid gap-4 p-4 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-4">
          <div>
            <h3 className="text-sm font-semibold">Roles</h3>
            {!acls?.roles.length ? <p className="py-1 text-sm text-muted">No roles.</p> : null}
            <ul className="mt-1 divide-y divide-line">
              {(acls?.roles ?? []).map((r) => (
                <li key={r.id} data-test={`acl-role:${r.id}`} className="flex flex-wrap items-start gap-2 py-2 text-sm">
                  <div className="min-w-0 flex-1">
                    <p className="font-mono font-medium">{r.id}</p>
                    {r.description ? <p className="text-xs text-muted">{r.description}</p> : null}
                    <ul className="mt-1 space-y-0.5 text-xs">
                      {r.permissions.map((p, i) => (
                        <li key={p.id ?? i} className="font-mono [overflow-wrap:anywhere]">
                          {permissionText(p)}
                        </li>
                      ))}
                    </ul>
                  </div>
                  {canEdit ? <EditDelete what={`role ${r.id}`} test="acl-role" busy={act.busy} onEdit={() => setEditing({ what: "role", role: r })} onDelete={() => void act.run({ op: "acl.delete", id: r.id })} /> : null}
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3 className="text-sm font-semibold">Targets and groups</h3>
            {subjects.length === 0 ? <p className="py-1 text-sm text-muted">No targets or groups.</p> : null}
            <ul className="mt-1 divide-y divide-line">
              {subjects.map(({ s, kind }) => (
                <li key={s.id} data-test={`acl-subject:${s.id}`} className="flex flex-wrap items-center gap-2 py-2 text-sm">
                  <span className="font-mono font-medium">{s.id}</span>
                  <Badge tone="neutral">{kind === "acl_group" ? "group" : s.tag === "acl_user" ? "user (legacy)" : "target"}</Badge>
                  <span className="min-w-0 flex-1 text-xs">
                    {s.roles.length ? s.roles.map((r) => <code key={r} className="mr-1 rounded bg-surface-2 px-1.5 font-mono">{r}</code>) : <span className="text-muted">no role: denied everything</span>}
                  </span>
                  {canEdit ? (
                    <EditDelete
                      what={`${kind === "acl_group" ? "group" : "target"} ${s.id}`}
                      test="acl-subject"
                      busy={act.busy}
                      onEdit={s.tag === "acl_user" ? undefined : () => setEditing({ what: "subject", subject: s, kind })}
                      onDelete={() => void act.run({ op: "acl.delete", id: s.id })}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
          {act.error ? <ServerMessage error={act.error} test="acl-error" /> : null}
        </div>
        <AclUsers acls={acls} isAdmin={isAdmin} />
      </div>
      {editing?.what === "role" ? <AclRoleForm role={editing.role} taken={taken} stage={stage} onClose={() => setEditing(null)} /> : null}
      {editing?.what === "subject" ? <AclSubjectForm subject={editing.subject} kind={editing.kind} acls={acls} stage={stage} onClose={() => setEditing(null)} /> : null}
    </Section>
  );
}
