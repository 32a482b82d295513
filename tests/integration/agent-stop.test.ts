/**
 * An agent that stops kills the Pacemaker tools it has running (they live in their own process
 * group, out of reach of a Ctrl-C): crm_simulate of a large unsettled CIB runs for minutes.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAgent } from "@/agent/agent";
import { CommandAborted, runPacemaker } from "@/agent/run";
import { freePorts } from "./agent-helpers";

let dir: string;
let big: string;

/** PIDs of crm_simulate processes working on a file under `dir`. */
function simulatorsIn(where: string): string[] {
  try {
    return execFileSync("pgrep", ["-f", `crm_simulate -x ${where}`], { encoding: "utf8" }).trim().split("\n").filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

async function gone(where: string, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    if (simulatorsIn(where).length === 0) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return simulatorsIn(where).length === 0;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "vigil-stop-"));
  big = join(dir, "big.xml");
  // 8 nodes × 300 resources with nothing started yet: crm_simulate -S needs most of a minute.
  execFileSync("python3", ["tests/fixtures/large/generate.py", "8", "300", big], { stdio: "ignore" });
});
afterAll(() => {
  for (const pid of simulatorsIn(dir)) process.kill(Number(pid), "SIGKILL");
});

describe("stopping", () => {
  it("runPacemaker kills the tool when its signal aborts", async () => {
    const ac = new AbortController();
    const run = runPacemaker("crm_simulate", ["-x", big, "-S", "-q", "true", "-O", join(dir, "out.xml"), "--output-as=xml"], { signal: ac.signal, timeoutMs: 120_000 });
    await new Promise((r) => setTimeout(r, 500));
    expect(simulatorsIn(big).length).toBe(1);
    ac.abort();
    await expect(run).rejects.toBeInstanceOf(CommandAborted);
    expect(await gone(big, 2000)).toBe(true);
    await expect(runPacemaker("crm_mon", ["--version"], { signal: ac.signal })).rejects.toThrow(/shutting down/);
  }, 30_000);

  it("a sim agent that stops in the middle of a settle leaves no crm_simulate behind", async () => {
    const cib = join(dir, "cib.xml");
    copyFileSync("tests/fixtures/demo/cib.xml", cib);
    const [port] = await freePorts(1);
    const logs: string[] = [];
    const agent = await startAgent({ mode: "sim", port: port!, host: "127.0.0.1", token: "s".repeat(32), node: "node2", cibFile: cib, log: (_l, m) => logs.push(m) });
    // A hand edit that needs a long settle: the whole large cluster, unstarted.
    copyFileSync(big, cib);
    const until = Date.now() + 15_000;
    while (simulatorsIn(cib).length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(simulatorsIn(cib).length).toBe(1);
    await agent.stop();
    expect(await gone(cib, 2000)).toBe(true);
    // Stopping is not a failure worth a warning.
    expect(logs.filter((l) => /could not settle|crm_simulate|shutting down/.test(l))).toEqual([]);
  }, 60_000);
});
