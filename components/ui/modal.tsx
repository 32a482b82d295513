"use client";
// The console's one modal dialog, on the native <dialog> element (showModal): the browser makes the
// rest of the page inert (the focus trap, for pointer and screen reader alike), Esc cancels, a click
// on the backdrop cancels, and focus goes back to the element that opened it — if that element is
// still on the page (a card that moved is a new element elsewhere; its board puts focus there).
// ConfirmDialog (components/actions/confirm-dialog.tsx) and the by-node board's dialogs are built on it.
import { Terminal, X } from "lucide-react";
import { useEffect, useId, useRef, type ReactNode, type Ref, type RefObject } from "react";

export interface ModalProps {
  /** false keeps it mounted but closed (and its content unrendered); default true: open while mounted */
  open?: boolean;
  title: ReactNode;
  /** Esc, a backdrop click and the close button */
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  /** where focus starts; without one the browser's choice (the first focusable element) */
  initialFocus?: RefObject<HTMLElement | null>;
  /** the id of what describes the dialog (aria-describedby) */
  describedBy?: string;
  /** a × button in the header (accessible name "Close") */
  closeButton?: boolean;
  /** the body and footer are one form: Enter in a field submits it */
  onSubmit?: () => void;
  test?: string;
}

export function Modal({ open = true, title, onClose, children, footer, initialFocus, describedBy, closeButton, onSubmit, test }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      d.showModal();
      initialFocus?.current?.focus();
    } else if (!open && d.open) {
      d.close();
    }
    // initialFocus is a ref: where it points is read when the dialog opens.
  }, [open]); // eslint-disable-line react-hooks/exhaustive-deps

  // Focus goes back to the opener whether the dialog closes while mounted or is unmounted (most
  // are mounted only while they ask) — and only to an opener still on the page.
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
      if (d?.open) d.close();
      restore();
    };
  }, []);

  const header = (
    <header className="flex items-start gap-3 border-b border-line px-4 py-3">
      <h2 id={titleId} className="flex min-w-0 flex-1 items-center gap-2 text-base font-semibold">
        {title}
      </h2>
      {closeButton ? (
        <button
          type="button"
          onClick={() => closeRef.current()}
          aria-label="Close"
          className="rounded p-1 text-muted hover:bg-surface-2 hover:text-fg focus-visible:outline-2 focus-visible:outline-info"
        >
          <X aria-hidden className="size-5" />
        </button>
      ) : null}
    </header>
  );
  const rest = (
    <>
      <div className="min-h-0 flex-1 space-y-3 overflow-y-auto px-4 py-3 text-sm">{children}</div>
      {footer ? <footer className="flex flex-wrap items-center justify-end gap-2 border-t border-line px-4 py-3">{footer}</footer> : null}
    </>
  );
  const frame = "flex max-h-[calc(100dvh-2rem)] flex-col";

  return (
    <dialog
      ref={ref}
      data-test={test}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      // Esc: the browser's cancel. The page's own Esc handlers (the details drawer) must not also fire.
      onKeyDown={(e) => {
        if (e.key === "Escape") e.stopPropagation();
      }}
      onCancel={(e) => {
        e.preventDefault();
        closeRef.current();
      }}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its box) cancels.
        if (e.target === ref.current) closeRef.current();
      }}
      className="m-auto w-[min(36rem,calc(100vw-1.5rem))] rounded-lg border border-line bg-surface p-0 text-fg shadow-2xl backdrop:bg-black/50"
    >
      {!open ? null : onSubmit ? (
        <form
          method="dialog"
          className={frame}
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit();
          }}
        >
          {header}
          {rest}
        </form>
      ) : (
        <div className={frame}>
          {header}
          {rest}
        </div>
      )}
    </dialog>
  );
}

export type DialogTone = "plain" | "primary" | "danger" | "warn";

const TONES: Record<DialogTone, string> = {
  plain: "border-line bg-surface hover:bg-surface-2",
  // soft fills with the tone as text: readable in the light and the dark theme alike
  primary: "border-info bg-info-soft text-info hover:brightness-95",
  danger: "border-err bg-err-soft text-err hover:brightness-95",
  warn: "border-warn bg-warn-soft text-warn hover:brightness-95",
};

/** The dialogs' buttons: one look for all, a visible focus ring. */
export function DialogButton({
  children,
  onClick,
  tone = "plain",
  disabled,
  test,
  type = "button",
  title,
  ref,
}: {
  children: ReactNode;
  onClick?: () => void;
  tone?: DialogTone;
  disabled?: boolean;
  test?: string;
  type?: "button" | "submit";
  title?: string;
  ref?: Ref<HTMLButtonElement>;
}) {
  return (
    <button
      ref={ref}
      type={type}
      data-test={test}
      title={title}
      disabled={disabled}
      onClick={onClick}
      className={`inline-flex items-center justify-center gap-1.5 rounded-md border px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-info disabled:cursor-not-allowed disabled:opacity-50 ${TONES[tone]}`}
    >
      {children}
    </button>
  );
}

/**
 * A dialog's decision: Cancel, then the button that does it. The confirm button either submits the
 * dialog's form (onConfirm omitted) or runs onConfirm.
 */
export function CancelConfirm({
  onCancel,
  cancelTest,
  cancelRef,
  label,
  tone,
  onConfirm,
  disabled,
  title,
  confirmTest,
  confirmRef,
}: {
  onCancel: () => void;
  cancelTest: string;
  cancelRef?: Ref<HTMLButtonElement>;
  label: ReactNode;
  tone: DialogTone;
  onConfirm?: () => void;
  disabled?: boolean;
  title?: string;
  confirmTest: string;
  confirmRef?: Ref<HTMLButtonElement>;
}) {
  return (
    <>
      <DialogButton ref={cancelRef} onClick={onCancel} test={cancelTest}>
        Cancel
      </DialogButton>
      <DialogButton ref={confirmRef} type={onConfirm ? "button" : "submit"} tone={tone} onClick={onConfirm} disabled={disabled} title={title} test={confirmTest}>
        {label}
      </DialogButton>
    </>
  );
}

/** Command lines, as the agent will run them. */
export function CommandLines({ lines, label = "Will run", test = "command-preview" }: { lines: readonly string[]; label?: string; test?: string }) {
  return (
    <div>
      <p className="mb-1 flex items-center gap-1.5 text-xs font-medium text-muted">
        <Terminal aria-hidden className="size-3.5" /> {label}
      </p>
      <pre data-test={test} className="overflow-x-auto whitespace-pre-wrap [overflow-wrap:anywhere] rounded-md bg-surface-2 px-3 py-2 font-mono text-xs">
        {lines.join("\n")}
      </pre>
    </div>
  );
}
