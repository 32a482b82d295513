// The one way a change reaches an agent. Every mutation router calls performAction; nothing else
// sends a change request. Order: role (done by the procedure builder, which audits a refusal) →
// validate → audit row *pending* → agent → wait until the status shows it → complete the row.
// A console that dies in between leaves *pending*, shown as *outcome unknown* after restart.
import { TRPCError } from "@trpc/server";
import { failureResource, type ClusterStatus } from "@/lib/pacemaker";
import { AgentRequestError } from "@/lib/agent-client";
import {
  ActionParamsSchemas,
  ChangeResultSchema,
  commandLine,
  liveCommands,
  type ActionParams,
  type ChangeActionName,
  type ChangeResult,
} from "@/lib/protocol";
import { completeActionRow, openActionRow, recordAudit, type Actor } from "@/server/audit/audit";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db/client";
import type { ClusterFeed } from "@/server/hub/cluster-feed";
import type { AgentHub } from "@/server/hub/hub";
import { ownIds, pendingEffect } from "./effects";
import { targetOf, unknownIds } from "./targets";

export interface ActionCaller {
  db: Db;
  hub: AgentHub;
  user: SessionUser;
  clientIp: string;
  /** How long to wait for the status to show the change, overriding EFFECT_WAIT_MS (tests use a short one). */
  effectWaitMs?: number;
}

export interface ActionOutcome {
  auditId: string;
  /** done: the cluster's status shows it; submitted: Pacemaker took it, the status does not show it (yet) */
  state: "done" | "submitted";
  /** what happened, in one sentence (why not, when submitted) */
  message: string;
  /** the command lines the agent ran */
  commands: string[];
  /** the node whose agent ran them */
  node: string | null;
  epochBefore: string | null;
  epochAfter: string | null;
  durationMs: number;
  /** false when the audit row could not be completed yet (it is retried; the change did happen) */
  auditWritten: boolean;
}

/** What a caller adds to the audit row beyond the action's own params (a configuration commit). */
export interface AuditExtras {
  /** written as the row's params instead of the action's (a commit's edits are long: their summaries are kept) */
  params?: Record<string, unknown>;
  /** the row's one-line summary */
  summary?: string;
}

/** How long to wait for the status to show a change before saying it was only submitted. */
const EFFECT_WAIT_MS: Partial<Record<ChangeActionName, number>> = {
  "resource.move": 30_000,
  "resource.ban": 30_000,
  "resource.restart": 30_000,
  "resource.start": 20_000,
  "resource.stop": 20_000,
  "node.fence": 30_000,
};
const DEFAULT_EFFECT_WAIT_MS = 15_000;
/** crm_resource --restart waits for the stop and the start; other changes answer at once. */
const AGENT_TIMEOUT_MS: Partial<Record<ChangeActionName, number>> = { "resource.restart": 120_000, "node.fence": 120_000 };

const TRUE_VALUES = new Set(["true", "yes", "y", "on", "1"]);

/** The cluster runs with enable-acl: Pacemaker enforces its ACLs for the CIB_user we send. */
export function aclEnabled(status: ClusterStatus | null): boolean {
  const v = status?.configuration?.properties["enable-acl"];
  return v !== undefined && TRUE_VALUES.has(v.toLowerCase());
}

function actorOf(user: SessionUser): Actor {
  return { userId: user.id, username: user.username, role: user.role };
}

/** The user's Pacemaker ACL target, from the user record (never from the request). */
async function aclTargetOf(db: Db, userId: string): Promise<string | null> {
  const row = await db.user.findUnique({ where: { id: userId }, select: { aclTarget: true } });
  return row?.aclTarget ?? null;
}

/** Why a move or ban did not land where asked, from what the status says about the target. */
function whyNotPlaced(status: ClusterStatus, rsc: string, node: string): string[] {
  const reasons: string[] = [];
  const n = status.nodes.find((x) => x.name === node);
  if (n && !n.online) reasons.push(`${node} is offline`);
  if (n?.standby) reasons.push(`${node} is in standby`);
  if (n?.maintenance) reasons.push(`${node} is in maintenance`);
  for (const b of status.bans ?? []) if (b.resource === rsc && b.node === node) reasons.push(`banned from ${node} by ${b.id}`);
  const own = ownIds(status, rsc);
  for (const f of status.failures) {
    if (f.node === node && own.has(failureResource(f.opKey))) {
      reasons.push(`${f.opKey} failed on ${node} (${f.exitreason || f.exitstatus})`);
    }
  }
  return reasons;
}

