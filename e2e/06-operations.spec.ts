/**
 * Operating the demo cluster from the browser: every change through the console's controls, the
 * agent running the real Pacemaker tools on the demo CIB, and the page showing what the cluster
 * really did. No mock anywhere: a failure is injected with crm_simulate on the demo's CIB file.
 */
import { execFile } from "node:child_process";
import { rename } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { login, pacemaker, shot } from "./support/helpers";
import { readState } from "./support/state";

const CHANGE = 30_000;

async function openCluster(page: Page, tab = ""): Promise<void> {
  const { clusterName } = readState();
  await page.goto(`/clusters/${clusterName}${tab}`);
  await expect(page.getByTestId("freshness")).toHaveAttribute("data-state", "live");
}

/** The newest outcome, once the change it reports is finished. */
function lastOutcome(page: Page): Locator {
  return page.getByTestId("outcome").first();
}

async function confirm(page: Page, action: string): Promise<void> {
  const dialog = page.getByTestId(`confirm:${action}`);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("confirm-commands")).not.toBeEmpty();
  await dialog.getByTestId("confirm-ok").click();
  await expect(dialog).toBeHidden();
}

/** crm_simulate with an injected operation result, on the demo's CIB file, as make-fixtures.sh does it. */
function injectFailure(op: string): Promise<void> {
  const { cibFile } = readState();
  const tmp = `${cibFile}.e2e-inject`;
  return new Promise((resolve, reject) => {
    execFile("crm_simulate", ["-x", cibFile, "-q", "true", "-i", op, "-S", "-O", tmp], { timeout: 30_000 }, (err, _out, stderr) => {
      if (err) reject(new Error(`crm_simulate -i ${op}: ${stderr || err.message}`));
      else rename(tmp, cibFile).then(resolve, reject);
    });
  });
}

