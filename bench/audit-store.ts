/**
 * The audit store at scale: a temp SQLite database (the committed migrations) filled with
 * realistic audit rows, then the page's queries timed through the same code the console runs
 * (server/audit/query.ts over Prisma).
 *
 *   npx tsx bench/audit-store.ts [--rows 1000000] [--samples 30] [--keep]
 *   npx tsx bench/audit-store.ts --db /tmp/vigil-audit-bench-…/audit.db   # the queries again on a kept store
 *
 * Filling: the writer itself (recordAudit, openActionRow + completeActionRow) is timed on a few
 * thousand rows — that is the console's insert rate. A million rows through Prisma would take a
 * quarter of an hour on this machine, so the bulk of them go through a bulk path: better-sqlite3
 * prepared statements in large transactions writing the same columns, the same JSON, the same time
 * format and the same terms (`auditTerms`, the writer's own function). The bench checks that claim
 * first: a row written both ways must come out identical, terms included.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { completeActionRow, openActionRow, recordAudit, redact, type AuditStatus } from "@/server/audit/audit";
import { AuditFilterSchema, auditPage, encodeCursor } from "@/server/audit/query";
import { auditTerms } from "@/server/audit/terms";
import { createDb, enableWal, type Db } from "@/server/db/client";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const ROWS = Number(arg("rows", "1000000"));
const SAMPLES = Number(arg("samples", "30"));
const KEEP = process.argv.includes("--keep");

// ---- a realistic history ----

/** Deterministic (mulberry32): the same history every run, so figures compare; successive draws uncorrelated. */
let seed = 42;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
/** Skewed: a few users and clusters do most of the work, as on a real team. */
const skewed = <T>(xs: readonly T[]): T => xs[Math.floor(Math.pow(rand(), 2.2) * xs.length)]!;

const USERS = Array.from({ length: 40 }, (_, i) => ({
  name: i === 0 ? "alice" : i === 1 ? "bob" : `user${String(i).padStart(2, "0")}`,
  role: i < 4 ? "admin" : i < 24 ? "operator" : "viewer",
}));
const CLUSTERS = ["prod-db", "prod-web", "staging", "edge-east", "edge-west", "lab", "batch", "dr-site", "billing", "search", "cache", "mail"];
const NODES = Array.from({ length: 16 }, (_, i) => `node${i + 1}`);
const RESOURCES = [
  ...Array.from({ length: 120 }, (_, i) => `WebService${i + 1}`),
  ...Array.from({ length: 60 }, (_, i) => `pgsql-${i + 1}`),
  ...Array.from({ length: 60 }, (_, i) => `vip-${i + 1}`),
  ...Array.from({ length: 40 }, (_, i) => `lvs-director-${i + 1}`),
];
const FAILURES = [
  "Error performing operation: Transport endpoint is not connected",
  "Resource is not running on any node: cannot ban it",
  "crm_resource: Could not move: the resource is already active on the target",
  "Error performing operation: No such device or address",
  "Timed out waiting for the cluster to settle",
];

interface Fake {
  user: (typeof USERS)[number];
  action: string;
  targetKind: string;
  target: string;
  clusterName: string;
  address: string;
  params: Record<string, unknown>;
  commands: string[];
  status: Exclude<AuditStatus, "pending">;
  message: string;
  epochBefore: string | null;
  epochAfter: string | null;
  durationMs: number;
}