function describeWait(status: ClusterStatus, action: ChangeActionName, params: Record<string, unknown>, pending: string): string {
  const extra = action === "resource.move" && typeof params.rsc === "string" && typeof params.node === "string"
    ? whyNotPlaced(status, params.rsc, params.node)
    : [];
  return `Pacemaker accepted it, but the cluster does not show it yet: ${pending}${extra.length ? ` — ${extra.join("; ")}` : ""}`;
}

/** "ACL target viewer1, role ro" — who Pacemaker judged, with the roles the CIB gives that target. */
function aclWho(status: ClusterStatus | null, cibUser: string | undefined): string {
  if (!cibUser) return "no CIB_user";
  const acls = status?.configuration?.acls;
  const subject = acls?.targets.find((t) => t.id === cibUser || t.name === cibUser);
  const roles = subject?.roles ?? [];
  return `ACL target ${cibUser}${roles.length ? `, role ${roles.join(", ")}` : subject ? ", no role" : ", not an acl_target in the CIB"}`;
}

function commandLines(runs: ChangeResult["commands"]): string[] {
  return runs.map((c) => c.line);
}

function invalid(message: string): TRPCError {
  return new TRPCError({ code: "BAD_REQUEST", message });
}

/**
 * Carries out one change on a cluster. The procedure's builder has checked the role already;
 * the change's own rules (ids exist, ACL mapping) are checked here, and every refusal is audited.
 */
