// GET /api/audit/export?format=csv|json&<filters>: what the audit page's filter selects, as a
// download. Authenticated like every tRPC call (the session cookie, through the one context
// builder), viewer minimum; streamed a page at a time through the same keyset query the page uses,
// so a million rows never sit in memory. The client address is a column for admins only.
import { z } from "zod";
import { createContext, type ContextDeps } from "@/server/api/context";
import { AuditFilterSchema, auditPage, toItem, type AuditItem } from "./query";

const EXPORT_PAGE = 1_000;

const ExportQuerySchema = z.object({
  format: z.enum(["csv", "json"], { error: "format must be csv or json" }).default("csv"),
  filter: AuditFilterSchema,
});

/** The query string as the page builds it: `status` repeated or comma-separated. */
function readQuery(url: URL): unknown {
  const one = (k: string) => url.searchParams.get(k) ?? undefined;
  const statuses = url.searchParams.getAll("status").flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean);
  return {
    format: one("format"),
    filter: {
      user: one("user"),
      cluster: one("cluster"),
      action: one("action"),
      status: statuses.length ? statuses : undefined,
      targetKind: one("targetKind"),
      target: one("target"),
      from: one("from"),
      to: one("to"),
      q: one("q"),
    },
  };
}

const COLUMNS = [
  ["time", (r: AuditItem) => r.time.toISOString()],
  ["user", (r: AuditItem) => r.username],
  ["role", (r: AuditItem) => r.role],
  ["address", (r: AuditItem) => r.address ?? ""],
  ["cluster", (r: AuditItem) => r.clusterName],
  ["action", (r: AuditItem) => r.action],
  ["target_kind", (r: AuditItem) => r.targetKind],
  ["target", (r: AuditItem) => r.target],
  ["outcome", (r: AuditItem) => r.status],
  ["message", (r: AuditItem) => r.message],
  ["commands", (r: AuditItem) => r.commands.join("\n")],
  ["epoch_before", (r: AuditItem) => r.epochBefore ?? ""],
  ["epoch_after", (r: AuditItem) => r.epochAfter ?? ""],
  ["duration_ms", (r: AuditItem) => (r.durationMs === null ? "" : String(r.durationMs))],
  ["params", (r: AuditItem) => JSON.stringify(r.params)],
  ["summary", (r: AuditItem) => r.summary],
  ["id", (r: AuditItem) => r.id],
] as const;

/**
 * RFC 4180: a field with a quote, comma or line break is quoted, its quotes doubled. A field a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe
 * (OWASP's advice against CSV injection: a username or message is attacker-chosen text). The
 * JSON export keeps every value exactly.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvLine(fields: string[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

function jsonError(status: number, code: string, message: string, cookies: string[] = []): Response {
  const headers = new Headers({ "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  for (const c of cookies) headers.append("set-cookie", c);
  return new Response(JSON.stringify({ error: { code, message } }), { status, headers });
}

/** `pageSize` is for tests that prove the export walks several pages. */
export async function exportAudit(req: Request, deps: ContextDeps = {}, pageSize = EXPORT_PAGE): Promise<Response> {
  const cookies: string[] = [];
  const ctx = await createContext(req.headers, (c) => cookies.push(c), deps);
  if (ctx.session.kind !== "valid") {
    const message = ctx.session.kind === "invalid" ? "Session expired — please log in again" : "Please log in";
    return jsonError(401, "UNAUTHORIZED", message, cookies);
  }
  const parsed = ExportQuerySchema.safeParse(readQuery(new URL(req.url)));
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => (i.path.length ? `${i.path.at(-1)?.toString()}: ${i.message}` : i.message)).join("; ");
    return jsonError(400, "BAD_REQUEST", `Invalid export request: ${message}`, cookies);
  }
  const { format, filter } = parsed.data;
  const admin = ctx.session.user.role === "admin";
  const columns = COLUMNS.filter(([name]) => admin || name !== "address");
  const db = ctx.db;
  const encoder = new TextEncoder();
  let cursor: string | null = null;
  let started = false;
  let done = false;
  let first = true;

  const stream = new ReadableStream<Uint8Array>({
    // One page per pull: the consumer's pace (a slow download) holds back the next query.
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(format === "csv" ? csvLine(columns.map(([n]) => n)) : "[\n"));
          return;
        }
        if (done) {
          if (format === "json") controller.enqueue(encoder.encode("\n]\n"));
          controller.close();
          return;
        }
        const page = await auditPage(db, filter, cursor, pageSize);
        cursor = page.nextCursor;
        if (!cursor) done = true;
        let out = "";
        for (const row of page.rows) {
          const item = toItem(row, admin);
          if (format === "csv") out += csvLine(columns.map(([, get]) => get(item)));
          else {
            out += `${first ? "" : ",\n"}${JSON.stringify(item)}`;
            first = false;
          }
        }
        if (out) controller.enqueue(encoder.encode(out));
      } catch (err) {
        // Headers are sent already: the download ends short and the log says why.
        console.error("[audit export]", err);
        controller.error(err);
      }
    },
  });

  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const headers = new Headers({
    "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
    "content-disposition": `attachment; filename="vigil-audit-${stamp}.${format}"`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  for (const c of cookies) headers.append("set-cookie", c);
  return new Response(stream, { status: 200, headers });
}
