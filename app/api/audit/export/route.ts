import { exportAudit } from "@/server/audit/export";

// The session cookie and SQLite: never cached, never static, Node runtime only.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** CSV or JSON of what the audit page's filter selects (server/audit/export.ts). */
export function GET(req: Request): Promise<Response> {
  return exportAudit(req);
}
