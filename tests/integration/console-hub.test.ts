/**
 * The console's hub against the real demo cluster (three sim agents over one CIB file, real
 * Pacemaker tools), driven through the tRPC router as the browser would. The one fake here is a
 * misbehaving AGENT peer (garbage frames, a frame cut mid-message): Pacemaker is never faked.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocketServer } from "ws";
import { startDemoCluster, type DemoCluster } from "@/agent/demo";
import { applyStatusPatch, ClusterStatusSchema, type ClusterStatus } from "@/lib/pacemaker";
import type { StatusWatchEvent } from "@/server/api/routers/status";
import { LoginRateLimiter } from "@/server/auth/rate-limit";
import { AgentHub } from "@/server/hub/hub";
import { agentClientLinkFactory } from "@/server/hub/link-factory";
import { addUser, createTestDb, TestClient, type TestDb } from "../unit/server/helpers";
import { attr, freePorts, pcmk, waitFor } from "./agent-helpers";

let t: TestDb;
let demo: DemoCluster;
const hub = new AgentHub(agentClientLinkFactory, () => {});
const limiter = new LoginRateLimiter();

async function as(username: string) {
  const c = new TestClient({ db: t.db, hub, limiter });
  await c.login(username);
  return c.caller();
}

type Tracked = { id: string; data: StatusWatchEvent };
function unwrap(value: unknown): Tracked {
  if (Array.isArray(value)) return { id: String(value[0]), data: value[1] as StatusWatchEvent };
  return value as Tracked;
}

/** Reads events until one satisfies `want`, keeping `held` up to date with fulls and patches. */
async function until(
  it: AsyncIterator<unknown>,
  state: { held: ClusterStatus | null },
  want: (ev: StatusWatchEvent) => boolean,
  timeoutMs = 10_000,
): Promise<StatusWatchEvent> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error("expected event did not arrive");
    const r = await Promise.race([it.next(), new Promise<never>((_, rej) => setTimeout(() => rej(new Error("expected event did not arrive")), left))]);
    if (r.done) throw new Error("stream ended");
    const ev = unwrap(r.value).data;
    if (ev.type === "full") state.held = ev.statusJson === null ? null : ClusterStatusSchema.parse(JSON.parse(ev.statusJson));
    if (ev.type === "patch" && state.held) state.held = applyStatusPatch(state.held, ev.patch);
    if (want(ev)) return ev;
  }
}


beforeAll(async () => {
  t = await createTestDb();
  await addUser(t.db, "ada", "admin");
  await addUser(t.db, "vera", "viewer");
  demo = await startDemoCluster({ dir: mkdtempSync(join(tmpdir(), "vigil-console-demo-")), ports: await freePorts(3) });
});
afterAll(async () => {
  hub.close();
  await demo?.stop();
  await t?.cleanup();
});

