/** `vigil status --cluster NAME`: the real command, reading a registered cluster through the console's database. */
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAgent, type RunningAgent } from "@/agent/agent";
import { renderStatusText } from "@/lib/pacemaker";
import { createTestDb, type TestDb } from "../unit/server/helpers";
import { freePorts } from "./agent-helpers";

const TOKEN = "c".repeat(32);
let dir: string;
let agent: RunningAgent;
let t: TestDb;

function vigil(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile("node", ["bin/vigil.mjs", ...args], { env: { ...process.env, ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "vigil-cli-"));
  copyFileSync("tests/fixtures/demo/cib.xml", join(dir, "cib.xml"));
  const [port] = await freePorts(1);
  agent = await startAgent({ mode: "sim", port: port!, host: "127.0.0.1", token: TOKEN, node: "node2", cibFile: join(dir, "cib.xml"), log: () => {} });
  t = await createTestDb();
  await t.db.cluster.create({
    data: {
      name: "democluster",
      token: TOKEN,
      // The first address answers nothing: the command must fall through to the one that does.
      agents: { create: [{ url: "ws://127.0.0.1:1", position: 0 }, { url: agent.server.url, position: 1 }] },
    },
  });
  await t.db.cluster.create({ data: { name: "wrongtoken", token: "x".repeat(32), agents: { create: [{ url: agent.server.url, position: 0 }] } } });
}, 60_000);
afterAll(async () => {
  await agent?.stop();
  await t?.cleanup();
});

describe("vigil status --cluster", () => {
  it("prints what the registered cluster's agent serves, as crm_mon would", async () => {
    const r = await vigil(["status", "--cluster", "democluster"], { DATABASE_URL: t.url });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const expected = renderStatusText(agent.source.status()!);
    // The "Last updated" line is the time of each read.
    const strip = (s: string) => s.replace(/Last updated: .*\n/, "");
    expect(strip(r.stdout)).toBe(strip(expected));
  }, 60_000);

  it("says which clusters exist when the name is unknown, and why no agent answered", async () => {
    const unknown = await vigil(["status", "--cluster", "nope"], { DATABASE_URL: t.url });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no cluster named nope is registered \(registered: democluster, wrongtoken\)/);
    const refused = await vigil(["status", "--cluster", "wrongtoken", "--timeout", "5000"], { DATABASE_URL: t.url });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/no agent of wrongtoken answered:\n\s+ws:\/\/127\.0\.0\.1:\d+: agent .* refused the token/);
  }, 60_000);

  it("refuses a database that does not exist instead of creating an empty one", async () => {
    const missing = join(dir, "nothing-here.db");
    const r = await vigil(["status", "--cluster", "democluster"], { DATABASE_URL: `file:${missing}` });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no console database at .*nothing-here\.db/);
    expect((await import("node:fs")).existsSync(missing)).toBe(false);
    const both = await vigil(["status", "--cluster", "x", "--demo"], { DATABASE_URL: t.url });
    expect(both.code).toBe(2);
  }, 60_000);
});
