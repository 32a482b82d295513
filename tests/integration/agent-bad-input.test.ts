/**
 * Bad input against a real sim agent (real Pacemaker tools on a CIB file): each case gets a clear
 * answer and the agent keeps serving.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect as tcpConnect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import WebSocket from "ws";
import { startAgent, type RunningAgent } from "@/agent/agent";
import type { LogLevel } from "@/agent/feed";
import { AgentClient, fetchStatusOnce } from "@/lib/agent-client";
import { MAX_CLIENT_FRAME_BYTES } from "@/lib/protocol";
import { attr, connected, freePorts } from "./agent-helpers";

const TOKEN = "0123456789abcdef0123456789abcdef";
const FIXTURE = join(process.cwd(), "tests/fixtures/demo/cib.xml");
let dir: string;
let agent: RunningAgent;
const logs: { level: LogLevel; message: string }[] = [];

/** Opens a raw socket, collects every frame and how it closed. */
function raw(url: string, headers: Record<string, string> = {}) {
  const ws = new WebSocket(url, { headers });
  const frames: Record<string, unknown>[] = [];
  const closed = new Promise<{ code: number; reason: string }>((res) => ws.on("close", (code, reason) => res({ code, reason: reason.toString() })));
  ws.on("error", () => undefined);
  ws.on("message", (d) => frames.push(JSON.parse(d.toString()) as Record<string, unknown>));
  const opened = new Promise<void>((res) => ws.on("open", () => res()));
  const next = async (type: string, timeoutMs = 5000): Promise<Record<string, unknown>> => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const i = frames.findIndex((f) => f.type === type);
      if (i >= 0) return frames.splice(i, 1)[0]!;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no ${type} frame within ${timeoutMs} ms (got ${frames.map((f) => f.type).join(", ")})`);
  };
  return { ws, frames, closed, opened, next };
}
const bearer = { authorization: `Bearer ${TOKEN}` };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "vigil-bad-"));
  copyFileSync(FIXTURE, join(dir, "cib.xml"));
  const [port] = await freePorts(1);
  agent = await startAgent({
    mode: "sim", port: port!, host: "127.0.0.1", token: TOKEN, node: "node3", cibFile: join(dir, "cib.xml"),
    log: (level, message) => logs.push({ level, message }),
  });
});
afterAll(async () => {
  await agent?.stop();
});

describe("authentication", () => {
  it("refuses a wrong token in the header, logs it, and sends nothing", async () => {
    const c = raw(agent.server.url, { authorization: "Bearer wrong-token-wrong-token" });
    const { code, reason } = await c.closed;
    expect(code).toBe(4401);
    expect(reason).toBe("invalid token");
    expect(c.frames).toEqual([]);
    expect(logs.some((l) => l.level === "warn" && /refused, wrong token/.test(l.message))).toBe(true);
  });

  it("refuses a wrong token in an auth message, and requests before auth", async () => {
    const a = raw(agent.server.url);
    await a.opened;
    a.ws.send(JSON.stringify({ type: "auth", token: "nope-nope-nope-nope" }));
    expect((await a.closed).code).toBe(4401);
    const b = raw(agent.server.url);
    await b.opened;
    b.ws.send(JSON.stringify({ type: "request", id: "1", action: "node.standby", params: { node: "node3", on: true } }));
    expect(await b.closed).toEqual({ code: 4401, reason: "authenticate first" });
    expect(b.frames).toEqual([]);
    // the request never ran
    expect(agent.source.status()!.nodes.find((n) => n.name === "node3")!.standby).toBe(false);
  });

  it("AgentClient reports a refused token as state refused, without reconnecting", async () => {
    const c = new AgentClient({ url: agent.server.url, token: "x".repeat(32), reconnect: { minMs: 10 } });
    const states: string[] = [];
    c.on("state", ({ state }) => states.push(state));
    c.connect();
    await new Promise((r) => setTimeout(r, 500));
    expect(states).toEqual(["connecting", "refused"]);
    c.close();
    await expect(fetchStatusOnce(agent.server.url, "y".repeat(32), 3000)).rejects.toThrow(/refused/);
  });

  it("accepts the token as a first auth message", async () => {
    const c = raw(agent.server.url);
    await c.opened;
    c.ws.send(JSON.stringify({ type: "auth", token: TOKEN }));
    expect(await c.next("hello")).toMatchObject({ node: "node3", mode: "sim" });
    c.ws.close();
  });
});

describe("garbage from a client", () => {
  it("answers invalid JSON, unknown types, bad fields and binary frames, and keeps the connection", async () => {
    const c = raw(agent.server.url, bearer);
    await c.next("hello");
    c.ws.send("this is not json {");
    expect(await c.next("error")).toMatchObject({ code: "bad_json" });
    c.ws.send(JSON.stringify({ type: "launch-missiles" }));
    expect(await c.next("error")).toMatchObject({ code: "unknown_type", message: expect.stringContaining("launch-missiles") });
    c.ws.send(JSON.stringify({ type: "request", id: 5 }));
    expect(await c.next("error")).toMatchObject({ code: "bad_message" });
    c.ws.send(Buffer.from([0, 1, 2, 3]), { binary: true });
    expect(await c.next("error")).toMatchObject({ code: "bad_message" });
    c.ws.send(JSON.stringify({ type: "subscribe" }));
    expect(await c.next("status.full")).toMatchObject({ seq: expect.any(Number) });
    c.ws.close();
  });

  it("closes a connection that sends an oversized frame, and serves the next one", async () => {
    const c = raw(agent.server.url, bearer);
    await c.next("hello");
    c.ws.send(JSON.stringify({ type: "request", id: "big", action: "refresh", params: { pad: "x".repeat(2_200_000) } }));
    expect(await c.closed).toEqual({ code: 1009, reason: `frame larger than ${MAX_CLIENT_FRAME_BYTES} bytes` });
    expect(logs.some((l) => l.message.includes(`exceeds ${MAX_CLIENT_FRAME_BYTES}`))).toBe(true);
    // far beyond the limit, ws itself cuts the connection before buffering it all
    const huge = raw(agent.server.url, bearer);
    await huge.next("hello");
    huge.ws.send("y".repeat(MAX_CLIENT_FRAME_BYTES * 4 + 1000));
    expect((await huge.closed).code).toBe(1009);
    expect(logs.some((l) => /Max payload size exceeded/i.test(l.message))).toBe(true);
    const ok = await fetchStatusOnce(agent.server.url, TOKEN, 5000);
    expect(ok.status.nodes).toHaveLength(3);
  });

  it("survives a client that disconnects in the middle of a frame", async () => {
    const port = Number(new URL(agent.server.url).port);
    await new Promise<void>((resolve) => {
      const s = tcpConnect({ host: "127.0.0.1", port }, () => {
        s.write(
          `GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
            `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer ${TOKEN}\r\n\r\n`,
        );
      });
      s.once("data", () => {
        // a masked text frame announcing 100 bytes, then only 4 of them, then gone
        s.write(Buffer.from([0x81, 0x80 | 100, 1, 2, 3, 4, 0x41, 0x42, 0x43, 0x44]));
        s.destroy();
        resolve();
      });
    });
    await new Promise((r) => setTimeout(r, 200));
    const ok = await fetchStatusOnce(agent.server.url, TOKEN, 5000);
    expect(ok.hello.node).toBe("node3");
  });
});

