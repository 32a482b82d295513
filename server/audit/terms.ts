// The words of an audit row, for full-text search without database-specific SQL: each row's
// lower-cased tokens go into AuditTerm(term, eventId, time), and a search is a prefix range scan
// on the term index (`term >= w AND term < w + U+FFFF`) — the same on SQLite and PostgreSQL.
// Pure functions: the writer (audit.ts), the query (query.ts) and the bench use the same ones.

/** A row's vocabulary is capped: a huge message or params object must not cost a thousand inserts. */
export const MAX_TERMS_PER_ROW = 64;
/** Longer tokens are cut (a prefix search of a longer word is cut the same way, so it still matches). */
export const MAX_TERM_LENGTH = 48;
/** Words of one search; more say nothing the first eight do not. */
export const MAX_QUERY_WORDS = 8;

/** The upper bound of a prefix range: every string that starts with `w` sorts below it. */
export const PREFIX_END = "\uffff";

/**
 * Letters and digits, lower-cased: "cli-ban-WebService1-on-node3" → cli ban webservice1 on node3,
 * "crm_attribute" → crm attribute. Queries go through the same function, so they match alike.
 */
export function tokenize(text: string): string[] {
  const words = text.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((w) => (w.length > MAX_TERM_LENGTH ? w.slice(0, MAX_TERM_LENGTH) : w));
}

/** The leaf values of a params object (its keys say nothing a user searches for). */
function leafValues(value: unknown, out: string[], depth = 0): void {
  if (depth > 6 || out.length > MAX_TERMS_PER_ROW * 2) return;
  if (typeof value === "string") out.push(value);
  else if (typeof value === "number" || typeof value === "bigint") out.push(String(value));
  else if (Array.isArray(value)) for (const v of value) leafValues(v, out, depth + 1);
  else if (value !== null && typeof value === "object") for (const v of Object.values(value)) leafValues(v, out, depth + 1);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** What of a row is searchable. The address is not: it is shown to admins only. */
export interface TermSource {
  username: string;
  action: string;
  target: string;
  clusterName: string;
  message: string;
  summary: string;
  /** JSON text (as stored) or the parsed values */
  params: string | unknown;
  /** JSON text of a string array (as stored) or the array */
  commands: string | string[];
}

/**
 * The row's distinct terms, most telling first (who, what, on which target and cluster, then the
 * request, the command lines and the messages), at most MAX_TERMS_PER_ROW of them.
 */
export function auditTerms(row: TermSource): string[] {
  const params: string[] = [];
  leafValues(typeof row.params === "string" ? parseJson(row.params) : row.params, params);
  const commands = typeof row.commands === "string" ? parseJson(row.commands) : row.commands;
  const texts = [
    row.username,
    row.action,
    row.target,
    row.clusterName,
    ...params,
    ...(Array.isArray(commands) ? commands.filter((c): c is string => typeof c === "string") : []),
    row.message,
    row.summary,
  ];
  const terms = new Set<string>();
  for (const text of texts) {
    for (const t of tokenize(text)) {
      terms.add(t);
      if (terms.size >= MAX_TERMS_PER_ROW) return [...terms];
    }
  }
  return [...terms];
}

/** A search box's words: tokenized like the rows, deduplicated, a word that another one extends dropped. */
export function queryWords(q: string): string[] {
  const words = [...new Set(tokenize(q))];
  // "web webservice1" asks no more than "webservice1": the longer word's rows are a subset.
  const kept = words.filter((w) => !words.some((o) => o !== w && o.startsWith(w)));
  return kept.slice(0, MAX_QUERY_WORDS);
}
