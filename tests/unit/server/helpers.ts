// Test harness: a migrated temp SQLite database, a hub on fake agent links, and tRPC callers that
// carry a cookie jar like a browser would.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { HelloMessage } from "@/lib/protocol";
import { buildStatus, type ClusterStatus } from "@/lib/pacemaker";
import { createContext } from "@/server/api/context";
import { createCaller } from "@/server/api/root";
import { hashPassword } from "@/server/auth/password";
import { LoginRateLimiter } from "@/server/auth/rate-limit";
import type { Role } from "@/server/auth/roles";
import { SESSION_COOKIE } from "@/server/auth/session";
import { createDb, type Db } from "@/server/db/client";
import Database from "better-sqlite3";
import type { AgentLink, AgentLinkFactory, AgentLinkState, AgentStatusEvent } from "@/server/hub/agent-link";
import { AgentHub } from "@/server/hub/hub";

export interface TestDb {
  db: Db;
  url: string;
  cleanup(): Promise<void>;
}

/**
 * The committed migrations applied with plain SQL: compiling the WASM schema engine per test file
 * costs seconds on a busy machine. The engine path itself is tested in boot.test.ts.
 */
function applyMigrationSql(file: string): void {
  const dir = path.resolve("prisma/migrations");
  const conn = new Database(file);
  try {
    for (const name of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
      conn.exec(readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
    }
  } finally {
    conn.close();
  }
}

export async function createTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(path.join(tmpdir(), "vigil-test-"));
  const file = path.join(dir, "test.db");
  const url = `file:${file}`;
  applyMigrationSql(file);
  const db = createDb(url);
  return {
    db,
    url,
    async cleanup() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function addUser(db: Db, username: string, role: Role, password = `${username}-password`) {
  return db.user.create({ data: { username, role, passwordHash: await hashPassword(password) } });
}

/** A browser-like caller: it keeps the session cookie that login sets. */
export class TestClient {
  cookie: string | null = null;
  readonly setCookies: string[] = [];

  constructor(
    private readonly deps: { db: Db; hub: AgentHub; limiter: LoginRateLimiter; clientIp?: string; sessionTtlMs?: number },
  ) {}

  /** `signal` stands for the HTTP request: aborting it is the client going away. */
  async caller(signal?: AbortSignal) {
    const headers = new Headers();
    if (this.cookie !== null) headers.set("cookie", `${SESSION_COOKIE}=${this.cookie}`);
    const ctx = await createContext(
      headers,
      (value) => {
        this.setCookies.push(value);
        const m = new RegExp(`^${SESSION_COOKIE}=([^;]*)`).exec(value);
        if (m) this.cookie = m[1] ? m[1] : null;
      },
      { ...this.deps, clientIp: this.deps.clientIp ?? "10.0.0.1" },
    );
    return createCaller(ctx, signal ? { signal } : undefined);
  }

  async login(username: string, password = `${username}-password`) {
    return (await this.caller()).auth.login({ username, password });
  }
}

// ---- fake agents ----

export class FakeLink implements AgentLink {
  private hello: ((h: HelloMessage) => void)[] = [];
  private status: ((e: AgentStatusEvent) => void)[] = [];
  private state: ((s: AgentLinkState, d: string) => void)[] = [];
  closed = false;
  seq = 0;
  /** every request the hub sent, in order */
  readonly requests: { action: string; params: Record<string, unknown>; cibUser?: string }[] = [];
  /** how the fake agent answers a request (default: ok with an empty change result) */
  answer: (action: string, params: Record<string, unknown>) => Promise<unknown> = async () => ({ seq: this.seq, output: "", commands: [] });

  constructor(readonly url: string, readonly token: string) {}
  onHello(l: (h: HelloMessage) => void) { this.hello.push(l); }
  onStatus(l: (e: AgentStatusEvent) => void) { this.status.push(l); }
  onState(l: (s: AgentLinkState, d: string) => void) { this.state.push(l); }
  close() { this.closed = true; }
  request(action: string, params: Record<string, unknown>, o: { cibUser?: string } = {}) {
    this.requests.push({ action, params, ...(o.cibUser ? { cibUser: o.cibUser } : {}) });
    return this.answer(action, params);
  }

  open(node: string, cluster: string | null = "democluster") {
    this.state.forEach((l) => l("open", node));
    const hello: HelloMessage = {
      type: "hello", protocol: 1, agentVersion: "test", node, cluster, pacemakerVersion: "2.1.5",
      mode: "sim", capabilities: [], watch: "fswatch",
    };
    this.hello.forEach((l) => l(hello));
  }
  refuse() { this.state.forEach((l) => l("refused", "agent refused the token")); }
  drop(detail = "1006") { this.state.forEach((l) => l("closed", detail)); }
  send(status: ClusterStatus, patch: AgentStatusEvent["patch"] = null) {
    this.seq += 1;
    this.status.forEach((l) => l({ status, patch, seq: this.seq }));
  }
}

/** Links are created per URL; a test drives them by URL. */
export class FakeAgents {
  readonly links = new Map<string, FakeLink[]>();
  /** What a probe (reconnect: false) sees at each URL; default unreachable. */
  readonly probeAnswers = new Map<string, { node: string; cluster: string | null } | "refused">();

  factory: AgentLinkFactory = (url, opts) => {
    const link = new FakeLink(url, opts.token);
    this.links.set(url, [...(this.links.get(url) ?? []), link]);
    if (!opts.reconnect) {
      const answer = this.probeAnswers.get(url);
      queueMicrotask(() => {
        if (answer === "refused") link.refuse();
        else if (answer) link.open(answer.node, answer.cluster);
        else link.drop("connect ECONNREFUSED");
      });
    }
    return link;
  };

  /** The hub's (reconnecting) link to a URL. */
  link(url: string): FakeLink {
    const found = this.links.get(url)?.at(-1);
    if (!found) throw new Error(`no link to ${url}`);
    return found;
  }
}

export function createTestHub(agents = new FakeAgents()): { hub: AgentHub; agents: FakeAgents } {
  return { hub: new AgentHub(agents.factory, () => {}), agents };
}

// ---- Pacemaker status from real crm_mon/CIB fixtures ----

export function fixtureStatus(name: "demo" | `variants/${string}`): ClusterStatus {
  const dir = path.resolve("tests/fixtures", name);
  return buildStatus({
    crmMonXml: readFileSync(path.join(dir, "crm_mon.xml"), "utf8"),
    cibXml: readFileSync(path.join(dir, "cib.xml"), "utf8"),
  });
}

export async function expectTrpcError(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (err) {
    const e = err as { code?: unknown; message?: unknown };
    return { code: String(e.code), message: String(e.message) };
  }
  throw new Error("expected a TRPCError, the call succeeded");
}
