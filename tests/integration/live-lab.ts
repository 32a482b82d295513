/**
 * Test helper: start/stop the real single-node lab cluster through scripts/lab.sh (never a fake).
 * Tests use their own DIR so they never stop a lab a developer started by hand in var/lab.
 */
import { execFile } from "node:child_process";
import { cpus, loadavg } from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const LAB_SCRIPT = path.join(ROOT, "scripts", "lab.sh");
export const TEST_LAB_DIR = path.join(ROOT, "var", "lab-test");

function lab(cmd: "start" | "stop" | "status"): Promise<{ code: number; out: string; ms: number }> {
  const t0 = performance.now();
  // --wait: another test run on this machine may hold the one cluster a machine can run.
  const args = [LAB_SCRIPT, cmd, "--dir", TEST_LAB_DIR, ...(cmd === "start" ? ["--wait", "60"] : [])];
  return new Promise((resolve) => {
    execFile("bash", args, { timeout: 115_000 }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof err.code === "number" ? err.code : 1;
      resolve({ code, out: stdout + stderr, ms: performance.now() - t0 });
    });
  });
}

/** Always a fresh cluster: a run killed before its afterAll may have left one running with its resources. */
export async function startLab(): Promise<number> {
  await stopLab();
  const r = await lab("start");
  if (r.code !== 0) throw new Error(`scripts/lab.sh start failed (exit ${r.code}):\n${r.out}`);
  return r.ms;
}

/** Safe to call whatever state the lab is in; never throws so afterAll always finishes its cleanup. */
export async function stopLab(): Promise<void> {
  const r = await lab("stop");
  if (r.code !== 0) console.error(`scripts/lab.sh stop failed (exit ${r.code}):\n${r.out}`);
}

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}

/**
 * How oversubscribed the machine is (1 when load ≤ cores). Latency bars are multiplied by it: they hold
 * at their nominal value on a quiet CI machine, and a box running five test suites at once (load 15 on
 * 2 cores, seen here) does not fail a push that works, only slowly. The figures are printed either way.
 */
export function loadFactor(): number {
  return Math.max(1, (loadavg()[0] ?? 0) / Math.max(1, cpus().length));
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The first recorded onChange time at or after `since` (polling the list `times`), or null after timeoutMs. */
export async function firstChangeAfter(times: readonly number[], since: number, timeoutMs = 2000): Promise<number | null> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const hit = times.find((t) => t >= since);
    if (hit !== undefined) return hit;
    await sleep(2);
  }
  return null;
}
