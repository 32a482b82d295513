// The only code that writes AuditEvent rows. Every mutation runs through `audited`: a `pending`
// row is written before anything happens, so a crash in between leaves evidence that becomes
// `unknown` at the next start (see markPendingUnknown); an action is never lost from history.
import type { Db } from "@/server/db/client";
import { auditTerms, type TermSource } from "./terms";

/**
 * ok, failed (with Pacemaker's message), denied (by role), acl_denied (by the cluster's own ACL),
 * invalid (bad input, after the role check), unknown (cut off: the console died while it ran).
 */
export const AUDIT_STATUSES = ["pending", "ok", "failed", "denied", "acl_denied", "invalid", "unknown"] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];

export interface Actor {
  userId: string | null;
  username: string;
  role: string;
}

export interface AuditSpec {
  action: string;
  /** resource | node | ticket | cluster | attribute | user | session */
  targetKind?: string;
  target?: string;
  params?: unknown;
  clusterId?: string | null;
  /** kept beside clusterId: a removed cluster's rows still name it */
  clusterName?: string;
  /** the client's address */
  address?: string;
  /** Pacemaker command lines (planned when the row is opened, what ran when it is completed) */
  commands?: string[];
}

/** What a running action may add to its audit row. */
export interface AuditNotes {
  epochBefore?: string | null;
  epochAfter?: string | null;
  summary?: string;
  message?: string;
}

const SECRET_KEY = /pass(word)?|token|secret/i;

/** Secrets never reach the audit table, whatever the caller passes. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return "[deep]";
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? "[redacted]" : redact(v, depth + 1);
    return out;
  }
  if (typeof value === "string" && value.length > 2000) return `${value.slice(0, 2000)}…`;
  return value;
}

function paramsJson(params: unknown): string {
  try {
    return JSON.stringify(redact(params ?? {})) ?? "{}";
  } catch {
    return '{"unserializable":true}';
  }
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Who did what to which target: the part of an audit row that every writer fills the same way. */
function rowOf(actor: Actor, spec: AuditSpec) {
  return {
    userId: actor.userId,
    username: actor.username,
    role: actor.role,
    action: spec.action,
    targetKind: spec.targetKind ?? "",
    target: spec.target ?? "",
    params: paramsJson(spec.params),
    clusterId: spec.clusterId ?? null,
    clusterName: spec.clusterName ?? "",
    address: spec.address ?? "",
    commands: JSON.stringify(spec.commands ?? []),
  };
}

/**
 * What a refused call's raw input names, the way server/actions/targets.ts names a change's
 * target (rsc → resource, ticket, node + name → attribute, node): so a resource's or a node's
 * history shows the refusals too. Nothing when the input names none of them.
 */
function targetOfRawInput(params: unknown): { targetKind: string; target: string } | Record<string, never> {
  if (params === null || typeof params !== "object") return {};
  const p = params as Record<string, unknown>;
  const str = (k: string) => (typeof p[k] === "string" && (p[k] as string).length <= 256 ? (p[k] as string) : "");
  if (str("rsc")) return { targetKind: "resource", target: str("rsc") };
  if (str("ticket")) return { targetKind: "ticket", target: str("ticket") };
  if (str("node") && str("name")) return { targetKind: "attribute", target: `${str("node")}/${str("name")}` };
  if (str("node")) return { targetKind: "node", target: str("node") };
  return {};
}

/**
 * A new row with its search terms, in one statement (Prisma runs a nested create in one
 * transaction): a row is never searchable without its words or its words without the row.
 * The time is set here, not by the database default, so the terms carry the row's own time.
 */
function createData(actor: Actor, spec: AuditSpec, status: AuditStatus, message: string, durationMs?: number) {
  const row = rowOf(actor, spec);
  // A refusal written before any router code ran (role, anonymous, bad input) knows only the raw
  // input; when that names a cluster, the row is kept under it so the cluster filter finds it.
  const named = spec.params !== null && typeof spec.params === "object" ? (spec.params as { cluster?: unknown }).cluster : undefined;
  if (!row.clusterName && typeof named === "string" && named.length <= 128) row.clusterName = named;
  if (!row.targetKind && !row.target) Object.assign(row, targetOfRawInput(spec.params));
  const time = new Date();
  const terms = auditTerms({ ...row, message, summary: "" });
  return {
    ...row,
    time,
    status,
    message,
    ...(durationMs !== undefined ? { durationMs: Math.round(durationMs) } : {}),
    terms: { createMany: { data: terms.map((term) => ({ term, time })) } },
  };
}

/**
 * A completed row's words replace those it was opened with (the message, summary and the command
 * lines that really ran are known now). Its own small transaction after the row's update, not in
 * it: the completion is what must be written (the change happened); a failure to index is logged
 * and leaves the words the row was opened with, never a row that says less than the truth.
 */
async function reindexTerms(db: Db, row: TermSource & { id: string; time: Date }): Promise<void> {
  const terms = auditTerms(row);
  try {
    await db.$transaction([
      db.auditTerm.deleteMany({ where: { eventId: row.id } }),
      db.auditTerm.createMany({ data: terms.map((term) => ({ term, eventId: row.id, time: row.time })) }),
    ]);
  } catch (err) {
    console.warn(`[audit] search terms of ${row.id} not updated: ${errorMessage(err)}`);
  }
}

