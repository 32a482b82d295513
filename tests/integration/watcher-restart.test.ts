/**
 * The live watcher's supervision of its child, with stand-in children (shell scripts speaking cib-watch's
 * stdout protocol): restart with backoff after the connection is lost, refresh on loss and on return,
 * keep retrying while Pacemaker is down, poll when the child cannot run at all, never hang start-up.
 * No cluster needed: what is under test is our supervision logic, not Pacemaker.
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startCibWatcher, type CibWatcher } from "@/agent/watcher";

let dir = "";
let watcher: CibWatcher | null = null;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Writes an executable stand-in; each run appends its PID to `<name>.runs`. */
function fake(name: string, body: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, `#!/bin/bash\necho $$ >> ${JSON.stringify(file + ".runs")}\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}
const runs = (file: string): string[] =>
  existsSync(`${file}.runs`) ? readFileSync(`${file}.runs`, "utf8").trim().split("\n").filter(Boolean) : [];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "vigil-watch-restart-"));
});
afterEach(() => {
  watcher?.stop();
  watcher = null;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("live watcher supervision", () => {
  it("reports each change, refreshes on loss and on reconnect, and restarts the child", async () => {
    // First run: ready, two changes, then "connection lost" (exit 2). Later runs: ready and stay.
    const bin = fake(
      "flaky",
      `n=$(wc -l < ${JSON.stringify(path.join(dir, "flaky.runs"))})
if [ "$n" = 1 ]; then echo "ready 0 5 1"; sleep 0.1; echo "change 0 5 2"; echo "change 0 6 0"; sleep 0.1; exit 2; fi
echo "ready 0 6 0"; exec sleep 60`,
    );
    const events: number[] = [];
    const logs: string[] = [];
    watcher = await startCibWatcher({ mode: "live", watcherBinary: bin, log: (m) => logs.push(m) }, () =>
      events.push(performance.now()),
    );
    expect(watcher.kind).toBe("notify");
    await sleep(1000);
    expect(runs(bin)).toHaveLength(2);
    // 1 on subscribing + 2 changes + 1 for the lost connection + 1 for the reconnect
    expect(events).toHaveLength(5);
    expect(logs.join("\n")).toMatch(/connection lost/);
  });

  it("keeps retrying with backoff while Pacemaker is down (exit 1), logging once", async () => {
    const bin = fake("down", `echo "cib-watch: signon failed: Transport endpoint is not connected" >&2; exit 1`);
    const logs: string[] = [];
    const events: number[] = [];
    watcher = await startCibWatcher({ mode: "live", watcherBinary: bin, log: (m) => logs.push(m) }, () => events.push(1));
    expect(watcher.kind).toBe("notify");
    await sleep(2200);
    // 0, +250, +500, +1000 ms (then +2000): a handful of attempts, not a busy loop.
    const n = runs(bin).length;
    expect(n).toBeGreaterThanOrEqual(3);
    expect(n).toBeLessThanOrEqual(5);
    expect(logs.filter((l) => l.includes("not connected"))).toHaveLength(1);
    expect(events).toHaveLength(0);
  });

  it("polls instead when the child cannot run at all", async () => {
    const logs: string[] = [];
    const broken = fake("broken", "exit 127");
    watcher = await startCibWatcher({ mode: "live", watcherBinary: broken, log: (m) => logs.push(m) }, () => {});
    expect(watcher.kind).toBe("poll");
    watcher.stop();
    watcher = await startCibWatcher({ mode: "live", watcherBinary: path.join(dir, "missing"), log: (m) => logs.push(m) }, () => {});
    expect(watcher.kind).toBe("poll");
    expect(logs.filter((l) => l.includes("polling"))).toHaveLength(2);
  });

  it("does not hang start-up on a child that never signs on, and stop() ends the child", async () => {
    const bin = fake("mute", "exec sleep 60");
    const t0 = performance.now();
    watcher = await startCibWatcher({ mode: "live", watcherBinary: bin, log: () => {} }, () => {});
    const waited = performance.now() - t0;
    expect(waited).toBeGreaterThan(4000);
    expect(waited).toBeLessThan(7000);
    const pid = Number(runs(bin)[0]);
    expect(existsSync(`/proc/${pid}`)).toBe(true);
    watcher.stop();
    watcher = null;
    await sleep(200);
    const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, "utf8") : "";
    expect(stat === "" || / Z /.test(stat)).toBe(true);
  });

  it("survives an onChange that throws", async () => {
    const bin = fake("chatty", `echo "ready 0 1 0"; echo "change 0 1 1"; echo "change 0 1 2"; exec sleep 60`);
    let calls = 0;
    const logs: string[] = [];
    watcher = await startCibWatcher({ mode: "live", watcherBinary: bin, log: (m) => logs.push(m) }, () => {
      calls++;
      throw new Error("consumer bug");
    });
    await sleep(300);
    // ready + 2 changes
    expect(calls).toBe(3);
    expect(logs.filter((l) => l.includes("consumer bug"))).toHaveLength(3);
  });
});
