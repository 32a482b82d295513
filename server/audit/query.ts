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

// ---- search ----

/**
 * A word that starts at most `rareWordRows` term rows is "rare": the search reads its rows from
 * the term index newest first and checks them against the other words and the filters. When
 * every word is commoner and filters are set, it goes the other way round: the newest rows the
 * filters select, a batch at a time, checked for the words. Without filters, the term index is
 * read anyway (the first rows of a common word are as quick to find as those of a rare one).
 */
export interface SearchTuning {
  rareWordRows: number;
  /** a word with at most this many rows is read whole in one round */
  fewRows: number;
  /** rows of the events walked at a time (common words) */
  batch: number;
  /** term rows read first (rare words); each further batch is four times larger */
  termBatch: number;
  /** at most this many distinct words of a prefix are read one by one (each an index seek) */
  prefixTerms: number;
  /** a search over common words stops after this many rows and says where it got to */
  maxScanRows: number;
}
export const SEARCH_TUNING: SearchTuning = { rareWordRows: 20_000, fewRows: 2_000, batch: 500, termBatch: 64, prefixTerms: 32, maxScanRows: 20_000 };

/** A search word as the index knows it: its exact terms when few, else its prefix range. */
type WordTerms = string[] | { range: string };

/**
 * The ids of `ids` that hold every word. Exact terms are checked by seeks on the (term, eventId)
 * primary key — `term IN (…) AND eventId IN (…)`, covering, no row reads; a broad prefix by its
 * range within the ids.
 */
async function withAllWords(db: Db, ids: string[], words: WordTerms[]): Promise<Set<string>> {
  let left = new Set(ids);
  for (const w of words) {
    if (left.size === 0) break;
    const next = new Set<string>();
    for (const chunk of chunks([...left])) {
      const hits = await db.auditTerm.findMany({
        where: { eventId: { in: chunk }, term: Array.isArray(w) ? { in: w } : prefix(w.range) },
        select: { eventId: true },
      });
      for (const h of hits) next.add(h.eventId);
    }
    left = next;
  }
  return left;
}

/**
 * Bound parameters per statement stay well under every database's limit (SQLite's default is
 * 32,766, but Prisma refuses an IN list it cannot split when the query also sorts and limits).
 */
const IN_CHUNK = 500;

