import clsx from "clsx";
import { CircleCheck, CircleX } from "lucide-react";
import type { ButtonHTMLAttributes, ReactNode } from "react";

export const inputClass =
  "mt-1 block h-9 w-full rounded-md border border-line bg-surface px-2.5 text-sm outline-none focus:border-accent focus:ring-2 focus:ring-accent/30";

export function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <label className="block text-sm font-medium">
      {label}
      {children}
      {hint ? <span className="mt-1 block text-xs font-normal text-muted">{hint}</span> : null}
    </label>
  );
}

export function Button({
  variant = "primary",
  className,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: "primary" | "secondary" | "danger" }) {
  return (
    <button
      type="button"
      {...props}
      className={clsx(
        "inline-flex h-9 items-center justify-center gap-1.5 rounded-md px-3 text-sm font-medium disabled:opacity-50",
        variant === "primary" && "bg-accent text-canvas hover:opacity-90",
        variant === "secondary" && "border border-line bg-surface hover:bg-surface-2",
        variant === "danger" && "border border-err text-err hover:bg-err-soft",
        className,
      )}
    />
  );
}

/** The server's own message, shown as it is: it already says what was wrong and how to fix it. */
export function ServerMessage({ error, success, test }: { error?: string | null; success?: string | null; test?: string }) {
  if (error) {
    return (
      <p role="alert" data-test={test ?? "form-error"} className="flex items-start gap-2 rounded-md bg-err-soft px-3 py-2 text-sm text-err">
        <CircleX aria-hidden className="mt-0.5 size-4 shrink-0" />
        <span className="whitespace-pre-wrap">{error}</span>
      </p>
    );
  }
  if (success) {
    return (
      <p role="status" data-test={test ? `${test}-ok` : "form-ok"} className="flex items-start gap-2 rounded-md bg-ok-soft px-3 py-2 text-sm text-ok">
        <CircleCheck aria-hidden className="mt-0.5 size-4 shrink-0" />
        {success}
      </p>
    );
  }
  return null;
}
