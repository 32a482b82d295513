/**
 * The audit history on the real demo: an operator's change (standby through the node tile's
 * control, carried out by the sim agent with Pacemaker's tools) is found on the audit page by its
 * words, filtered by outcome, exported as CSV; addresses are hidden from the operator and shown
 * to an admin; the node's own recent history links back to the page.
 */
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { login, shot } from "./support/helpers";
import { readState } from "./support/state";

const CHANGE = 30_000;
const NODE = "node3";
const LINE = `crm_attribute --type=nodes --node=${NODE} --name=standby --update=on`;

async function standbyAndBack(page: Page): Promise<void> {
  const { clusterName } = readState();
  await page.goto(`/clusters/${clusterName}`);
  await expect(page.getByTestId("freshness")).toHaveAttribute("data-state", "live");
  const tile = page.getByTestId(`node:${NODE}`);
  await expect(tile).toHaveAttribute("data-state", "online");
  await page.getByTestId(`action:node.standby:${NODE}`).click();
  const dialog = page.getByTestId("confirm:node.standby");
  await expect(dialog).toBeVisible();
  await dialog.getByTestId("confirm-ok").click();
  await expect(tile).toHaveAttribute("data-state", "standby", { timeout: CHANGE });
  await expect(page.getByTestId("outcome").first()).toHaveAttribute("data-state", "done", { timeout: CHANGE });
  // and back, so the demo is as it was for the other specs
  await page.getByTestId(`action:node.standby:${NODE}`).click();
  await expect(tile).toHaveAttribute("data-state", "online", { timeout: CHANGE });
}

async function downloadText(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(file, "utf8") };
}

test("operator: a change is in the audit history — found by search, filtered by outcome, exported; no addresses", async ({ page }) => {
  await login(page, "operator");
  await standbyAndBack(page);

  await page.getByTestId("nav-audit").click();
  await expect(page).toHaveURL(/\/audit$/);
  await page.getByTestId("audit-q").fill(`${NODE} standby`);
  await page.getByTestId("audit-apply").click();
  await expect(page).toHaveURL(new RegExp(`q=${NODE}\\+standby`));
  const rows = page.getByTestId("audit-table").getByTestId("audit-row");
  const standby = rows.filter({ has: page.getByText(LINE, { exact: true }) }).first();
  await expect(standby).toBeVisible();
  await expect(standby).toHaveAttribute("data-action", "cluster.node.standby");
  await expect(standby).toHaveAttribute("data-status", "ok");
  await expect(standby).toContainText("operator");
  await expect(standby.getByTestId("audit-outcome")).toHaveText("ok");
  await expect(standby.getByTestId("audit-target")).toHaveAttribute("href", new RegExp(`/clusters/[^/?]+\\?node=${NODE}$`));
  // No address anywhere for an operator (the server sends none).
  await expect(page.getByTestId("audit-address-header")).toHaveCount(0);
  await expect(page.getByTestId("audit-address")).toHaveCount(0);

  // The exact request behind the row.
  await standby.getByTestId("audit-expand").click();
  await expect(page.getByTestId("audit-details").first().getByTestId("audit-params")).toContainText(`"node": "${NODE}"`);
  await page.screenshot({ path: shot("audit-operator-1440"), fullPage: true });

  // Outcome filter: only refusals — the ok rows go; back to ok — they come back.
  await page.getByTestId("audit-outcome-denied").check();
  await expect(page).toHaveURL(/status=denied/);
  await expect(rows.filter({ has: page.getByText(LINE, { exact: true }) })).toHaveCount(0);
  for (const r of await rows.all()) await expect(r).toHaveAttribute("data-status", "denied");
  await page.getByTestId("audit-outcome-denied").uncheck();
  await page.getByTestId("audit-outcome-ok").check();
  await expect(page).toHaveURL(/status=ok/);
  await expect(rows.filter({ has: page.getByText(LINE, { exact: true }) }).first()).toBeVisible();
  for (const r of await rows.all()) await expect(r).toHaveAttribute("data-status", "ok");

  // CSV of what the filter selects: the standby row, no address column.
  const csv = await downloadText(page, "audit-export-csv");
  expect(csv.name).toMatch(/^vigil-audit-.*\.csv$/);
  const [header, ...lines] = csv.text.trim().split("\r\n");
  expect(header).toBe("time,user,role,cluster,action,target_kind,target,outcome,message,commands,epoch_before,epoch_after,duration_ms,params,summary,id");
  expect(lines.some((l) => l.includes(`operator,operator,${readState().clusterName},cluster.node.standby,node,${NODE},ok,`) && l.includes(LINE))).toBe(true);
  expect(lines.every((l) => /,ok,/.test(l))).toBe(true);
  expect(csv.text).not.toContain("127.0.0.1");
});

