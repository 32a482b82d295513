"use client";
import { X } from "lucide-react";
import { useEffect, useId, useRef, type ReactNode } from "react";

/**
 * A modal dialog on the native <dialog> element: the browser traps focus, Esc closes it, the page
 * behind is inert for pointer and screen reader alike, and focus goes back where it was on close.
 */
export function Modal({
  title,
  onClose,
  children,
  footer,
  test,
}: {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  test?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    const back = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!d.open) d.showModal();
    return () => {
      if (d.open) d.close();
      // The element that opened it may be gone (a card that moved): focus only what is still there.
      if (back?.isConnected) back.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      data-test={test}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        closeRef.current();
      }}
      onClick={(e) => {
        // a click on the backdrop (the dialog element itself, outside its box) closes it
        if (e.target === ref.current) closeRef.current();
      }}
      className="m-auto w-[min(36rem,calc(100vw-1.5rem))] rounded-lg border border-line bg-surface p-0 text-fg shadow-2xl backdrop:bg-black/50"
    >
      <div className="flex max-h-[calc(100dvh-2rem)] flex-col">
        <header className="flex items-start gap-3 border-b border-line px-4 py-3">
          <h2 id={titleId} className="min-w-0 flex-1 text-base font-semibold">
            {title}
          </h2>
          <button
            type="button"
            onClick={() => closeRef.current()}
            aria-label="Close"
            className="rounded p-1 text-muted hover:bg-surface-2 hover:text-fg focus-visible:outline-2 focus-visible:outline-info"
          >
            <X aria-hidden className="size-5" />
          </button>
        </header>
        <div className="min-h-0 flex-1 space-y-3 overflow-y-auto px-4 py-3 text-sm">{children}</div>
        {footer ? <footer className="flex flex-wrap items-center justify-end gap-2 border-t border-line px-4 py-3">{footer}</footer> : null}
      </div>
    </dialog>
  );
}

/** The dialogs' buttons: one look for all, a visible focus ring. */
export function DialogButton({
  children,
  onClick,
  tone = "plain",
  disabled,
  test,
  type = "button",
  title,
}: {
  children: ReactNode;
  onClick?: () => void;
  tone?: "plain" | "primary" | "danger" | "warn";
  disabled?: boolean;
  test?: string;
  type?: "button" | "submit";
  title?: string;
}) {
  const tones = {
    plain: "border-line bg-surface hover:bg-surface-2",
    // soft fills with the tone as text: readable in the light and the dark theme alike
    primary: "border-info bg-info-soft text-info hover:brightness-95",
    danger: "border-err bg-err-soft text-err hover:brightness-95",
    warn: "border-warn bg-warn-soft text-warn hover:brightness-95",
  } as const;
  return (
    <button
      type={type}
      data-test={test}
      title={title}
      disabled={disabled}
      onClick={onClick}
      className={`rounded-md border px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-info disabled:cursor-not-allowed disabled:opacity-50 ${tones[tone]}`}
    >
      {children}
    </button>
  );
}

/** Command lines, as the agent will run them. */
export function CommandLines({ lines, test = "command-preview" }: { lines: readonly string[]; test?: string }) {
  return (
    <div>
      <p className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-muted">Will run</p>
      <pre data-test={test} className="overflow-x-auto whitespace-pre-wrap break-all rounded bg-surface-2 px-2 py-1.5 font-mono text-xs">
        {lines.join("\n")}
      </pre>
    </div>
  );
}
