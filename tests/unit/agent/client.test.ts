import { afterEach, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startAgentServer, type AgentServer } from "@/agent/server";
import type { FeedEvent, Snapshot, StatusFeed } from "@/agent/feed";
import { AgentClient } from "@/lib/agent-client";
import { buildStatus, diffStatus } from "@/lib/pacemaker";
import type { HelloMessage } from "@/lib/protocol";

const TOKEN = "c".repeat(32);
const FIX = join(process.cwd(), "tests/fixtures");
const load = (v: string) =>
  buildStatus({ crmMonXml: readFileSync(join(FIX, v, "crm_mon.xml"), "utf8"), cibXml: readFileSync(join(FIX, v, "cib.xml"), "utf8") });
const hello = (): HelloMessage => ({ type: "hello", protocol: 1, agentVersion: "t", node: "n1", cluster: "c", pacemakerVersion: "2.1.5", mode: "sim", capabilities: [], watch: "fswatch" });

function feedOf(first: Snapshot) {
  let snap = first;
  const ls = new Set<(e: FeedEvent) => void>();
  const feed: StatusFeed = { current: () => snap, lastError: () => null, subscribe: (l) => (ls.add(l), () => ls.delete(l)) };
  return {
    feed,
    push(e: FeedEvent, status: unknown) {
      snap = { seq: e.type === "error" ? snap.seq : e.seq, status };
      ls.forEach((l) => l(e));
    },
  };
}

let server: AgentServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe("AgentClient", () => {
  it("applies patches, and re-subscribes for a full status after a gap", async () => {
    const demo = load("demo");
    const standby = load("variants/standby");
    const { feed, push } = feedOf({ seq: 0, status: demo });
    server = await startAgentServer({ port: 0, host: "127.0.0.1", token: TOKEN, feed, hello, actions: async () => ({ ok: true, result: null }), log: () => undefined });
    const c = new AgentClient({ url: server.url, token: TOKEN });
    const events: { seq: number; full: boolean }[] = [];
    c.on("status", ({ seq, patch }) => events.push({ seq, full: patch === null }));
    c.connect();
    await c.waitForStatus(() => true);
    push({ type: "patch", seq: 1, baseSeq: 0, patch: diffStatus(demo, standby) }, standby);
    const s = await c.waitForStatus((st) => st.nodes.find((n) => n.name === "node3")!.standby);
    expect(s).toEqual(standby);
    // the client missed seq 2: the server sends it a full snapshot for seq 3 instead of a patch
    push({ type: "patch", seq: 3, baseSeq: 2, patch: diffStatus(standby, demo) }, demo);
    await c.waitForStatus((st) => !st.nodes.find((n) => n.name === "node3")!.standby);
    expect(events).toEqual([{ seq: 0, full: true }, { seq: 1, full: false }, { seq: 3, full: true }]);
    c.close();
  });

  it("takes a silent connection as dead and reconnects", async () => {
    const { feed } = feedOf({ seq: 0, status: load("demo") });
    server = await startAgentServer({ port: 0, host: "127.0.0.1", token: TOKEN, feed, hello, actions: async () => ({ ok: true, result: null }), log: () => undefined, pingIntervalMs: 60_000 });
    const c = new AgentClient({ url: server.url, token: TOKEN, subscribe: false, heartbeatTimeoutMs: 150, reconnect: { minMs: 20, maxMs: 50 } });
    const states: string[] = [];
    c.on("state", ({ state }) => states.push(state));
    c.connect();
    await new Promise((r) => setTimeout(r, 600));
    expect(states.filter((s) => s === "open").length).toBeGreaterThanOrEqual(2);
    expect(states).toContain("closed");
    c.close();
  });

  it("subscribes again when a patch does not follow the seq it holds", async () => {
    const { WebSocketServer } = await import("ws");
    const demo = load("demo");
    const wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
    await new Promise((r) => wss.once("listening", r));
    const port = (wss.address() as { port: number }).port;
    const received: string[] = [];
    wss.on("connection", (ws) => {
      ws.send(JSON.stringify(hello()));
      ws.on("message", (d) => {
        const m = JSON.parse(d.toString()) as { type: string };
        received.push(m.type);
        if (received.length === 1) {
          ws.send(JSON.stringify({ type: "status.full", seq: 0, status: demo }));
          ws.send(JSON.stringify({ type: "status.patch", seq: 6, baseSeq: 5, patch: { ops: [] } }));
          ws.send(JSON.stringify({ type: "status.patch", seq: 7, baseSeq: 6, patch: { ops: "garbage" } }));
        }
      });
    });
    const c = new AgentClient({ url: `ws://127.0.0.1:${port}`, token: TOKEN });
    const protocolErrors: string[] = [];
    c.on("protocolError", (e) => protocolErrors.push(e.code));
    c.connect();
    for (let i = 0; i < 100 && received.length < 3; i++) await new Promise((r) => setTimeout(r, 10));
    expect(received).toEqual(["subscribe", "subscribe", "subscribe"]);
    expect(c.seq).toBe(0);
    c.close();
    await new Promise((r) => wss.close(() => r(null)));
  });
});
