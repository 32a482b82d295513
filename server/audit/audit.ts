// The only code that writes AuditEvent rows. Every mutation runs through `audited`: a `pending`
// row is written before anything happens, so a crash in between leaves evidence that becomes
// `unknown` at the next start (see markPendingUnknown); an action is never lost from history.
import type { Db } from "@/server/db/client";

export type AuditStatus = "pending" | "ok" | "failed" | "denied" | "unknown";

export interface Actor {
  userId: string | null;
  username: string;
  role: string;
}

export interface AuditSpec {
  action: string;
  target?: string;
  params?: unknown;
  clusterId?: string | null;
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
    target: spec.target ?? "",
    params: paramsJson(spec.params),
    clusterId: spec.clusterId ?? null,
  };
}

export async function audited<T>(
  db: Db,
  actor: Actor,
  spec: AuditSpec,
  run: (notes: AuditNotes) => Promise<T>,
): Promise<T> {
  const row = await db.auditEvent.create({ data: { ...rowOf(actor, spec), status: "pending" } });
  const notes: AuditNotes = {};
  try {
    const result = await run(notes);
    await db.auditEvent.update({
      where: { id: row.id },
      data: {
        status: "ok",
        message: notes.message ?? "",
        summary: notes.summary ?? "",
        epochBefore: notes.epochBefore ?? null,
        epochAfter: notes.epochAfter ?? null,
      },
    });
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
): Promise<void> {
  await db.auditEvent.create({
    data: {
      ...rowOf(actor, spec),
      status,
      message,
    },
  });
}

export const RESTART_MESSAGE = "outcome unknown: console restarted";

/** At start: anything still pending was cut off by a crash or restart. */
export async function markPendingUnknown(db: Db): Promise<number> {
  const { count } = await db.auditEvent.updateMany({
    where: { status: "pending" },
    data: { status: "unknown", message: RESTART_MESSAGE },
  });
  return count;
}
