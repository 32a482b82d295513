"use client";
// The one button every change in the status views uses: it says what will run (the command lines
// in its tooltip, and in a confirm dialog for anything disruptive), shows the change in flight
// ("working…" with a spinner, from the runner's `running`), and leaves the true outcome to the
// outcome area (components/actions/outcome-toasts.tsx). A user whose role is too low sees it
// disabled with the role it needs; the server refuses regardless.
import clsx from "clsx";
import { Loader2, type LucideIcon } from "lucide-react";
import { useMemo, useState, type ReactNode } from "react";
import type { ActionParams, OperationActionName } from "@/lib/protocol/actions";
import { commandPreview, useActionRunner, type ChangeExtra, type ChangeReport, type RunningChange } from "./action-runner";
import { ConfirmDialog } from "./confirm-dialog";

export interface ConfirmSpec {
  title: string;
  body?: ReactNode;
  confirmLabel?: string;
  danger?: boolean;
  /** a name the user must type (node.fence, cluster.stopAll send it as `confirm`) */
  typed?: string;
}

export type ActionButtonVariant = "default" | "primary" | "danger" | "quiet";

export interface ActionButtonProps<A extends OperationActionName> {
  cluster: string;
  action: A;
  params: ActionParams<A>;
  /** the button's text */
  label: string;
  /** what the outcome area calls this change ("standby node2") */
  describe: string;
  icon?: LucideIcon;
  confirm?: ConfirmSpec;
  /** a reason besides the role that the change cannot run now (invalid input, no agent) */
  disabledReason?: string | null;
  variant?: ActionButtonVariant;
  size?: "xs" | "sm";
  /** defaults to action:<action>[:<target>] (the e2e suite finds every change control by that prefix) */
  test?: string;
  target?: string;
  className?: string;
  onDone?: (report: ChangeReport) => void;
}

/** Same params, key by key (the params are flat: strings, booleans, undefined). */
export function sameParams(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

export function isRunning(running: readonly RunningChange[], cluster: string, action: OperationActionName, params: Record<string, unknown>): boolean {
  return running.some((c) => c.cluster === cluster && c.action === action && sameParams(c.params, params));
}

const variants: Record<ActionButtonVariant, string> = {
  default: "border border-line bg-surface hover:bg-surface-2",
  primary: "bg-accent text-canvas hover:opacity-90",
  danger: "border border-err/60 text-err hover:bg-err-soft",
  quiet: "text-muted hover:bg-surface-2 hover:text-fg",
};

export const actionButtonClass = (variant: ActionButtonVariant = "default", size: "xs" | "sm" = "sm") =>
  clsx(
    "inline-flex shrink-0 items-center justify-center gap-1 whitespace-nowrap rounded-md font-medium outline-none",
    "focus-visible:ring-2 focus-visible:ring-accent focus-visible:ring-offset-1 focus-visible:ring-offset-surface",
    "aria-disabled:cursor-not-allowed aria-disabled:opacity-45",
    size === "xs" ? "h-7 px-2 text-xs" : "h-8 px-2.5 text-sm",
    variants[variant],
  );

export function ActionButton<A extends OperationActionName>(props: ActionButtonProps<A>) {
  const { cluster, action, params, label, describe, icon: Icon, confirm, disabledReason, variant = "default", size = "sm", target, className, onDone } = props;
  const runner = useActionRunner();
  const [asking, setAsking] = useState(false);
  const commands = useMemo(() => commandPreview(action, params), [action, params]);
  const busy = isRunning(runner.running, cluster, action, params as Record<string, unknown>);
  const denied = runner.deniedReason(action);
  const why = denied ?? disabledReason ?? null;
  const off = why !== null || busy;
  const title = why ?? (busy ? `Working: ${commands.join(" && ")}` : `Runs: ${commands.join("\n      ")}`);
  const test = props.test ?? `action:${action}${target ? `:${target}` : ""}`;

  const go = (extra: Record<string, unknown>) => {
    const input = { ...(params as Record<string, unknown>), ...extra } as ActionParams<A> & ChangeExtra<A>;
    void runner.run(cluster, action, input, describe).then((r) => onDone?.(r));
  };

  return (
    <>
      <button
        type="button"
        data-test={test}
        data-action={action}
        data-busy={busy || undefined}
        data-denied={denied ? "role" : undefined}
        aria-disabled={off || undefined}
        aria-busy={busy || undefined}
        title={title}
        onClick={() => {
          if (off) return;
          if (confirm) setAsking(true);
          else go({});
        }}
        className={clsx(actionButtonClass(variant, size), className)}
      >
        {busy ? <Loader2 aria-hidden className="size-3.5 animate-spin" /> : Icon ? <Icon aria-hidden className="size-3.5" /> : null}
        {/* While busy the name still says which change it is ("Standby: working…"). */}
        {busy ? (
          <span>
            <span className="sr-only">{label}: </span>working…
          </span>
        ) : (
          <span>{label}</span>
        )}
        {/* The tooltip's reason, for screen readers and touch screens that never show a title. */}
        {why ? <span className="sr-only">: {why}</span> : null}
      </button>
      {/* Mounted only while it asks: a page with 50 controls holds no 50 closed dialogs. */}
      {confirm && asking ? (
        <ConfirmDialog
          open
          title={confirm.title}
          commands={commands}
          confirmLabel={confirm.confirmLabel ?? label}
          danger={confirm.danger}
          typed={confirm.typed}
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            go(confirm.typed !== undefined ? { confirm: confirm.typed } : {});
          }}
          test={`confirm:${action}`}
        >
          {confirm.body}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
