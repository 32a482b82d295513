/**
 * The Resources page and the pending-changes panel on the demo cluster (sim agents, the real
 * Pacemaker tools): an admin creates an IPaddr2 resource from the form its metadata builds, sees
 * the draft's summary, the predicted transition and a ghost card on the by-node board, commits,
 * sees it started and the commit in the audit history, then deletes it again through a draft (the
 * demo is left as it was). A viewer sees the resources and no control to change them.
 */
import { expect, test, type Page } from "@playwright/test";
import { drawEdge, login, shot } from "./support/helpers";
import { readState } from "./support/state";

const CHANGE = 45_000;

// A page error is a bug of the page: say it in the test's output rather than as a missing element.
test.beforeEach(({ page }) => {
  page.on("pageerror", (e) => console.log(`[pageerror] ${e.message}`));
});
const RSC = "e2e_ip";

async function open(page: Page, path = ""): Promise<void> {
  const { clusterName } = readState();
  await page.goto(`/clusters/${clusterName}${path}`);
  await expect(page.getByTestId("freshness")).toHaveAttribute("data-state", "live");
}

/** A draft left by an earlier, failed run is thrown away (through the panel) before a test starts. */
async function noDraft(page: Page): Promise<void> {
  const panel = page.getByTestId("draft-panel");
  // the draft query answers within a moment of the page going live
  const there = await panel.waitFor({ state: "attached", timeout: 4_000 }).then(
    () => true,
    () => false,
  );
  if (!there) return;
  await panel.getByTestId("draft-discard").click();
  await page.getByTestId("discard-dialog").getByTestId("discard-confirm").click();
  await expect(panel).toHaveCount(0);
}

