import { spawn } from "node:child_process";
import { openSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { expectNoReload, login, markNoReload, pacemaker, shot } from "./support/helpers";
import { readState, RESTARTED_PID_FILE } from "./support/state";

test("the console restarts: the open page says reconnecting…, then is live again by itself", async ({ page }) => {
  test.setTimeout(120_000);
  const state = readState();
  await login(page, "viewer");
  await page.goto(`/clusters/${state.clusterName}`);
  const freshness = page.getByTestId("freshness");
  await expect(freshness).toHaveAttribute("data-state", "live");
  await markNoReload(page);

  process.kill(state.consolePid, "SIGTERM");
  await expect(freshness).toHaveAttribute("data-state", "reconnecting", { timeout: 15_000 });
  await expect(freshness).toContainText("reconnecting…");
  await expect(page.getByTestId("cluster-overview")).toHaveAttribute("data-live", "false");
  await page.screenshot({ path: shot("cluster-reconnecting"), fullPage: false });

  const log = openSync(join("e2e", "output", "console-restarted.log"), "w");
  const proc = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { ...process.env, ...state.consoleEnv },
    stdio: ["ignore", log, log],
    detached: false,
  });
  writeFileSync(RESTARTED_PID_FILE, String(proc.pid));
  await expect(freshness).toHaveAttribute("data-state", "live", { timeout: 90_000 });
  await expectNoReload(page);

  // And it is live for real: a change made now shows up.
  await page.getByTestId("tab-attributes").click();
  const value = `R${Date.now() % 100000}`;
  await pacemaker("crm_attribute", ["-N", "node4", "-n", "pgsql-status", "-v", value, "-l", "reboot"]);
  await expect(page.getByTestId("attr:node4:pgsql-status")).toHaveAttribute("data-value", value, { timeout: 10_000 });
  await pacemaker("crm_attribute", ["-N", "node4", "-n", "pgsql-status", "-v", "HS:async", "-l", "reboot"]);
});
