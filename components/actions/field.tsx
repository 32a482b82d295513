"use client";
// The look of the action forms' fields (a node choice, a lifetime, an attribute's name and value, a
// name typed to confirm), and the text field for exact values: monospace, no autocomplete and no
// spell check (a node name, PT30M, an attribute value are taken as typed), red while aria-invalid.
import clsx from "clsx";
import type { ComponentPropsWithRef } from "react";

export const fieldClass =
  "mt-1 block h-9 w-full rounded-md border border-line bg-surface px-2.5 text-sm outline-none focus:border-accent focus:ring-2 focus:ring-accent/30 aria-[invalid=true]:border-err aria-[invalid=true]:focus:border-err aria-[invalid=true]:focus:ring-err/30";

export function ExactInput({ className, ...props }: ComponentPropsWithRef<"input">) {
  return <input autoComplete="off" spellCheck={false} {...props} className={clsx(fieldClass, "font-mono", className)} />;
}
