import { expect, test } from "@playwright/test";
import { expectNoReload, login, markNoReload, pacemaker, shot } from "./support/helpers";
import { readState } from "./support/state";

test.beforeEach(async ({ page }) => {
  await login(page, "viewer");
});

test("a node attribute changed with crm_attribute appears without a reload", async ({ page }) => {
  const { clusterName } = readState();
  await page.goto(`/clusters/${clusterName}/attributes`);
  await expect(page.getByTestId("freshness")).toHaveAttribute("data-state", "live");
  await markNoReload(page);
  const value = `XYZ${Date.now() % 100000}`;
  await pacemaker("crm_attribute", ["-N", "node3", "-n", "pgsql-status", "-v", value, "-l", "reboot"]);
  await expect(page.getByTestId("attr:node3:pgsql-status")).toHaveAttribute("data-value", value, { timeout: 5000 });
  await expect(page.getByTestId("attr:node3:pgsql-status")).toHaveAttribute("data-lifetime", /transient|both/);
  await expectNoReload(page);
  await page.screenshot({ path: shot("attributes-live"), fullPage: true });
  await pacemaker("crm_attribute", ["-N", "node3", "-n", "pgsql-status", "-v", "HS:sync", "-l", "reboot"]);
  await expect(page.getByTestId("attr:node3:pgsql-status")).toHaveAttribute("data-value", "HS:sync");
});

test("crm_resource --move shows up on every view without a reload", async ({ page }) => {
  const { clusterName } = readState();
  await page.goto(`/clusters/${clusterName}`);
  await expect(page.getByTestId("freshness")).toHaveAttribute("data-state", "live");
  const row = page.getByTestId("resource:WebService1");
  const before = (await row.getByTestId("nodes").textContent())?.trim() ?? "";
  const target = before === "node3" ? "node4" : "node3";
  await markNoReload(page);
  await pacemaker("crm_resource", ["--move", "-r", "WebService1", "-N", target]);
  try {
    await expect(row.getByTestId("nodes")).toHaveText(target, { timeout: 15_000 });
    await expect(page.getByTestId("constraint:cli-prefer-WebService1")).toContainText(`moved to ${target}`);
    await expectNoReload(page);
    await page.screenshot({ path: shot("cluster-after-move"), fullPage: true });
    // Same subscription feeds the by-node view: switching tabs shows it at once.
    await page.getByTestId("tab-nodes").click();
    await expect(page.getByTestId(`column:${target}`).getByTestId("card:WebService1")).toBeVisible();
    await expectNoReload(page);
  } finally {
    await pacemaker("crm_resource", ["--clear", "-r", "WebService1"]);
  }
  // --clear removes the move constraint; WebService1 may stay where it is (resource-stickiness).
  await page.getByTestId("tab-overview").click();
  await expect(page.getByTestId("constraint:cli-prefer-WebService1")).toHaveCount(0, { timeout: 15_000 });
  await expectNoReload(page);
});
