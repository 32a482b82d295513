"use client";
// Every control that changes a cluster runs through here: it says what will run (the Pacemaker
// command lines, from the same function the agent uses), tracks the change while the agent works
// (so a card can show "moving…"), and reports the true outcome: "done" only when the console's
// status shows it, Pacemaker's own message when it failed. The server enforces roles; the role
// here only decides which controls are shown enabled.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
// Imported from the files themselves, not the @/lib/protocol index: that would bring zod (its
// schemas) into the cluster pages' bundle, which stays zod-free for first paint.
import { commandLine, liveCommands } from "@/lib/protocol/commands";
import type { ActionParams, OperationActionName } from "@/lib/protocol/actions";
import type { ActionOutcome } from "@/server/actions/perform";
import type { Role } from "@/server/auth/roles";
import { useTRPCClient } from "@/trpc/react";

const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };
const roleAtLeast = (role: Role, minimum: Role): boolean => RANK[role] >= RANK[minimum];

/** The minimum role of each change (mirrors the procedures in server/api/routers; the server decides). */
export const ACTION_ROLE: Record<OperationActionName, Role> = {
  "node.standby": "operator",
  "node.maintenance": "operator",
  "node.fence": "admin",
  "node.attribute.set": "operator",
  "node.attribute.delete": "operator",
  "resource.start": "operator",
  "resource.stop": "operator",
  "resource.restart": "operator",
  "resource.promote": "operator",
  "resource.demote": "operator",
  "resource.manage": "operator",
  "resource.unmanage": "operator",
  "resource.cleanup": "operator",
  "resource.refresh": "operator",
  "resource.move": "operator",
  "resource.ban": "operator",
  "resource.clear": "operator",
  "cluster.maintenance": "operator",
  "cluster.stopAll": "operator",
  "ticket.grant": "operator",
  "ticket.revoke": "operator",
  "ticket.standby": "operator",
  "ticket.activate": "operator",
};

/** Extra input some changes need beyond the agent's params (a typed confirmation). */
export type ChangeExtra<A extends OperationActionName> = A extends "node.fence" | "cluster.stopAll" ? { confirm: string } : object;

type Client = ReturnType<typeof useTRPCClient>;
type Input<A extends OperationActionName> = ActionParams<A> & ChangeExtra<A> & { cluster: string };
type Caller = (c: Client, input: Record<string, unknown>) => Promise<ActionOutcome>;

/** Where each change lives on the tRPC router. */
const CALLERS: Record<OperationActionName, Caller> = {
  "node.standby": (c, i) => c.nodes.standby.mutate(i as Input<"node.standby">),
  "node.maintenance": (c, i) => c.nodes.maintenance.mutate(i as Input<"node.maintenance">),
  "node.fence": (c, i) => c.nodes.fence.mutate(i as Input<"node.fence">),
  "node.attribute.set": (c, i) => c.attributes.set.mutate(i as Input<"node.attribute.set">),
  "node.attribute.delete": (c, i) => c.attributes.delete.mutate(i as Input<"node.attribute.delete">),
  "resource.start": (c, i) => c.resources.start.mutate(i as Input<"resource.start">),
  "resource.stop": (c, i) => c.resources.stop.mutate(i as Input<"resource.stop">),
  "resource.restart": (c, i) => c.resources.restart.mutate(i as Input<"resource.restart">),
  "resource.promote": (c, i) => c.resources.promote.mutate(i as Input<"resource.promote">),
  "resource.demote": (c, i) => c.resources.demote.mutate(i as Input<"resource.demote">),
  "resource.manage": (c, i) => c.resources.manage.mutate(i as Input<"resource.manage">),
  "resource.unmanage": (c, i) => c.resources.unmanage.mutate(i as Input<"resource.unmanage">),
  "resource.cleanup": (c, i) => c.resources.cleanup.mutate(i as Input<"resource.cleanup">),
  "resource.refresh": (c, i) => c.resources.refresh.mutate(i as Input<"resource.refresh">),
  "resource.move": (c, i) => c.resources.move.mutate(i as Input<"resource.move">),
  "resource.ban": (c, i) => c.resources.ban.mutate(i as Input<"resource.ban">),
  "resource.clear": (c, i) => c.resources.clear.mutate(i as Input<"resource.clear">),
  "cluster.maintenance": (c, i) => c.operations.maintenance.mutate(i as Input<"cluster.maintenance">),
  "cluster.stopAll": (c, i) => c.operations.stopAll.mutate(i as Input<"cluster.stopAll">),
  "ticket.grant": (c, i) => c.tickets.grant.mutate(i as Input<"ticket.grant">),
  "ticket.revoke": (c, i) => c.tickets.revoke.mutate(i as Input<"ticket.revoke">),
  "ticket.standby": (c, i) => c.tickets.standby.mutate(i as Input<"ticket.standby">),
  "ticket.activate": (c, i) => c.tickets.activate.mutate(i as Input<"ticket.activate">),
};