export async function audited<T>(
  db: Db,
  actor: Actor,
  spec: AuditSpec,
  run: (notes: AuditNotes) => Promise<T>,
): Promise<T> {
  const row = await db.auditEvent.create({ data: createData(actor, spec, "pending", "") });
  const notes: AuditNotes = {};
  try {
    const result = await run(notes);
    const done = await db.auditEvent.update({
      where: { id: row.id },
      data: {
        status: "ok",
        message: notes.message ?? "",
        summary: notes.summary ?? "",
        epochBefore: notes.epochBefore ?? null,
        epochAfter: notes.epochAfter ?? null,
      },
    });
    await reindexTerms(db, done);
    return result;
  } catch (err) {
    await db.auditEvent
      .update({
        where: { id: row.id },
        data: {
          status: "failed",
          message: errorMessage(err),
          summary: notes.summary ?? "",
          epochBefore: notes.epochBefore ?? null,
          epochAfter: notes.epochAfter ?? null,
        },
      })
      .then((failed) => reindexTerms(db, failed))
      .catch(() => {
        // The row stays pending and becomes "unknown" at restart; the caller still sees the real error.
      });
    throw err;
  }
}

/** One finished row at once: a refused call (denied) or an outcome known up front (a failed login). */
export async function recordAudit(
  db: Db,
  actor: Actor,
  spec: AuditSpec,
  status: Exclude<AuditStatus, "pending">,
  message: string,
  durationMs?: number,
): Promise<void> {
  await db.auditEvent.create({ data: createData(actor, spec, status, message, durationMs) });
}

/** How a change through server/actions ended, for its audit row. */
export interface ActionCompletion {
  status: Exclude<AuditStatus, "pending">;
  message: string;
  commands?: string[];
  epochBefore?: string | null;
  epochAfter?: string | null;
  summary?: string;
  /** replaces the row's params (a configuration commit adds the patch it applied) */
  params?: unknown;
  durationMs: number;
}

/** Opens the row of a change before anything reaches an agent: a crash after this leaves evidence. */
export async function openActionRow(db: Db, actor: Actor, spec: AuditSpec): Promise<string> {
  const row = await db.auditEvent.create({ data: createData(actor, spec, "pending", ""), select: { id: true } });
  return row.id;
}

async function writeCompletion(db: Db, id: string, c: ActionCompletion): Promise<void> {
  // The row first, on its own: it is what must be written (the change happened), and a failure
  // here queues the completion for a retry. Its words follow (reindexTerms never throws).
  const row = await db.auditEvent.update({
    where: { id },
    data: {
      status: c.status,
      message: c.message,
      summary: c.summary ?? "",
      epochBefore: c.epochBefore ?? null,
      epochAfter: c.epochAfter ?? null,
      durationMs: Math.round(c.durationMs),
      ...(c.commands ? { commands: JSON.stringify(c.commands) } : {}),
      ...(c.params !== undefined ? { params: JSON.stringify(redact(c.params)) } : {}),
    },
  });
  await reindexTerms(db, row);
}

/**
 * Rows whose completion could not be written (the database was busy or gone for a moment), kept
 * until a retry succeeds: the change happened, so its row must end up saying so. Process-wide.
 */
const unreconciled = new Map<string, { db: Db; completion: ActionCompletion; attempts: number }>();
let reconcileTimer: NodeJS.Timeout | null = null;
const RECONCILE_EVERY_MS = 2_000;

export function unreconciledCount(): number {
  return unreconciled.size;
}

/** Retries every row still waiting; returns how many are left. Also runs on a timer. */
export async function reconcileAuditRows(): Promise<number> {
  for (const [id, entry] of [...unreconciled]) {
    try {
      await writeCompletion(entry.db, id, entry.completion);
      unreconciled.delete(id);
    } catch {
      entry.attempts += 1;
    }
  }
  if (unreconciled.size === 0 && reconcileTimer) {
    clearInterval(reconcileTimer);
    reconcileTimer = null;
  }
  return unreconciled.size;
}

/**
 * Completes a change's row. Never throws: when the write fails the completion is queued and
 * retried (reconcileAuditRows), and `false` tells the caller the row is not written yet — the
 * user is still told the true outcome of the change.
 */
export async function completeActionRow(db: Db, id: string, completion: ActionCompletion): Promise<boolean> {
  try {
    await writeCompletion(db, id, completion);
    return true;
  } catch {
    unreconciled.set(id, { db, completion, attempts: 1 });
    reconcileTimer ??= setInterval(() => void reconcileAuditRows(), RECONCILE_EVERY_MS);
    reconcileTimer.unref();
    return false;
  }
}

export const RESTART_MESSAGE = "outcome unknown: console restarted";

/** At start: anything still pending was cut off by a crash or restart. */
export async function markPendingUnknown(db: Db): Promise<number> {
  const where = { status: "pending", id: { notIn: [...unreconciled.keys()] } };
  // Few rows (the ones a crash cut off): their words are indexed again with the new message.
  const cutOff = await db.auditEvent.findMany({ where, select: { id: true }, take: 10_000 });
  const { count } = await db.auditEvent.updateMany({ where, data: { status: "unknown", message: RESTART_MESSAGE } });
  for (const { id } of cutOff) {
    const row = await db.auditEvent.findUnique({ where: { id } });
    if (row) await reindexTerms(db, row);
  }
  return count;
}
