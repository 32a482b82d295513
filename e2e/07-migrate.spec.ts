/**
 * Drag-to-migrate and "Why is it here?" on the real demo: sim agents running Pacemaker's own tools
 * on the demo CIB, crm_simulate for the impact preview and the scores. A move is checked where the
 * cluster says it (crm_mon on the demo's CIB) and in the audit history, not only on the page.
 */
import { execFile } from "node:child_process";
import { rename } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { login, pacemaker, shot } from "./support/helpers";
import { readState } from "./support/state";

const CHANGE = 30_000;
const NODES = ["node2", "node3", "node4"];

async function openBoard(page: Page): Promise<void> {
  const { clusterName } = readState();
  await page.goto(`/clusters/${clusterName}/nodes`);
  await expect(page.getByTestId("freshness")).toHaveAttribute("data-state", "live");
}

/** Where crm_mon says a resource runs (the demo's CIB, read by Pacemaker's own tool). */
async function crmMonNodes(rsc: string): Promise<string[]> {
  const xml = await pacemaker("crm_mon", ["--one-shot", "--inactive", "--output-as=xml"]);
  // `<resource id=… />` when it runs nowhere, else its `<node name=…/>` children up to its own end tag
  const m = new RegExp(`<resource id="${rsc}"[^>]*?(/>|>([\\s\\S]*?)</resource>)`).exec(xml);
  if (!m) throw new Error(`crm_mon does not list ${rsc}`);
  const block = m[2] ?? "";
  return [...block.matchAll(/<node name="([^"]+)"/g)].map((m) => m[1]!);
}

/** The node column a (single-instance) card is in now. */
async function columnOf(page: Page, rsc: string): Promise<string> {
  const card = page.getByTestId(`card:${rsc}`);
  await expect(card).toHaveCount(1);
  return (await card.getAttribute("data-node")) ?? "";
}

