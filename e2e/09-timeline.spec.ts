import { expect, test, type Page } from "@playwright/test";
import { expectNoReload, login, markNoReload, pacemaker, shot } from "./support/helpers";
import { readState } from "./support/state";

/**
 * The cluster timeline on the real demo: a change made underneath with Pacemaker's own tools
 * (crm_attribute on the demo CIB; the sim agents settle it with crm_simulate, so resources really
 * move) shows up as events in the table and on the plot without a reload, and a user action made
 * through the console lands on the same axis, in the user-actions lane.
 */

const rowOf = (page: Page, kind: string, subject?: string) =>
  page.getByTestId("timeline-table").locator(`[data-test="timeline-row"][data-kind="${kind}"]${subject !== undefined ? `[data-subject="${subject}"]` : ""}`);
const markOf = (page: Page, kind: string) => page.getByTestId("timeline-plot").locator(`[data-test="timeline-mark"][data-kind="${kind}"]`);

/** A change through the console's own tRPC endpoint, from the page (same origin, the user's session). */
async function standbyThroughConsole(page: Page, cluster: string, node: string, on: boolean): Promise<number> {
  return page.evaluate(
    async ({ cluster, node, on }) => {
      const res = await fetch("/api/trpc/nodes.standby", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: { cluster, node, on } }),
      });
      return res.status;
    },
    { cluster, node, on },
  );
}

test.afterEach(async () => {
  // Whatever happened above, node3 leaves standby (forever and reboot lifetimes both).
  await pacemaker("crm_attribute", ["-N", "node3", "-n", "standby", "-D"]).catch(() => {});
  await pacemaker("crm_attribute", ["-N", "node3", "-n", "standby", "-D", "-l", "reboot"]).catch(() => {});
});

