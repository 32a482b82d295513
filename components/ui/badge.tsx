import type { LucideIcon } from "lucide-react";
import clsx from "clsx";
import type { ReactNode } from "react";
import { toneSoft, type Tone } from "./tone";

/** A small pill: colour and icon carry the meaning, the text says it for those who cannot see colour. */
export function Badge({
  tone,
  icon: Icon,
  children,
  title,
  className,
  test,
}: {
  tone: Tone;
  icon?: LucideIcon;
  children: ReactNode;
  title?: string;
  className?: string;
  test?: string;
}) {
  return (
    <span
      data-test={test}
      title={title}
      className={clsx(
        "inline-flex items-center gap-1 whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium leading-4",
        toneSoft[tone],
        className,
      )}
    >
      {Icon ? <Icon aria-hidden className="size-3.5 shrink-0" /> : null}
      {children}
    </span>
  );
}