/** Commits the open draft from the panel and waits for its outcome. */
async function commit(page: Page): Promise<void> {
  const panel = page.getByTestId("draft-panel");
  await panel.getByTestId("draft-commit").click();
  const dialog = page.getByTestId("commit-dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByTestId("commit-confirm").click();
  await expect(page.getByTestId("draft-outcome")).toBeVisible({ timeout: CHANGE });
  await expect(page.getByTestId("draft-panel")).toHaveCount(0);
}

test.describe("as admin", () => {
  test.describe.configure({ timeout: 240_000 });

  test("create an IPaddr2 resource from its metadata, preview, commit, see it run and audited, then delete it", async ({ page }) => {
    await login(page, "admin");
    await open(page, "/config");
    await expect(page.getByTestId("config-rsc:WebService1")).toBeVisible();
    await noDraft(page);

    // The agent: class → provider → searchable agent list.
    await page.getByTestId("resource-create").click();
    const picker = page.getByTestId("resource-form-agent");
    await picker.getByTestId("agent-class").selectOption("ocf");
    await picker.getByTestId("agent-provider").selectOption("heartbeat");
    await picker.getByTestId("agent-search").fill("IPaddr2");
    await expect(picker.getByTestId("agent-list").locator("option")).toHaveText(["IPaddr2"]);
    await picker.getByTestId("agent-list").selectOption("IPaddr2");
    await picker.getByTestId("agent-next").click();

    // The form from the metadata: ip first and required, cidr_netmask and its other parameters listed.
    const form = page.getByTestId("resource-form");
    await expect(form.getByTestId("resource-form-agent-name")).toHaveText("ocf:heartbeat:IPaddr2");
    const params = form.getByTestId("resource-params");
    await expect(params.locator("[data-test^='param-']").first()).toHaveAttribute("data-test", "param-ip");
    await expect(form.getByTestId("param-ip")).toHaveAttribute("data-required", "true");
    await expect(form.getByTestId("param-ip")).toContainText("unique");
    await expect(form.getByTestId("param-cidr_netmask")).toBeVisible();
    await expect(form.getByTestId("param-nic")).toBeVisible();
    // Operations prefilled from the metadata's actions.
    await expect(form.getByTestId("op-row").first().getByTestId("op-name")).toHaveValue("monitor");
    await expect(form.getByTestId("op-row").first().getByTestId("op-interval")).toHaveValue("10s");

    // Validation as the user types: a taken id, and the required ip on submit.
    await form.getByTestId("resource-id").fill("WebService1");
    await expect(form.getByTestId("error:id")).toHaveText("this id is already used in the configuration");
    await form.getByTestId("resource-id").fill(RSC);
    await expect(form.getByTestId("error:id")).toHaveCount(0);
    await form.getByTestId("resource-form-submit").click();
    await expect(form.getByTestId("error:params.0.value")).toHaveText("ip is required");
    await form.getByTestId("param-input-ip").fill("10.0.0.99");
    await expect(form.getByTestId("error:params.0.value")).toHaveCount(0);
    await form.getByTestId("param-input-cidr_netmask").fill("24");
    await page.screenshot({ path: shot("config-resource-form") });
    await form.getByTestId("resource-form-submit").click();
    await expect(form).toBeHidden();
    await expect(page.getByTestId("draft-panel").getByTestId("draft-count")).toHaveText("1 pending change");
    await expect(page.getByTestId(`config-rsc:${RSC}`).getByTestId("mark-added")).toBeVisible();

    // In the graph (the draft's resource is there before commit), draw a colocation from it onto WebService1.
    await open(page, "/config/graph");
    const from = page.getByTestId(`graph-node:${RSC}`);
    const onto = page.getByTestId("graph-node:WebService1");
    await expect(from).toBeVisible({ timeout: 20_000 });
    await drawEdge(page, from.locator(".react-flow__handle.source"), onto);
    await page.getByTestId("pair-chooser").getByTestId("choose-colocation").click();
    const colocation = page.getByTestId("constraint-form-colocation");
    await expect(colocation.getByTestId("colocation-rsc")).toHaveValue(RSC);
    await expect(colocation.getByTestId("colocation-with-rsc")).toHaveValue("WebService1");
    await colocation.getByTestId("constraint-save").click();
    await expect(colocation).toBeHidden();

    // The pending-changes panel: the summary, the predicted transition, crm_verify, the diff.
    const panel = page.getByTestId("draft-panel");
    await expect(panel.getByTestId("draft-count")).toHaveText("2 pending changes");
    await panel.getByTestId("draft-review").click();
    await expect(panel.getByTestId("draft-edit-summary")).toHaveText([`add primitive ${RSC} (ocf:heartbeat:IPaddr2)`, `colocation ${RSC} with WebService1 INFINITY`]);
    const start = panel.locator(`[data-test="transition-change"][data-resource="${RSC}"]`);
    await expect(start).toHaveAttribute("data-change", "start", { timeout: CHANGE });
    await expect(start).toHaveText(new RegExp(`^start ${RSC} on node\\d$`));
    await expect(panel.getByTestId("draft-findings")).toBeVisible();
    await expect(panel.getByTestId("diff-hunk").first()).toContainText(`<primitive id="${RSC}"`);
    await expect(panel.getByTestId("draft-patch")).toContainText(RSC);
    await page.screenshot({ path: shot("config-draft-panel"), fullPage: true });
    const node = ((await start.textContent()) ?? "").replace(/^.* on /, "");
    // the drawn colocation decides where: with WebService1 (node2 in the demo)
    expect(node).toBe("node2");

    // The ghost card on the by-node board, in the column of the node it would start on.
    await open(page, "/nodes");
    const ghost = page.getByTestId(`column:${node}`).locator(`[data-test="ghost-card"][data-resource="${RSC}"]`);
    await expect(ghost).toBeVisible({ timeout: CHANGE });
    await expect(ghost).toContainText("after commit: start");
    await page.screenshot({ path: shot("config-ghost-card") });

    // Commit; the status view shows it started; the audit history has the commit with its diff.
    await commit(page);
    // In-app navigation: the commit's outcome (with its audit link) stays in the panel's place.
    await page.getByTestId("tab-overview").click();
    await expect(page.getByTestId("draft-outcome")).toBeVisible();
    await expect(page.getByTestId(`resource:${RSC}`).getByTestId("state")).toHaveAttribute("data-state", "Started", { timeout: CHANGE });
    await page.getByTestId("draft-outcome-audit").click();
    await expect(page).toHaveURL(/\/audit\?.*action=cluster\.config\.commit/);
    const row = page.getByTestId("audit-table").locator('[data-test="audit-row"][data-action="cluster.config.commit"]').first();
    await expect(row).toHaveAttribute("data-status", "ok");
    await row.getByTestId("audit-expand").click();
    await expect(page.getByTestId("audit-edits").first()).toContainText(`add primitive ${RSC}`);
    await expect(page.getByTestId("audit-patch").first()).toContainText(RSC);
    await page.screenshot({ path: shot("config-commit-audit") });

    // Delete it again through a draft: the references are listed first (none), then committed.
    await open(page, "/config");
    await page.getByTestId(`config-rsc:${RSC}`).getByTestId("resource-delete").click();
    const del = page.getByTestId("resource-delete-dialog");
    // the drawn colocation names it: listed, and taken along
    await expect(del.getByTestId("resource-ref")).toHaveCount(1);
    await expect(del.getByTestId("resource-ref")).toContainText("WebService1");
    await del.getByTestId("resource-delete-confirm").click();
    await expect(page.getByTestId("draft-panel").getByTestId("draft-count")).toHaveText("1 pending change");
    await page.getByTestId("draft-review").click();
    await expect(page.getByTestId("draft-edit-summary")).toHaveText(`delete resource ${RSC} and its constraints`);
    await expect(page.locator(`[data-test="transition-change"][data-resource="${RSC}"]`)).toHaveAttribute("data-change", "stop", { timeout: CHANGE });
    await commit(page);
    await expect(page.getByTestId(`config-rsc:${RSC}`)).toHaveCount(0, { timeout: CHANGE });
    await open(page);
    await expect(page.getByTestId(`resource:${RSC}`)).toHaveCount(0, { timeout: CHANGE });
  });

  test("the referencing constraints are listed before a delete, Edit is prefilled, Discard asks, and the dialogs work by keyboard", async ({ page }) => {
    await login(page, "admin");
    await open(page, "/config");
    await noDraft(page);
    // Keyboard: open the create dialog, leave it with Escape; focus goes back to the button.
    const create = page.getByTestId("resource-create");
    await create.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("resource-form-agent")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("resource-form-agent")).toHaveCount(0);
    await expect(create).toBeFocused();

    // virtual_ip sits in balanceGroup; the demo's constraints name the group, not the member.
    await page.getByTestId("config-rsc:balanceGroup").getByTestId("resource-delete").first().click();
    const del = page.getByTestId("resource-delete-dialog");
    await expect(del.getByTestId("resource-ref").first()).toBeVisible();
    await expect(del.getByTestId("resource-delete-cancel")).toBeFocused();
    await page.screenshot({ path: shot("config-delete-refs") });
    await page.keyboard.press("Escape");
    await expect(del).toHaveCount(0);
    // Nothing was staged.
    await expect(page.getByTestId("draft-panel")).toHaveCount(0);

    // Edit: the same form, prefilled from the configuration; staged, then taken back and discarded.
    await page.getByTestId("config-rsc:WebService1").getByTestId("resource-edit").click();
    const form = page.getByTestId("resource-form");
    await expect(form.getByTestId("resource-form-agent-name")).toHaveText("ocf:heartbeat:apache");
    await expect(form.getByTestId("param-input-configfile")).toHaveValue("/etc/httpd/conf/httpd.conf");
    await expect(form.getByTestId("param-input-statusurl")).toHaveValue("http://127.0.0.1/server-status");
    await expect(form.getByTestId("op-row").first().getByTestId("op-interval")).toHaveValue("30s");
    await form.getByTestId("meta-add").click();
    await form.getByTestId("meta-name").fill("resource-stickiness");
    await expect(form.getByTestId("resource-meta")).toContainText("How much it prefers to stay where it runs");
    await form.getByTestId("meta-value").fill("50");
    await form.getByTestId("resource-form-submit").click();
    await expect(form).toBeHidden();
    const panel = page.getByTestId("draft-panel");
    await panel.getByTestId("draft-review").click();
    await expect(panel.getByTestId("draft-edit-summary")).toHaveText("change WebService1: parameters, meta attributes, operations");
    await expect(panel.getByTestId("diff-hunk").first()).toContainText('name="resource-stickiness" value="50"');
    await expect(panel.getByTestId("transition-none")).toBeVisible({ timeout: CHANGE });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: shot("config-draft-panel-phone"), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
    // Discard asks first; Cancel keeps the draft.
    await panel.getByTestId("draft-discard").click();
    await page.getByTestId("discard-dialog").getByTestId("discard-cancel").click();
    await expect(panel.getByTestId("draft-count")).toHaveText("1 pending change");
    await panel.getByTestId("draft-discard").click();
    await page.getByTestId("discard-dialog").getByTestId("discard-confirm").click();
    await expect(page.getByTestId("draft-panel")).toHaveCount(0);

    // Group members reorder by keyboard (move up / down), without staging.
    await page.getByTestId("config-rsc:balanceGroup").getByTestId("group-members").first().click();
    const group = page.getByTestId("group-dialog");
    const order = group.getByTestId("group-order");
    await expect(order.locator("li").first()).toHaveAttribute("data-test", "group-member:virtual_ip");
    await order.getByTestId("group-member:virtual_ip").getByTestId("group-member-down").focus();
    await page.keyboard.press("Enter");
    await expect(order.locator("li").first()).toHaveAttribute("data-test", "group-member:my_lvs");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: shot("config-group-phone") });
    await group.getByTestId("group-cancel").click();
    await expect(page.getByTestId("draft-panel")).toHaveCount(0);
  });
});

