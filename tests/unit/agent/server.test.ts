import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startAgentServer, type AgentServer } from "@/agent/server";
import type { FeedEvent, Snapshot, StatusFeed } from "@/agent/feed";
import type { HelloMessage } from "@/lib/protocol";

const TOKEN = "t".repeat(32);
/** A status feed driven by the test, so the server's own rules are checked without Pacemaker. */
function fakeFeed() {
  let snap: Snapshot | null = null;
  const listeners = new Set<(e: FeedEvent) => void>();
  const feed: StatusFeed = {
    current: () => snap,
    lastError: () => null,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  const push = (e: FeedEvent) => {
    if (e.type === "full") snap = { seq: e.seq, status: e.status };
    if (e.type === "patch") snap = { seq: e.seq, status: { v: e.seq } };
    listeners.forEach((l) => l(e));
  };
  return { feed, push };
}
const hello = (): HelloMessage => ({ type: "hello", protocol: 1, agentVersion: "t", node: "n1", cluster: "c", pacemakerVersion: "2.1.5", mode: "sim", capabilities: [], watch: "fswatch" });

let server: AgentServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

function client(url: string, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) {
  const ws = new WebSocket(url, { headers });
  const frames: { type: string; [k: string]: unknown }[] = [];
  ws.on("message", (d) => frames.push(JSON.parse(d.toString()) as { type: string }));
  const closed = new Promise<number>((r) => ws.on("close", (code) => r(code)));
  const until = async (n: number) => {
    for (let i = 0; i < 200 && frames.length < n; i++) await new Promise((r) => setTimeout(r, 10));
    return frames;
  };
  return { ws, frames, closed, until };
}

describe("agent server", () => {
  it("sends one full status per subscriber, then patches; a client behind gets a full snapshot", async () => {
    const { feed, push } = fakeFeed();
    push({ type: "full", seq: 0, status: { v: 0 } });
    server = await startAgentServer({ port: 0, host: "127.0.0.1", token: TOKEN, feed, hello, actions: async () => ({ ok: true, result: 1 }), log: () => undefined });
    const c = client(server.url);
    await c.until(1);
    c.ws.send(JSON.stringify({ type: "subscribe" }));
    await c.until(2);
    expect(c.frames.map((f) => f.type)).toEqual(["hello", "status.full"]);
    push({ type: "patch", seq: 1, baseSeq: 0, patch: { ops: [1] } });
    await c.until(3);
    expect(c.frames[2]).toMatchObject({ type: "status.patch", seq: 1, baseSeq: 0 });
    // a patch on top of a seq this client never had: it gets the whole state instead
    push({ type: "patch", seq: 5, baseSeq: 4, patch: { ops: [] } });
    await c.until(4);
    expect(c.frames[3]).toMatchObject({ type: "status.full", seq: 5 });
    c.ws.close();
  });

  it("closes a connection that never authenticates", async () => {
    const { feed } = fakeFeed();
    const logs: string[] = [];
    server = await startAgentServer({ port: 0, host: "127.0.0.1", token: TOKEN, feed, hello, actions: async () => ({ ok: true, result: 1 }), log: (_l, m) => logs.push(m), authTimeoutMs: 100 });
    const c = client(server.url, {});
    expect(await c.closed).toBe(4408);
    expect(c.frames).toEqual([]);
    expect(logs.join("\n")).toMatch(/no credentials/);
  });

  it("answers requests, and a crashing handler with an internal error", async () => {
    const { feed } = fakeFeed();
    server = await startAgentServer({
      port: 0, host: "127.0.0.1", token: TOKEN, feed, hello, log: () => undefined,
      actions: async (action) => {
        if (action === "boom") throw new Error("kaboom");
        return { ok: true, result: { did: action } };
      },
    });
    const c = client(server.url);
    await c.until(1);
    c.ws.send(JSON.stringify({ type: "request", id: "a", action: "refresh", params: {} }));
    c.ws.send(JSON.stringify({ type: "request", id: "b", action: "boom", params: {} }));
    await c.until(3);
    expect(c.frames.slice(1)).toEqual(expect.arrayContaining([
      { type: "response", id: "a", ok: true, result: { did: "refresh" } },
      { type: "response", id: "b", ok: false, error: { code: "internal", message: "kaboom" } },
    ]));
    c.ws.close();
  });

  it("limits the requests one connection may have in flight", async () => {
    const { feed } = fakeFeed();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    server = await startAgentServer({
      port: 0, host: "127.0.0.1", token: TOKEN, feed, hello, log: () => undefined,
      actions: async () => {
        await gate;
        return { ok: true, result: null };
      },
    });
    const c = client(server.url);
    await c.until(1);
    for (let i = 0; i < 20; i++) c.ws.send(JSON.stringify({ type: "request", id: String(i), action: "refresh", params: {} }));
    await c.until(5);
    expect(c.frames.slice(1).every((f) => f.type === "response" && f.ok === false)).toBe(true);
    expect(c.frames).toHaveLength(5);
    release();
    await c.until(21);
    expect(c.frames.filter((f) => f.ok === true)).toHaveLength(16);
    c.ws.close();
  });
});
