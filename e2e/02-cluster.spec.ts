import { expect, test } from "@playwright/test";
import { login, shot } from "./support/helpers";
import { readState } from "./support/state";

test.beforeEach(async ({ page }) => {
  await login(page, "viewer");
});

test("cluster page: nodes, resource tree, promoted instance", async ({ page }) => {
  const { clusterName } = readState();
  await page.goto(`/clusters/${clusterName}`);
  await expect(page.getByTestId("freshness")).toHaveAttribute("data-state", "live");
  for (const n of ["node2", "node3", "node4"]) {
    await expect(page.getByTestId(`node:${n}`)).toBeVisible();
    await expect(page.getByTestId(`node:${n}`)).toHaveAttribute("data-state", "online");
  }
  await expect(page.getByTestId("dc-marker")).toHaveCount(1);
  for (const r of ["WebService1", "WebService2", "WebService3", "balanceGroup", "virtual_ip", "my_lvs", "pgsql-clone", "ping-clone"]) {
    await expect(page.getByTestId(`resource:${r}`)).toBeVisible();
  }
  await expect(page.getByTestId("resource:WebService1").getByTestId("state")).toHaveAttribute("data-state", "Started");
  const promoted = page.getByTestId("resource:pgsql-clone").getByTestId("role:Promoted");
  await expect(promoted).toBeVisible();
  await expect(promoted).toContainText(/node\d/);
  await page.screenshot({ path: shot("cluster"), fullPage: true });
  // The NOC wall is usually dark: the same page in the dark scheme.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: shot("cluster-dark"), fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });

  // Filters: search narrows the tree, failed-only empties it on a healthy cluster.
  await page.getByTestId("resource-search").fill("WebService");
  await expect(page.getByTestId("resource:WebService2")).toBeVisible();
  await expect(page.getByTestId("resource:balanceGroup")).toHaveCount(0);
  await page.getByTestId("filter-clear").click();
  await page.getByTestId("filter-node").selectOption("node4");
  await expect(page.getByTestId("resource:WebService3")).toBeVisible();
  await expect(page.getByTestId("resource:WebService1")).toHaveCount(0);
  await page.getByTestId("filter-clear").click();

  // Expand the promotable clone: one instance per node.
  await page.getByTestId("toggle:pgsql-clone").click();
  await expect(page.locator('[data-test^="instance:pgsql-clone:"]')).toHaveCount(3);
});

test("resource details: attributes, operations, constraints", async ({ page }) => {
  const { clusterName } = readState();
  await page.goto(`/clusters/${clusterName}`);
  await page.getByTestId("resource:WebService1").click();
  const panel = page.getByTestId("resource-details");
  await expect(panel).toHaveAttribute("data-resource", "WebService1");
  await expect(panel.getByTestId("details-operations")).toContainText("monitor");
  await expect(panel.getByTestId("details-constraints")).toContainText("prefers node2");
  await page.screenshot({ path: shot("cluster-details"), fullPage: false });
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
});

test("by-node view: one column per node, promoted instance marked", async ({ page }) => {
  const { clusterName } = readState();
  await page.goto(`/clusters/${clusterName}/nodes`);
  for (const n of ["node2", "node3", "node4"]) await expect(page.getByTestId(`column:${n}`)).toBeVisible();
  await expect(page.getByTestId("column:stopped")).toBeVisible();
  await expect(page.locator('[data-test="card:pgsql-clone"][data-promoted="true"]')).toHaveCount(1);
  await expect(page.locator('[data-test="card:ping-clone"]')).toHaveCount(3);
  for (const r of ["WebService1", "WebService2", "WebService3", "balanceGroup"]) {
    await expect(page.getByTestId(`card:${r}`)).toHaveCount(1);
  }
  await page.screenshot({ path: shot("by-node"), fullPage: true });
});

test("node attributes view: pgsql-status per node, permanent and transient", async ({ page }) => {
  const { clusterName } = readState();
  await page.goto(`/clusters/${clusterName}/attributes`);
  for (const n of ["node2", "node3", "node4"]) {
    await expect(page.getByTestId(`attr:${n}:pgsql-status`)).not.toHaveAttribute("data-value", "");
  }
  await expect(page.getByTestId("attr-col:pingd")).toBeVisible();
  await page.screenshot({ path: shot("attributes"), fullPage: true });
});

test("first paint comes from the snapshot and is shown live, never greyed while the stream connects", async ({ page }) => {
  const { clusterName } = readState();
  // Record, from the first byte of the page on, whether the overview ever appears not live.
  await page.addInitScript(`(() => {
    window.__overviewStates = [];
    new MutationObserver(() => {
      const el = document.querySelector('[data-test="cluster-overview"]');
      const v = el && el.getAttribute("data-live");
      if (v !== null && v !== undefined && window.__overviewStates[window.__overviewStates.length - 1] !== v) window.__overviewStates.push(v);
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-live"] });
  })()`);
  await page.goto(`/clusters/${clusterName}`);
  await expect(page.getByTestId("freshness")).toHaveAttribute("data-state", "live");
  await expect(page.getByTestId("resource:WebService1")).toBeVisible();
  expect(await page.evaluate("window.__overviewStates")).toEqual(["true"]);
  // The page's own request brought the status; the stream then carried no second full state.
  const snapshots = await page.evaluate(`performance.getEntriesByType("resource").filter((e) => e.name.includes("/snapshot")).length`);
  expect(snapshots).toBe(1);
});
