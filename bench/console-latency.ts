/**
 * Console latency bench (tsx bench/console-latency.ts [--changes N] [--skip-demo] [--skip-large] [--trace]):
 *  1. demo: a Playwright page open on the demo cluster's attributes view; N `crm_attribute` changes
 *     on the demo CIB, one at a time (--gap MS after each is shown, default 1000); time from the command's start until the DOM shows each value (a
 *     MutationObserver stamps it in the page), next to the time until `crm_mon` shows it.
 *  2. large: a generated 32×2000 cluster (tests/fixtures/large/generate.py) served by an in-process
 *     agent (the real agent WebSocket server, fed the parsed status): first paint of the cluster
 *     page and the by-node view, one-resource change → DOM, and SSE bytes per one-resource change.
 *     First paint is timed in the page from its navigation start to the end of the frame that shows
 *     the first resource (a MutationObserver, then rAF + a task): the first visit in a session just
 *     logged in, and a repeat visit (scripts cached). --trace also records a Chromium trace and a CPU
 *     profile of the last load into var/bench-console/ and prints where the main thread went.
 * Uses the e2e global setup (demo + console on free ports, temp database).
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import globalSetup from "@/e2e/global-setup";
import { readState, type E2eState } from "@/e2e/support/state";
import { startAgentServer } from "@/agent/server";
import type { FeedEvent, StatusFeed } from "@/agent/feed";
import { buildStatus, diffStatus, type ClusterStatus, type Primitive } from "@/lib/pacemaker";
import { PROTOCOL_VERSION } from "@/lib/protocol";

const args = process.argv.slice(2);
const CHANGES = Number(args[args.indexOf("--changes") + 1]) || 60;
const SKIP_LARGE = args.includes("--skip-large");
/** Pause between two demo changes (--gap MS). */
const GAP_MS = args.includes("--gap") ? Number(args[args.indexOf("--gap") + 1]) : 1000;
const SKIP_DEMO = args.includes("--skip-demo");
/** Record a Chromium trace of the last first-paint load of each view and print where its main thread went. */
const TRACE = args.includes("--trace");
const LARGE_DIR = "var/bench-console";

