"use client";
/**
 * What the by-node board can do to a resource, in one place: the drop of a card, and the card's
 * menu (so no action is drag-only) both end here. It holds the open dialog (impact preview, stop,
 * ban), the moves waiting to land, and the outcomes shown above the board. Every change runs
 * through the action runner (the one audited path); nothing here talks to an agent.
 *
 * Two contexts: the actions (stable for the board's lifetime, so 2000 cards reading it never
 * re-render because of it) and the busy markers (change only when a change starts or ends).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useActionRunner, useRunningChange, type ChangeExtra, type ChangeReport } from "@/components/actions/action-runner";
import type { ActionParams, OperationActionName } from "@/lib/protocol/actions";
import type { NodeColumn } from "./columns";
import { columnHas, dropIntent, hasLanded, type DragSubject, type DropTarget } from "./drag";
import { BanDialog, StopDialog } from "./confirm-dialogs";
import { MoveDialog, type MoveOptions } from "./move-dialog";

/**
 * What only the board has to say (a change's own outcome goes to the console's outcome area): a
 * drop that asks nothing of the cluster, and a move reported done that this page does not show.
 */
export interface BoardReport {
  key: string;
  label: string;
  /** info: nothing was asked of the cluster (a drop that means nothing) */
  state: ChangeReport["state"] | "info";
  message: string;
  commands: string[];
  at: number;
}

interface BoardActions {
  cluster: string;
  /** the user's role allows moves: cards get a drag handle (viewers get none) */
  canMove: boolean;
  drop(subject: DragSubject, target: DropTarget | null): void;
  openMove(subject: DragSubject, node: string): void;
  openStop(subject: DragSubject): void;
  openBan(subject: DragSubject): void;
  clear(subject: DragSubject): void;
  start(subject: DragSubject): void;
}

type Dialog =
  | { kind: "move"; subject: DragSubject; node: string }
  | { kind: "stop"; subject: DragSubject }
  | { kind: "ban"; subject: DragSubject; node: string };

interface Landing {
  rsc: string;
  node: string;
  promoted: boolean;
  since: number;
}

const ActionsCtx = createContext<BoardActions | null>(null);
const LandingCtx = createContext<ReadonlyMap<string, Landing>>(new Map());

export function useBoardActions(): BoardActions {
  const v = useContext(ActionsCtx);
  if (!v) throw new Error("useBoardActions outside BoardActionsProvider");
  return v;
}

const BUSY_WORDS: Partial<Record<OperationActionName, string>> = {
  "resource.move": "moving…",
  "resource.stop": "stopping…",
  "resource.start": "starting…",
  "resource.ban": "banning…",
  "resource.clear": "clearing…",
  "resource.cleanup": "cleaning up…",
  "resource.restart": "restarting…",
};

/**
 * "moving…" (or stopping…) while a change of this resource runs, and after a move is done until
 * the board shows it on its new node (the browser's status may lag the console's by a moment).
 */
export function useCardBusy(cluster: string, rsc: string): string | null {
  const running = useRunningChange((c) => c.cluster === cluster && c.params.rsc === rsc && c.action in BUSY_WORDS);
  const landing = useContext(LandingCtx).get(rsc);
  if (running) return BUSY_WORDS[running.action] ?? "working…";
  return landing ? "moving…" : null;
}

/** How long a done move may wait for the browser's status to show it before we stop saying "moving…". */
const LANDING_TIMEOUT_MS = 15_000;
const MAX_REPORTS = 4;