function fakeRow(): Fake {
  const user = skewed(USERS);
  const clusterName = skewed(CLUSTERS);
  const address = `10.${Math.floor(rand() * 4)}.${Math.floor(rand() * 250)}.${Math.floor(rand() * 250)}`;
  const r = rand();
  const outcome: Fake["status"] = r < 0.86 ? "ok" : r < 0.92 ? "failed" : r < 0.96 ? "denied" : r < 0.98 ? "invalid" : r < 0.99 ? "acl_denied" : "unknown";
  const epoch = Math.floor(rand() * 5000);
  const base = { user, clusterName, address, status: outcome, epochBefore: `0.${epoch}.0`, epochAfter: outcome === "ok" ? `0.${epoch + 1}.0` : null, durationMs: Math.floor(200 + rand() * 3000) };
  const message = outcome === "ok" ? "done: the cluster's status shows it" : outcome === "failed" ? pick(FAILURES) : outcome === "denied" ? `needs the operator role; ${user.name} is viewer` : outcome === "invalid" ? "node: not a node of this cluster" : outcome === "acl_denied" ? "denied by the cluster's ACL (ACL target ro): Permission denied" : "outcome unknown: console restarted";
  const k = rand();
  if (k < 0.18) {
    const node = pick(NODES);
    const on = rand() < 0.5;
    return { ...base, action: "cluster.node.standby", targetKind: "node", target: node, params: { cluster: clusterName, node, on }, commands: [`crm_attribute --node ${node} --name standby --update ${on ? "on" : "off"} --lifetime forever`], message };
  }
  if (k < 0.36) {
    const rsc = pick(RESOURCES);
    const node = pick(NODES);
    return { ...base, action: "cluster.resource.move", targetKind: "resource", target: rsc, params: { cluster: clusterName, rsc, node, lifetime: "PT1H" }, commands: [`crm_resource --move --resource ${rsc} --node ${node} --lifetime PT1H`], message };
  }
  if (k < 0.5) {
    const rsc = pick(RESOURCES);
    return { ...base, action: "cluster.resource.cleanup", targetKind: "resource", target: rsc, params: { cluster: clusterName, rsc }, commands: [`crm_resource --cleanup --resource ${rsc}`], message };
  }
  if (k < 0.62) {
    const rsc = pick(RESOURCES);
    const stop = rand() < 0.5;
    return { ...base, action: stop ? "cluster.resource.stop" : "cluster.resource.start", targetKind: "resource", target: rsc, params: { cluster: clusterName, rsc }, commands: [`crm_resource --resource ${rsc} --meta --set-parameter target-role --parameter-value ${stop ? "Stopped" : "Started"}`], message };
  }
  if (k < 0.68) {
    const node = pick(NODES);
    const name = pick(["pgsql-status", "role", "site", "rack"]);
    return { ...base, action: "cluster.node.attribute.set", targetKind: "attribute", target: `${node}/${name}`, params: { cluster: clusterName, node, name, value: pick(["master", "standby", "east", "r12"]), lifetime: "reboot" }, commands: [`crm_attribute --node ${node} --name ${name} --update master --lifetime reboot`], message };
  }
  if (k < 0.9) {
    const ok = rand() < 0.9;
    return { ...base, clusterName: "", action: "auth.login", targetKind: "user", target: user.name, params: { username: user.name }, commands: [], status: ok ? "ok" : "failed", message: ok ? "" : "Invalid username or password", epochBefore: null, epochAfter: null };
  }
  if (k < 0.99) {
    return { ...base, clusterName: "", action: "auth.logout", targetKind: "user", target: user.name, params: {}, commands: [], status: "ok", message: "", epochBefore: null, epochAfter: null };
  }
  const who = pick(USERS).name;
  return { ...base, clusterName: "", action: pick(["users.setRole", "users.disable", "users.enable"]), targetKind: "user", target: who, params: { username: who }, commands: [], status: "ok", message: "", epochBefore: null, epochAfter: null };
}

// ---- the database ----