function centre(box: { x: number; y: number; width: number; height: number }): { x: number; y: number } {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A mouse drag as dnd-kit needs it: press, a few small moves past the activation distance, then the way there in steps. */
async function mouseDrag(page: Page, from: Locator, to: Locator, beforeDrop?: () => Promise<void>): Promise<void> {
  const a = centre((await from.boundingBox())!);
  const target = (await to.boundingBox())!;
  const b = { x: target.x + target.width / 2, y: target.y + Math.min(140, target.height / 2) };
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(a.x + 8, a.y + 4, { steps: 4 });
  await page.mouse.move(b.x, b.y, { steps: 20 });
  await expect(to).toHaveAttribute("data-drop-over", "true");
  if (beforeDrop) await beforeDrop();
  await page.mouse.up();
}

async function auditRows(page: Page, action: string): Promise<{ target: string; status: string; username: string; params: Record<string, unknown>; commands: unknown[] }[]> {
  const input = encodeURIComponent(JSON.stringify({ json: { filter: { action }, limit: 20 } }));
  const res = await page.request.get(`/api/trpc/audit.list?input=${input}`);
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { result: { data: { json: { items: { target: string; status: string; username: string; params: Record<string, unknown>; commands: unknown[] }[] } } } };
  return body.result.data.json.items;
}

/** A failed operation injected with crm_simulate on the demo's CIB file (Pacemaker's own tool: no mock). */
function injectFailure(op: string): Promise<void> {
  const { cibFile } = readState();
  const tmp = `${cibFile}.e2e07-inject`;
  return new Promise((resolve, reject) => {
    execFile("crm_simulate", ["-x", cibFile, "-q", "true", "-i", op, "-S", "-O", tmp], { timeout: 30_000 }, (err, _out, stderr) => {
      if (err) reject(new Error(`crm_simulate -i ${op}: ${stderr || err.message}`));
      else rename(tmp, cibFile).then(resolve, reject);
    });
  });
}

/** The newest outcome of a change with this label, in the console's outcome area. */
function outcome(page: Page, label: string): Locator {
  return page.getByTestId("outcome").filter({ has: page.getByTestId("outcome-label").filter({ hasText: label }) }).first();
}

/** Tab until the element with this data-test has focus (the dialog's order is the page's). */
async function tabTo(page: Page, testId: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    if ((await page.evaluate(() => document.activeElement?.getAttribute("data-test") ?? "")) === testId) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${testId}`);
}

test.afterAll(async () => {
  // Leave the demo as it was found for whatever runs next: no move/ban constraint of ours.
  for (const rsc of ["WebService1", "WebService2"]) await pacemaker("crm_resource", ["--clear", `--resource=${rsc}`]).catch(() => undefined);
  await pacemaker("crm_resource", ["--resource=WebService2", "--meta", "--delete-parameter=target-role"]).catch(() => undefined);
  await pacemaker("cibadmin", ["--delete", "--xml-text", '<rsc_location id="e2e-avoid-WebService2"/>']).catch(() => undefined);
});

test("Why is it here? shows every node's score, with the location preferences in words", async ({ page }) => {
  await login(page, "operator");
  const { clusterName } = readState();
  await page.goto(`/clusters/${clusterName}`);
  await page.getByTestId("resource:WebService2").click();
  const why = page.getByTestId("resource-details").getByTestId("why-here");
  await expect(why).toBeVisible();
  for (const n of NODES) await expect(why.getByTestId(`why:${n}`)).toBeVisible({ timeout: CHANGE });
  // WebService2 prefers node3 (location-WebService2-node3-100): crm_simulate's score there says so in words.
  const node3 = why.getByTestId("why:node3");
  await expect(node3).toContainText("location location-WebService2-node3-100");
  await expect(node3.getByTestId("why-score")).toHaveText(/^\d+$/);
  expect(Number(await node3.getByTestId("why-score").textContent())).toBeGreaterThanOrEqual(100);
  await expect(why.getByTestId("why-failcounts")).toBeVisible();
  await why.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot("why-here-1440") });

  // A group member: the group's colocation and the member before it, in words.
  await page.getByTestId("details-close").click();
  await page.getByTestId("resource:my_lvs").click();
  const lvs = page.getByTestId("resource-details").getByTestId("why-here");
  await expect(lvs.getByTestId("why-part:colocation").first()).toContainText("ping-clone", { timeout: CHANGE });

  await page.setViewportSize({ width: 390, height: 844 });
  await lvs.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot("why-here-390") });
});

test("Why is it here? counts failures per node and operation, and cleans them up right there", async ({ page }) => {
  await login(page, "operator");
  const { clusterName } = readState();
  const where = (await crmMonNodes("WebService3"))[0]!;
  await injectFailure(`WebService3_monitor_30000@${where}=7`);
  await page.goto(`/clusters/${clusterName}`);
  await page.getByTestId("resource:WebService3").click();
  const why = page.getByTestId("resource-details").getByTestId("why-here");
  const row = why.getByTestId(`why-failcount:${where}`);
  await expect(row).toContainText("monitor (30s): 1", { timeout: CHANGE });
  // the scores are asked for again when the failure arrives: its fail count is among the words
  await expect(why.getByTestId(`why:${where}`)).toContainText("failcount 1", { timeout: CHANGE });
  const cleanup = row.getByTestId("why-cleanup");
  await expect(cleanup).toHaveAttribute("title", `crm_resource --cleanup --resource=WebService3 --node=${where}`);
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot("why-failcount-1440") });
  await cleanup.click();
  await expect(why.getByTestId(`why-failcount:${where}`)).toHaveCount(0, { timeout: CHANGE });
  await expect(why.getByTestId("why-failcounts")).toContainText("No failures counted");
  // The status shows the cleanup a moment before the console has completed its audit row (it
  // completes the row once it has seen the same status): poll until the row is written.
  const cleanupRow = async () => (await auditRows(page, "cluster.resource.cleanup")).find((r) => r.target === "WebService3" && r.params.node === where);
  await expect.poll(async () => (await cleanupRow())?.status, { timeout: CHANGE }).toBe("ok");
  expect(await cleanupRow()).toMatchObject({ status: "ok", username: "operator" });
});

test("drag a resource to another node with the mouse: impact, confirm, moving…, it lands where crm_mon says, audited", async ({ page }) => {
  await login(page, "operator");
  await openBoard(page);
  const from = await columnOf(page, "WebService1");
  const to = NODES.find((n) => n !== from)!;
  const card = page.getByTestId(`column:${from}`).getByTestId("card:WebService1");
  await mouseDrag(page, card.getByTestId("card-handle"), page.getByTestId(`column:${to}`), async () => {
    await expect(page.getByTestId("drag-overlay")).toBeVisible();
    await page.screenshot({ path: shot("migrate-mid-drag-1440") });
  });

  const dialog = page.getByTestId("move-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("impact")).toHaveAttribute("data-state", "ready", { timeout: CHANGE });
  // crm_simulate's plan, in words: WebService1 stops here and starts there.
  await expect(dialog.getByTestId("impact:WebService1")).toHaveText(`WebService1 moves ${from} → ${to}`);
  await expect(dialog.getByTestId("command-preview")).toHaveText(`crm_resource --move --resource=WebService1 --node=${to}`);
  // Bad input is said before anything is sent.
  await dialog.getByTestId("move-lifetime").fill("2 hours");
  await expect(dialog.getByTestId("move-lifetime-hint")).toContainText("not an ISO 8601 duration");
  await expect(dialog.getByTestId("move-confirm")).toBeDisabled();
  await dialog.getByTestId("move-lifetime").fill("PT2H");
  await expect(dialog.getByTestId("command-preview")).toHaveText(`crm_resource --move --resource=WebService1 --node=${to} --lifetime=PT2H`);
  await page.screenshot({ path: shot("migrate-impact-1440") });
  // Nothing ran yet: the cluster still has it where it was.
  expect(await crmMonNodes("WebService1")).toEqual([from]);

  await dialog.getByTestId("move-confirm").click();
  await expect(dialog).toBeHidden();
  // In place while the cluster works, not on the new column before the cluster has moved it.
  await expect(card.getByTestId("card-busy")).toHaveText("moving…");
  await expect(page.getByTestId(`column:${to}`).getByTestId("card:WebService1")).toBeVisible({ timeout: CHANGE });
  await expect(page.getByTestId(`column:${from}`).getByTestId("card:WebService1")).toHaveCount(0);
  // the console's one outcome area says so too: done, because the cluster's status shows it
  await expect(outcome(page, "Move WebService1 to")).toHaveAttribute("data-state", "done");
  await expect(page.getByTestId(`column:${to}`).getByTestId("card:WebService1").getByTestId("card-busy")).toHaveCount(0);
  expect(await crmMonNodes("WebService1")).toEqual([to]);

  const rows = await auditRows(page, "cluster.resource.move");
  const row = rows.find((r) => r.target === "WebService1" && r.params.node === to);
  expect(row).toMatchObject({ status: "ok", username: "operator" });
  expect(row?.params).toMatchObject({ rsc: "WebService1", node: to, lifetime: "PT2H" });
  expect(JSON.stringify(row?.commands)).toContain(`crm_resource --move --resource=WebService1 --node=${to}`);
});

test("the same move with the keyboard only: the card's menu, Move to, a node, confirm", async ({ page }) => {
  await login(page, "operator");
  await openBoard(page);
  const from = await columnOf(page, "WebService1");
  const to = NODES.find((n) => n !== from && n !== "node2") ?? "node2";

  // dnd-kit's keyboard drag: Space picks up, the arrows go from column to column, Escape puts it back.
  const handle = page.getByTestId(`column:${from}`).getByTestId("card:WebService1").getByTestId("card-handle");
  await handle.focus();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("drag-overlay")).toBeVisible();
  const order = await page.locator('[data-test^="column:"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-node") ?? ""));
  const steps = order.indexOf(to) - order.indexOf(from);
  for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps > 0 ? "ArrowRight" : "ArrowLeft");
  await expect(page.getByTestId(`column:${to}`)).toHaveAttribute("data-drop-over", "true");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("drag-overlay")).toHaveCount(0);
  await expect(page.getByTestId("move-dialog")).toHaveCount(0);

  // The menu: Enter opens it on "Move to…", Enter again lists the nodes, the arrows reach one.
  const menuButton = page.getByTestId(`column:${from}`).getByTestId("card:WebService1").getByTestId("card-menu");
  await menuButton.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("card-menu-list")).toBeVisible();
  await expect(page.getByTestId("menu:move")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("card-menu-list")).toHaveAttribute("data-level", "nodes");
  for (let i = 0; i < 6; i++) {
    if ((await page.evaluate(() => document.activeElement?.getAttribute("data-test"))) === `menu:node:${to}`) break;
    await page.keyboard.press("ArrowDown");
  }
  await expect(page.getByTestId(`menu:node:${to}`)).toBeFocused();
  await page.keyboard.press("Enter");

  const dialog = page.getByTestId("move-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("impact")).toHaveAttribute("data-state", "ready", { timeout: CHANGE });
  await expect(dialog.getByTestId("impact:WebService1")).toHaveText(`WebService1 moves ${from} → ${to}`);
  await tabTo(page, "move-confirm");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId(`column:${to}`).getByTestId("card:WebService1")).toBeVisible({ timeout: CHANGE });
  expect(await crmMonNodes("WebService1")).toEqual([to]);
  // Focus is not lost to the page: it follows the card to its new column.
  await expect(page.getByTestId(`column:${to}`).getByTestId("card:WebService1").getByTestId("card-menu")).toBeFocused();
});

test("a target the cluster will not use: the dialog says why before anything runs, and the outcome says it did not move", async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, "operator");
  await openBoard(page);
  const from = await columnOf(page, "WebService2");
  const to = NODES.find((n) => n !== from)!;
  // A -INFINITY location constraint made with Pacemaker's own tool, beside the console.
  await pacemaker("cibadmin", ["--create", "--scope=constraints", "--xml-text", `<rsc_location id="e2e-avoid-WebService2" rsc="WebService2" node="${to}" score="-INFINITY"/>`]);
  await page.getByTestId(`column:${from}`).getByTestId("card:WebService2").getByTestId("card-menu").click();
  await page.getByTestId("menu:move").click();
  await page.getByTestId(`menu:node:${to}`).click();
  const dialog = page.getByTestId("move-dialog");
  await expect(dialog.getByTestId("impact")).toHaveAttribute("data-state", "blocked", { timeout: CHANGE });
  await expect(dialog.getByTestId("impact-blocked")).toContainText(`${to} cannot run it`);
  await expect(dialog.getByTestId("impact-blocked")).toContainText("e2e-avoid-WebService2");
  await expect(dialog.getByTestId("move-confirm")).toHaveText("Move anyway");
  await expect(dialog.getByTestId("impact-none")).toBeVisible();
  await page.screenshot({ path: shot("migrate-blocked-1440") });

  // Made anyway: the card says moving… while the console waits for the cluster, which does not
  // move it; then the outcome says so, and why, above the board. Never "done".
  await dialog.getByTestId("move-confirm").click();
  const card = page.getByTestId(`column:${from}`).getByTestId("card:WebService2");
  await expect(card.getByTestId("card-busy")).toHaveText("moving…");
  const report = outcome(page, "Move WebService2 to");
  await expect(report).toHaveAttribute("data-state", "submitted", { timeout: 60_000 });
  await expect(report).toContainText(`WebService2 runs on ${from}, not ${to}`);
  await expect(card).toBeVisible();
  await expect(card.getByTestId("card-busy")).toHaveCount(0);
  expect(await crmMonNodes("WebService2")).toEqual([from]);
  await pacemaker("crm_resource", ["--clear", "--resource=WebService2"]);
  await pacemaker("cibadmin", ["--delete", "--xml-text", '<rsc_location id="e2e-avoid-WebService2"/>']);
});

test("the promoted instance of a promotable clone: the impact is a demote here and a promote there", async ({ page }) => {
  await login(page, "operator");
  await openBoard(page);
  const promoted = page.locator('[data-test="card:pgsql-clone"][data-promoted="true"]');
  const from = (await promoted.getAttribute("data-node")) ?? "";
  const to = NODES.find((n) => n !== from)!;
  await mouseDrag(page, promoted.getByTestId("card-handle"), page.getByTestId(`column:${to}`));
  const dialog = page.getByTestId("move-dialog");
  await expect(dialog).toContainText("Move the promoted role of pgsql-clone");
  await expect(dialog.getByTestId("impact")).toHaveAttribute("data-state", "ready", { timeout: CHANGE });
  await expect(dialog.getByTestId("impact-changes")).toContainText(`is demoted on ${from}`);
  await expect(dialog.getByTestId("impact-changes")).toContainText(`is promoted on ${to}`);
  await expect(dialog.getByTestId("command-preview")).toHaveText(`crm_resource --move --resource=pgsql-clone --node=${to} --promoted`);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  // An anonymous clone's instance onto a node that runs one already: nothing to do, said so.
  const ping = page.getByTestId(`column:${from}`).getByTestId("card:ping-clone");
  await mouseDrag(page, ping.getByTestId("card-handle"), page.getByTestId(`column:${to}`));
  await expect(page.getByTestId("move-dialog")).toHaveCount(0);
  await expect(page.getByTestId("board-report").first()).toHaveAttribute("data-state", "info");
  await expect(page.getByTestId("board-report").first()).toContainText(`ping-clone already runs an instance on ${to}`);
});

test("viewer: no drag handle, menu items disabled with the role they need", async ({ page }) => {
  await login(page, "viewer");
  await openBoard(page);
  await expect(page.getByTestId("card:WebService1")).toBeVisible();
  await expect(page.getByTestId("card-handle")).toHaveCount(0);
  await page.getByTestId("card:WebService1").getByTestId("card-menu").click();
  for (const item of ["move", "stop"]) {
    await expect(page.getByTestId(`menu:${item}`)).toHaveAttribute("aria-disabled", "true");
    await expect(page.getByTestId(`menu:${item}`)).toHaveAttribute("title", /Needs the operator role \(you are viewer\)/);
  }
  // A disabled item does nothing, by keyboard either (Playwright will not click what is disabled).
  await expect(page.getByTestId("menu:move")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("card-menu-list")).toHaveAttribute("data-level", "main");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("card-menu-list")).toHaveCount(0);
});

test("touch: press and hold a card, drag it onto another node, confirm; it lands", async ({ browser }) => {
  const { url } = readState();
  const context = await browser.newContext({ baseURL: url, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  try {
    await login(page, "operator");
    await openBoard(page);
    const from = await columnOf(page, "WebService1");
    // A neighbouring node column, both scrolled into view side by side: a drop there needs no scrolling.
    const order = await page.locator('[data-test^="column:"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-node") ?? ""));
    const i = order.indexOf(from);
    const to = order[i + 1] ? order[i + 1]! : order[i - 1]!;
    const left = Math.min(i, order.indexOf(to));
    await page.getByTestId("by-node").evaluate((el, x) => el.scrollTo({ left: x }), left * 252 + 110);
    const visible = async (l: Locator, dy: number) => {
      const r = (await l.boundingBox())!;
      const x0 = Math.max(r.x, 20);
      const x1 = Math.min(r.x + r.width, 370);
      return { x: (x0 + x1) / 2, y: r.y + dy };
    };
    const card = page.getByTestId(`column:${from}`).getByTestId("card:WebService1");
    // the card's second row: away from its menu button
    const a = await visible(card, 44);
    const b = await visible(page.getByTestId(`column:${to}`), 160);
    // Real touch events through the browser's input pipeline (what a finger sends), as dnd-kit's TouchSensor reads them.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: a.x, y: a.y }] });
    await page.waitForTimeout(400); // press and hold: the TouchSensor's delay, so a swipe still scrolls
    for (let i = 1; i <= 15; i++) {
      await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x: a.x + ((b.x - a.x) * i) / 15, y: a.y + ((b.y - a.y) * i) / 15 }] });
    }
    await expect(page.getByTestId(`column:${to}`)).toHaveAttribute("data-drop-over", "true");
    await expect(page.getByTestId("drag-overlay")).toBeVisible();
    await page.screenshot({ path: shot("migrate-mid-drag-390") });
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });

    const dialog = page.getByTestId("move-dialog");
    await expect(dialog.getByTestId("impact")).toHaveAttribute("data-state", "ready", { timeout: CHANGE });
    await expect(dialog.getByTestId("impact:WebService1")).toHaveText(`WebService1 moves ${from} → ${to}`);
    await page.screenshot({ path: shot("migrate-impact-390") });
    // and clear the move constraint once it has moved: the second command is shown too
    await dialog.getByTestId("move-clear-after").tap();
    await expect(dialog.getByTestId("command-preview")).toContainText(`crm_resource --clear --resource=WebService1 --node=${to}`);
    await dialog.getByTestId("move-confirm").tap();
    await expect(page.getByTestId(`column:${to}`).getByTestId("card:WebService1")).toHaveCount(1, { timeout: CHANGE });
    expect(await crmMonNodes("WebService1")).toEqual([to]);
    await expect(outcome(page, "Clear the move constraint of WebService1")).toHaveAttribute("data-state", "done", { timeout: CHANGE });
    expect(await pacemaker("cibadmin", ["--query", "--scope=constraints"])).not.toContain("cli-prefer-WebService1");
  } finally {
    await context.close();
  }
});

test("a drop on the Stopped column stops the resource after a confirm; Start from the menu brings it back", async ({ page }) => {
  await login(page, "operator");
  await openBoard(page);
  const from = await columnOf(page, "WebService2");
  await mouseDrag(page, page.getByTestId(`column:${from}`).getByTestId("card:WebService2").getByTestId("card-handle"), page.getByTestId("column:stopped"));
  const dialog = page.getByTestId("stop-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("command-preview")).toHaveText("crm_resource --resource=WebService2 --meta --set-parameter=target-role --parameter-value=Stopped");
  await dialog.getByTestId("stop-confirm").click();
  await expect(page.getByTestId("column:stopped").getByTestId("card:WebService2")).toBeVisible({ timeout: CHANGE });
  expect(await crmMonNodes("WebService2")).toEqual([]);

  await page.getByTestId("column:stopped").getByTestId("card:WebService2").getByTestId("card-menu").click();
  await page.getByTestId("menu:start").click();
  await expect(page.getByTestId("column:stopped").getByTestId("card:WebService2")).toHaveCount(0, { timeout: CHANGE });
  await expect(page.getByTestId("card:WebService2")).toHaveCount(1);
});
