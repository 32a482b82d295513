"use client";
// The access page: ACLs (with the users' mapping), tags, alerts and fencing topology, each from
// the draft when the user has one, else the live configuration. Only admins get edit controls.
import { useActionRunner } from "@/components/actions/action-runner";
import { AclSection } from "./acl-section";
import { AlertSection } from "./alert-section";
import { FencingSection } from "./fencing-section";
import { useShownConfiguration } from "./properties-shown";
import { TagSection } from "./tag-section";

export function AccessView() {
  const { shown, fromDraft, canEdit, stage } = useShownConfiguration();
  const { role } = useActionRunner();
  if (!shown) return <p className="text-sm text-muted">Waiting for the cluster&apos;s configuration…</p>;
  return (
    <div className="space-y-4" data-test="access-view">
      <p className="text-sm text-muted">
        {fromDraft ? "Showing your draft (not committed yet)." : "Showing the live configuration."}{" "}
        {canEdit ? "Changes are staged in your draft: nothing reaches the cluster until you commit it." : "Read-only: only admins change the configuration."}
      </p>
      <AclSection config={shown} canEdit={canEdit} isAdmin={role === "admin"} stage={stage} />
      <TagSection config={shown} canEdit={canEdit} stage={stage} />
      <AlertSection config={shown} canEdit={canEdit} stage={stage} />
      <FencingSection config={shown} canEdit={canEdit} stage={stage} />
    </div>
  );
}
