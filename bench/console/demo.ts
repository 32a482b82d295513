import { join } from "node:path";
import type { Browser, Page } from "@playwright/test";
import type { E2eState } from "@/e2e/support/state";
import { loggedInPage, OUT_DIR, run, summary } from "./common";

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
/**
 * Change → browser DOM on the demo: `changes` crm_attribute changes one at a time (`gapMs` after each
 * is shown), next to the time until crm_mon shows the same change.
 */
export async function demoLatency(browser: Browser, state: E2eState, { changes, gapMs }: { changes: number; gapMs: number }): Promise<string[]> {
  const page = await loggedInPage(browser, state.url, "viewer");
  await page.goto(`${state.url}/clusters/${state.clusterName}/attributes`);
  await page.locator('[data-test="freshness"][data-state="live"]').waitFor();
  await installStamper(page, "attr:node3:bench-attr");
  const env = { CIB_file: state.cibFile };
  const dom: number[] = [];
  const afterCmd: number[] = [];
  const crmMon: number[] = [];
  for (let i = 0; i < changes + 3; i++) {
    const value = `b${i}-${Date.now() % 1_000_000}`;
    const t0 = Date.now();
    await run("crm_attribute", ["-N", "node3", "-n", "bench-attr", "-v", value, "-l", "reboot"], env);
    const cmdDone = Date.now();
    const seen = await waitStamp(page, value).catch(async (e: unknown) => {
      await page.screenshot({ path: join(OUT_DIR, "bench-timeout.png") });
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
    await new Promise((r) => setTimeout(r, gapMs));
  }
  for (let i = 0; i < changes; i++) {
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
    `demo (3 nodes, 12 resources), ${changes} crm_attribute changes each, ${gapMs} ms apart:`,
    summary("  change → browser DOM", dom),
    summary("  (after crm_attribute returned)", afterCmd),
    summary("  change → crm_mon shows it", crmMon),
  ];
}
