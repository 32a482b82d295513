// The audit store: what the writer indexes, and what the query finds (filters, word search by
// both strategies, the keyset cursor) on a real migrated SQLite database.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { completeActionRow, openActionRow, recordAudit, type Actor, type AuditSpec, type AuditStatus } from "@/server/audit/audit";
import { AuditFilterSchema, auditPage, decodeCursor, encodeCursor, type SearchTuning } from "@/server/audit/query";
import { auditTerms, MAX_TERMS_PER_ROW, queryWords, tokenize } from "@/server/audit/terms";
import { createTestDb, type TestDb } from "./helpers";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.cleanup());
afterEach(() => vi.useRealTimers());

const termsOf = async (id: string) =>
  (await t.db.auditTerm.findMany({ where: { eventId: id }, orderBy: { term: "asc" } })).map((r) => r.term);

describe("terms", () => {
  it("tokenizes like a person reads: letters and digits, lower-cased, ids split at punctuation", () => {
    expect(tokenize("cli-ban-WebService1-on-node3 crm_attribute Ünïcode")).toEqual(["cli", "ban", "webservice1", "on", "node3", "crm", "attribute", "ünïcode"]);
    expect(queryWords("Web webservice1 NODE3 node3")).toEqual(["webservice1", "node3"]);
    expect(queryWords("  ,;; ")).toEqual([]);
  });

  it("caps a row's words and never indexes the address", () => {
    const many = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, `word${i}`]));
    const terms = auditTerms({ username: "ops", action: "x", target: "", clusterName: "", message: "", summary: "", params: many, commands: [] });
    expect(terms).toHaveLength(MAX_TERMS_PER_ROW);
    expect(terms.slice(0, 2)).toEqual(["ops", "x"]);
    expect(new Set(terms).size).toBe(terms.length);
  });
});

describe("writer", () => {
  const actor: Actor = { userId: null, username: "Olga", role: "operator" };
  const spec: AuditSpec = {
    action: "cluster.node.standby",
    targetKind: "node",
    target: "node3",
    clusterName: "prod",
    address: "192.0.2.77",
    params: { node: "node3", on: true, password: "hunter2" },
    commands: ["crm_attribute --node node3 --name standby --update on --lifetime forever"],
  };

  it("indexes a change's words when its row is opened, and again (replacing them) when it completes", async () => {
    const id = await openActionRow(t.db, actor, spec);
    const opened = await termsOf(id);
    expect(opened).toEqual(expect.arrayContaining(["olga", "cluster", "node", "standby", "node3", "prod", "crm", "attribute", "forever", "redacted"]));
    expect(opened).not.toContain("hunter2");
    expect(opened.some((w) => w.includes("192"))).toBe(false);
    const row = await t.db.auditEvent.findUniqueOrThrow({ where: { id } });
    expect(new Set((await t.db.auditTerm.findMany({ where: { eventId: id } })).map((r) => r.time.getTime()))).toEqual(new Set([row.time.getTime()]));

    await completeActionRow(t.db, id, {
      status: "failed",
      message: "Error performing operation: Transport endpoint is not connected",
      commands: ["crm_attribute --node node3 --name standby --update on --lifetime reboot"],
      durationMs: 12.4,
    });
    const done = await termsOf(id);
    expect(done).toEqual(expect.arrayContaining(["transport", "endpoint", "reboot", "node3"]));
    expect(done).not.toContain("forever"); // the planned line's word went with it
    expect(await t.db.auditEvent.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "failed", durationMs: 12 });
  });

  it("indexes a finished row (a refusal) in the same write", async () => {
    await recordAudit(t.db, actor, { ...spec, action: "cluster.resource.stop", target: "Zebra42" }, "denied", "needs the operator role");
    const row = await t.db.auditEvent.findFirstOrThrow({ where: { target: "Zebra42" } });
    expect(await termsOf(row.id)).toEqual(expect.arrayContaining(["zebra42", "needs", "operator", "role"]));
  });

  it("files a refusal that names a cluster and target only in its raw input under them", async () => {
    await recordAudit(t.db, actor, { action: "nodes.standby", params: { cluster: "eastside", node: "n1" } }, "denied", "no");
    expect(await t.db.auditEvent.findFirstOrThrow({ where: { action: "nodes.standby" } })).toMatchObject({
      clusterName: "eastside",
      targetKind: "node",
      target: "n1",
    });
    await recordAudit(t.db, actor, { action: "resources.stop", params: { cluster: "eastside", rsc: "db1" } }, "denied", "no");
    expect(await t.db.auditEvent.findFirstOrThrow({ where: { action: "resources.stop" } })).toMatchObject({ targetKind: "resource", target: "db1" });
  });
});

