"use client";
// A native modal <dialog> (showModal): the browser makes the rest of the page inert (the focus
// trap), Esc cancels, and we put focus back where it was. Every disruptive change passes through
// one of these, and it always shows the exact command lines that will run.
import clsx from "clsx";
import { Terminal, TriangleAlert } from "lucide-react";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

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

const btn =
  "inline-flex h-9 items-center justify-center gap-1.5 rounded-md px-3 text-sm font-medium outline-none focus-visible:ring-2 focus-visible:ring-accent focus-visible:ring-offset-2 focus-visible:ring-offset-surface disabled:cursor-not-allowed disabled:opacity-50";

export function ConfirmDialog({ open, title, children, commands, confirmLabel, danger, typed, blocked, incomplete, onConfirm, onCancel, extraActions, commandsLabel, test }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const typedRef = useRef<HTMLInputElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const [text, setText] = useState("");
  const titleId = useId();
  const descId = useId();
  const typedId = useId();

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setText("");
      d.showModal();
      // The least harmful choice first for a dangerous change; the field when a name must be typed.
      (typed !== undefined ? typedRef.current : danger ? cancelRef.current : confirmRef.current)?.focus();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open, typed, danger]);

  // Focus goes back to the control that opened it (if it is still on the page), whether the dialog
  // closes while mounted or is unmounted (ActionButton mounts one only while it asks).
  useEffect(() => {
    const d = ref.current;
    const restore = () => {
      const el = returnTo.current;
      returnTo.current = null;
      if (el && el.isConnected) el.focus();
    };
    d?.addEventListener("close", restore);
    return () => {
      d?.removeEventListener("close", restore);
      restore();
    };
  }, []);

  const typedOk = typed === undefined || text === typed;
  const canConfirm = typedOk && !blocked && !incomplete;

  return (
    <dialog
      ref={ref}
      data-test={test ?? "confirm-dialog"}
      aria-labelledby={titleId}
      aria-describedby={descId}
      // Esc: the browser's cancel. The page's own Esc handlers (the details panel) must not also fire.
      onKeyDown={(e) => {
        if (e.key === "Escape") e.stopPropagation();
      }}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its box) cancels.
        if (e.target === ref.current) onCancel();
      }}
      className="m-auto w-[min(34rem,calc(100vw-1.5rem))] rounded-lg border border-line bg-surface p-0 text-fg shadow-2xl backdrop:bg-[rgba(0,0,0,0.45)]"
    >
      {open ? (
        <form
          method="dialog"
          className="space-y-3 p-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (canConfirm) onConfirm();
          }}
        >
          <h2 id={titleId} className="flex items-center gap-2 text-base font-semibold">
            {danger ? <TriangleAlert aria-hidden className="size-5 shrink-0 text-err" /> : null}
            {title}
          </h2>
          <div id={descId} className="space-y-2 text-sm">
            {children}
            <div>
              <p className="mb-1 flex items-center gap-1.5 text-xs font-medium text-muted">
                <Terminal aria-hidden className="size-3.5" /> {commandsLabel ?? "Will run"}
              </p>
              <pre data-test="confirm-commands" className="overflow-x-auto whitespace-pre-wrap [overflow-wrap:anywhere] rounded-md bg-surface-2 px-3 py-2 font-mono text-xs">
                {commands.join("\n")}
              </pre>
            </div>
          </div>
          {typed !== undefined ? (
            <div className="text-sm">
              <label htmlFor={typedId} className="block">
                Type <strong className="font-mono">{typed}</strong> to confirm
              </label>
              <input
                id={typedId}
                ref={typedRef}
                data-test="confirm-typed"
                value={text}
                onChange={(e) => setText(e.target.value)}
                autoComplete="off"
                spellCheck={false}
                aria-invalid={text !== "" && !typedOk}
                className="mt-1 block h-9 w-full rounded-md border border-line bg-surface px-2.5 font-mono text-sm outline-none focus:border-accent focus:ring-2 focus:ring-accent/30"
              />
            </div>
          ) : null}
          {blocked ? (
            <p role="alert" className="text-sm text-err" data-test="confirm-blocked">
              {blocked}
            </p>
          ) : null}
          <div className="flex flex-wrap justify-end gap-2 pt-1">
            {extraActions ? <div className="mr-auto flex flex-wrap gap-2">{extraActions}</div> : null}
            <button ref={cancelRef} type="button" data-test="confirm-cancel" onClick={onCancel} className={clsx(btn, "border border-line bg-surface hover:bg-surface-2")}>
              Cancel
            </button>
            <button
              ref={confirmRef}
              type="submit"
              data-test="confirm-ok"
              disabled={!canConfirm}
              className={clsx(btn, danger ? "bg-err text-canvas hover:opacity-90" : "bg-accent text-canvas hover:opacity-90")}
            >
              {confirmLabel}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
