"use client";
// The Resources page's dialogs, in one chunk loaded when the first one opens (react-hook-form, zod
// and the metadata forms stay off the page until then).
import { useRef } from "react";
import { ServerMessage } from "@/components/admin/form-bits";
import { CancelConfirm, Modal } from "@/components/ui/modal";
import { CloneDialog } from "./resource-clone";
import { ResourceForm } from "./resource-form";
import { GroupDialog } from "./resource-group";
import { DeleteResourceDialog, RenameResourceDialog, useStage } from "./resource-refs";
import type { ResourceDialog } from "./resource-row-actions";

export function ResourceDialogs({ dialog, onClose }: { dialog: ResourceDialog; onClose: () => void }) {
  switch (dialog.kind) {
    case "form":
      return <ResourceForm target={dialog.target} onClose={onClose} />;
    case "rename":
      return <RenameResourceDialog id={dialog.id} onClose={onClose} />;
    case "delete":
      return <DeleteResourceDialog id={dialog.id} onClose={onClose} />;
    case "group":
      return <GroupDialog id={dialog.id} onClose={onClose} />;
    case "clone":
      return <CloneDialog rsc={dialog.rsc} promotable={dialog.promotable} onClose={onClose} />;
    case "ungroup":
    case "unclone":
      return <Unwrap kind={dialog.kind} id={dialog.id} onClose={onClose} />;
  }
}

function Unwrap({ kind, id, onClose }: { kind: "ungroup" | "unclone"; id: string; onClose: () => void }) {
  const { run, staging, error } = useStage();
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Modal
      title={kind === "ungroup" ? `Ungroup ${id}?` : `Unclone ${id}?`}
      onClose={onClose}
      initialFocus={cancelRef}
      test="unwrap-dialog"
      footer={
        <CancelConfirm
          onCancel={onClose}
          cancelTest="unwrap-cancel"
          cancelRef={cancelRef}
          label={staging ? "Adding…" : kind === "ungroup" ? "Ungroup (in the draft)" : "Unclone (in the draft)"}
          tone="warn"
          disabled={staging}
          onConfirm={() => void run(kind === "ungroup" ? { op: "group.ungroup", id } : { op: "clone.unclone", id }, onClose)}
          confirmTest="unwrap-confirm"
        />
      }
    >
      <p>
        {kind === "ungroup"
          ? "Its members go back to the top level, in order, and the group is removed: they no longer start in order or stay on one node."
          : "Its resource goes back to the top level as a single copy; the clone and its options are removed."}{" "}
        Constraints naming {id} must be changed or removed (crm_verify says which).
      </p>
      <ServerMessage error={error} test="unwrap-error" />
    </Modal>
  );
}
