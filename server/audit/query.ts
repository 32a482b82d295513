// Reading the audit history: filters, full-text search over AuditTerm and keyset pagination on
// (time, id), newest first. Used by the audit router (pages) and the export route (every page).
//
// Portable by construction (no SQLite-only SQL, no FTS): every query is a Prisma query whose
// conditions are equality or ranges on indexed columns — `action` prefix and word prefixes are
// ranges (`>= p AND < p + U+FFFF`), not LIKE — and a page is `ORDER BY time DESC, id DESC LIMIT n`
// below the cursor, never OFFSET, so page 10,000 costs what page 1 costs.
import { z } from "zod";
import type { AuditEvent, Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { AUDIT_STATUSES, type AuditStatus } from "./audit";
import { PREFIX_END, queryWords } from "./terms";

export const TARGET_KINDS = ["resource", "node", "ticket", "cluster", "attribute", "user", "session"] as const;

const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} is at most ${max} characters`)
    .optional()
    .transform((v) => (v ? v : undefined));

/** What the page's filter controls (and the export's query string) can ask. */
export const AuditFilterSchema = z
  .object({
    /** exact username */
    user: optionalText(64, "User"),
    /** exact cluster name (kept by name: a removed cluster's rows still match) */
    cluster: optionalText(128, "Cluster"),
    /** prefix: "cluster.node." matches every node action, "users." every user change */
    action: optionalText(64, "Action"),
    /** any of these outcomes */
    status: z.array(z.enum(AUDIT_STATUSES, { error: `Outcome must be one of ${AUDIT_STATUSES.join(", ")}` })).max(AUDIT_STATUSES.length).optional(),
    targetKind: z.enum(TARGET_KINDS, { error: `Target kind must be one of ${TARGET_KINDS.join(", ")}` }).optional(),
    target: optionalText(256, "Target"),
    from: z.coerce.date({ error: "From must be a date and time" }).optional(),
    to: z.coerce.date({ error: "To must be a date and time" }).optional(),
    /** words; a row matches when each word starts one of its words */
    q: optionalText(200, "Search"),
  })
  .refine((f) => !f.from || !f.to || f.from.getTime() <= f.to.getTime(), { message: "From must not be after To", path: ["from"] })
  .refine((f) => !f.target || f.targetKind, { message: "A target needs its kind (resource, node, …)", path: ["target"] });
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

// ---- the cursor: the last row's (time, id), opaque to the client ----

const CursorSchema = z.object({ t: z.string().datetime(), i: z.string().min(1).max(64) });
interface Cursor {
  time: Date;
  id: string;
}

export function encodeCursor(row: { time: Date; id: string }): string {
  return Buffer.from(JSON.stringify({ t: row.time.toISOString(), i: row.id })).toString("base64url");
}

/** null for anything that is not a cursor this code made. */
export function decodeCursor(text: string): Cursor | null {
  try {
    const parsed = CursorSchema.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return parsed.success ? { time: new Date(parsed.data.t), id: parsed.data.i } : null;
  } catch {
    return null;
  }
}

export const CursorTextSchema = z
  .string()
  .max(200)
  .refine((c) => decodeCursor(c) !== null, "The page cursor is not valid: load the first page again");

// ---- where clauses ----

const prefix = (p: string) => ({ gte: p, lt: p + PREFIX_END });

function filterWhere(f: AuditFilter): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (f.user) and.push({ username: f.user });
  if (f.cluster) and.push({ clusterName: f.cluster });
  if (f.action) and.push({ action: prefix(f.action) });
  if (f.status?.length) and.push(f.status.length === 1 ? { status: f.status[0] } : { status: { in: f.status } });
  if (f.targetKind) and.push({ targetKind: f.targetKind });
  if (f.target) and.push({ target: f.target });
  if (f.from) and.push({ time: { gte: f.from } });
  if (f.to) and.push({ time: { lte: f.to } });
  return { AND: and };
}

/**
 * Rows strictly after the cursor in (time desc, id desc) order. The redundant `time <= t` gives
 * the planner a range on the time index that the OR alone hides from it.
 */
function afterCursor(c: Cursor | null): Prisma.AuditEventWhereInput {
  if (!c) return {};
  return { time: { lte: c.time }, OR: [{ time: { lt: c.time } }, { time: c.time, id: { lt: c.id } }] };
}

const NEWEST_FIRST: Prisma.AuditEventOrderByWithRelationInput[] = [{ time: "desc" }, { id: "desc" }];

function isAfter(row: { time: Date; id: string }, c: Cursor | null): boolean {
  if (!c) return true;
  const d = row.time.getTime() - c.time.getTime();
  return d < 0 || (d === 0 && row.id < c.id);
}

function newestFirst(a: { time: Date; id: string }, b: { time: Date; id: string }): number {
  const d = b.time.getTime() - a.time.getTime();
  return d !== 0 ? d : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

// ---- search ----

/**
 * A word that starts at most this many term rows is "rare": its rows are read from the term
 * index and checked against the filters. Commoner words (all of them) are checked the other way
 * round, on the newest rows the filters select, a batch at a time — at ≥ 2 % of a million rows
 * a page of 50 is found within a few batches.
 */
export interface SearchTuning {
  rareWordRows: number;
  batch: number;
  /** a search over common words stops after this many rows and says where it got to */
  maxScanRows: number;
}
export const SEARCH_TUNING: SearchTuning = { rareWordRows: 20_000, batch: 500, maxScanRows: 20_000 };

/** The ids of `ids` whose words include a word starting with each of `words`. */
async function withAllWords(db: Db, ids: string[], words: string[]): Promise<Set<string>> {
  if (words.length === 0) return new Set(ids);
  const hits = await db.auditTerm.findMany({
    where: { eventId: { in: ids }, OR: words.map((w) => ({ term: prefix(w) })) },
    select: { eventId: true, term: true },
  });
  const seen = new Map<string, Set<number>>();
  for (const h of hits) {
    const got = seen.get(h.eventId) ?? new Set<number>();
    words.forEach((w, i) => h.term.startsWith(w) && got.add(i));
    seen.set(h.eventId, got);
  }
  return new Set([...seen].filter(([, got]) => got.size === words.length).map(([id]) => id));
}

function termTimeBounds(f: AuditFilter, c: Cursor | null): Prisma.DateTimeFilter | undefined {
  const upper = c && (!f.to || c.time < f.to) ? c.time : f.to;
  if (!f.from && !upper) return undefined;
  return { ...(f.from ? { gte: f.from } : {}), ...(upper ? { lte: upper } : {}) };
}

export interface AuditPage {
  rows: AuditEvent[];
  /** where the next page starts; null when this was the last */
  nextCursor: string | null;
  /**
   * A search over common words that stopped at its row budget before filling the page: the
   * history was searched down to this time (the next page goes on from there).
   */
  searchedTo: Date | null;
}

async function searchPage(db: Db, f: AuditFilter, words: string[], c: Cursor | null, limit: number, tune: SearchTuning): Promise<AuditPage> {
  const { rareWordRows: RARE_WORD_ROWS, batch: BATCH, maxScanRows: MAX_SCAN_ROWS } = tune;
  const time = termTimeBounds(f, c);
  const counts = await Promise.all(
    words.map((w) => db.auditTerm.count({ where: { term: prefix(w), ...(time ? { time } : {}) }, take: RARE_WORD_ROWS + 1 })),
  );
  if (counts.some((n) => n === 0)) return { rows: [], nextCursor: null, searchedTo: null };
  const rarest = counts.indexOf(Math.min(...counts));
  const where = filterWhere(f);
  const found: AuditEvent[] = [];

  if (counts[rarest]! <= RARE_WORD_ROWS) {
    // Every row of the rarest word, newest first, then checked a batch at a time.
    const terms = await db.auditTerm.findMany({
      where: { term: prefix(words[rarest]!), ...(time ? { time } : {}) },
      select: { eventId: true, time: true },
    });
    const unique = new Map<string, { id: string; time: Date }>();
    for (const t of terms) if (!unique.has(t.eventId)) unique.set(t.eventId, { id: t.eventId, time: t.time });
    const candidates = [...unique.values()].filter((r) => isAfter(r, c)).sort(newestFirst);
    const others = words.filter((_, i) => i !== rarest);
    for (let i = 0; i < candidates.length && found.length <= limit; i += BATCH) {
      const chunk = candidates.slice(i, i + BATCH).map((r) => r.id);
      const ok = [...(await withAllWords(db, chunk, others))];
      if (ok.length === 0) continue;
      const rows = await db.auditEvent.findMany({ where: { AND: [where, { id: { in: ok } }] }, orderBy: NEWEST_FIRST });
      found.push(...rows);
    }
    const page = found.slice(0, limit);
    return { rows: page, nextCursor: found.length > limit ? encodeCursor(page[page.length - 1]!) : null, searchedTo: null };
  }

  // Only common words: walk the filtered rows newest first and keep those with every word.
  let scanFrom = c;
  let scanned = 0;
  for (;;) {
    const batch = await db.auditEvent.findMany({ where: { AND: [where, afterCursor(scanFrom)] }, orderBy: NEWEST_FIRST, take: BATCH });
    scanned += batch.length;
    const ok = await withAllWords(db, batch.map((r) => r.id), words);
    for (const r of batch) {
      if (!ok.has(r.id)) continue;
      found.push(r);
      if (found.length > limit) {
        const page = found.slice(0, limit);
        return { rows: page, nextCursor: encodeCursor(page[page.length - 1]!), searchedTo: null };
      }
    }
    const last = batch[batch.length - 1];
    if (batch.length < BATCH || !last) return { rows: found, nextCursor: null, searchedTo: null };
    scanFrom = { time: last.time, id: last.id };
    if (scanned >= MAX_SCAN_ROWS) {
      // Honest about it: this page holds what the first rows had, the next page carries on.
      return { rows: found, nextCursor: encodeCursor(last), searchedTo: last.time };
    }
  }
}

/**
 * One page of rows, newest first. `cursor` is a nextCursor of a previous page (validated by
 * CursorTextSchema at the edge). `tune` is for tests that drive both search strategies.
 */
export async function auditPage(
  db: Db,
  f: AuditFilter,
  cursor: string | null | undefined,
  limit: number,
  tune: SearchTuning = SEARCH_TUNING,
): Promise<AuditPage> {
  const c = cursor ? decodeCursor(cursor) : null;
  const words = f.q ? queryWords(f.q) : [];
  if (words.length) return searchPage(db, f, words, c, limit, tune);
  const rows = await db.auditEvent.findMany({
    where: { AND: [filterWhere(f), afterCursor(c)] },
    orderBy: NEWEST_FIRST,
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  return { rows: page, nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null, searchedTo: null };
}

// ---- what a client gets ----

function parseJson(text: string, fallback: unknown): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}

function commandList(text: string): string[] {
  const v = parseJson(text, []);
  return Array.isArray(v) ? v.filter((c): c is string => typeof c === "string") : [];
}

export interface AuditItem {
  id: string;
  time: Date;
  username: string;
  role: string;
  /** present for admins only: the key is absent for everyone else */
  address?: string;
  clusterName: string;
  action: string;
  targetKind: string;
  target: string;
  /** the exact request, as written (secrets redacted) */
  params: unknown;
  /** the Pacemaker command lines */
  commands: string[];
  status: AuditStatus;
  message: string;
  summary: string;
  epochBefore: string | null;
  epochAfter: string | null;
  durationMs: number | null;
}

const StatusOf = z.enum(AUDIT_STATUSES).catch("unknown");

export function toItem(r: AuditEvent, showAddress: boolean): AuditItem {
  return {
    id: r.id,
    time: r.time,
    username: r.username,
    role: r.role,
    ...(showAddress ? { address: r.address } : {}),
    clusterName: r.clusterName,
    action: r.action,
    targetKind: r.targetKind,
    target: r.target,
    params: parseJson(r.params, {}),
    commands: commandList(r.commands),
    status: StatusOf.parse(r.status),
    message: r.message,
    summary: r.summary,
    epochBefore: r.epochBefore,
    epochAfter: r.epochAfter,
    durationMs: r.durationMs,
  };
}
