// GET /api/clusters/<name>/snapshot over a real HTTP server: what a browser's first paint reads,
// and the stream that resumes from it.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { interpretSnapshot, SnapshotError } from "@/components/live/snapshot";
import { StatusJsonError } from "@/components/live/status-json";
import type { ClusterStatus, Primitive } from "@/lib/pacemaker";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/context";
import { acceptsGzip, serveSnapshot, SNAPSHOT_PATH } from "@/server/api/snapshot-http";
import { LoginRateLimiter } from "@/server/auth/rate-limit";
import { addUser, createTestDb, createTestHub, fixtureStatus, type TestDb } from "./helpers";

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const URL1 = "ws://n1:7480";
let t: TestDb;
const { hub, agents } = createTestHub();
const limiter = new LoginRateLimiter();
let server: Server;
let base: string;
const demo = fixtureStatus("demo");

/** The demo status with `n` extra primitives: big enough to be worth compressing. */
function bigger(n: number): ClusterStatus {
  const template = demo.resources.find((r): r is Primitive => r.kind === "primitive");
  if (!template) throw new Error("the demo has no primitive");
  const extra = Array.from({ length: n }, (_, i) => ({ ...template, id: `extra-${i}` }));
  return { ...demo, resources: [...demo.resources, ...extra] };
}

async function cookieOf(username: string): Promise<string> {
  const cookies: string[] = [];
  const ctx = await createContext(new Headers(), (c) => cookies.push(c), { db: t.db, hub, limiter });
  await createCaller(ctx).auth.login({ username, password: `${username}-password` });
  return cookies[0]?.split(";")[0] ?? "";
}

function get(path: string, headers: Record<string, string> = {}, method = "GET") {
  return fetch(`${base}${path}`, { method, headers });
}

beforeAll(async () => {
  t = await createTestDb();
  await addUser(t.db, "vera", "viewer");
  hub.addCluster({ id: "c1", name: "democluster", agents: [URL1], token: "tok", tlsFingerprint: null });
  agents.link(URL1).open("node1");
  agents.link(URL1).send(demo);
  server = createServer((req, res) => {
    const m = SNAPSHOT_PATH.exec(req.url ?? "");
    if (m?.[1]) void serveSnapshot(req, res, m[1], { db: t.db, hub, limiter });
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await t.cleanup();
});

describe("the snapshot endpoint", () => {
  it("refuses a request without a session (401, the tRPC code in a JSON body)", async () => {
    const res = await get("/api/clusters/democluster/snapshot");
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });
  });

  it("gives a viewer the status, its version and the event id to resume the stream from", async () => {
    const cookie = await cookieOf("vera");
    const res = await get("/api/clusters/democluster/snapshot", { cookie, "accept-encoding": "gzip" });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    // A small body goes out as it is.
    expect(res.headers.get("content-encoding")).toBeNull();
    const body = (await res.json()) as { version: number; eventId: string; status: unknown; freshness: { reachable: boolean } };
    const feed = hub.feedByName("democluster")!;
    expect(body.version).toBe(feed.snapshot().version);
    expect(body.eventId).toBe(`${feed.generation}:${body.version}`);
    expect(body.freshness.reachable).toBe(true);
    expect(body.status).toEqual(JSON.parse(JSON.stringify(demo)));
  });

  it("gzips a large status once and serves the same bytes until the cluster changes", async () => {
    const cookie = await cookieOf("vera");
    agents.link(URL1).send(bigger(400));
    const a = await get("/api/clusters/democluster/snapshot", { cookie, "accept-encoding": "gzip, deflate" });
    expect(a.headers.get("content-encoding")).toBe("gzip");
    const plain = await get("/api/clusters/democluster/snapshot", { cookie, "accept-encoding": "identity" });
    expect(plain.headers.get("content-encoding")).toBeNull();
    const plainText = await plain.text();
    expect(plainText.length).toBeGreaterThan(32_768);
    // fetch decodes gzip itself: both must read the same document.
    expect(await a.text()).toBe(plainText);
    const doc = interpretSnapshot({ status: 200, value: JSON.parse(plainText), error: null });
    expect(doc.status?.resources.some((r) => r.id === "extra-399")).toBe(true);
    expect(doc.freshness.receivedAt).toBeInstanceOf(Date);
    agents.link(URL1).send(demo);
  });

  it("answers 404 for an unknown cluster, 405 for a POST, 400 for a broken name", async () => {
    const cookie = await cookieOf("vera");
    const missing = await get("/api/clusters/nope/snapshot", { cookie });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
    expect((await get("/api/clusters/democluster/snapshot", { cookie }, "POST")).status).toBe(405);
    expect((await get("/api/clusters/%E0%A4%A/snapshot", { cookie })).status).toBe(400);
  });

  it("the stream resumed from the snapshot's event id sends patches, not the full state again", async () => {
    const cookie = await cookieOf("vera");
    const doc = (await (await get("/api/clusters/democluster/snapshot", { cookie })).json()) as { eventId: string };
    const ctx = await createContext(new Headers({ cookie }), () => {}, { db: t.db, hub, limiter });
    const stream = (await createCaller(ctx).status.watch({ cluster: "democluster", lastEventId: doc.eventId }))[Symbol.asyncIterator]();
    const changed: ClusterStatus = { ...demo, summary: { ...demo.summary, stack: "changed-for-test" } };
    const seen: string[] = [];
    for (;;) {
      const r = await Promise.race([stream.next(), new Promise<never>((_, rej) => setTimeout(() => rej(new Error("no event within 2 s")), 2000))]);
      if (r.done) throw new Error(`stream ended after ${seen.join(", ")}`);
      // A server-side caller yields tracked events as [id, data, symbol].
      const type = (r.value as unknown as [string, { type: string }])[1].type;
      seen.push(type);
      if (type === "freshness") agents.link(URL1).send(changed);
      else break;
    }
    await stream.return?.();
    expect(seen).toEqual(["freshness", "patch"]);
  });
});

describe("reading a snapshot in the browser", () => {
  it("turns the console's error body into a SnapshotError with its code", () => {
    const read = { status: 401, value: { error: { code: "UNAUTHORIZED", message: "Please log in" } }, error: null };
    expect(() => interpretSnapshot(read)).toThrow(SnapshotError);
    try {
      interpretSnapshot(read);
    } catch (e) {
      expect((e as SnapshotError).data.code).toBe("UNAUTHORIZED");
    }
  });

  it("says clearly when the answer is not JSON, not a snapshot, or never came", () => {
    expect(() => interpretSnapshot({ status: 502, value: null, error: "Unexpected token <" })).toThrow(/not JSON: Unexpected token/);
    expect(() => interpretSnapshot({ status: 200, value: { version: 1 }, error: null })).toThrow(StatusJsonError);
    expect(() => interpretSnapshot({ status: 200, value: { version: 1, eventId: "g:1", freshness: {}, status: { nodes: "x" } }, error: null })).toThrow(/not a cluster status/);
    expect(() => interpretSnapshot({ status: 0, value: null, error: "Failed to fetch" })).toThrow(/could not reach the console: Failed to fetch/);
  });

  it("accepts gzip only when the client does", () => {
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("br;q=1.0, gzip;q=0.8")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
