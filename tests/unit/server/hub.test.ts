import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { applyStatusPatch, ClusterStatusSchema, type ClusterStatus } from "@/lib/pacemaker";
import type { StatusWatchEvent } from "@/server/api/routers/status";
import { LoginRateLimiter } from "@/server/auth/rate-limit";
import { addUser, createTestDb, createTestHub, fixtureStatus, TestClient, type TestDb } from "./helpers";

// argon2 hashing and SQLite on a busy 2-core machine: generous, not infinite.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

let t: TestDb;
const { hub, agents } = createTestHub();
const demo = fixtureStatus("demo"); // DC: node2
const standby = fixtureStatus("variants/standby");
const N2 = "ws://n2:7480";
const N3 = "ws://n3:7480";

beforeAll(async () => {
  t = await createTestDb();
  await addUser(t.db, "vera", "viewer");
  hub.addCluster({ id: "c1", name: "demo", token: "tok", tlsFingerprint: null, agents: [N3, N2] });
});
afterAll(async () => {
  hub.close();
  await t.cleanup();
});

async function viewerClient() {
  const c = new TestClient({ db: t.db, hub, limiter: new LoginRateLimiter() });
  await c.login("vera");
  return c;
}
async function viewer() {
  return (await viewerClient()).caller();
}

/** A server-side caller yields tracked events as [id, data, symbol]. */
function unwrap(value: unknown): { id: string; data: StatusWatchEvent } {
  if (Array.isArray(value)) return { id: String(value[0]), data: value[1] as StatusWatchEvent };
  const v = value as { id: string; data: StatusWatchEvent };
  return { id: v.id, data: v.data };
}

async function next(it: AsyncIterator<unknown>, type?: StatusWatchEvent["type"]): Promise<{ id: string; data: StatusWatchEvent }> {
  for (;;) {
    const r = await Promise.race([
      it.next(),
      new Promise<never>((_, rej) => setTimeout(() => rej(new Error("no event within 2 s")), 2000)),
    ]);
    if (r.done) throw new Error("stream ended");
    const ev = unwrap(r.value);
    if (!type || ev.data.type === type) return ev;
  }
}

const snap = () => hub.feedByName("demo")!.snapshot();