test("operator: the node's recent history lists the change and links to the filtered page", async ({ page }) => {
  await login(page, "operator");
  const { clusterName } = readState();
  await page.goto(`/clusters/${clusterName}`);
  const history = page.getByTestId(`node:${NODE}`).getByTestId("node-history");
  await history.locator("summary").click();
  await expect(history.getByTestId("recent-history-row").first()).toBeVisible();
  await expect(history.getByTestId("recent-history-row").first()).toContainText("node.standby");
  await history.getByTestId("recent-history-all").click();
  await expect(page).toHaveURL(new RegExp(`/audit\\?cluster=${clusterName}&targetKind=node&target=${NODE}$`));
  await expect(page.getByTestId("audit-target-kind")).toHaveValue("node");
  const rows = page.getByTestId("audit-table").getByTestId("audit-row");
  await expect(rows.first()).toBeVisible();
  for (const r of await rows.all()) await expect(r.getByTestId("audit-target")).toHaveText(NODE);

  // A resource's details drawer has its recent history too, linking to the page filtered to it.
  await page.goto(`/clusters/${clusterName}`);
  await page.getByTestId("resource:WebService1").click();
  const drawer = page.getByTestId("resource-details").getByTestId("recent-history");
  await expect(drawer).toBeVisible();
  await expect(drawer.getByTestId("recent-history-all")).toHaveAttribute("href", `/audit?cluster=${clusterName}&targetKind=resource&target=WebService1`);
  await expect(drawer).not.toContainText("Loading…");
  await page.screenshot({ path: shot("audit-resource-drawer") });

  // The links land on what they name: ?resource= opens the drawer (and closing it drops the
  // parameter), ?node= lists that node's resources.
  await expect(page).toHaveURL(/[?&]resource=WebService1\b/);
  await page.goto(`/clusters/${clusterName}?resource=WebService2`);
  await expect(page.getByTestId("resource-details")).toContainText("WebService2");
  await page.getByTestId("details-close").click();
  await expect(page.getByTestId("resource-details")).toHaveCount(0);
  await expect(page).not.toHaveURL(/resource=/);
  await page.goto(`/clusters/${clusterName}?node=${NODE}`);
  await expect(page.getByTestId(`node-filter:${NODE}`)).toHaveAttribute("aria-pressed", "true");
});

test("admin: addresses shown in the page and the export", async ({ page }) => {
  await login(page, "admin");
  await page.goto(`/audit?q=${NODE}+standby&status=ok`);
  await expect(page.getByTestId("audit-address-header")).toBeVisible();
  const first = page.getByTestId("audit-table").getByTestId("audit-row").first();
  await expect(first.getByTestId("audit-address")).toHaveText(/^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1|local)$/);
  const csv = await downloadText(page, "audit-export-csv");
  const header = csv.text.split("\r\n")[0]!;
  expect(header.split(",")).toContain("address");
  const json = JSON.parse((await downloadText(page, "audit-export-json")).text) as { action: string; address?: string; commands: string[] }[];
  expect(json.length).toBeGreaterThan(0);
  expect(json.every((r) => typeof r.address === "string")).toBe(true);
  expect(json.some((r) => r.action === "cluster.node.standby" && r.commands.includes(LINE))).toBe(true);
  await page.screenshot({ path: shot("audit-admin-1440"), fullPage: true });
});

test("admin: Load more pages through the history by cursor", async ({ page }) => {
  await login(page, "admin");
  // 55 audited changes that change nothing (enabling an enabled user), through the real API.
  for (let i = 0; i < 55; i++) {
    const res = await page.request.post("/api/trpc/users.enable", { data: { json: { username: "viewer" } } });
    expect(res.ok()).toBe(true);
  }
  await page.goto("/audit?action=users.enable&target=viewer&targetKind=user");
  const rows = page.getByTestId("audit-table").getByTestId("audit-row");
  await expect(rows).toHaveCount(50);
  await expect(page.getByTestId("audit-count")).toHaveText(/^50\+ rows/);
  await page.getByTestId("audit-more").focus();
  await page.keyboard.press("Enter");
  await expect(rows).toHaveCount(55);
  await expect(page.getByTestId("audit-more")).toHaveCount(0);
  await expect(page.getByTestId("audit-results")).toContainText("End of the history for this filter.");
  const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-id")));
  expect(new Set(ids).size).toBe(55);
});

test("the export needs a session: anonymous gets 401", async ({ request }) => {
  const res = await request.get("/api/audit/export?format=csv");
  expect(res.status()).toBe(401);
  expect(await res.json()).toEqual({ error: { code: "UNAUTHORIZED", message: "Please log in" } });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("cards instead of the wide table, filters and details usable", async ({ page }) => {
    await login(page, "admin");
    await page.goto(`/audit?q=${NODE}+standby`);
    const cards = page.getByTestId("audit-cards").getByTestId("audit-card");
    await expect(cards.first()).toBeVisible();
    await expect(page.getByTestId("audit-table")).toBeHidden();
    await cards.first().getByTestId("audit-expand").click();
    await expect(cards.first().getByTestId("audit-details")).toBeVisible();
    await page.screenshot({ path: shot("audit-admin-390"), fullPage: true });
    // nothing of the page wider than the screen (the message names what sticks out); the shared
    // top bar is measured by its own owners
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll("main *")]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && e.getClientRects().length > 0)
        .slice(0, 8)
        .map((e) => `${e.tagName.toLowerCase()}[${e.getAttribute("data-test") ?? e.className.toString().slice(0, 40)}] right=${Math.round(e.getBoundingClientRect().right)}`),
    );
    expect(wide, wide.join("\n")).toEqual([]);
    // the nav is in the menu
    await page.getByTestId("nav-menu").locator("summary").click();
    await expect(page.getByTestId("nav-audit-menu")).toBeVisible();
  });
});