test("as viewer: the resources are shown with no control to change them and no pending-changes panel", async ({ page }) => {
  await login(page, "viewer");
  await open(page, "/config");
  await expect(page.getByTestId("config-rsc:WebService1")).toBeVisible();
  await expect(page.getByTestId("config-rsc:pgsql-clone")).toHaveAttribute("data-kind", "clone");
  await expect(page.getByTestId("config-rsc:balanceGroup").getByTestId("config-rsc:virtual_ip")).toBeVisible();
  await expect(page.getByTestId("resource-create")).toHaveCount(0);
  await expect(page.getByTestId("group-create")).toHaveCount(0);
  await expect(page.getByTestId("resource-actions")).toHaveCount(0);
  await expect(page.getByTestId("draft-panel")).toHaveCount(0);
  // The filter narrows the tree.
  await page.getByTestId("resources-filter").fill("apache");
  await expect(page.getByTestId("resource-tree").locator(":scope > li")).toHaveCount(3);
  await page.getByTestId("resources-filter").fill("");
  await page.screenshot({ path: shot("config-resources-viewer") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: shot("config-resources-viewer-phone"), fullPage: true });
  // ?edit= opens nothing for a viewer.
  const { clusterName } = readState();
  await page.goto(`/clusters/${clusterName}/config?edit=WebService1`);
  await expect(page.getByTestId("config-rsc:WebService1")).toBeVisible();
  await expect(page.getByTestId("resource-form")).toHaveCount(0);
});