function migratedFile(dir: string): string {
  const file = path.join(dir, "audit.db");
  const conn = new Database(file);
  const migrations = path.resolve("prisma/migrations");
  for (const name of readdirSync(migrations, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    conn.exec(readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
  }
  conn.pragma("journal_mode = WAL");
  conn.close();
  return file;
}

/** Prisma's SQLite adapter stores DateTime as ISO 8601 text with an explicit +00:00. */
const sqliteTime = (d: Date) => d.toISOString().replace("Z", "+00:00");

let idCounter = 0;
function fakeId(t: number): string {
  // cuid-shaped (the writer's ids come from Prisma's cuid()): unique, 25 characters
  idCounter += 1;
  return `c${t.toString(36).padStart(9, "0")}${idCounter.toString(36).padStart(6, "0")}${Math.floor(rand() * 36 ** 8).toString(36).padStart(9, "0")}`.slice(0, 25);
}

/** The bulk path: exactly the columns and terms the writer makes (see the check below). */
function bulkInsert(file: string, rows: number, startMs: number, stepMs: number): { seconds: number; terms: number } {
  const conn = new Database(file);
  conn.pragma("synchronous = OFF");
  const ev = conn.prepare(
    `INSERT INTO "AuditEvent" ("id","time","userId","username","role","address","action","targetKind","target","params","commands","status","message","clusterId","clusterName","epochBefore","epochAfter","summary","durationMs")
     VALUES (?,?,NULL,?,?,?,?,?,?,?,?,?,?,NULL,?,?,?,'',?)`,
  );
  const term = conn.prepare(`INSERT INTO "AuditTerm" ("term","eventId","time") VALUES (?,?,?)`);
  let terms = 0;
  const t0 = performance.now();
  const chunk = conn.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const f = fakeRow();
      const ms = startMs + i * stepMs + Math.floor(rand() * stepMs);
      const time = sqliteTime(new Date(ms));
      const id = fakeId(ms);
      const params = JSON.stringify(redact(f.params));
      const commands = JSON.stringify(f.commands);
      ev.run(id, time, f.user.name, f.user.role, f.address, f.action, f.targetKind, f.target, params, commands, f.status, f.message, f.clusterName, f.epochBefore, f.epochAfter, f.durationMs);
      for (const w of auditTerms({ username: f.user.name, action: f.action, target: f.target, clusterName: f.clusterName, message: f.message, summary: "", params, commands })) {
        term.run(w, id, time);
        terms += 1;
      }
    }
  });
  const STEP = 20_000;
  for (let i = 0; i < rows; i += STEP) {
    chunk(i, Math.min(rows, i + STEP));
    if ((i / STEP) % 10 === 9) process.stdout.write(`  … ${(i + STEP).toLocaleString("en")} rows, ${((i + STEP) / ((performance.now() - t0) / 1000)).toFixed(0)} rows/s\n`);
  }
  const seconds = (performance.now() - t0) / 1000;
  conn.pragma("wal_checkpoint(TRUNCATE)");
  conn.exec("ANALYZE");
  conn.close();
  return { seconds, terms };
}

// ---- timing ----

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function timeIt(label: string, samples: number, run: (i: number) => Promise<number>): Promise<{ label: string; p50: number; p95: number; rows: number }> {
  await run(0); // warm the page cache and Prisma's query plan cache
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    rows = await run(i + 1);
    times.push(performance.now() - t0);
  }
  return { label, p50: pct(times, 50), p95: pct(times, 95), rows };
}

async function writerRate(
  db: Db,
  n: number,
): Promise<{ rowsPerSec: number; actionP50: number; actionP95: number; plainP50: number; realP50: number }> {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const f = fakeRow();
    await recordAudit(db, { userId: null, username: f.user.name, role: f.user.role }, f, f.status, f.message, f.durationMs);
  }
  const rowsPerSec = n / ((performance.now() - t0) / 1000);
  // The action path's own cost: opening and completing a change's row (the two writes it adds).
  const each: number[] = [];
  for (let i = 0; i < Math.min(300, n); i++) {
    const f = fakeRow();
    const s = performance.now();
    const id = await openActionRow(db, { userId: null, username: f.user.name, role: f.user.role }, f);
    await completeActionRow(db, id, { status: "ok", message: f.message, commands: f.commands, epochBefore: f.epochBefore, epochAfter: f.epochAfter, durationMs: f.durationMs });
    each.push(performance.now() - s);
  }
  // The same two writes without the search terms (plain Prisma create + update), interleaved with
  // the real ones so load on the machine hits both alike: what indexing the words costs the action.
  const plain: number[] = [];
  const real: number[] = [];
  for (let i = 0; i < Math.min(300, n); i++) {
    const f = fakeRow();
    const actor = { userId: null, username: f.user.name, role: f.user.role };
    let s = performance.now();
    const row = await db.auditEvent.create({
      data: { username: f.user.name, role: f.user.role, action: f.action, targetKind: f.targetKind, target: f.target, clusterName: f.clusterName, address: f.address, params: JSON.stringify(f.params), commands: JSON.stringify(f.commands), status: "pending" },
    });
    await db.auditEvent.update({ where: { id: row.id }, data: { status: "ok", message: f.message, epochBefore: f.epochBefore, epochAfter: f.epochAfter, durationMs: f.durationMs } });
    plain.push(performance.now() - s);
    s = performance.now();
    const id = await openActionRow(db, actor, f);
    await completeActionRow(db, id, { status: "ok", message: f.message, commands: f.commands, epochBefore: f.epochBefore, epochAfter: f.epochAfter, durationMs: f.durationMs });
    real.push(performance.now() - s);
  }
  return { rowsPerSec, actionP50: pct(each, 50), actionP95: pct(each, 95), plainP50: pct(plain, 50), realP50: pct(real, 50) };
}