export async function performAction<A extends ChangeActionName>(
  caller: ActionCaller,
  cluster: string,
  action: A,
  rawParams: ActionParams<A>,
  extras: AuditExtras = {},
): Promise<ActionOutcome> {
  const started = performance.now();
  const { db, hub, user } = caller;
  const actor = actorOf(user);
  const feed: ClusterFeed | undefined = hub.feedByName(cluster);
  const target = targetOf(action, rawParams as Record<string, unknown>);
  const base = {
    action: `cluster.${action}`,
    targetKind: target.kind,
    target: target.id,
    params: extras.params ?? rawParams,
    clusterId: feed?.record.id ?? null,
    clusterName: cluster,
    address: caller.clientIp,
  };
  const refuse = async (status: "invalid" | "acl_denied" | "failed", message: string, err: TRPCError): Promise<never> => {
    await recordAudit(db, actor, base, status, message, performance.now() - started);
    throw err;
  };

  if (!feed) return refuse("invalid", `no cluster named ${cluster}`, new TRPCError({ code: "NOT_FOUND", message: `No cluster named ${cluster}` }));
  // The router's zod input checked the shape already; the agent's schema is the contract, so check it too.
  const parsed = ActionParamsSchemas[action].safeParse(rawParams);
  if (!parsed.success) {
    const msg = parsed.error.issues.map((i) => `${i.path.join(".") || "params"}: ${i.message}`).join("; ");
    return refuse("invalid", msg, invalid(`Invalid input: ${msg}`));
  }
  const params = parsed.data as ActionParams<A>;
  const status = feed.current();
  const unknown = status ? unknownIds(status, params as Record<string, unknown>) : null;
  if (unknown) return refuse("invalid", unknown, invalid(unknown));

  let cibUser: string | undefined;
  if (status && !status.configuration) {
    // Without the CIB's configuration the console cannot tell whether Pacemaker enforces ACLs:
    // sending the change as root could bypass them, so nothing is sent.
    const msg = `the status of ${cluster} carries no configuration (the agent could not read the CIB), so the console cannot tell whether the cluster enforces ACLs; try again when the agent reads the CIB`;
    return refuse("failed", msg, new TRPCError({ code: "PRECONDITION_FAILED", message: msg }));
  }
  if (aclEnabled(status)) {
    const aclTarget = await aclTargetOf(db, user.id);
    if (!aclTarget) {
      const msg = `${cluster} enforces Pacemaker ACLs (enable-acl=true) and ${user.username} is mapped to no ACL target; an admin can set one on the users page`;
      return refuse("acl_denied", msg, new TRPCError({ code: "FORBIDDEN", message: msg }));
    }
    cibUser = aclTarget;
  }

  const planned = liveCommands(action, params).map(commandLine);
  const auditParams = extras.params ?? params;
  const auditId = await openActionRow(db, actor, { ...base, params: { ...auditParams, ...(cibUser ? { cibUser } : {}) }, commands: planned });

  let result: ChangeResult;
  let node: string | null = null;
  try {
    const answer = await feed.request(action, params as Record<string, unknown>, {
      timeoutMs: AGENT_TIMEOUT_MS[action] ?? 60_000,
      ...(cibUser ? { cibUser } : {}),
    });
    node = answer.node;
    result = ChangeResultSchema.parse(answer.result ?? {});
  } catch (err) {
    const durationMs = performance.now() - started;
    if (err instanceof AgentRequestError) {
      const commands = err.commands.length ? commandLines(err.commands) : planned;
      if (err.code === "not_permitted") {
        const msg = `denied by the cluster's ACL (${aclWho(feed.current() ?? status, cibUser)}): ${err.message}`;
        await completeActionRow(db, auditId, { status: "acl_denied", message: msg, commands, durationMs });
        throw new TRPCError({ code: "FORBIDDEN", message: msg });
      }
      if (err.code === "timeout") {
        // The agent may have done it: the truth is unknown until the status tells.
        const msg = `no answer from the agent in time; the outcome is unknown — check the cluster's status (${err.message})`;
        await completeActionRow(db, auditId, { status: "unknown", message: msg, commands, durationMs });
        throw new TRPCError({ code: "TIMEOUT", message: msg });
      }
      if (err.code === "invalid_params" || err.code === "not_found") {
        await completeActionRow(db, auditId, { status: "invalid", message: err.message, commands, durationMs });
        throw invalid(err.message);
      }
      await completeActionRow(db, auditId, { status: "failed", message: err.message, commands, durationMs });
      // cause: a configuration commit tells a `conflict` (the CIB moved on) from other failures
      throw new TRPCError({ code: err.code === "unavailable" ? "SERVICE_UNAVAILABLE" : err.code === "conflict" ? "CONFLICT" : "PRECONDITION_FAILED", message: err.message, cause: err });
    }
    const msg = err instanceof Error ? err.message : String(err);
    await completeActionRow(db, auditId, { status: "unknown", message: `outcome unknown: ${msg}`, commands: planned, durationMs });
    throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: `outcome unknown: ${msg}` });
  }

  // The agent did it; done only when the status the console shows says so.
  const wait = caller.effectWaitMs ?? EFFECT_WAIT_MS[action] ?? DEFAULT_EFFECT_WAIT_MS;
  const shown = await feed.waitForStatus((s) => pendingEffect(s, action, params) === null, wait);
  const commands = result.commands.length ? commandLines(result.commands) : planned;
  const now = feed.current();
  const message = shown
    ? "done: the cluster's status shows it"
    : now
      ? describeWait(now, action, params as Record<string, unknown>, pendingEffect(now, action, params) ?? "no change seen")
      : "Pacemaker accepted it, but the console has no status of the cluster to confirm it";
  const durationMs = performance.now() - started;
  const auditWritten = await completeActionRow(db, auditId, {
    status: "ok",
    message,
    commands,
    epochBefore: result.epochBefore,
    epochAfter: result.epochAfter,
    durationMs,
    ...(extras.summary ? { summary: extras.summary } : {}),
    ...(result.patch !== undefined ? { params: { ...auditParams, ...(cibUser ? { cibUser } : {}), patch: result.patch } } : {}),
  });
  return {
    auditId,
    state: shown ? "done" : "submitted",
    message,
    commands,
    node,
    epochBefore: result.epochBefore,
    epochAfter: result.epochAfter,
    durationMs: Math.round(durationMs),
    auditWritten,
  };
}