// ---- queries over a known history ----

interface Seed {
  user: string;
  cluster: string;
  action: string;
  kind: string;
  target: string;
  status: Exclude<AuditStatus, "pending">;
  message: string;
}

const T0 = Date.parse("2026-06-01T00:00:00Z");
const seeds: (Seed & { at: number })[] = [];
{
  const users = ["alice", "bob", "carol"];
  const clusters = ["prod", "test"];
  const statuses: Seed["status"][] = ["ok", "ok", "failed", "denied", "ok", "invalid", "acl_denied", "unknown"];
  for (let i = 0; i < 60; i++) {
    const node = i % 3 === 0;
    seeds.push({
      user: users[i % 3]!,
      cluster: clusters[i % 2]!,
      action: node ? "cluster.node.standby" : "cluster.resource.move",
      kind: node ? "node" : "resource",
      target: node ? `node${(i % 4) + 1}` : `WebService${(i % 5) + 1}`,
      status: statuses[i % statuses.length]!,
      message: i % 7 === 0 ? "Transport endpoint is not connected" : i % 5 === 0 ? "migration-threshold reached" : "done",
      // every third row shares its millisecond with the one before: the id breaks the tie
      at: T0 + Math.floor(i / 2) * 60_000 + (i % 2 === 1 && i % 3 === 0 ? 0 : i % 2) * 1_000,
    });
  }
}

let history: { id: string; time: Date }[] = [];

async function seedHistory(db: TestDb["db"]) {
  vi.useFakeTimers({ toFake: ["Date"] });
  for (const s of seeds) {
    vi.setSystemTime(s.at);
    await recordAudit(
      db,
      { userId: null, username: s.user, role: "operator" },
      { action: s.action, targetKind: s.kind, target: s.target, clusterName: s.cluster, address: "10.1.1.1", params: { rsc: s.target, seq: seeds.indexOf(s) } },
      s.status,
      s.message,
    );
  }
  vi.useRealTimers();
}

const filter = (f: Record<string, unknown>) => AuditFilterSchema.parse(f);

/** Every page of a query, following the cursor. */
async function allPagesOf(db: TestDb["db"], f: Record<string, unknown>, limit: number, tune?: SearchTuning) {
  const out: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 200; pages++) {
    const page = await auditPage(db, filter(f), cursor, limit, tune);
    out.push(...page.rows.map((r) => r.id));
    cursor = page.nextCursor;
    if (!cursor) return out;
  }
  throw new Error("cursor never ended");
}

