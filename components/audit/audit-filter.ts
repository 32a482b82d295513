// The audit page's filter as the address bar holds it (so a link — from a resource's recent
// history, from a colleague — opens the same view, and the export carries it), and the pieces
// every audit view shares: outcome labels, time format, links to what a row touched.
// zod-free and server-free: the cluster pages import this (recent history) and stay light.
import type { Tone } from "@/components/ui/tone";

export const AUDIT_OUTCOMES = ["ok", "failed", "denied", "acl_denied", "invalid", "unknown", "pending"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const TARGET_KINDS = ["resource", "node", "ticket", "cluster", "attribute", "user", "session"] as const;

/** Text fields as typed; the server validates and says what is wrong. */
export interface AuditFilterState {
  user: string;
  cluster: string;
  action: string;
  status: AuditOutcome[];
  targetKind: string;
  target: string;
  /** ISO 8601 instants (the page's inputs show them in local time) */
  from: string;
  to: string;
  q: string;
}

export const EMPTY_FILTER: AuditFilterState = { user: "", cluster: "", action: "", status: [], targetKind: "", target: "", from: "", to: "", q: "" };

const TEXT_KEYS = ["user", "cluster", "action", "targetKind", "target", "from", "to", "q"] as const;

export function filterFromSearch(sp: URLSearchParams): AuditFilterState {
  const f: AuditFilterState = { ...EMPTY_FILTER, status: [] };
  for (const k of TEXT_KEYS) f[k] = (sp.get(k) ?? "").slice(0, 300);
  f.status = sp
    .getAll("status")
    .flatMap((s) => s.split(","))
    .filter((s): s is AuditOutcome => (AUDIT_OUTCOMES as readonly string[]).includes(s));
  return f;
}

/** Only what is set, in a stable order: the same filter is the same address. */
export function filterToSearch(f: Partial<AuditFilterState>): URLSearchParams {
  const sp = new URLSearchParams();
  for (const k of TEXT_KEYS) {
    const v = f[k]?.trim();
    if (v) sp.set(k, v);
  }
  if (f.status?.length) sp.set("status", f.status.join(","));
  return sp;
}

/** The audit page showing this filter. */
export function auditHref(f: Partial<AuditFilterState>): string {
  const qs = filterToSearch(f).toString();
  return qs ? `/audit?${qs}` : "/audit";
}

/** The export of this filter (the route validates it again). */
export function exportHref(f: AuditFilterState, format: "csv" | "json"): string {
  const sp = filterToSearch(f);
  sp.set("format", format);
  return `/api/audit/export?${sp.toString()}`;
}

/** What audit.list takes: only the fields that are set. */
export function filterToInput(f: AuditFilterState) {
  const opt = (v: string) => (v.trim() ? v.trim() : undefined);
  return {
    user: opt(f.user),
    cluster: opt(f.cluster),
    action: opt(f.action),
    status: f.status.length ? f.status : undefined,
    targetKind: (opt(f.targetKind) as (typeof TARGET_KINDS)[number] | undefined) ?? undefined,
    target: opt(f.target),
    from: f.from ? new Date(f.from) : undefined,
    to: f.to ? new Date(f.to) : undefined,
    q: opt(f.q),
  };
}

// ---- how a row reads ----

/** The outcome in words: what the badge says, and its colour. */
export function outcomeLabel(status: AuditOutcome, action: string): { label: string; tone: Tone } {
  switch (status) {
    case "ok":
      return { label: "ok", tone: "ok" };
    case "failed":
      return { label: "failed", tone: "err" };
    case "denied":
      // a login refused before the password was checked is the rate limit, not a role
      return action.startsWith("auth.") ? { label: "refused", tone: "warn" } : { label: "refused by role", tone: "warn" };
    case "acl_denied":
      return { label: "refused by the cluster's ACL", tone: "warn" };
    case "invalid":
      return { label: "invalid input", tone: "warn" };
    case "unknown":
      return { label: "outcome unknown", tone: "stale" };
    case "pending":
      return { label: "pending", tone: "info" };
  }
}

/** Filter checkbox labels (the badge's words, without the login special case). */
export const OUTCOME_FILTER_LABEL: Record<AuditOutcome, string> = {
  ok: "ok",
  failed: "failed",
  denied: "refused by role",
  acl_denied: "refused by ACL",
  invalid: "invalid input",
  unknown: "outcome unknown",
  pending: "pending",
};

const TIME_FORMAT: Intl.DateTimeFormatOptions = {
  year: "numeric",
  month: "short",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZoneName: "short",
};

/** One readable format everywhere, with the time zone said: "02 Dec 2026, 04:37:39 UTC". */
export function formatAuditTime(t: Date | string | number): string {
  return new Intl.DateTimeFormat("en-GB", TIME_FORMAT).format(new Date(t));
}

/** "3 min ago", for the hover text. */
export function relativeAge(t: Date | string | number, now: number): string {
  const s = Math.max(0, (now - new Date(t).getTime()) / 1000);
  if (s < 60) return `${Math.floor(s)} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 48 * 3600) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86400)} days ago`;
}

/**
 * Where a row's target lives in the console: the cluster page opens a resource's details from
 * `?resource=<id>` and lists a node's resources from `?node=<name>` (its tile highlighted);
 * attributes open the attributes table.
 */
export function targetHref(row: { clusterName: string; targetKind: string; target: string }, isAdmin: boolean): string | null {
  if (row.targetKind === "user") return isAdmin ? "/admin/users" : null;
  if (!row.clusterName) return null;
  const base = `/clusters/${encodeURIComponent(row.clusterName)}`;
  switch (row.targetKind) {
    case "resource":
      return row.target ? `${base}?resource=${encodeURIComponent(row.target)}` : base;
    case "node":
      return row.target ? `${base}?node=${encodeURIComponent(row.target)}` : base;
    case "attribute":
      return `${base}/attributes`;
    case "configuration":
      return `${base}/config`;
    case "cluster":
    case "ticket":
      return base;
    default:
      return null;
  }
}

/** An ISO instant as a datetime-local input's value (local time, to the minute), and back. */
export function toLocalInput(iso: string): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): string {
  if (!value) return "";
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? "" : d.toISOString();
}