/** The command lines a change will run, one per line (for a tooltip or a confirm dialog). */
export function commandPreview<A extends OperationActionName>(action: A, params: ActionParams<A>): string[] {
  return liveCommands(action, params).map(commandLine);
}

export interface RunningChange {
  key: string;
  cluster: string;
  action: OperationActionName;
  params: Record<string, unknown>;
  label: string;
  startedAt: number;
}

export interface ChangeReport {
  key: string;
  label: string;
  /** done: the status shows it · submitted: accepted, not shown yet · failed: refused or failed */
  state: "done" | "submitted" | "failed";
  message: string;
  commands: string[];
  at: number;
}

interface Runner {
  role: Role;
  can(action: OperationActionName): boolean;
  /** why a control is disabled for this user, or null */
  deniedReason(action: OperationActionName): string | null;
  run<A extends OperationActionName>(cluster: string, action: A, input: ActionParams<A> & ChangeExtra<A>, label: string): Promise<ChangeReport>;
  running: RunningChange[];
  reports: ChangeReport[];
  dismiss(key: string): void;
}

const Ctx = createContext<Runner | null>(null);

export function useActionRunner(): Runner {
  const v = useContext(Ctx);
  if (!v) throw new Error("useActionRunner outside ActionRunnerProvider");
  return v;
}

/** The change in flight that matches (e.g. a move of this resource), for in-place progress. */
export function useRunningChange(match: (c: RunningChange) => boolean): RunningChange | null {
  return useActionRunner().running.find(match) ?? null;
}

const MAX_REPORTS = 5;

export function ActionRunnerProvider({ role, children }: { role: Role; children: ReactNode }) {
  const client = useTRPCClient();
  const [running, setRunning] = useState<RunningChange[]>([]);
  const [reports, setReports] = useState<ChangeReport[]>([]);
  const seq = useRef(0);

  const can = useCallback((action: OperationActionName) => roleAtLeast(role, ACTION_ROLE[action]), [role]);
  const deniedReason = useCallback(
    (action: OperationActionName) => (can(action) ? null : `Needs the ${ACTION_ROLE[action]} role (you are ${role})`),
    [can, role],
  );

  const run = useCallback(
    async <A extends OperationActionName>(cluster: string, action: A, input: ActionParams<A> & ChangeExtra<A>, label: string) => {
      const key = `${Date.now()}-${++seq.current}`;
      const params = input as Record<string, unknown>;
      setRunning((r) => [...r, { key, cluster, action, params, label, startedAt: Date.now() }]);
      let report: ChangeReport;
      try {
        const out = await CALLERS[action](client, { ...params, cluster });
        report = { key, label, state: out.state, message: out.message, commands: out.commands, at: Date.now() };
      } catch (err) {
        report = { key, label, state: "failed", message: err instanceof Error ? err.message : String(err), commands: [], at: Date.now() };
      } finally {
        setRunning((r) => r.filter((c) => c.key !== key));
      }
      setReports((r) => [report, ...r].slice(0, MAX_REPORTS));
      return report;
    },
    [client],
  );

  const dismiss = useCallback((key: string) => setReports((r) => r.filter((x) => x.key !== key)), []);
  const value = useMemo(() => ({ role, can, deniedReason, run, running, reports, dismiss }), [role, can, deniedReason, run, running, reports, dismiss]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}