const LAUNCH = {
  executablePath: "/usr/bin/chromium",
  args: ["--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
};

function run(tool: string, argv: string[], env: Record<string, string> = {}): Promise<{ stdout: string; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    execFile(tool, argv, { env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024, timeout: 120_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${tool}: ${stderr || err.message}`));
      else resolve({ stdout, ms: performance.now() - t0 });
    });
  });
}

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}
const fmt = (v: number) => `${v.toFixed(0)} ms`;
function summary(label: string, values: number[]): string {
  return `${label.padEnd(34)} n=${values.length}  p50 ${fmt(pct(values, 50))}  p95 ${fmt(pct(values, 95))}  max ${fmt(Math.max(...values))}`;
}

async function login(page: Page, base: string, username: string, password: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.locator('[data-test="login-username"]').fill(username);
  await page.locator('[data-test="login-password"]').fill(password);
  await page.locator('[data-test="login-submit"]').click();
  await page.locator('[data-test="current-user"]').waitFor();
}

/** In the page: stamp Date.now() the first time a data-test element's data-value becomes each value. */
async function installStamper(page: Page, testId: string): Promise<void> {
  // A string, not a function: tsx's name-keeping helpers do not exist inside the page.
  await page.evaluate(`(() => {
    window.__stamps = {};
    const id = ${JSON.stringify(testId)};
    new MutationObserver(() => {
      const v = document.querySelector('[data-test="' + id + '"]')?.getAttribute("data-value");
      if (v && !(v in window.__stamps)) window.__stamps[v] = Date.now();
    }).observe(document.body, { subtree: true, attributes: true, childList: true, attributeFilter: ["data-value"] });
  })()`);
}

async function waitStamp(page: Page, value: string, timeoutMs = 10_000): Promise<number> {
  const handle = await page.waitForFunction(`window.__stamps[${JSON.stringify(value)}] ?? null`, undefined, { timeout: timeoutMs, polling: 20 });
  return (await handle.jsonValue()) as number;
}
async function demoLatency(browser: Browser, state: E2eState): Promise<string[]> {
  const page = await browser.newPage();
  await login(page, state.url, "viewer", "demo-viewer");
  await page.goto(`${state.url}/clusters/${state.clusterName}/attributes`);
  await page.locator('[data-test="freshness"][data-state="live"]').waitFor();
  await installStamper(page, "attr:node3:bench-attr");
  const env = { CIB_file: state.cibFile };
  const dom: number[] = [];
  const afterCmd: number[] = [];
  const crmMon: number[] = [];
  for (let i = 0; i < CHANGES + 3; i++) {
    const value = `b${i}-${Date.now() % 1_000_000}`;
    const t0 = Date.now();
    await run("crm_attribute", ["-N", "node3", "-n", "bench-attr", "-v", value, "-l", "reboot"], env);
    const cmdDone = Date.now();
    const seen = await waitStamp(page, value).catch(async (e: unknown) => {
      await page.screenshot({ path: join(LARGE_DIR, "bench-timeout.png") });
      const stamps = await page.evaluate("JSON.stringify(window.__stamps)");
      throw new Error(`DOM never showed ${value} (stamps ${String(stamps)}): ${String(e)}`);
    });
    if (i >= 3) {
      // the first changes warm up the JIT and the agent
      dom.push(seen - t0);
      afterCmd.push(seen - cmdDone);
    }
    // One change at a time, as an admin makes them: let the previous one's settle and the standby
    // agents' reads finish, so each sample times one change rather than a queue of them.
    await new Promise((r) => setTimeout(r, GAP_MS));
  }
  for (let i = 0; i < CHANGES; i++) {
    const value = `m${i}-${Date.now() % 1_000_000}`;
    const t0 = Date.now();
    await run("crm_attribute", ["-N", "node3", "-n", "bench-attr", "-v", value, "-l", "reboot"], env);
    for (;;) {
      const { stdout } = await run("crm_mon", ["--one-shot", "--inactive", "--show-node-attributes", "--output-as=xml"], env);
      if (stdout.includes(value)) break;
    }
    crmMon.push(Date.now() - t0);
  }
  await run("crm_attribute", ["-N", "node3", "-n", "bench-attr", "-D", "-l", "reboot"], env);
  await page.close();
  return [
    `demo (3 nodes, 12 resources), ${CHANGES} crm_attribute changes each, ${GAP_MS} ms apart:`,
    summary("  change → browser DOM", dom),
    summary("  (after crm_attribute returned)", afterCmd),
    summary("  change → crm_mon shows it", crmMon),
  ];
}

/** A feed that serves a fixed status and emits a patch whenever `change` is called. */
function staticFeed(initial: ClusterStatus): StatusFeed & { change(fn: (s: ClusterStatus) => ClusterStatus): void } {
  let seq = 1;
  let status = initial;
  const listeners = new Set<(e: FeedEvent) => void>();
  return {
    current: () => ({ seq, status }),
    lastError: () => null,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    change(fn) {
      const next = fn(status);
      const patch = diffStatus(status, next);
      const baseSeq = seq;
      seq += 1;
      status = next;
      for (const l of listeners) l({ type: "patch", seq, baseSeq, patch });
    },
  };
}

function withPrimitive(s: ClusterStatus, id: string, fn: (p: Primitive) => Primitive): ClusterStatus {
  return {
    ...s,
    resources: s.resources.map((r) => {
      if (r.kind === "primitive" && r.id === id) return fn(r);
      if (r.kind === "group" && r.children.some((c) => c.id === id)) return { ...r, children: r.children.map((c) => (c.id === id ? fn(c) : c)) };
      return r;
    }),
  };
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; hitCount?: number }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function from a V8 CPU profile (minified names: file and position say which). */
function hottestFunctions(profile: CpuProfile): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    if (!f) return;
    const key = `${f.functionName || "(anonymous)"} ${f.url.split("/").pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, ms]) => `    ${ms.toFixed(0).padStart(5)} ms  ${k}`).join("\n");
}

/** Self time per trace event name on the renderer's main thread (a trace of one page load). */
function mainThreadBreakdown(traceJson: string): string {
  type Ev = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string } };
  const events = (JSON.parse(traceJson) as { traceEvents: Ev[] }).traceEvents;
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  if (!main) return "  (no renderer main thread in the trace)";
  const complete = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  // Self time: an event's duration minus its direct children's, found with a stack of open events.
  const self = new Map<string, number>();
  const stack: { e: Ev; end: number; child: number }[] = [];
  const close = (upTo: number) => {
    while (stack.length && stack[stack.length - 1]!.end <= upTo) {
      const top = stack.pop()!;
      self.set(top.e.name, (self.get(top.e.name) ?? 0) + (top.e.dur! - top.child) / 1000);
    }
  };
  for (const e of complete) {
    close(e.ts);
    const parent = stack[stack.length - 1];
    if (parent) parent.child += e.dur!;
    stack.push({ e, end: e.ts + e.dur!, child: 0 });
  }
  close(Infinity);
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([n, ms]) => `    ${n.padEnd(28)} ${ms.toFixed(0)} ms`).join("\n");
}

