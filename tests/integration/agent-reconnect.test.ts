/** AgentClient against an agent that goes away and comes back on the same port. */
import { afterAll, describe, expect, it } from "vitest";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startAgent, type RunningAgent } from "@/agent/agent";
import { AgentClient, AgentRequestError } from "@/lib/agent-client";
import { freePorts } from "./agent-helpers";

const TOKEN = "abcdefabcdefabcdefabcdefabcdefab";
let agent: RunningAgent | null = null;
afterAll(async () => {
  await agent?.stop();
});

describe("AgentClient reconnect", () => {
  it("reconnects with backoff and gets a full status again", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vigil-rc-"));
    copyFileSync(join(process.cwd(), "tests/fixtures/demo/cib.xml"), join(dir, "cib.xml"));
    const [port] = await freePorts(1);
    const start = () => startAgent({ mode: "sim", port: port!, host: "127.0.0.1", token: TOKEN, node: "node2", cibFile: join(dir, "cib.xml"), log: () => undefined });
    agent = await start();
    const c = new AgentClient({ url: agent.server.url, token: TOKEN, reconnect: { minMs: 50, maxMs: 400 } });
    const states: string[] = [];
    let fulls = 0;
    c.on("state", ({ state }) => states.push(state));
    c.on("status", ({ patch }) => patch === null && fulls++);
    c.connect();
    await c.waitForStatus(() => true, 10_000);
    expect(fulls).toBe(1);

    await agent.stop();
    agent = null;
    await new Promise((r) => setTimeout(r, 300));
    expect(c.state === "closed" || c.state === "connecting").toBe(true);
    await expect(c.request("refresh", {})).rejects.toBeInstanceOf(AgentRequestError);
    // the last status stays available while away
    expect(c.status?.nodes).toHaveLength(3);

    agent = await start();
    for (let i = 0; i < 100 && fulls < 2; i++) await new Promise((r) => setTimeout(r, 50));
    expect(fulls).toBe(2);
    expect(c.state).toBe("open");
    expect(states.filter((s) => s === "open")).toHaveLength(2);
    expect(await c.request("refresh", {})).toMatchObject({ seq: expect.any(Number) });
    c.close();
  });
});