test("a standby made with crm_attribute appears on the timeline, and a console action on the same axis", async ({ page }) => {
  test.setTimeout(90_000);
  const { clusterName } = readState();
  await login(page, "operator");
  await page.goto(`/clusters/${clusterName}`);
  await page.getByTestId("tab-timeline").click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${clusterName}/timeline$`));
  await expect(page.getByTestId("freshness")).toHaveAttribute("data-state", "live");
  await expect(page.getByTestId("range-1h")).toHaveAttribute("aria-pressed", "true");
  await markNoReload(page);

  // Earlier specs of the suite may have put node3 in standby within this hour: this test's event is
  // the one row that was not there before the change.
  await expect(page.getByTestId("timeline")).toHaveAttribute("data-loading", "false");
  const idsBefore = new Set(await rowOf(page, "node.standby.on", "node3").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-id"))));

  // Underneath the console: node3 to standby with Pacemaker's own tool.
  await pacemaker("crm_attribute", ["-N", "node3", "-n", "standby", "-v", "on"]);
  await expect(rowOf(page, "node.standby.on", "node3")).toHaveCount(idsBefore.size + 1, { timeout: 20_000 });
  const newId = (await rowOf(page, "node.standby.on", "node3").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-id")))).find(
    (id) => !idsBefore.has(id),
  );
  const standbyRow = page.getByTestId("timeline-table").locator(`[data-test="timeline-row"][data-id="${newId}"]`);
  await expect(standbyRow.getByTestId("timeline-message")).toHaveText("node3 is in standby");
  // The cluster (crm_simulate) moved what ran there; the events say where to, and why.
  const moved = rowOf(page, "resource.moved");
  await expect(moved.first()).toBeVisible({ timeout: 20_000 });
  await expect(moved.first().getByTestId("timeline-message")).toContainText("(node3 is in standby)");
  const standbyMark = page.getByTestId("timeline-plot").locator(`[data-test="timeline-mark"][data-id="${newId}"]`);
  await expect(standbyMark).toHaveCount(1);
  await expect(standbyMark).toHaveAttribute("data-kind", "node.standby.on");
  expect(await markOf(page, "resource.moved").count()).toBeGreaterThan(0);
  await expect(page.getByTestId("legend:node.standby.on")).toBeVisible();
  await expectNoReload(page);

  // The plot's mark says what it is on hover.
  await standbyMark.hover();
  await expect(page.getByTestId("timeline-tooltip")).toContainText("node3 is in standby");

  // A user action through the console: its audit row lands in the user-actions lane, and the
  // cluster's answer (standby off, resources back) in the lanes above it.
  const actions = page.getByTestId("timeline-table").locator('[data-test="timeline-row"][data-kind="action"][data-subject="node3"]');
  const ids = (l: typeof actions) => l.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-id")));
  const actionsBefore = new Set(await ids(actions));
  const offBefore = new Set(await ids(rowOf(page, "node.standby.off", "node3")));
  expect(await standbyThroughConsole(page, clusterName, "node3", false)).toBe(200);
  await expect(actions).toHaveCount(actionsBefore.size + 1, { timeout: 20_000 });
  const actionId = (await ids(actions)).find((id) => !actionsBefore.has(id));
  const action = page.getByTestId("timeline-table").locator(`[data-test="timeline-row"][data-id="${actionId}"]`);
  await expect(action).toHaveAttribute("data-status", "ok");
  await expect(action.getByTestId("timeline-message")).toContainText("operator (operator) cluster.node.standby node3");
  const actionMark = page.getByTestId("timeline-plot").locator(`[data-test="timeline-mark"][data-id="${actionId}"]`);
  await expect(actionMark).toHaveCount(1);
  await expect(actionMark).toHaveAttribute("data-kind", "action");
  await expect(rowOf(page, "node.standby.off", "node3")).toHaveCount(offBefore.size + 1, { timeout: 20_000 });
  await expectNoReload(page);

  // Zoomed into the last two minutes (still live): cause and effect side by side.
  await page.getByTestId("range-15m").click();
  for (let i = 0; i < 3; i++) await page.getByTestId("zoom-in").click();
  await expect(page.getByTestId("timeline-range")).toContainText("now");
  await expect(actionMark).toHaveCount(1);
  await actionMark.hover();
  await expect(page.getByTestId("timeline-tooltip")).toContainText("cluster.node.standby");
  await page.screenshot({ path: shot("timeline-1440"), fullPage: true });

  // Keyboard: a row takes focus and rings its mark on the plot.
  await standbyRow.focus();
  await expect(page.getByTestId("timeline-plot").locator("circle[r='11']")).toHaveCount(1);

  // Hiding a kind in the legend hides it from plot and table alike.
  await page.getByTestId("legend:node.standby.on").click();
  await expect(page.getByTestId("legend:node.standby.on")).toHaveAttribute("aria-pressed", "false");
  await expect(rowOf(page, "node.standby.on")).toHaveCount(0);
  await expect(markOf(page, "node.standby.on")).toHaveCount(0);
  await page.getByTestId("legend:node.standby.on").click();
  await expect(standbyRow).toBeVisible();

  // The phone layout.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(standbyMark).toHaveCount(1);
  await expect(standbyMark).toHaveAttribute("data-kind", "node.standby.on");
  await page.screenshot({ path: shot("timeline-390"), fullPage: true });
  // The timeline itself fits the phone's width (plot, legend and table; the table's message moves
  // under its kind instead of into a column off screen).
  for (const part of ["timeline-plot-section", "timeline-table"]) {
    const box = await page.getByTestId(part).boundingBox();
    expect(box, part).not.toBeNull();
    expect(box!.x + box!.width, part).toBeLessThanOrEqual(390);
  }
  const table = page.getByTestId("timeline-table").locator("table");
  expect(await table.evaluate((t) => t.scrollWidth <= (t.parentElement?.clientWidth ?? 0))).toBe(true);
});

test("ranges: presets, zoom, and a custom range with a clear message for bad input", async ({ page }) => {
  const { clusterName } = readState();
  await login(page, "viewer");
  await page.goto(`/clusters/${clusterName}/timeline`);
  await expect(page.getByTestId("timeline")).toBeVisible();
  await page.getByTestId("range-15m").click();
  await expect(page.getByTestId("range-15m")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("timeline-range")).toContainText("now");
  // Zooming a live range keeps it live (ending now); going earlier fixes it, later makes it live again.
  await page.getByTestId("zoom-in").click();
  await expect(page.getByTestId("range-15m")).toHaveAttribute("aria-pressed", "false");
  await expect(page.getByTestId("timeline-range")).toContainText("now");
  await expect(page.getByTestId("pan-later")).toBeDisabled();
  await page.getByTestId("pan-earlier").click();
  await expect(page.getByTestId("timeline-range")).not.toContainText("now");
  await page.getByTestId("pan-later").click();
  await expect(page.getByTestId("timeline-range")).toContainText("now");
  await page.getByTestId("zoom-out").click();
  await expect(page.getByTestId("range-15m")).toHaveAttribute("aria-pressed", "true");
  await page.getByTestId("range-custom").click();
  await page.getByTestId("custom-from").fill("2026-01-02T10:00");
  await page.getByTestId("custom-to").fill("2026-01-01T10:00");
  await page.getByTestId("custom-apply").click();
  await expect(page.getByTestId("custom-error")).toHaveText("To must be at least a minute after From.");
  await page.getByTestId("custom-to").fill("2026-01-03T10:00");
  await page.getByTestId("custom-apply").click();
  await expect(page.getByTestId("custom-error")).toHaveCount(0);
  await expect(page.getByTestId("timeline-range")).toHaveText("2026-01-02 10:00:00 – 2026-01-03 10:00:00");
  await expect(page.getByTestId("timeline-empty")).toHaveText("No cluster events or user actions in this range.");
  await page.getByTestId("range-7d").click();
  await expect(page.getByTestId("timeline-range")).toContainText("now");
  // A NOC wall is usually dark: the theme's colours carry over to the plot.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: shot("timeline-dark"), fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });
  // Dragging across the plot with the mouse zooms into what was dragged over.
  const plot = await page.getByTestId("timeline-plot").boundingBox();
  if (!plot) throw new Error("no plot");
  const y = plot.y + plot.height / 2;
  await page.mouse.move(plot.x + plot.width * 0.5, y);
  await page.mouse.down();
  await page.mouse.move(plot.x + plot.width * 0.7, y, { steps: 5 });
  await expect(page.getByTestId("timeline-selection")).toBeVisible();
  await page.mouse.up();
  await expect(page.getByTestId("range-7d")).toHaveAttribute("aria-pressed", "false");
  await expect(page.getByTestId("timeline-range")).not.toContainText("now");
});