test.describe("as operator", () => {
  test.beforeEach(async ({ page }) => {
    await login(page, "operator");
  });

  test("standby a node, see its tile say standby, then online again", async ({ page }) => {
    await openCluster(page);
    const tile = page.getByTestId("node:node4");
    await expect(tile).toHaveAttribute("data-state", "online");
    const button = page.getByTestId("action:node.standby:node4");
    // The command is said before anything runs.
    await expect(button).toHaveAttribute("title", /crm_attribute --type=nodes --node=node4 --name=standby --update=on/);
    await button.click();
    const dialog = page.getByTestId("confirm:node.standby");
    await expect(dialog.getByTestId("confirm-commands")).toHaveText("crm_attribute --type=nodes --node=node4 --name=standby --update=on");
    await page.screenshot({ path: shot("ops-confirm-standby") });
    await confirm(page, "node.standby");
    await expect(tile).toHaveAttribute("data-state", "standby", { timeout: CHANGE });
    await expect(lastOutcome(page)).toHaveAttribute("data-state", "done", { timeout: CHANGE });
    await expect(lastOutcome(page).getByTestId("outcome-label")).toHaveText("put node4 in standby");
    await expect(tile.getByTestId("node-state")).toHaveText("standby");

    // Online: one click, no dialog.
    await page.getByTestId("action:node.standby:node4").click();
    await expect(page.getByTestId("confirm:node.standby")).toBeHidden();
    await expect(tile).toHaveAttribute("data-state", "online", { timeout: CHANGE });
    await expect(lastOutcome(page)).toHaveAttribute("data-state", "done", { timeout: CHANGE });
    await expect(lastOutcome(page).getByTestId("outcome-label")).toHaveText("bring node4 online (standby off)");
  });

  test("clean up a failed resource: the failure and its fail count go away", async ({ page }) => {
    await openCluster(page);
    const where = (await page.getByTestId("resource:WebService2").getByTestId("nodes").textContent())?.trim() ?? "";
    expect(where).toMatch(/^node\d$/);
    await injectFailure(`WebService2_monitor_30000@${where}=7`);
    const failcount = page.getByTestId(`failcount:WebService2@${where}`);
    const failure = page.getByTestId(`failure:WebService2_monitor_30000@${where}`);
    await expect(failcount).toBeVisible({ timeout: CHANGE });
    await expect(failure).toBeVisible();
    await page.screenshot({ path: shot("ops-failure"), fullPage: true });

    const cleanup = page.getByTestId(`action:resource.cleanup:failcount:WebService2@${where}`);
    await expect(cleanup).toHaveAttribute("title", new RegExp(`crm_resource --cleanup --resource=WebService2 --node=${where}`));
    await cleanup.click();
    await expect(failcount).toHaveCount(0, { timeout: CHANGE });
    await expect(failure).toHaveCount(0);
    await expect(page.getByTestId("failcounts")).toContainText("No resource has failed.");
    await expect(lastOutcome(page)).toHaveAttribute("data-state", "done", { timeout: CHANGE });
  });

  test("cluster maintenance: one click, a banner on every page of the cluster and the dashboard, gone when off", async ({ page }) => {
    const { clusterName } = readState();
    await openCluster(page);
    await expect(page.getByTestId("maintenance-banner")).toHaveCount(0);
    await page.getByTestId("action:cluster.maintenance").click();
    await expect(page.getByTestId("maintenance-banner")).toBeVisible({ timeout: CHANGE });
    await expect(lastOutcome(page)).toHaveAttribute("data-state", "done", { timeout: CHANGE });
    await expect(page.getByTestId("option:maintenance-mode")).toContainText("true");
    await page.screenshot({ path: shot("ops-maintenance-banner"), fullPage: false });
    try {
      for (const tab of ["tab-nodes", "tab-attributes", "tab-overview"]) {
        await page.getByTestId(tab).click();
        await expect(page.getByTestId("maintenance-banner")).toBeVisible();
      }
      // A fresh load of another view shows it at first paint too.
      await openCluster(page, "/attributes");
      await expect(page.getByTestId("maintenance-banner")).toBeVisible();
      await page.goto("/");
      await expect(page.getByTestId(`cluster-card:${clusterName}`).getByTestId("card-maintenance")).toBeVisible({ timeout: CHANGE });
    } finally {
      await openCluster(page, "/nodes");
      await page.getByTestId("action:cluster.maintenance:banner").click();
    }
    await expect(page.getByTestId("maintenance-banner")).toHaveCount(0, { timeout: CHANGE });
    for (const tab of ["tab-attributes", "tab-overview"]) {
      await page.getByTestId(tab).click();
      await expect(page.getByTestId("cluster-name")).toBeVisible();
      await expect(page.getByTestId("maintenance-banner")).toHaveCount(0);
    }
    await expect(page.getByTestId("option:maintenance-mode")).toContainText("false");
    await page.goto("/");
    await expect(page.getByTestId(`cluster-card:${clusterName}`)).toBeVisible();
    await expect(page.getByTestId(`cluster-card:${clusterName}`).getByTestId("card-maintenance")).toHaveCount(0, { timeout: CHANGE });
  });

  test("set and delete a transient node attribute", async ({ page }) => {
    await openCluster(page, "/attributes");
    const name = `vigil-e2e-${Date.now() % 100000}`;
    await page.getByTestId("action:node.attribute.set:add").click();
    const editor = page.getByTestId("attribute-editor");
    await expect(editor).toBeVisible();
    await editor.getByTestId("attr-node").selectOption("node3");
    // A bad name is refused with a message before anything runs.
    await editor.getByTestId("attr-name").fill("-bad");
    await expect(editor.getByTestId("confirm-blocked")).toContainText('must not start with "-"');
    await expect(editor.getByTestId("confirm-ok")).toBeDisabled();
    await editor.getByTestId("attr-name").fill(name);
    await editor.getByTestId("attr-value").fill("hello");
    await expect(editor.getByTestId("attr-lifetime:reboot")).toBeChecked();
    await expect(editor.getByTestId("confirm-commands")).toHaveText(`crm_attribute --node=node3 --name=${name} --update=hello --lifetime=reboot`);
    await editor.getByTestId("confirm-ok").click();
    const cell = page.getByTestId(`attr:node3:${name}`);
    await expect(cell).toHaveAttribute("data-value", "hello", { timeout: CHANGE });
    await expect(cell).toHaveAttribute("data-lifetime", "transient");
    await expect(lastOutcome(page)).toHaveAttribute("data-state", "done", { timeout: CHANGE });

    await page.getByTestId(`attr-edit:node3:${name}`).click();
    await expect(editor).toBeVisible();
    await editor.getByTestId("action:node.attribute.delete").click();
    await expect(page.getByTestId(`attr-col:${name}`)).toHaveCount(0, { timeout: CHANGE });
    await expect(lastOutcome(page)).toHaveAttribute("data-state", "done", { timeout: CHANGE });
    await expect(lastOutcome(page).getByTestId("outcome-label")).toHaveText(`delete the transient ${name} of node3`);
  });

  test("stop and start a resource from its details panel", async ({ page }) => {
    await openCluster(page);
    const row = page.getByTestId("resource:WebService3");
    await row.click();
    const panel = page.getByTestId("resource-details");
    await expect(panel).toHaveAttribute("data-resource", "WebService3");
    await panel.getByTestId("action:resource.stop:WebService3").click();
    await expect(page.getByTestId("confirm:resource.stop").getByTestId("confirm-commands")).toHaveText(
      "crm_resource --resource=WebService3 --meta --set-parameter=target-role --parameter-value=Stopped",
    );
    await page.screenshot({ path: shot("ops-confirm-stop") });
    await confirm(page, "resource.stop");
    await expect(row.getByTestId("state")).toHaveAttribute("data-state", /^Stopped/, { timeout: CHANGE });
    await expect(lastOutcome(page)).toHaveAttribute("data-state", "done", { timeout: CHANGE });
    const start = panel.getByTestId("action:resource.start:WebService3");
    await expect(start).toBeVisible();
    await start.click();
    await expect(row.getByTestId("state")).toHaveAttribute("data-state", "Started", { timeout: CHANGE });
    await expect(lastOutcome(page)).toHaveAttribute("data-state", "done", { timeout: CHANGE });
    await expect(panel.getByTestId("action:resource.stop:WebService3")).toBeVisible();
  });

  test("an invalid lifetime is refused with a clear message; a valid one is in the command", async ({ page }) => {
    await openCluster(page);
    await page.getByTestId("resource:WebService1").click();
    const panel = page.getByTestId("resource-details");
    await panel.getByTestId("place-lifetime").fill("1 hour");
    await expect(panel.getByTestId("place-lifetime-hint")).toContainText("not an ISO 8601 duration");
    await expect(panel.getByTestId("action:resource.move:WebService1")).toHaveAttribute("aria-disabled", "true");
    await panel.getByTestId("place-lifetime-preset:PT1H").click();
    await expect(panel.getByTestId("place-lifetime")).toHaveValue("PT1H");
    await expect(panel.getByTestId("place-lifetime-hint")).toContainText("expires after 1 hour");
    await expect(panel.getByTestId("action:resource.move:WebService1")).toHaveAttribute("title", /--lifetime=PT1H/);
    await expect(panel.getByTestId("action:resource.move:WebService1")).not.toHaveAttribute("aria-disabled", "true");
  });

  test("keyboard only: Tab to a node action, Enter, confirm with the keyboard; Esc cancels and returns focus", async ({ page }) => {
    await openCluster(page);
    const target = "action:node.maintenance:node3";
    await page.getByTestId("cluster-name").click();
    let found = false;
    for (let i = 0; i < 80 && !found; i++) {
      await page.keyboard.press("Tab");
      found = await page.evaluate((t) => document.activeElement?.getAttribute("data-test") === t, target);
    }
    expect(found, `Tab reaches ${target}`).toBe(true);
    // Esc closes the dialog and gives focus back to the button.
    await page.keyboard.press("Enter");
    const dialog = page.getByTestId("confirm:node.maintenance");
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId(target)).toBeFocused();
    // Now for real: Enter opens it, focus starts on the confirm button, Enter confirms.
    await page.keyboard.press("Enter");
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId("confirm-ok")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("node:node3")).toHaveAttribute("data-state", "maintenance", { timeout: CHANGE });
    await expect(lastOutcome(page)).toHaveAttribute("data-state", "done", { timeout: CHANGE });
    // The same button now ends it (one key press, no dialog).
    await page.getByTestId(target).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("node:node3")).toHaveAttribute("data-state", "online", { timeout: CHANGE });
  });

  test("move with a lifetime, ban, then clear both from Moves & bans", async ({ page }) => {
    await openCluster(page);
    const row = page.getByTestId("resource:WebService1");
    const from = (await row.getByTestId("nodes").textContent())?.trim() ?? "";
    const to = from === "node3" ? "node4" : "node3";
    await row.click();
    const panel = page.getByTestId("resource-details");
    await panel.getByTestId("place-node").selectOption(to);
    await panel.getByTestId("place-lifetime").fill("pt2h");
    await panel.getByTestId("action:resource.move:WebService1").click();
    await expect(page.getByTestId("confirm:resource.move").getByTestId("confirm-commands")).toHaveText(
      `crm_resource --move --resource=WebService1 --node=${to} --lifetime=PT2H`,
    );
    await confirm(page, "resource.move");
    try {
      await expect(row.getByTestId("nodes")).toHaveText(to, { timeout: CHANGE });
      await expect(lastOutcome(page)).toHaveAttribute("data-state", "done", { timeout: CHANGE });
      await expect(page.getByTestId("constraint:cli-prefer-WebService1")).toContainText(`moved to ${to}`);
      // Ban it from where it came from, too (no lifetime).
      await panel.getByTestId("place-node").selectOption(from);
      await panel.getByTestId("place-lifetime-preset:none").click();
      await panel.getByTestId("action:resource.ban:WebService1").click();
      await confirm(page, "resource.ban");
      await expect(page.getByTestId(`constraint:cli-ban-WebService1-on-${from}`)).toBeVisible({ timeout: CHANGE });
      await expect(panel.getByTestId("action:resource.clear:WebService1")).toContainText("(2)");
    } finally {
      await page.getByTestId("details-close").click();
      await page.getByTestId("constraint:cli-prefer-WebService1").getByTestId("action:resource.clear:cli-prefer-WebService1").click();
      await expect(page.getByTestId("constraint:cli-prefer-WebService1")).toHaveCount(0, { timeout: CHANGE });
      await page.getByTestId(`action:resource.clear:cli-ban-WebService1-on-${from}`).click();
      await expect(page.getByTestId(`constraint:cli-ban-WebService1-on-${from}`)).toHaveCount(0, { timeout: CHANGE });
    }
    await expect(page.getByTestId("moves-bans")).toContainText("No move or ban constraints.");
    await expect(lastOutcome(page)).toHaveAttribute("data-state", "done", { timeout: CHANGE });
  });

  test("demote and promote the promotable clone", async ({ page }) => {
    await openCluster(page);
    const roles = page.getByTestId("resource:pgsql-clone").getByTestId("clone-roles");
    await expect(roles.getByTestId("role:Promoted")).toBeVisible();
    await page.getByTestId("resource:pgsql-clone").click();
    const panel = page.getByTestId("resource-details");
    await panel.getByTestId("action:resource.demote:pgsql-clone").click();
    await confirm(page, "resource.demote");
    try {
      await expect(roles.getByTestId("role:Promoted")).toHaveCount(0, { timeout: CHANGE });
      await expect(lastOutcome(page)).toHaveAttribute("data-state", "done", { timeout: CHANGE });
    } finally {
      await panel.getByTestId("action:resource.promote:pgsql-clone").click();
    }
    await expect(roles.getByTestId("role:Promoted")).toBeVisible({ timeout: CHANGE });
    await expect(lastOutcome(page)).toHaveAttribute("data-state", "done", { timeout: CHANGE });
    await expect(lastOutcome(page).getByTestId("outcome-label")).toHaveText("promote pgsql-clone");
  });

  test("fence is for admins: disabled for an operator, behind the typed node name for an admin", async ({ page }) => {
    await openCluster(page);
    await expect(page.getByTestId("action:node.fence:node4")).toHaveAttribute("title", "Needs the admin role (you are operator)");
    await expect(page.getByTestId("action:node.fence:node4")).toBeDisabled();
    await login(page, "admin");
    await openCluster(page);
    await page.getByTestId("action:node.fence:node4").click();
    const dialog = page.getByTestId("confirm:node.fence");
    await expect(dialog.getByTestId("confirm-commands")).toHaveText("stonith_admin --fence=node4");
    await expect(dialog.getByTestId("confirm-typed")).toBeFocused();
    await dialog.getByTestId("confirm-typed").fill("node3");
    await expect(dialog.getByTestId("confirm-ok")).toBeDisabled();
    await dialog.getByTestId("confirm-typed").fill("node4");
    await expect(dialog.getByTestId("confirm-ok")).toBeEnabled();
    // Not fenced here: the demo's later specs need node4. Cancel runs nothing.
    await dialog.getByTestId("confirm-cancel").click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("running-change")).toHaveCount(0);
    await expect(page.getByTestId("node:node4")).toHaveAttribute("data-state", "online");
  });

  test("tickets: revoke, grant, standby and activate with crm_ticket", async ({ page }) => {
    // The demo has no ticket: one granted with crm_ticket, as booth or an admin would.
    await pacemaker("crm_ticket", ["--ticket=e2e-ticket", "--grant", "--force"]);
    try {
      await openCluster(page);
      const row = page.getByTestId("ticket:e2e-ticket");
      await expect(row).toContainText("granted", { timeout: CHANGE });
      await row.getByTestId("action:ticket.revoke:e2e-ticket").click();
      await expect(page.getByTestId("confirm:ticket.revoke").getByTestId("confirm-commands")).toHaveText("crm_ticket --ticket=e2e-ticket --revoke --force");
      await confirm(page, "ticket.revoke");
      await expect(row).toContainText("revoked", { timeout: CHANGE });
      await expect(lastOutcome(page)).toHaveAttribute("data-state", "done", { timeout: CHANGE });
      await row.getByTestId("action:ticket.grant:e2e-ticket").click();
      await expect(row).toContainText("granted", { timeout: CHANGE });
      await row.getByTestId("action:ticket.standby:e2e-ticket").click();
      await confirm(page, "ticket.standby");
      await expect(row).toContainText("(standby)", { timeout: CHANGE });
      await row.getByTestId("action:ticket.activate:e2e-ticket").click();
      await expect(row).not.toContainText("(standby)", { timeout: CHANGE });
      await expect(lastOutcome(page)).toHaveAttribute("data-state", "done", { timeout: CHANGE });
    } finally {
      await pacemaker("crm_ticket", ["--ticket=e2e-ticket", "--cleanup", "--force"]).catch(() => undefined);
    }
  });

  test("stop-all and start-all, each behind the cluster's name typed to confirm", async ({ page }) => {
    const { clusterName } = readState();
    await openCluster(page);
    await page.getByTestId("action:cluster.stopAll").click();
    const dialog = page.getByTestId("confirm:cluster.stopAll");
    await expect(dialog.getByTestId("confirm-commands")).toHaveText("crm_attribute --type=crm_config --name=stop-all-resources --update=true");
    await expect(dialog.getByTestId("confirm-typed")).toBeFocused();
    await expect(dialog.getByTestId("confirm-ok")).toBeDisabled();
    await dialog.getByTestId("confirm-typed").fill(`${clusterName}x`);
    await expect(dialog.getByTestId("confirm-ok")).toBeDisabled();
    await dialog.getByTestId("confirm-typed").fill(clusterName);
    await page.screenshot({ path: shot("ops-confirm-stop-all") });
    await dialog.getByTestId("confirm-ok").click();
    try {
      await expect(page.getByTestId("stop-all-banner")).toBeVisible({ timeout: CHANGE });
      await expect(page.getByTestId("stat-resources")).toContainText("0 / ", { timeout: CHANGE });
      await expect(lastOutcome(page)).toHaveAttribute("data-state", "done", { timeout: CHANGE });
    } finally {
      await page.getByTestId("action:cluster.stopAll").click();
      await page.getByTestId("confirm:cluster.stopAll").getByTestId("confirm-typed").fill(clusterName);
      await page.getByTestId("confirm:cluster.stopAll").getByTestId("confirm-ok").click();
    }
    await expect(page.getByTestId("stop-all-banner")).toHaveCount(0, { timeout: CHANGE });
    await expect(page.getByTestId("stat-resources")).toContainText("12 / 12", { timeout: CHANGE });
  });

  test("screenshots: the cluster page with its controls at 1440×900 and 390×844", async ({ page }) => {
    await openCluster(page);
    await page.screenshot({ path: shot("ops-cluster-1440"), fullPage: true });
    await page.getByTestId("resource:pgsql-clone").click();
    await expect(page.getByTestId("details-actions")).toBeVisible();
    await page.screenshot({ path: shot("ops-details-1440") });
    await page.keyboard.press("Escape");
    // The NOC wall is usually dark: controls and a danger dialog in the dark scheme.
    await page.emulateMedia({ colorScheme: "dark" });
    await page.getByTestId("action:cluster.stopAll").click();
    await expect(page.getByTestId("confirm:cluster.stopAll")).toBeVisible();
    await page.screenshot({ path: shot("ops-dark-1440") });
    await page.getByTestId("confirm:cluster.stopAll").getByTestId("confirm-cancel").click();
    await page.emulateMedia({ colorScheme: "light" });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(page.getByTestId("freshness")).toHaveAttribute("data-state", "live");
    await page.screenshot({ path: shot("ops-cluster-390"), fullPage: true });
    await page.getByTestId("action:node.standby:node2").click();
    await expect(page.getByTestId("confirm:node.standby")).toBeVisible();
    await page.screenshot({ path: shot("ops-confirm-390") });
    await page.getByTestId("confirm:node.standby").getByTestId("confirm-cancel").click();
    await page.getByTestId("resource:WebService1").click();
    await page.screenshot({ path: shot("ops-details-390") });
  });
});

