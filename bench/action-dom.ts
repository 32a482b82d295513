/**
 * Action → DOM on the demo (tsx bench/action-dom.ts [--actions N] [--node NAME] [--gap MS]):
 * logged in as operator in Playwright, click "Standby" (and confirm) / "Online" on a node tile,
 * N times in all (default 40, at least 30), each time until the tile shows the new state, timed in
 * the page (a MutationObserver stamps the moment the tile's data-state changes). Beside it:
 *  - the console's whole path (the outcome's durationMs: audit row, agent, wait for the status),
 *  - the agent's own time for the request (its log line "node.standby … → ok (N ms)": the
 *    crm_attribute run plus, in sim mode, the crm_simulate settle),
 *  - the time the standby click takes from the confirm click to the DOM vs from the first click.
 * Uses the e2e global setup (demo + console on free ports, temp database).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, selectors, type Page } from "@playwright/test";
import globalSetup from "@/e2e/global-setup";
import { login } from "@/e2e/support/helpers";
import { readState } from "@/e2e/support/state";
import { LAUNCH, pct, summary } from "./console/common";

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const ACTIONS = Math.max(30, Number(arg("--actions")) || 40);
const NODE = arg("--node") ?? "node4";
/** pause after each change is shown, so each sample is one change and not a queue */
const GAP_MS = Number(arg("--gap") ?? 500);
const WARMUP = 2;

selectors.setTestIdAttribute("data-test");

/** In the page: the time the tile's data-state first equals what we wait for. */
async function installStamper(page: Page, node: string): Promise<void> {
  // A string, not a function: tsx's helpers do not exist inside the page.
  await page.evaluate(`(() => {
    window.__want = null; window.__seen = null;
    const sel = '[data-test="node:' + ${JSON.stringify(node)} + '"]';
    const check = () => {
      if (window.__want === null || window.__seen !== null) return;
      if (document.querySelector(sel)?.getAttribute("data-state") === window.__want) window.__seen = Date.now();
    };
    new MutationObserver(check).observe(document.body, { subtree: true, attributes: true, childList: true, attributeFilter: ["data-state"] });
  })()`);
}

async function expect(page: Page, state: string): Promise<void> {
  await page.evaluate(`window.__want = ${JSON.stringify(state)}; window.__seen = null;`);
}

async function seenAt(page: Page, timeoutMs = 30_000): Promise<number> {
  const h = await page.waitForFunction("window.__seen", undefined, { timeout: timeoutMs, polling: 10 });
  return (await h.jsonValue()) as number;
}

/** Each node.standby answer the agents logged, in order: "… node.standby {…} → ok (123 ms)". */
function agentTimes(demoDir: string, nodes: string[]): number[] {
  const out: number[] = [];
  for (const n of nodes) {
    let text = "";
    try {
      text = readFileSync(join(demoDir, `${n}.log`), "utf8");
    } catch {
      continue;
    }
    for (const m of text.matchAll(/node\.standby \{[^}]*\}[^\n]*→ ok \((\d+) ms\)/g)) out.push(Number(m[1]));
  }
  return out;
}

const teardown = await globalSetup();
const state = readState();
const browser = await chromium.launch(LAUNCH);
const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
const lines: string[] = [];
try {
  const page = await browser.newPage({ baseURL: state.url, viewport: { width: 1440, height: 900 } });
  await login(page, "operator");
  // The outcome of each change as the server returned it (superjson in a tRPC batch): its durationMs.
  const durations: number[] = [];
  page.on("response", (res) => {
    if (!res.url().includes("nodes.standby")) return;
    void res.text().then(
      (body) => {
        const m = /"durationMs":(\d+)/.exec(body);
        if (m) durations.push(Number(m[1]));
      },
      () => undefined,
    );
  });
  await page.goto(`/clusters/${state.clusterName}`);
  await page.locator('[data-test="freshness"][data-state="live"]').waitFor();
  await installStamper(page, NODE);
  const tile = page.getByTestId(`node:${NODE}`);
  const fromClick: number[] = [];
  const fromConfirm: number[] = [];
  const online: number[] = [];
  const standby: number[] = [];
  for (let i = 0; i < ACTIONS + WARMUP; i++) {
    const isStandby = (await tile.getAttribute("data-state")) === "standby";
    const want = isStandby ? "online" : "standby";
    const button = page.getByTestId(`action:node.standby:${NODE}`);
    await button.waitFor();
    await expect(page, want);
    const t0 = Date.now();
    await button.click();
    let t1 = t0;
    if (!isStandby) {
      // Standby moves resources away: it asks first; the change starts with the confirm click.
      const ok = page.getByTestId("confirm:node.standby").getByTestId("confirm-ok");
      await ok.waitFor();
      t1 = Date.now();
      await ok.click();
    }
    const seen = await seenAt(page);
    if (i >= WARMUP) {
      fromClick.push(seen - t0);
      fromConfirm.push(seen - t1);
      (want === "online" ? online : standby).push(seen - t1);
    }
    // The button is ready again once the change is finished (the server's answer came back).
    await page.locator(`[data-test="action:node.standby:${NODE}"]:not([data-busy])`).waitFor({ timeout: 60_000 });
    await new Promise((r) => setTimeout(r, GAP_MS));
  }
  // The last answers' bodies and the agents' last log lines are read asynchronously: let them land.
  await new Promise((r) => setTimeout(r, 1000));
  await page.close();
  const agent = agentTimes(join(state.tmp, "demo"), state.agents.map((a) => a.node)).slice(WARMUP);
  const console_ = durations.slice(WARMUP);
  lines.push(
    `demo, node ${NODE}: ${ACTIONS} standby/online clicks (after ${WARMUP} warm-up), ${GAP_MS} ms apart, each until the tile shows it:`,
    summary("  click → tile shows it", fromConfirm),
    summary("    standby (from the confirm click)", standby),
    summary("    online (one click)", online),
    summary("  first click → tile (standby incl. dialog)", fromClick),
    summary("  console path (outcome durationMs)", console_),
    summary("  agent request (its log: command + settle)", agent),
    `  DOM before the answer: tile shown ${Math.round(pct(fromConfirm, 50))} ms p50 vs outcome ${Math.round(pct(console_, 50))} ms p50`,
  );
} finally {
  await browser.close();
  await teardown();
}
const loadAfter = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
console.log(`\n${lines.join("\n")}\n(load average before ${load}, after ${loadAfter})`);