describe("request arguments", () => {
  let client: AgentClient;
  beforeAll(async () => {
    client = await connected(agent.server.url, TOKEN);
  });
  afterAll(() => client.close());

  it("passes shell metacharacters literally: nothing is executed", async () => {
    const pwned = join(dir, "pwned");
    const value = `; touch ${pwned}`;
    for (const v of [value, `$(touch ${pwned})`, `\`touch ${pwned}\``, `| touch ${pwned}`]) {
      await client.request("node.attribute.set", { node: "node3", name: "evil", value: v, lifetime: "forever" });
      const s = await client.waitForStatus((st) => attr(st, "node3", "evil") === v, 5000);
      expect(attr(s, "node3", "evil")).toBe(v);
    }
    expect(existsSync(pwned)).toBe(false);
    expect(existsSync("/tmp/pwned")).toBe(false);
  });

  it("refuses option-like values with a clear message", async () => {
    await expect(client.request("resource.move", { rsc: "--foo", node: "node4" })).rejects.toMatchObject({
      code: "invalid_params",
      message: expect.stringMatching(/rsc: resource id must not start with "-"/),
    });
    await expect(client.request("node.attribute.set", { node: "node3", name: "x", value: "--delete", lifetime: "forever" })).rejects.toMatchObject({
      code: "invalid_params",
      message: expect.stringContaining('value must not start with "-"'),
    });
    await expect(client.request("node.standby", { node: "-N", on: true })).rejects.toMatchObject({ code: "invalid_params" });
    await expect(client.request("resource.move", { rsc: "WebService1", node: "node4", lifetime: "--force" })).rejects.toMatchObject({ code: "invalid_params" });
  });

  it("refuses ids that are not Pacemaker ids, and unknown ones", async () => {
    await expect(client.request("resource.move", { rsc: "Web Service; rm -rf /", node: "node4" })).rejects.toMatchObject({ code: "invalid_params" });
    await expect(client.request("resource.clear", { rsc: "Ghost" })).rejects.toMatchObject({ code: "not_found", message: expect.stringContaining('unknown resource "Ghost"') });
    await expect(client.request("node.attribute.set", { node: "node7", name: "a", value: "b", lifetime: "reboot" })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("an unreadable cluster", () => {
  it("reports a corrupted CIB as status.error, keeps the last good status, and recovers", async () => {
    const client = await connected(agent.server.url, TOKEN);
    const good = client.seq;
    const cib = join(dir, "cib.xml");
    const saved = readFileSync(cib, "utf8");
    const err = new Promise<string>((res) => client.on("statusError", (e) => e && res(e.message)));
    writeFileSync(cib, saved.slice(0, saved.length / 2)); // truncated XML
    expect(await err).toMatch(/./);
    expect(client.status).not.toBeNull();
    expect(client.seq).toBe(good);
    const back = new Promise<void>((res) => client.on("statusError", (e) => e === null && res()));
    writeFileSync(cib, saved);
    await back;
    expect(client.statusError).toBeNull();
    client.close();
  });

  it("reports a CIB_file pointing at a missing file (crm_mon exits 0 with <errors>)", async () => {
    const [port] = await freePorts(1);
    const missing = join(dir, "missing", "cib.xml");
    const lonely = await startAgent({ mode: "sim", port: port!, host: "127.0.0.1", token: TOKEN, node: "node2", cibFile: missing, log: () => undefined });
    try {
      await expect(fetchStatusOnce(lonely.server.url, TOKEN, 5000)).rejects.toThrow(/cannot read the cluster.*(Could not connect to the CIB|No such)/);
      expect(lonely.source.lastError()?.message).toMatch(/crm_mon reported an error.*Could not connect to the CIB/);
    } finally {
      await lonely.stop();
    }
    rmSync(join(dir, "missing"), { recursive: true, force: true });
  });
});