export function BoardActionsProvider({ cluster, columns, children }: { cluster: string; columns: NodeColumn[] | null; children: ReactNode }) {
  const runner = useActionRunner();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [landing, setLanding] = useState<ReadonlyMap<string, Landing>>(new Map());
  const [reports, setReports] = useState<BoardReport[]>([]);
  const seq = useRef(0);
  const canMove = runner.can("resource.move");

  // The latest of what the stable callbacks read, without making them change.
  const latest = useRef({ columns, runner });
  latest.current = { columns, runner };

  const report = useCallback((r: Omit<BoardReport, "key" | "at"> & { key?: string }) => {
    const key = r.key ?? `board-${++seq.current}`;
    setReports((list) => [{ ...r, key, at: Date.now() }, ...list.filter((x) => x.key !== key)].slice(0, MAX_REPORTS));
  }, []);

  const run = useCallback(
    async <A extends OperationActionName>(action: A, input: ActionParams<A> & ChangeExtra<A>, label: string): Promise<ChangeReport> => {
      // The outcome is shown (and announced) once, in the console's outcome area, like every change's.
      return latest.current.runner.run(cluster, action, input, label);
    },
    [cluster],
  );

  const actions = useMemo<BoardActions>(
    () => ({
      cluster,
      canMove,
      drop(subject, target) {
        const cols = latest.current.columns ?? [];
        const intent = dropIntent(subject, target, target?.kind === "node" ? columnHas(cols, target.node, subject.rsc) : false);
        if (intent.kind === "move") setDialog({ kind: "move", subject, node: intent.node });
        else if (intent.kind === "stop") setDialog({ kind: "stop", subject });
        else if (intent.reason) report({ label: `Move ${subject.rsc}`, state: "info", message: intent.reason, commands: [] });
      },
      openMove(subject, node) {
        setDialog({ kind: "move", subject, node });
      },
      openStop(subject) {
        setDialog({ kind: "stop", subject });
      },
      openBan(subject) {
        if (subject.from) setDialog({ kind: "ban", subject, node: subject.from });
      },
      clear(subject) {
        void run("resource.clear", { rsc: subject.rsc }, `Clear moves and bans of ${subject.rsc}`);
      },
      start(subject) {
        void run("resource.start", { rsc: subject.rsc }, `Start ${subject.rsc}`);
      },
    }),
    [cluster, canMove, report, run],
  );

  const close = useCallback(() => setDialog(null), []);

  // A moved card is a new element in another column: keyboard focus follows it there instead of
  // falling to the page when the old card goes.
  const follow = useRef<Landing | null>(null);
  useEffect(() => {
    const f = follow.current;
    if (!f || !columns || !hasLanded(columns, f.rsc, f.node, f.promoted)) return;
    follow.current = null;
    const lost = !document.activeElement || document.activeElement === document.body;
    if (lost) {
      const sel = `[data-test="column:${CSS.escape(f.node)}"] [data-test="card:${CSS.escape(f.rsc)}"] [data-test="card-menu"]`;
      document.querySelector<HTMLElement>(sel)?.focus();
    }
  }, [columns]);

  const confirmMove = useCallback(
    async (subject: DragSubject, node: string, opts: MoveOptions) => {
      setDialog(null);
      follow.current = { rsc: subject.rsc, node, promoted: subject.promoted, since: Date.now() };
      const params = {
        rsc: subject.rsc,
        node,
        ...(opts.lifetime ? { lifetime: opts.lifetime } : {}),
        ...(subject.promoted ? { promoted: true } : {}),
      };
      const what = subject.promoted ? `the promoted role of ${subject.rsc}` : subject.rsc;
      const out = await run("resource.move", params, `Move ${what} to ${node}`);
      if (out.state !== "done") return;
      // Done means the console's status shows it; keep "moving…" until this browser's board does too.
      setLanding((m) => new Map(m).set(subject.rsc, { rsc: subject.rsc, node, promoted: subject.promoted, since: Date.now() }));
      if (opts.clearAfter) {
        // Only the move's own constraint (on that node): a ban made elsewhere stays.
        await run("resource.clear", { rsc: subject.rsc, node, ...(subject.promoted ? { promoted: true } : {}) }, `Clear the move constraint of ${subject.rsc}`);
      }
    },
    [run],
  );

  const confirmStop = useCallback(
    (subject: DragSubject) => {
      setDialog(null);
      void run("resource.stop", { rsc: subject.rsc }, `Stop ${subject.rsc}`);
    },
    [run],
  );

  const confirmBan = useCallback(
    (subject: DragSubject, node: string, lifetime: string | null) => {
      setDialog(null);
      void run(
        "resource.ban",
        { rsc: subject.rsc, node, ...(lifetime ? { lifetime } : {}), ...(subject.promoted ? { promoted: true } : {}) },
        `Ban ${subject.rsc} from ${node}`,
      );
    },
    [run],
  );

  // A landing ends when the board shows the resource on its new node, or after a while (said so).
  useEffect(() => {
    if (landing.size === 0) return;
    const cols = columns ?? [];
    const landed = [...landing.values()].filter((l) => hasLanded(cols, l.rsc, l.node, l.promoted));
    if (landed.length) {
      setLanding((m) => {
        const next = new Map(m);
        for (const l of landed) next.delete(l.rsc);
        return next;
      });
    }
  }, [columns, landing]);
  useEffect(() => {
    if (landing.size === 0) return;
    const t = setInterval(() => {
      const now = Date.now();
      const late = [...landing.values()].filter((l) => now - l.since > LANDING_TIMEOUT_MS);
      if (!late.length) return;
      for (const l of late) report({ label: `Move ${l.rsc} to ${l.node}`, state: "submitted", message: `The cluster reported the move, but this page's status does not show ${l.rsc} on ${l.node} yet.`, commands: [] });
      setLanding((m) => {
        const next = new Map(m);
        for (const l of late) next.delete(l.rsc);
        return next;
      });
    }, 1000);
    return () => clearInterval(t);
  }, [landing, report]);

  return (
    <ActionsCtx.Provider value={actions}>
      <LandingCtx.Provider value={landing}>
        <BoardReports reports={reports} onDismiss={(key) => setReports((r) => r.filter((x) => x.key !== key))} />
        {children}
        {dialog?.kind === "move" ? (
          <MoveDialog cluster={cluster} subject={dialog.subject} node={dialog.node} onCancel={close} onConfirm={(o) => void confirmMove(dialog.subject, dialog.node, o)} />
        ) : dialog?.kind === "stop" ? (
          <StopDialog subject={dialog.subject} onCancel={close} onConfirm={() => confirmStop(dialog.subject)} />
        ) : dialog?.kind === "ban" ? (
          <BanDialog subject={dialog.subject} node={dialog.node} onCancel={close} onConfirm={(lifetime) => confirmBan(dialog.subject, dialog.node, lifetime)} />
        ) : null}
      </LandingCtx.Provider>
    </ActionsCtx.Provider>
  );
}

