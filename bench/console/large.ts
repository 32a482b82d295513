import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "@playwright/test";
import type { E2eState } from "@/e2e/support/state";
import { startAgentServer } from "@/agent/server";
import type { FeedEvent, StatusFeed } from "@/agent/feed";
import { buildStatus, diffStatus, type ClusterStatus, type Primitive } from "@/lib/pacemaker";
import { PROTOCOL_VERSION } from "@/lib/protocol";
import { fmt, loggedInPage, OUT_DIR, pct, run, summary } from "./common";
import { hottestFunctions, mainThreadBreakdown, type CpuProfile } from "./trace-analysis";

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

/**
 * A generated 32×2000 cluster served by the real agent server fed the parsed status: first paint
 * of the cluster page and the by-node view (first and repeat visit), one-resource change → DOM and
 * the re-render alone, bytes per change. `trace` also records a Chromium trace and a CPU profile.
 */
export async function largeCluster(browser: Browser, state: E2eState, { trace: withTrace }: { trace: boolean }): Promise<string[]> {
  mkdirSync(OUT_DIR, { recursive: true });
  const cib = join(OUT_DIR, "cib-32x2000.xml");
  const mon = join(OUT_DIR, "crm_mon-32x2000.xml");
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
    const admin = await loggedInPage(browser, state.url, "admin");
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
        const page = await loggedInPage(browser, state.url, "viewer");
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
        const tracing = withTrace && i === LOADS - 1;
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
          writeFileSync(join(OUT_DIR, `trace${path.replaceAll("/", "-")}.json`), trace);
          traces.push(`${path} (trace in ${OUT_DIR}):\n${mainThreadBreakdown(trace)}`);
        }
        if (cdp) {
          const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: CpuProfile };
          writeFileSync(join(OUT_DIR, `profile${path.replaceAll("/", "-")}.cpuprofile`), JSON.stringify(profile));
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
        if (i === LOADS - 1) await page.screenshot({ path: join(OUT_DIR, `view${path.replaceAll("/", "-")}.png`) });
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
    const page = await loggedInPage(browser, state.url, "viewer");
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
          await page.screenshot({ path: join(OUT_DIR, "bench-large-timeout.png") });
          const now = await page.locator(`[data-test="resource:${probeId}"]`).first().getAttribute("data-kind").catch(() => "absent");
          const st = await page.locator(`[data-test="resource:${probeId}"] [data-test="state"]`).first().getAttribute("data-state").catch(() => "absent");
          throw new Error(`${probeId} never became ${target} (row ${now}, state ${st}): ${String(e)}`);
        });
      changeMs.push(Date.now() - t);
    }
    const rerender = (await page.evaluate("window.__rerender")) as number[];
    await page.close();

    // Bytes on the wire for one change: read the SSE stream as the browser does.
    const viewer = await loggedInPage(browser, state.url, "viewer");
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
