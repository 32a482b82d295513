/**
 * Console latency bench (tsx bench/console-latency.ts [--changes N] [--gap MS] [--skip-demo] [--skip-large] [--trace]):
 *  1. demo (console/demo.ts): a Playwright page open on the demo cluster's attributes view; N
 *     `crm_attribute` changes on the demo CIB, one at a time (--gap MS after each is shown, default
 *     1000); time from the command's start until the DOM shows each value (a MutationObserver
 *     stamps it in the page), next to the time until `crm_mon` shows it.
 *  2. large (console/large.ts): a generated 32×2000 cluster (tests/fixtures/large/generate.py) served by an in-process
 *     agent (the real agent WebSocket server, fed the parsed status): first paint of the cluster
 *     page and the by-node view, one-resource change → DOM, and SSE bytes per one-resource change.
 *     First paint is timed in the page from its navigation start to the end of the frame that shows
 *     the first resource (a MutationObserver, then rAF + a task): the first visit in a session just
 *     logged in, and a repeat visit (scripts cached). --trace also records a Chromium trace and a CPU
 *     profile of the last load into var/bench-console/ and prints where the main thread went
 *     (console/trace-analysis.ts).
 * Uses the e2e global setup (demo + console on free ports, temp database).
 */
import { readFileSync } from "node:fs";
import { chromium, selectors } from "@playwright/test";
import globalSetup from "@/e2e/global-setup";
import { readState } from "@/e2e/support/state";
import { LAUNCH } from "./console/common";
import { demoLatency } from "./console/demo";
import { largeCluster } from "./console/large";

const args = process.argv.slice(2);
const CHANGES = Number(args[args.indexOf("--changes") + 1]) || 60;
const SKIP_LARGE = args.includes("--skip-large");
/** Pause between two demo changes (--gap MS). */
const GAP_MS = args.includes("--gap") ? Number(args[args.indexOf("--gap") + 1]) : 1000;
const SKIP_DEMO = args.includes("--skip-demo");
/** Record a Chromium trace of the last first-paint load of each view and print where its main thread went. */
const TRACE = args.includes("--trace");

// As in playwright.config.ts, so the e2e login helper finds its fields.
selectors.setTestIdAttribute("data-test");
const teardown = await globalSetup();
const state = readState();
const browser = await chromium.launch(LAUNCH);
const lines: string[] = [];
const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
try {
  if (!SKIP_DEMO) lines.push(...(await demoLatency(browser, state, { changes: CHANGES, gapMs: GAP_MS })));
  if (!SKIP_LARGE) lines.push(...(await largeCluster(browser, state, { trace: TRACE })));
} finally {
  await browser.close();
  await teardown();
}
const loadAfter = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
console.log(`\n${lines.join("\n")}\n(load average before ${load}, after ${loadAfter})`);