describe("console hub on the real demo cluster", () => {
  it("registers the demo through the router and serves its status", async () => {
    const admin = await as("ada");
    const res = await admin.clusters.register({ name: "democluster", agents: demo.urls, token: demo.token });
    expect(res.agents.map((a) => (a.outcome === "ok" ? a.node : a.outcome))).toEqual(["node2", "node3", "node4"]);
    const viewer = await as("vera");
    const got = await waitFor(async () => {
      const s = await viewer.status.get({ cluster: "democluster" });
      // every agent connected, and the DC's agent is the one serving (it may answer last)
      return s.status && s.freshness.agents.every((a) => a.state === "open") && s.freshness.source?.node === s.status.summary.dc?.name ? s : null;
    });
    expect(got.status?.nodes.map((n) => n.name).sort()).toEqual(["node2", "node3", "node4"]);
    expect(got.freshness).toMatchObject({ reachable: true, stale: false });
    expect(got.freshness.source?.node).toBe("node2"); // the demo's DC
    const [summary] = await viewer.clusters.list();
    expect(summary).toMatchObject({ name: "democluster", health: { counts: { nodes: 3 } } });
    expect(summary?.health.level).not.toBe("unreachable");
  });

  it("delivers a crm_attribute change as a patch to a subscriber", async () => {
    const viewer = await as("vera");
    const it = (await viewer.status.watch({ cluster: "democluster" }))[Symbol.asyncIterator]();
    const state: { held: ClusterStatus | null } = { held: null };
    await until(it, state, (e) => e.type === "full");
    const value = `console-${Date.now()}`;
    const t0 = performance.now();
    const r = await pcmk(demo.cibFile, "crm_attribute", ["-N", "node3", "-n", "vigil-console", "-v", value, "-l", "reboot"]);
    expect(r.code).toBe(0);
    await until(it, state, (e) => e.type === "patch" && state.held !== null && attr(state.held, "node3", "vigil-console") === value);
    console.log(`crm_attribute → patch at a console subscriber: ${(performance.now() - t0).toFixed(0)} ms`);
    const now = await viewer.status.get({ cluster: "democluster" });
    expect(state.held).toEqual(now.status);
    await it.return?.();
  });

  it("keeps running when an agent sends garbage or disconnects mid-message", async () => {
    const [port] = await freePorts(1);
    const wss = new WebSocketServer({ port, host: "127.0.0.1" });
    wss.on("connection", (ws, req) => {
      if (req.url === "/cut") {
        // Half a frame, then the TCP connection is gone.
        const socket = (ws as unknown as { _socket: import("node:net").Socket })._socket;
        socket.write(Buffer.from([0x81, 0x7e, 0x01, 0x00, 0x7b, 0x22]));
        socket.destroy();
        return;
      }
      ws.send("this is not json");
      ws.send(JSON.stringify({ type: "hello", protocol: "one" }));
      ws.send(JSON.stringify({ type: "status.full", seq: 1, status: { nodes: "nope" } }));
      ws.send(Buffer.from([0xff, 0xfe, 0x00]));
      ws.send('{"type":"status.patch","seq":');
    });
    try {
      hub.addCluster({ id: "bad", name: "badagents", token: "x", tlsFingerprint: null, agents: [`ws://127.0.0.1:${port}/garbage`, `ws://127.0.0.1:${port}/cut`] });
      await new Promise((r) => setTimeout(r, 1500));
      const viewer = await as("vera");
      const bad = await viewer.status.get({ cluster: "badagents" });
      expect(bad.status).toBeNull();
      expect(bad.freshness.stale).toBe(true);
      // the demo is still served, live
      const good = await viewer.status.get({ cluster: "democluster" });
      expect(good.freshness.stale).toBe(false);
      const value = `after-garbage-${Date.now()}`;
      await pcmk(demo.cibFile, "crm_attribute", ["-N", "node4", "-n", "vigil-console", "-v", value, "-l", "reboot"]);
      await waitFor(async () => {
        const s = await viewer.status.get({ cluster: "democluster" });
        return s.status && attr(s.status, "node4", "vigil-console") === value;
      });
    } finally {
      hub.removeCluster("bad");
      await new Promise((r) => wss.close(r));
    }
  });

  it("fails over to another agent when the serving one stops", async () => {
    const viewer = await as("vera");
    const before = await viewer.status.get({ cluster: "democluster" });
    const serving = before.freshness.source?.node;
    expect(serving).toBeTruthy();
    const it = (await viewer.status.watch({ cluster: "democluster" }))[Symbol.asyncIterator]();
    const state: { held: ClusterStatus | null } = { held: null };
    await until(it, state, (e) => e.type === "full");

    await demo.kill(serving!);
    const moved = await until(it, state, (e) => e.type !== "full" && "freshness" in e && e.freshness.source !== null && e.freshness.source.node !== serving);
    if (!("freshness" in moved)) throw new Error("unexpected");
    expect(moved.freshness.stale).toBe(false);
    expect(moved.freshness.agents.find((a) => a.node === serving || a.url === before.freshness.source?.url)?.state).not.toBe("open");

    // changes still arrive through the new agent
    const value = `failover-${Date.now()}`;
    await pcmk(demo.cibFile, "crm_attribute", ["-N", "node3", "-n", "vigil-console", "-v", value, "-l", "reboot"]);
    await until(it, state, (e) => e.type === "patch" && state.held !== null && attr(state.held, "node3", "vigil-console") === value);
    await it.return?.();
  });

  it("marks the cluster unreachable and its last state stale when every agent is gone", async () => {
    const viewer = await as("vera");
    await demo.stop();
    const gone = await waitFor(async () => {
      const s = await viewer.status.get({ cluster: "democluster" });
      return s.freshness.reachable ? null : s;
    });
    expect(gone.freshness).toMatchObject({ reachable: false, stale: true, source: null });
    expect(gone.health.level).toBe("unreachable");
    // the last known state is kept (greyed by the UI), and nothing pretends to update it
    expect(gone.status?.nodes.map((n) => n.name).sort()).toEqual(["node2", "node3", "node4"]);
    await new Promise((r) => setTimeout(r, 500));
    const later = await viewer.status.get({ cluster: "democluster" });
    expect(later.status).toEqual(gone.status);
    expect(later.version).toBe(gone.version);
    const [summary] = await viewer.clusters.list();
    expect(summary?.health.level).toBe("unreachable");
  });
});
