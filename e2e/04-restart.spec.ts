import { spawn } from "node:child_process";
import { openSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { expectNoReload, login, markNoReload, pacemaker, shot } from "./support/helpers";
import { readState, RESTARTED_PID_FILE } from "./support/state";

test("the console restarts: the open page says reconnecting…, then is live again by itself; an admin's draft is still there", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const state = readState();
  // An admin stages a configuration edit (a draft: nothing reaches the cluster) before the restart.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await login(admin, "admin");
  const staged = await admin.request.post("/api/trpc/drafts.edit", {
    data: { json: { cluster: state.clusterName, edit: { op: "resource.meta", id: "WebService1", name: "priority", value: "3" } } },
  });
  expect(staged.ok(), await staged.text()).toBe(true);
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

  // The draft lived in the database: after the restart the admin's pending-changes panel still holds it.
  await admin.goto(`/clusters/${state.clusterName}`);
  await expect(admin.getByTestId("draft-panel")).toBeVisible({ timeout: 30_000 });
  await expect(admin.getByTestId("draft-panel")).toContainText("1 pending change");
  const discarded = await admin.request.post("/api/trpc/drafts.discard", { data: { json: { cluster: state.clusterName } } });
  expect(discarded.ok(), await discarded.text()).toBe(true);
  await adminContext.close();

  // And it is live for real: a change made now shows up.
  await page.getByTestId("tab-attributes").click();
  const value = `R${Date.now() % 100000}`;
  await pacemaker("crm_attribute", ["-N", "node4", "-n", "pgsql-status", "-v", value, "-l", "reboot"]);
  await expect(page.getByTestId("attr:node4:pgsql-status")).toHaveAttribute("data-value", value, { timeout: 10_000 });
  await pacemaker("crm_attribute", ["-N", "node4", "-n", "pgsql-status", "-v", "HS:async", "-l", "reboot"]);
});