test.describe("as viewer", () => {
  test.beforeEach(async ({ page }) => {
    await login(page, "viewer");
  });

  /** Every change control on the page is disabled and names the role it needs. */
  async function expectNoEnabledChange(page: Page, where: string): Promise<number> {
    const controls = page.locator('[data-test^="action:"], [data-action]');
    const n = await controls.count();
    for (let i = 0; i < n; i++) {
      const c = controls.nth(i);
      const test = await c.getAttribute("data-test");
      await expect(c, `${where}: ${test}`).toBeDisabled();
      await expect(c, `${where}: ${test}`).toHaveAttribute("title", /Needs the (operator|admin) role \(you are viewer\)/);
    }
    return n;
  }

  test("no enabled control changes anything, on any page", async ({ page }) => {
    await openCluster(page);
    const overview = await expectNoEnabledChange(page, "overview");
    // The controls are there (disabled), so this scan looks at something.
    expect(overview).toBeGreaterThan(8);
    await expect(page.getByTestId("action:node.standby:node2")).toHaveAttribute("title", "Needs the operator role (you are viewer)");
    await expect(page.getByTestId("action:node.fence:node2")).toHaveAttribute("title", "Needs the admin role (you are viewer)");
    // A click on a disabled control opens nothing and changes nothing.
    await page.getByTestId("action:node.standby:node2").click({ force: true });
    await expect(page.getByTestId("confirm:node.standby")).toBeHidden();
    await page.getByTestId("action:cluster.maintenance").click({ force: true });
    await expect(page.getByTestId("running-change")).toHaveCount(0);
    await expect(page.getByTestId("outcome")).toHaveCount(0);

    for (const id of ["WebService1", "pgsql-clone", "balanceGroup"]) {
      await page.getByTestId(`resource:${id}`).click();
      await expect(page.getByTestId("resource-details")).toHaveAttribute("data-resource", id);
      expect(await expectNoEnabledChange(page, `details ${id}`)).toBeGreaterThan(overview);
      await page.getByTestId("details-close").click();
    }
    await page.getByTestId("tab-nodes").click();
    await expect(page.getByTestId("column:node2")).toBeVisible();
    await expectNoEnabledChange(page, "by node");
    await page.getByTestId("tab-attributes").click();
    await expect(page.getByTestId("attribute-table")).toBeVisible();
    expect(await expectNoEnabledChange(page, "attributes")).toBeGreaterThan(2);
    // The attribute cells offer no edit at all to a viewer.
    await expect(page.locator('[data-test^="attr-edit:"]')).toHaveCount(0);
    await page.goto("/");
    await expect(page.getByTestId("cluster-cards")).toBeVisible();
    await expectNoEnabledChange(page, "dashboard");
  });
});

test.afterAll(async () => {
  // Leave the demo as the other specs expect it, whatever a failed test left behind.
  await pacemaker("crm_attribute", ["--type=crm_config", "--name=maintenance-mode", "--update=false"]).catch(() => undefined);
  await pacemaker("crm_attribute", ["--type=crm_config", "--name=stop-all-resources", "--update=false"]).catch(() => undefined);
  for (const n of ["node3", "node4"]) {
    await pacemaker("crm_attribute", ["--type=nodes", `--node=${n}`, "--name=standby", "--update=off"]).catch(() => undefined);
    await pacemaker("crm_attribute", ["--type=nodes", `--node=${n}`, "--name=maintenance", "--update=false"]).catch(() => undefined);
  }
  await pacemaker("crm_resource", ["--resource=WebService3", "--meta", "--set-parameter=target-role", "--parameter-value=Started"]).catch(() => undefined);
});