/** The bulk path writes what the writer writes: one row both ways, compared column by column. */
async function checkBulkMatchesWriter(dir: string): Promise<void> {
  const file = migratedFile(path.join(dir));
  const db = createDb(`file:${file}`);
  const savedSeed = seed;
  const f = fakeRow();
  seed = savedSeed;
  // A change's row as the action path writes it: opened pending, then completed.
  const id = await openActionRow(db, { userId: null, username: f.user.name, role: f.user.role }, f);
  await completeActionRow(db, id, { status: f.status, message: f.message, commands: f.commands, epochBefore: f.epochBefore, epochAfter: f.epochAfter, durationMs: f.durationMs });
  await db.$disconnect();
  seed = savedSeed;
  bulkInsert(file, 1, Date.now(), 1);
  const conn = new Database(file);
  const rows = conn.prepare(`SELECT * FROM "AuditEvent" ORDER BY "id"`).all() as Record<string, unknown>[];
  const terms = rows.map((r) => (conn.prepare(`SELECT "term" FROM "AuditTerm" WHERE "eventId" = ? ORDER BY "term"`).all(r.id) as { term: string }[]).map((t) => t.term).join(" "));
  conn.close();
  const strip = (r: Record<string, unknown>) => ({ ...r, id: "", time: String(r.time).replace(/\d/g, "0") });
  if (rows.length !== 2 || JSON.stringify(strip(rows[0]!)) !== JSON.stringify(strip(rows[1]!)) || terms[0] !== terms[1]) {
    throw new Error(`the bulk path does not write what the writer writes:\n${JSON.stringify(rows, null, 1)}\n${terms.join("\n")}`);
  }
  seed = savedSeed;
  idCounter = 0;
}

async function fill(dir: string): Promise<{ url: string; end: number }> {
  await checkBulkMatchesWriter(mkdtempSync(path.join(dir, "check-")));
  console.log("bulk path check: a row written by recordAudit and by the bulk path are identical (columns, JSON, time format, terms)");

  const file = migratedFile(dir);
  const url = `file:${file}`;
  const writerDb = createDb(url);
  await enableWal(writerDb);
  const w = await writerRate(writerDb, 2_000);
  await writerDb.$disconnect();
  console.log(`writer (recordAudit, Prisma, row + terms in one statement): ${w.rowsPerSec.toFixed(0)} rows/s`);
  console.log(`action path's audit writes (openActionRow + completeActionRow with re-indexing): p50 ${fmt(w.actionP50)}, p95 ${fmt(w.actionP95)}`);
  console.log(`  the same two writes without search terms: p50 ${fmt(w.plainP50)} vs ${fmt(w.realP50)} with them (interleaved pairs)`);

  const end = Date.now();
  const year = 365 * 24 * 3_600_000;
  const step = Math.floor(year / ROWS);
  console.log(`bulk filling ${ROWS.toLocaleString("en")} rows over a year of history…`);
  const bulk = bulkInsert(file, ROWS, end - year - 2 * 3_600_000, step);
  const size = statSync(file).size;
  console.log(
    `bulk path: ${ROWS.toLocaleString("en")} rows + ${bulk.terms.toLocaleString("en")} terms in ${bulk.seconds.toFixed(1)} s = ${(ROWS / bulk.seconds).toFixed(0)} rows/s (${(bulk.terms / ROWS).toFixed(1)} terms a row; database ${(size / 1e9).toFixed(2)} GB)`,
  );
  return { url, end };
}