async function largeCluster(browser: Browser, state: E2eState): Promise<string[]> {
  mkdirSync(LARGE_DIR, { recursive: true });
  const cib = join(LARGE_DIR, "cib-32x2000.xml");
  const mon = join(LARGE_DIR, "crm_mon-32x2000.xml");
  if (!existsSync(cib)) await run("python3", ["tests/fixtures/large/generate.py", "32", "2000", cib, "--failures", "3"]);
  if (!existsSync(mon)) {
    const { stdout, ms } = await run("crm_mon", ["--one-shot", "--inactive", "--output-as=xml"], { CIB_file: cib });
    writeFileSync(mon, stdout);
    console.log(`(crm_mon on the 32×2000 CIB took ${fmt(ms)})`);
  }
  const t0 = performance.now();
  const status = buildStatus({ crmMonXml: readFileSync(mon, "utf8"), cibXml: readFileSync(cib, "utf8") });
  const buildMs = performance.now() - t0;
  const feed = staticFeed(status);
  // A healthy top-level primitive near the top of the tree (the generator fails a few on purpose).
  const pick = status.resources.filter((r): r is Primitive => r.kind === "primitive" && !r.failed).map((r) => r.id);
  const probeId = pick[0] ?? "r4";
  const bytesId = pick[1] ?? "r5";
  const token = "bench-token-0123456789";
  const server = await startAgentServer({
    port: 0,
    host: "127.0.0.1",
    token,
    feed,
    hello: () => ({
      type: "hello",
      protocol: PROTOCOL_VERSION,
      agentVersion: "bench",
      node: "n1",
      cluster: "big",
      pacemakerVersion: "2.1.5",
      mode: "sim",
      capabilities: ["status", "status.patch"],
      watch: "poll",
    }),
    actions: async () => ({ ok: false as const, error: { code: "unknown_action" as const, message: "the bench agent only serves status" } }),
    log: () => {},
  });
  const out: string[] = [];
  try {
    const admin = await browser.newPage();
    await login(admin, state.url, "admin", "demo-admin");
    const reg = await admin.request.post(`${state.url}/api/trpc/clusters.register`, {
      data: { json: { name: "big", agents: [server.url], token } },
      headers: { "content-type": "application/json" },
    });
    if (!reg.ok()) throw new Error(`register big: ${reg.status()} ${await reg.text()}`);
    // Let the hub take its first full snapshot of the big cluster.
    await admin.goto(`${state.url}/clusters/big`);
    await admin.locator('[data-test="resource-tree"]').waitFor({ timeout: 60_000 });
    await admin.close();

    const splits: string[] = [];
    const traces: string[] = [];
    const LOADS = 6;
    const firstPaint = async (path: string, selector: string): Promise<{ wall: number[]; painted: number[]; repeat: number[] }> => {
      const times: number[] = [];
      const painted: number[] = [];
      const repeat: number[] = [];
      for (let i = 0; i < LOADS; i++) {
        const page = await browser.newPage();
        await login(page, state.url, "viewer", "demo-viewer");
        // In the page, from its navigation start: when the element first exists, and the end of the
        // frame that paints it (rAF, then a task). Playwright's own polling and round trips stay out.
        await page.addInitScript(`(() => {
          const sel = ${JSON.stringify(selector)};
          const check = () => {
            if (window.__vigilInDom !== undefined || !document.querySelector(sel)) return;
            window.__vigilInDom = performance.now();
            requestAnimationFrame(() => setTimeout(() => { window.__vigilPainted = performance.now(); }, 0));
          };
          new MutationObserver(check).observe(document, { subtree: true, childList: true });
        })()`);
        const tracing = TRACE && i === LOADS - 1;
        const cdp = tracing ? await page.context().newCDPSession(page) : null;
        if (cdp) {
          await cdp.send("Profiler.enable");
          await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
          await cdp.send("Profiler.start");
        }
        if (tracing) await browser.startTracing(page, { categories: ["devtools.timeline", "v8.execute", "blink.user_timing", "disabled-by-default-devtools.timeline"] });
        const t = Date.now();
        await page.goto(`${state.url}${path}`);
        await page.locator(selector).first().waitFor({ timeout: 60_000 });
        times.push(Date.now() - t);
        painted.push((await (await page.waitForFunction("window.__vigilPainted ?? null")).jsonValue()) as number);
        if (tracing) {
          const trace = (await browser.stopTracing()).toString("utf8");
          writeFileSync(join(LARGE_DIR, `trace${path.replaceAll("/", "-")}.json`), trace);
          traces.push(`${path} (trace in ${LARGE_DIR}):\n${mainThreadBreakdown(trace)}`);
        }
        if (cdp) {
          const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: CpuProfile };
          writeFileSync(join(LARGE_DIR, `profile${path.replaceAll("/", "-")}.cpuprofile`), JSON.stringify(profile));
          traces.push(`  hottest functions (self time):\n${hottestFunctions(profile)}`);
        }
        const split = (await page.evaluate(
          `(() => { const n = performance.getEntriesByType("navigation")[0]; const f = performance.getEntriesByName("vigil:status-full")[0];
             const r = performance.getEntriesByType("resource").find((e) => e.name.includes("/snapshot"));
             return { ttfb: n ? n.responseStart : -1, dcl: n ? n.domContentLoadedEventEnd : -1, full: f ? f.startTime : -1, now: performance.now(),
                      snap: r ? [r.startTime, r.responseStart, r.responseEnd] : null }; })()`,
        )) as { ttfb: number; dcl: number; full: number; now: number; snap: number[] | null };
        const marks = (await page.evaluate(`performance.getEntriesByType("mark").filter((m) => m.name.startsWith("vigil:snapshot")).map((m) => m.name.slice(15) + " " + m.startTime.toFixed(0)).join(", ")`)) as string;
        const snap = split.snap ? ` · snapshot request ${split.snap.map((v) => v.toFixed(0)).join("→")} (${marks})` : "";
        const dom = (await page.evaluate("document.getElementsByTagName('*').length")) as number;
        if (i === LOADS - 1) await page.screenshot({ path: join(LARGE_DIR, `view${path.replaceAll("/", "-")}.png`) });
        // A repeat visit: the same page again in the same browser session (scripts compiled and cached).
        await page.goto("about:blank");
        await page.goto(`${state.url}${path}`);
        repeat.push((await (await page.waitForFunction("window.__vigilPainted ?? null", undefined, { timeout: 60_000 })).jsonValue()) as number);
        splits.push(`${dom} elements · ttfb ${split.ttfb.toFixed(0)} · DOMContentLoaded ${split.dcl.toFixed(0)}${snap} · full state in ${split.full.toFixed(0)} · painted by ${split.now.toFixed(0)} ms`);
        await page.close();
      }
      // the first load also warms the server's route
      return { wall: times.slice(1), painted: painted.slice(1), repeat: repeat.slice(1) };
    };
    const cluster = await firstPaint("/clusters/big", '[data-test="resource-tree"] [data-test^="resource:"]');
    const byNode = await firstPaint("/clusters/big/nodes", '[data-test="column:n1"] [data-test^="card:"]');

    // One-resource change → DOM, on the open cluster page (a top-level primitive: near the top of the tree).
    const page = await browser.newPage();
    await login(page, state.url, "viewer", "demo-viewer");
    await page.goto(`${state.url}/clusters/big`);
    const rowState = page.locator(`[data-test="resource:${probeId}"] [data-test="state"]`);
    await rowState.waitFor({ timeout: 60_000 });
    // In the page: when the row's state attribute changes, next to when the patch arrived (the
    // "vigil:patch" mark cluster-live.tsx sets): that difference is the re-render alone.
    await page.evaluate(`(() => {
      window.__rerender = [];
      const sel = '[data-test="resource:${probeId}"] [data-test="state"]';
      new MutationObserver(() => {
        const st = document.querySelector(sel)?.getAttribute("data-state");
        if (!st || st === window.__lastState) return;
        window.__lastState = st;
        const m = performance.getEntriesByName("vigil:patch")[0];
        if (m) window.__rerender.push(performance.now() - m.startTime);
      }).observe(document.body, { subtree: true, attributes: true, childList: true, attributeFilter: ["data-state"] });
    })()`);
    const changeMs: number[] = [];
    for (let i = 0; i < 30; i++) {
      const target = i % 2 === 0 ? "Stopped" : "Started";
      const t = Date.now();
      feed.change((s) =>
        withPrimitive(s, probeId, (p) => ({ ...p, role: target, active: target === "Started", nodes: target === "Started" ? p.nodes.length ? p.nodes : [{ name: "n2", id: "2", cached: true }] : [] })),
      );
      await page
        .locator(`[data-test="resource:${probeId}"] [data-test="state"][data-state="${target}"]`)
        .waitFor({ timeout: 10_000 })
        .catch(async (e: unknown) => {
          await page.screenshot({ path: join(LARGE_DIR, "bench-large-timeout.png") });
          const now = await page.locator(`[data-test="resource:${probeId}"]`).first().getAttribute("data-kind").catch(() => "absent");
          const st = await page.locator(`[data-test="resource:${probeId}"] [data-test="state"]`).first().getAttribute("data-state").catch(() => "absent");
          throw new Error(`${probeId} never became ${target} (row ${now}, state ${st}): ${String(e)}`);
        });
      changeMs.push(Date.now() - t);
    }
    const rerender = (await page.evaluate("window.__rerender")) as number[];
    await page.close();

    // Bytes on the wire for one change: read the SSE stream as the browser does.
    const viewer = await browser.newPage();
    await login(viewer, state.url, "viewer", "demo-viewer");
    const cookie = (await viewer.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    await viewer.close();
    const snapTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const r = await fetch(`${state.url}/api/clusters/big/snapshot`, { headers: { cookie, "accept-encoding": i % 2 ? "identity" : "gzip" } });
      const body = await r.arrayBuffer();
      snapTimes.push(performance.now() - t);
      if (i < 2) console.log(`(snapshot: ${r.status} ${r.headers.get("content-encoding") ?? "identity"} ${(body.byteLength / 1024).toFixed(0)} KB in ${fmt(performance.now() - t)})`);
    }
    const input = encodeURIComponent(JSON.stringify({ json: { cluster: "big" } }));
    const ac = new AbortController();
    const res = await fetch(`${state.url}/api/trpc/status.watch?input=${input}`, { headers: { cookie, accept: "text/event-stream" }, signal: ac.signal });
    const reader = res.body!.getReader();
    const events: number[] = [];
    let buf = "";
    let fullBytes = 0;
    const readEvents = async (want: number) => {
      while (events.length < want) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += new TextDecoder().decode(value);
        let idx: number;
        while ((idx = buf.indexOf("\n\n")) >= 0) {
          const ev = buf.slice(0, idx + 2);
          buf = buf.slice(idx + 2);
          if (!ev.includes("data:")) continue; // pings and connection notices
          if (ev.includes('"type":"full"')) fullBytes = Buffer.byteLength(ev);
          else if (ev.includes('"type":"patch"')) events.push(Buffer.byteLength(ev));
        }
      }
    };
    const sseStart = performance.now();
    while (fullBytes === 0) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += new TextDecoder().decode(value);
      if (buf.includes('"type":"full"') && buf.includes("\n\n")) {
        const idx = buf.indexOf("\n\n", buf.indexOf('"type":"full"'));
        fullBytes = Buffer.byteLength(buf.slice(0, idx + 2));
        buf = buf.slice(idx + 2);
      }
    }
    const sseFullMs = performance.now() - sseStart;
    for (let i = 0; i < 6; i++) {
      const target = i % 2 === 0 ? "Stopped" : "Started";
      feed.change((s) => withPrimitive(s, bytesId, (p) => ({ ...p, role: target, active: target === "Started" })));
      await readEvents(i + 1);
    }
    ac.abort();

    out.push(
      `32 nodes × 2000 resources (generate.py --failures 3; status built in ${fmt(buildMs)}; full state ${(fullBytes / 1024).toFixed(0)} KB over SSE):`,
      summary("  first paint, cluster page", cluster.painted),
      summary("  first paint, by-node view", byNode.painted),
      summary("  repeat visit, cluster page", cluster.repeat),
      summary("  repeat visit, by-node view", byNode.repeat),
      summary("  (wall clock: goto → Playwright sees it) cluster", cluster.wall),
      summary("  (wall clock: goto → Playwright sees it) by-node", byNode.wall),
      ...splits.map((l, i) => `  (${i < LOADS ? "cluster page" : "by-node view"}, load ${(i % LOADS) + 1}: ${l})`),
      summary("  one-resource change → DOM", changeMs),
      summary("  (of which re-render: patch in → DOM)", rerender),
      `  full state over SSE, request → last byte (no browser): ${fmt(sseFullMs)}`,
      summary("  snapshot request → last byte (no browser)", snapTimes),
      `  SSE bytes per one-resource change   p50 ${pct(events, 50)} B  max ${Math.max(...events)} B  (n=${events.length})`,
      ...traces,
    );
  } finally {
    await server.close();
  }
  return out;
}

const teardown = await globalSetup();
const state = readState();
const browser = await chromium.launch(LAUNCH);
const lines: string[] = [];
const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
try {
  if (!SKIP_DEMO) lines.push(...(await demoLatency(browser, state)));
  if (!SKIP_LARGE) lines.push(...(await largeCluster(browser, state)));
} finally {
  await browser.close();
  await teardown();
}
const loadAfter = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
console.log(`\n${lines.join("\n")}\n(load average before ${load}, after ${loadAfter})`);