describe("agent hub", () => {
  it("serves from the first agent with a status, then prefers the DC's", () => {
    agents.link(N3).open("node3");
    agents.link(N3).send(demo);
    expect(snap().freshness.source?.node).toBe("node3");
    expect(snap().version).toBe(1);
    agents.link(N2).open("node2");
    agents.link(N2).send(demo);
    const s = snap();
    expect(s.freshness.source?.node).toBe("node2");
    expect(s.freshness.agents.find((a) => a.node === "node2")).toMatchObject({ isDc: true, serving: true });
    expect(s.version).toBe(1); // same content: no new version
    expect(s.freshness.stale).toBe(false);
  });

  it("ignores statuses from agents that are not serving", () => {
    agents.link(N3).send(standby);
    expect(snap().version).toBe(1);
  });

  it("streams the full state once, then patches that rebuild the agent's status", async () => {
    const caller = await viewer();
    const it = (await caller.status.watch({ cluster: "demo" }))[Symbol.asyncIterator]();
    const first = await next(it);
    expect(first.data.type).toBe("full");
    if (first.data.type !== "full") return;
    let held = ClusterStatusSchema.parse(JSON.parse(first.data.statusJson ?? "null"));
    expect(held).toEqual(demo);
    expect(first.id).toBe(`${snap().generation}:1`);
    // One serialisation per snapshot, shared by every subscriber.
    const stringify = vi.spyOn(JSON, "stringify");
    const other = (await caller.status.watch({ cluster: "demo" }))[Symbol.asyncIterator]();
    const second = await next(other);
    expect(second.data.type === "full" && second.data.statusJson).toBe(first.data.statusJson);
    expect(stringify.mock.calls.filter(([v]) => typeof v === "object" && v !== null && "resources" in v)).toHaveLength(0);
    stringify.mockRestore();
    await other.return?.();

    agents.link(N2).send(standby);
    const p = await next(it, "patch");
    if (p.data.type !== "patch") return;
    expect(p.data.version).toBe(2);
    held = applyStatusPatch(held, p.data.patch);
    expect(held).toEqual(standby);
    expect(p.id).toBe(`${snap().generation}:2`);
    await it.return?.();
  });

  it("resumes from lastEventId with the missed patches, or a full state when too old", async () => {
    const caller = await viewer();
    const gen = snap().generation;
    agents.link(N2).send(demo); // version 3
    const resumed = (await caller.status.watch({ cluster: "demo", lastEventId: `${gen}:1` }))[Symbol.asyncIterator]();
    const a = await next(resumed);
    const b = await next(resumed);
    expect([a.data.type, a.id, b.data.type, b.id]).toEqual(["patch", `${gen}:2`, "patch", `${gen}:3`]);
    await resumed.return?.();

    for (const stale of ["other:1", `${gen}:999`, "garbage"]) {
      const it = (await caller.status.watch({ cluster: "demo", lastEventId: stale }))[Symbol.asyncIterator]();
      expect((await next(it)).data.type).toBe("full");
      await it.return?.();
    }
  });

  it("fails over when the serving agent drops, and tells subscribers", async () => {
    const caller = await viewer();
    const it = (await caller.status.watch({ cluster: "demo" }))[Symbol.asyncIterator]();
    await next(it, "full");
    agents.link(N3).send(demo); // node3 is current too
    agents.link(N2).drop("1006 connection lost");
    const f = await next(it, "freshness");
    if (f.data.type !== "freshness") return;
    expect(f.data.freshness).toMatchObject({ reachable: true, stale: false, source: { node: "node3" } });
    expect(f.data.freshness.agents.find((a) => a.url === N2)).toMatchObject({ state: "closed", detail: "1006 connection lost" });
    await it.return?.();
  });

  it("with every agent gone: unreachable, last state kept and flagged stale", async () => {
    const before = snap();
    agents.link(N3).drop("1006");
    const s = snap();
    expect(s.freshness).toMatchObject({ reachable: false, stale: true, source: null });
    expect(s.health.level).toBe("unreachable");
    expect(s.status).toEqual(before.status);
    expect(s.freshness.receivedAt).toEqual(before.freshness.receivedAt);
    const list = await (await viewer()).clusters.list();
    expect(list[0]?.health.level).toBe("unreachable");
  });

  /** Both streams open and past their first event; the promises of their next events. */
  async function openStreams(c: TestClient, signal?: AbortSignal) {
    const caller = await c.caller(signal);
    const status = (await caller.status.watch({ cluster: "demo" }))[Symbol.asyncIterator]();
    const list = (await caller.clusters.watch())[Symbol.asyncIterator]();
    await next(status);
    await list.next();
    return { pendingStatus: status.next(), pendingList: list.next() };
  }

  it("ends open streams when the session is revoked (logout here; disable/reset do the same)", async () => {
    const c = await viewerClient();
    const { pendingStatus, pendingList } = await openStreams(c);
    await (await c.caller()).auth.logout();
    await expect(pendingStatus).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "Session expired — please log in again" });
    await expect(pendingList).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("ends a stream quietly when the client goes away (a closed tab is not an error)", async () => {
    const ac = new AbortController();
    const { pendingStatus, pendingList } = await openStreams(await viewerClient(), ac.signal);
    ac.abort();
    await expect(pendingStatus).resolves.toMatchObject({ done: true });
    await expect(pendingList).resolves.toMatchObject({ done: true });
  });

  it("survives a listener that throws and an agent that sends nonsense", () => {
    agents.link(N2).open("node2");
    // A status the model cannot diff must not take the hub down.
    agents.link(N2).send({ nonsense: true } as unknown as ClusterStatus);
    agents.link(N2).send(demo);
    expect(snap().freshness.source?.node).toBe("node2");
  });
});