function chunks<T>(xs: T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** The rows of `ids` (newest first already) that pass the filters, at most `need`, in that order. */
async function eventsInOrder(db: Db, where: Prisma.AuditEventWhereInput, ids: string[], need: number): Promise<AuditEvent[]> {
  const out: AuditEvent[] = [];
  for (const chunk of chunks(ids)) {
    if (out.length >= need) break;
    out.push(...(await db.auditEvent.findMany({ where: { AND: [where, { id: { in: chunk } }] }, orderBy: NEWEST_FIRST, take: need - out.length })));
  }
  return out;
}

function termTimeBounds(f: AuditFilter, c: Cursor | null): Prisma.DateTimeFilter | undefined {
  const upper = c && (!f.to || c.time < f.to) ? c.time : f.to;
  if (!f.from && !upper) return undefined;
  return { ...(f.from ? { gte: f.from } : {}), ...(upper ? { lte: upper } : {}) };
}

/**
 * The distinct indexed words a prefix covers, by index seeks (`term > last ORDER BY term LIMIT 1`),
 * not a scan: a prefix range read in time order sorts every entry of the range, while one exact
 * term is read newest first straight off the (term, time) index. null when there are more than
 * `max` (the range is then read as one).
 */
async function termsStarting(db: Db, w: string, max: number): Promise<string[] | null> {
  const out: string[] = [];
  let after: string | null = null;
  for (;;) {
    const next: { term: string } | null = await db.auditTerm.findFirst({
      where: { term: after === null ? { gte: w, lt: w + PREFIX_END } : { gt: after, lt: w + PREFIX_END } },
      orderBy: { term: "asc" },
      select: { term: true },
    });
    if (!next) return out;
    if (out.length === max) return null;
    out.push(next.term);
    after = next.term;
  }
}

/**
 * The newest `size` term rows (of the exact `terms`, or of the whole prefix range when they were
 * too many to list) below the cursor, newest first: each term's newest `size` (an ordered index
 * read), merged — the union of every term's top `size` holds the top `size`. One event holding two
 * of the terms (web, webservice1) is one candidate. `more`: rows may remain below the last one.
 */
async function newestOfTerms(
  db: Db,
  terms: WordTerms,
  time: Prisma.DateTimeFilter | undefined,
  from: Cursor | null,
  size: number,
): Promise<{ rows: { eventId: string; time: Date }[]; more: boolean }> {
  const selectors = Array.isArray(terms) ? terms.map((term) => ({ term })) : [{ term: prefix(terms.range) }];
  const lists = await Promise.all(
    selectors.map((sel) =>
      db.auditTerm.findMany({
        where: {
          ...sel,
          // the redundant `time <= cursor` is the index range the OR hides from the planner
          AND: [...(time ? [{ time }] : []), ...(from ? [{ time: { lte: from.time } }] : [])],
          ...(from ? { OR: [{ time: { lt: from.time } }, { time: from.time, eventId: { lt: from.id } }] } : {}),
        },
        orderBy: [{ time: "desc" }, { eventId: "desc" }],
        take: size,
        select: { eventId: true, time: true },
      }),
    ),
  );
  const merged = lists.flat().sort((a, b) => b.time.getTime() - a.time.getTime() || (a.eventId < b.eventId ? 1 : a.eventId > b.eventId ? -1 : 0));
  const rows: { eventId: string; time: Date }[] = [];
  for (const r of merged) {
    if (rows.length === size) return { rows, more: true };
    if (rows.at(-1)?.eventId !== r.eventId) rows.push(r);
  }
  return { rows, more: lists.some((l) => l.length === size) };
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
  const where = filterWhere(f);
  const filtered = (where.AND as Prisma.AuditEventWhereInput[]).length > 0;
  // How many rows each word has, counted on the covering term index up to a cap: a cheap count
  // (fewRows) picks the word to read from; the dearer one (rareWordRows, tens of milliseconds at
  // a million rows) only when filters are set and every word is common, to choose between the two
  // ways below.
  const countUpTo = (cap: number) =>
    Promise.all(words.map((w) => db.auditTerm.count({ where: { term: prefix(w), ...(time ? { time } : {}) }, take: cap + 1 })));
  const firstCap = Math.min(tune.fewRows, RARE_WORD_ROWS);
  let counts = await countUpTo(firstCap);
  if (counts.some((n) => n === 0)) return { rows: [], nextCursor: null, searchedTo: null };
  if (filtered && Math.min(...counts) > firstCap && RARE_WORD_ROWS > firstCap) counts = await countUpTo(RARE_WORD_ROWS);
  const rarest = counts.indexOf(Math.min(...counts));
  const found: AuditEvent[] = [];

  // Read from the term index (each exact term newest first, in index order) unless every word is
  // common and filters narrow the rows: then the filters' indexes find the rows and the words are
  // checked on them (a rare user's rows among a million "standby" entries).
  if (counts[rarest]! <= RARE_WORD_ROWS || !filtered) {
    // The rarest word's rows, newest first, straight from the term index (each term row carries
    // its event's time), a growing batch at a time; each batch checked for the other words and
    // the filters. Keyset on (time, eventId) as on the events, so the page's cursor fits both.
    const [terms, ...others] = await Promise.all(
      [words[rarest]!, ...words.filter((_, i) => i !== rarest)].map(async (w): Promise<WordTerms> => (await termsStarting(db, w, tune.prefixTerms)) ?? { range: w }),
    );
    let from: Cursor | null = c;
    // A word with few rows, checked against other words or filters (which may reject most of
    // them), is read whole in one go (its count is known): one round, not four. Alone, its first
    // rows are the page.
    const few = counts[rarest]! <= tune.fewRows && (others.length > 0 || filtered);
    let size = few ? Math.max(limit + 1, counts[rarest]! + 1) : Math.max(limit + 1, tune.termBatch);
    for (;;) {
      const { rows: batch, more } = await newestOfTerms(db, terms!, time, from, size);
      const last = batch[batch.length - 1];
      if (!last) break;
      from = { time: last.time, id: last.eventId };
      const ids = [...new Set(batch.map((b) => b.eventId))];
      const hold = await withAllWords(db, ids, others);
      const ok = ids.filter((id) => hold.has(id));
      if (ok.length) found.push(...(await eventsInOrder(db, where, ok, limit + 1 - found.length)));
      if (found.length > limit || !more) break;
      size = Math.min(size * 4, 4_000);
    }
    const page = found.slice(0, limit);
    return { rows: page, nextCursor: found.length > limit ? encodeCursor(page[page.length - 1]!) : null, searchedTo: null };
  }

  // Only common words: walk the filtered rows newest first (ids only) and keep those with every word.
  const all = await Promise.all(words.map(async (w): Promise<WordTerms> => (await termsStarting(db, w, tune.prefixTerms)) ?? { range: w }));
  let scanFrom = c;
  let scanned = 0;
  for (;;) {
    const batch = await db.auditEvent.findMany({
      where: { AND: [where, afterCursor(scanFrom)] },
      orderBy: NEWEST_FIRST,
      take: BATCH,
      select: { id: true, time: true },
    });
    scanned += batch.length;
    const ok = await withAllWords(db, batch.map((r) => r.id), all);
    const hits = batch.filter((r) => ok.has(r.id)).slice(0, limit + 1 - found.length);
    if (hits.length) {
      found.push(...(await db.auditEvent.findMany({ where: { id: { in: hits.map((h) => h.id) } }, orderBy: NEWEST_FIRST })));
    }
    if (found.length > limit) {
      const page = found.slice(0, limit);
      return { rows: page, nextCursor: encodeCursor(page[page.length - 1]!), searchedTo: null };
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