async function main(): Promise<void> {
  // --db FILE: time the queries on a store a previous run kept (--keep), without filling again
  const existing = process.argv.includes("--db") ? arg("db", "") : "";
  const dir = existing ? path.dirname(existing) : mkdtempSync(path.join(tmpdir(), "vigil-audit-bench-"));
  try {
    let url: string;
    let end: number;
    if (existing) {
      url = `file:${existing}`;
      const probe = createDb(url);
      end = (await probe.auditEvent.findFirstOrThrow({ orderBy: { time: "desc" }, select: { time: true } })).time.getTime();
      await probe.$disconnect();
    } else {
      ({ url, end } = await fill(dir));
    }
    const year = 365 * 24 * 3_600_000;
    const db = createDb(url);
    const total = await db.auditEvent.count();
    console.log(`rows in the store: ${total.toLocaleString("en")}`);
    const parse = (f: Record<string, unknown>) => AuditFilterSchema.parse(f);
    const LIMIT = 50;

    // A cursor deep in the history: the row ~90 % of the way back (what "load more" reaches after 18,000 pages).
    const deep = await db.auditEvent.findFirstOrThrow({ orderBy: [{ time: "desc" }, { id: "desc" }], skip: Math.floor(total * 0.9), select: { id: true, time: true } });
    const deepCursor = encodeCursor(deep);
    const month = 30 * 24 * 3_600_000;

    const results = [
      await timeIt("first page, no filter", SAMPLES, async () => (await auditPage(db, parse({}), null, LIMIT)).rows.length),
      await timeIt("filtered first page (user + cluster + outcome + 30-day range)", SAMPLES, async (i) => {
        const from = new Date(end - year + (i % 10) * month);
        const f = parse({ user: "alice", cluster: "prod-db", status: ["ok", "failed"], from, to: new Date(from.getTime() + month) });
        return (await auditPage(db, f, null, LIMIT)).rows.length;
      }),
      await timeIt("filtered first page (a rare user + cluster + failed, whole year)", SAMPLES, async () => {
        return (await auditPage(db, parse({ user: "user30", cluster: "prod-web", status: ["failed"] }), null, LIMIT)).rows.length;
      }),
      await timeIt("page 18,000 deep via cursor (no filter)", SAMPLES, async () => (await auditPage(db, parse({}), deepCursor, LIMIT)).rows.length),
      await timeIt("page deep via cursor (cluster + outcome filter)", SAMPLES, async () => (await auditPage(db, parse({ cluster: "prod-db", status: ["ok"] }), deepCursor, LIMIT)).rows.length),
      await timeIt('search one word ("webservice17", rare)', SAMPLES, async () => (await auditPage(db, parse({ q: "webservice17" }), null, LIMIT)).rows.length),
      await timeIt('search one word ("standby", common)', SAMPLES, async () => (await auditPage(db, parse({ q: "standby" }), null, LIMIT)).rows.length),
      await timeIt('search one word prefix ("transp", failures)', SAMPLES, async () => (await auditPage(db, parse({ q: "transp" }), null, LIMIT)).rows.length),
      await timeIt('search one common word + filters ("standby", user alice, ok)', SAMPLES, async () => (await auditPage(db, parse({ q: "standby", user: "alice", status: ["ok"] }), null, LIMIT)).rows.length),
      await timeIt('search two words ("webservice17 node3")', SAMPLES, async () => (await auditPage(db, parse({ q: "webservice17 node3" }), null, LIMIT)).rows.length),
      await timeIt('search two words ("standby node3", both common)', SAMPLES, async () => (await auditPage(db, parse({ q: "standby node3" }), null, LIMIT)).rows.length),
      await timeIt('search two words + filter ("cleanup pgsql" in prod-db)', SAMPLES, async () => (await auditPage(db, parse({ q: "cleanup pgsql", cluster: "prod-db" }), null, LIMIT)).rows.length),
    ];
    await db.$disconnect();
    console.log(`\nqueries at ${total.toLocaleString("en")} rows, page of ${LIMIT}, ${SAMPLES} samples each (target < 50 ms):`);
    console.log("| query | rows | p50 | p95 |\n|---|---|---|---|");
    for (const r of results) console.log(`| ${r.label} | ${r.rows} | ${fmt(r.p50)} | ${fmt(r.p95)} |`);
    if (KEEP && !existing) console.log(`\nkept: ${url.slice("file:".length)}`);
  } finally {
    if (!KEEP && !existing) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