describe("query", () => {
  let q: TestDb;
  beforeAll(async () => {
    q = await createTestDb();
    await seedHistory(q.db);
    history = await q.db.auditEvent.findMany({ select: { id: true, time: true } });
    history.sort((a, b) => b.time.getTime() - a.time.getTime() || (a.id < b.id ? 1 : -1));
  });
  afterAll(async () => q.cleanup());

  /** The ids a query should return, newest first. */
  const expected = (pred: (s: Seed & { at: number }) => boolean) => history.filter((h) => pred(seedOf.get(h.id)!)).map((h) => h.id);
  const seedOf = new Map<string, Seed & { at: number }>();
  beforeAll(async () => {
    for (const r of await q.db.auditEvent.findMany({ select: { id: true, params: true } })) {
      seedOf.set(r.id, seeds[(JSON.parse(r.params) as { seq: number }).seq]!);
    }
  });

  it("pages through everything newest first with the cursor: no row twice, none missed, ties broken by id", async () => {
    const ids = await allPagesOf(q.db, {}, 7);
    expect(ids).toEqual(history.map((h) => h.id));
    expect(new Set(history.map((h) => h.time.getTime())).size).toBeLessThan(history.length); // there are ties
  });

  it("filters by user, cluster, several outcomes and a time range at once", async () => {
    const from = new Date(T0 + 5 * 60_000);
    const to = new Date(T0 + 25 * 60_000);
    const got = await allPagesOf(q.db, { user: "alice", cluster: "prod", status: ["ok", "failed"], from, to }, 3);
    const want = expected(
      (s) => s.user === "alice" && s.cluster === "prod" && (s.status === "ok" || s.status === "failed") && s.at >= from.getTime() && s.at <= to.getTime(),
    );
    expect(want.length).toBeGreaterThan(0);
    expect(got).toEqual(want);
  });

  it("filters by action prefix, and by target kind + target", async () => {
    expect(await allPagesOf(q.db, { action: "cluster.node." }, 50)).toEqual(expected((s) => s.action === "cluster.node.standby"));
    expect(await allPagesOf(q.db, { action: "cluster.resource" }, 50)).toEqual(expected((s) => s.action.startsWith("cluster.resource")));
    expect(await allPagesOf(q.db, { targetKind: "resource", target: "WebService2" }, 4)).toEqual(expected((s) => s.target === "WebService2"));
    expect(await allPagesOf(q.db, { targetKind: "node", target: "WebService2" }, 4)).toEqual([]);
  });

  it("refuses filters that make no sense, with a message that says which", () => {
    expect(AuditFilterSchema.safeParse({ from: "2026-06-02", to: "2026-06-01" }).error?.issues[0]?.message).toBe("From must not be after To");
    expect(AuditFilterSchema.safeParse({ status: ["fine"] }).error?.issues[0]?.message).toMatch(/^Outcome must be one of pending, ok/);
    expect(AuditFilterSchema.safeParse({ target: "x" }).error?.issues[0]?.message).toMatch(/needs its kind/);
    expect(AuditFilterSchema.safeParse({ from: "yesterday-ish" }).success).toBe(false);
  });

  // The common-words walk runs only when filters are set: `action: "cluster."` selects every seed.
  const strategies: [string, SearchTuning, Record<string, unknown>][] = [
    ["from the term index, word by word (rare words)", { rareWordRows: 1_000, fewRows: 2_000, batch: 4, termBatch: 1, prefixTerms: 32, maxScanRows: 1_000 }, {}],
    ["from the term index, a prefix read as one range, in growing batches", { rareWordRows: 1_000, fewRows: 0, batch: 4, termBatch: 1, prefixTerms: 1, maxScanRows: 1_000 }, {}],
    ["from the term index, common words without filters", { rareWordRows: 0, fewRows: 2_000, batch: 4, termBatch: 1, prefixTerms: 32, maxScanRows: 1_000 }, {}],
    ["along the filtered rows (common words)", { rareWordRows: 0, fewRows: 2_000, batch: 4, termBatch: 1, prefixTerms: 32, maxScanRows: 1_000 }, { action: "cluster." }],
  ];
  for (const [name, tune, all] of strategies) {
    const allPages = (db: TestDb["db"], f: Record<string, unknown>, limit: number, t: SearchTuning) => allPagesOf(db, { ...all, ...f }, limit, t);
    it(`searches words by prefix, intersected, ${name}`, async () => {
      expect(await allPages(q.db, { q: "transport" }, 3, tune)).toEqual(expected((s) => s.message.startsWith("Transport")));
      expect(await allPages(q.db, { q: "TRANSP" }, 3, tune)).toEqual(expected((s) => s.message.startsWith("Transport")));
      const two = expected((s) => s.target === "WebService1" && s.message.startsWith("migration"));
      expect(two.length).toBeGreaterThan(0);
      expect(await allPages(q.db, { q: "webservice1 migration" }, 2, tune)).toEqual(two);
      expect(await allPages(q.db, { q: "webservice1 nosuchword" }, 2, tune)).toEqual([]);
      // a prefix that several words of one row start (move, migration): the row once
      const withM = new Set((await q.db.auditTerm.findMany({ where: { term: { startsWith: "m" } } })).map((r) => r.eventId));
      expect(withM.size).toBeGreaterThan(20);
      expect(await allPages(q.db, { q: "m" }, 6, tune)).toEqual(history.filter((h) => withM.has(h.id)).map((h) => h.id));
      // search and filters together
      expect(await allPages(q.db, { q: "node1", user: "alice", status: ["ok"] }, 2, tune)).toEqual(
        expected((s) => s.target === "node1" && s.user === "alice" && s.status === "ok"),
      );
    });
  }

  it("a search over common words that reaches its row budget says how far it got, and the next page carries on", async () => {
    const tune = { rareWordRows: 0, fewRows: 2_000, batch: 5, termBatch: 1, prefixTerms: 32, maxScanRows: 10 };
    const first = await auditPage(q.db, filter({ q: "transport", action: "cluster." }), null, 50, tune);
    expect(first.searchedTo).toEqual(history[9]!.time);
    expect(first.nextCursor).not.toBeNull();
    expect(await allPagesOf(q.db, { q: "transport", action: "cluster." }, 50, tune)).toEqual(expected((s) => s.message.startsWith("Transport")));
  });

  it("a word with more rows than one statement may bind, and filters that reject nearly all of them", async () => {
    const big = await createTestDb();
    try {
      const base = Date.parse("2026-07-01T00:00:00Z");
      const rows = Array.from({ length: 2_400 }, (_, i) => ({
        id: `zz${String(i).padStart(6, "0")}`,
        time: new Date(base + i * 1_000),
        username: "bulk",
        role: "operator",
        action: "cluster.resource.stop",
        targetKind: "resource",
        target: "Zebra",
        // the oldest row alone failed
        status: i === 0 ? "failed" : "ok",
        message: i === 0 ? "boom" : "done",
      }));
      await big.db.auditEvent.createMany({ data: rows });
      const terms = rows.flatMap((r) =>
        auditTerms({ ...r, clusterName: "", summary: "", params: {}, commands: [] }).map((term) => ({ term, eventId: r.id, time: r.time })),
      );
      for (let i = 0; i < terms.length; i += 5_000) await big.db.auditTerm.createMany({ data: terms.slice(i, i + 5_000) });
      for (const tune of [undefined, { rareWordRows: 100_000, fewRows: 2_000, batch: 500, termBatch: 64, prefixTerms: 32, maxScanRows: 100_000 }]) {
        const page = await auditPage(big.db, filter({ q: "zebra", status: ["failed"] }), null, 50, tune);
        expect(page.rows.map((r) => r.id)).toEqual(["zz000000"]);
        expect(page.nextCursor).toBeNull();
      }
      expect(await allPagesOf(big.db, { q: "zebra bulk" }, 200)).toHaveLength(2_400);
    } finally {
      await big.cleanup();
    }
  });

  it("cursors are opaque (time + id) and a made-up one is refused", () => {
    const c = encodeCursor({ time: new Date(T0), id: "abc" });
    expect(decodeCursor(c)).toEqual({ time: new Date(T0), id: "abc" });
    expect(decodeCursor("not-a-cursor")).toBeNull();
    expect(decodeCursor(Buffer.from('{"t":"x","i":"y"}').toString("base64url"))).toBeNull();
  });
});
