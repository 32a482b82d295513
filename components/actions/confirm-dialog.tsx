"use client";
// A confirmation on the console's modal (components/ui/modal.tsx): every disruptive change passes
// through one of these, and it always shows the exact command lines that will run.
import { TriangleAlert } from "lucide-react";
import { useId, useRef, useState, type ReactNode } from "react";
import { CancelConfirm, CommandLines, Modal } from "@/components/ui/modal";
import { ExactInput } from "./field";

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** what will happen, in words */
  children?: ReactNode;
  /** the Pacemaker command lines, one per entry */
  commands: string[];
  confirmLabel: string;
  danger?: boolean;
  /** the text the user must type to confirm (a node's or the cluster's name) */
  typed?: string;
  /** a reason the confirm button is disabled (an invalid form field), shown beside it */
  blocked?: string | null;
  /** confirm is disabled without a message (a required field still empty) */
  incomplete?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** further buttons for the footer's left side (an editor's Delete) */
  extraActions?: ReactNode;
  /** the heading above the command lines ("Will run") */
  commandsLabel?: string;
  test?: string;
}

export function ConfirmDialog({ open, title, children, commands, confirmLabel, danger, typed, blocked, incomplete, onConfirm, onCancel, extraActions, commandsLabel, test }: ConfirmDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const typedRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  // A typed name starts empty at every opening.
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setText("");
  }
  const descId = useId();
  const typedId = useId();
  const typedOk = typed === undefined || text === typed;
  const canConfirm = typedOk && !blocked && !incomplete;

  return (
    <Modal
      open={open}
      title={
        <>
          {danger ? <TriangleAlert aria-hidden className="size-5 shrink-0 text-err" /> : null}
          {title}
        </>
      }
      onClose={onCancel}
      describedBy={descId}
      // The least harmful choice first for a dangerous change; the field when a name must be typed.
      initialFocus={typed !== undefined ? typedRef : danger ? cancelRef : confirmRef}
      onSubmit={() => {
        if (canConfirm) onConfirm();
      }}
      test={test ?? "confirm-dialog"}
      footer={
        <>
          {extraActions ? <div className="mr-auto flex flex-wrap gap-2">{extraActions}</div> : null}
          <CancelConfirm
            onCancel={onCancel}
            cancelTest="confirm-cancel"
            cancelRef={cancelRef}
            label={confirmLabel}
            tone={danger ? "danger" : "primary"}
            disabled={!canConfirm}
            confirmTest="confirm-ok"
            confirmRef={confirmRef}
          />
        </>
      }
    >
      <div id={descId} className="space-y-2">
        {children}
        <CommandLines lines={commands} label={commandsLabel} test="confirm-commands" />
      </div>
      {typed !== undefined ? (
        <div>
          <label htmlFor={typedId} className="block">
            Type <strong className="font-mono">{typed}</strong> to confirm
          </label>
          <ExactInput id={typedId} ref={typedRef} data-test="confirm-typed" value={text} onChange={(e) => setText(e.target.value)} aria-invalid={text !== "" && !typedOk} />
        </div>
      ) : null}
      {blocked ? (
        <p role="alert" className="text-err" data-test="confirm-blocked">
          {blocked}
        </p>
      ) : null}
    </Modal>
  );
}