const REPORT_TONE: Record<BoardReport["state"], string> = {
  done: "border-ok bg-ok-soft",
  submitted: "border-warn bg-warn-soft",
  failed: "border-err bg-err-soft",
  info: "border-info bg-info-soft",
};
const REPORT_WORD: Record<BoardReport["state"], string> = {
  done: "Done",
  submitted: "Not done yet",
  failed: "Failed",
  info: "Nothing to do",
};

/** The true outcome of each change made from the board, where the user is looking. */
function BoardReports({ reports, onDismiss }: { reports: BoardReport[]; onDismiss: (key: string) => void }) {
  return (
    <div role="status" aria-live="polite" className="space-y-2 empty:hidden" data-test="board-reports">
      {reports.map((r) => (
        <div key={r.key} data-test="board-report" data-state={r.state} className={`flex items-start gap-3 rounded-md border-l-4 px-3 py-2 text-sm ${REPORT_TONE[r.state]}`}>
          <div className="min-w-0 flex-1">
            <p className="font-medium">
              {REPORT_WORD[r.state]}: {r.label}
            </p>
            {r.message ? <p className="break-words text-muted">{r.message}</p> : null}
            {r.commands.length ? <p className="break-all font-mono text-xs text-muted">{r.commands.join(" · ")}</p> : null}
          </div>
          <button
            type="button"
            onClick={() => onDismiss(r.key)}
            className="rounded px-1.5 text-muted hover:text-fg focus-visible:outline-2 focus-visible:outline-info"
            aria-label={`Dismiss: ${r.label}`}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
