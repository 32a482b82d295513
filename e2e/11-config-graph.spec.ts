/**
 * The constraint graph and the constraint forms on the real demo: an admin draws a colocation from
 * one resource's handle onto another, the form opens prefilled, the edit lands in the draft (the
 * pending-changes panel, a "draft" edge in the graph, a marked row in the list), then the draft is
 * discarded so the demo is as before. A viewer sees the graph and the list, and nothing to change.
 */
import { expect, test, type Page } from "@playwright/test";
import { drawEdge, login, shot } from "./support/helpers";
import { readState } from "./support/state";

const NEW_ID = "colocation-WebService1-WebService2-INFINITY";

async function discard(page: Page, cluster: string): Promise<void> {
  const res = await page.request.post("/api/trpc/drafts.discard", { data: { json: { cluster } } });
  expect(res.ok(), await res.text()).toBe(true);
}

async function draftEdits(page: Page, cluster: string): Promise<{ summary: string; edit: { op: string; constraint?: Record<string, unknown> } }[]> {
  const input = encodeURIComponent(JSON.stringify({ json: { cluster } }));
  const res = await page.request.get(`/api/trpc/drafts.current?input=${input}`);
  expect(res.ok(), await res.text()).toBe(true);
  const body = (await res.json()) as { result: { data: { json: { edits: { summary: string; edit: { op: string } }[] } | null } } };
  return body.result.data.json?.edits ?? [];
}

test("admin: draw a colocation in the graph, see it as a draft, edit it by click, discard", async ({ page }) => {
  test.setTimeout(90_000);
  const { clusterName } = readState();
  await login(page, "admin");
  await discard(page, clusterName); // an earlier spec's leftover would change what the graph shows
  try {
    await drawAndCheck(page, clusterName);
  } finally {
    // Leave the demo as it was, whatever failed: the draft goes, and with it the edge.
    await discard(page, clusterName);
  }
  await page.goto(`/clusters/${clusterName}/config/graph`);
  await expect(page.getByTestId("graph-node:WebService1")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("draft-panel")).toBeHidden();
  await expect(page.locator(`.react-flow__edge[data-id="${NEW_ID}#0"]`)).toHaveCount(0);
  expect(await draftEdits(page, clusterName)).toEqual([]);
});

async function drawAndCheck(page: Page, clusterName: string): Promise<void> {
  await page.goto(`/clusters/${clusterName}/config/graph`);
  const from = page.getByTestId("graph-node:WebService1");
  const to = page.getByTestId("graph-node:WebService2");
  await expect(from).toBeVisible({ timeout: 20_000 });
  await expect(to).toBeVisible();
  // containers and kinds are drawn: the group holds its members, the promotable clone says so
  await expect(page.getByTestId("graph-node:balanceGroup")).toHaveAttribute("data-kind", "group");
  await expect(page.getByTestId("graph-node:pgsql-clone")).toHaveAttribute("data-kind", "promotable");
  await expect(page.getByTestId("graph-node:node2")).toHaveAttribute("data-kind", "node");
  await expect(page.locator('.react-flow__edge[data-id="location-WebService1-node2-100#0"]')).toHaveCount(1);
  await page.screenshot({ path: shot("config-graph") });

  // Draw from WebService1's handle onto WebService2: the chooser, then the colocation form prefilled.
  const handle = from.locator(".react-flow__handle.source");
  await expect(handle).toBeVisible();
  await drawEdge(page, handle, to);
  const chooser = page.getByTestId("pair-chooser");
  await expect(chooser).toBeVisible();
  await chooser.getByTestId("choose-colocation").click();
  const form = page.getByTestId("constraint-form-colocation");
  await expect(form).toBeVisible();
  await expect(form.getByTestId("colocation-rsc")).toHaveValue("WebService1");
  await expect(form.getByTestId("colocation-with-rsc")).toHaveValue("WebService2");
  await expect(form.getByTestId("constraint-id")).toHaveValue(NEW_ID);
  await expect(form.getByTestId("colocation-explain")).toContainText("WebService1 is placed where WebService2 runs");

  // A bad id is refused as it is typed (the edit schema), before anything is sent.
  await form.getByTestId("constraint-id").fill("1-not-an-id");
  await expect(form.getByTestId("error:id")).toContainText("not a valid Pacemaker id");
  // An id already taken passes the form and is refused by the server, whose message shows beside it.
  await form.getByTestId("constraint-id").fill("WebService3");
  await form.getByTestId("constraint-save").click();
  await expect(form.getByTestId("constraint-server-error")).toContainText("WebService3");
  await page.screenshot({ path: shot("config-graph-form") });
  await form.getByTestId("constraint-id").fill(NEW_ID);
  await expect(form.getByTestId("constraint-server-error")).toHaveCount(0);
  await form.getByTestId("constraint-save").click();
  await expect(form).toBeHidden();

  // The draft: in the pending-changes panel, in the graph as a marked edge, and in the API.
  const panel = page.getByTestId("draft-panel");
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId("draft-count")).toHaveText("1 pending change");
  await panel.getByTestId("draft-review").click();
  await expect(panel.getByTestId("draft-details")).toContainText("colocation WebService1 with WebService2 INFINITY");
  await panel.getByTestId("draft-review").click();
  const edits = await draftEdits(page, clusterName);
  expect(edits.map((e) => e.summary)).toEqual(["colocation WebService1 with WebService2 INFINITY"]);
  expect(edits[0]!.edit.constraint).toMatchObject({ kind: "rsc_colocation", id: NEW_ID, rsc: "WebService1", withRsc: "WebService2", score: "INFINITY" });
  const drafted = page.locator(`.react-flow__edge.edge-mark-added[data-id="${NEW_ID}#0"]`);
  await expect(drafted).toHaveCount(1);
  await page.screenshot({ path: shot("config-graph-draft") });

  // Keyboard: Tab onto the drafted edge and Enter opens its form for edit; Escape closes it.
  await drafted.focus();
  await expect(drafted.locator("path.react-flow__edge-path")).toHaveCSS("stroke-width", "4px");
  await page.screenshot({ path: shot("config-graph-edge-focus") });
  await page.keyboard.press("Enter");
  const edit = page.getByTestId("constraint-form-colocation");
  await expect(edit).toBeVisible();
  await expect(edit.getByTestId("constraint-id")).toHaveValue(NEW_ID);
  await expect(edit.getByTestId("constraint-delete")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(edit).toBeHidden();

  // Without drawing: "Add constraint" → Location opens the form (keyboard users' way in).
  await page.getByTestId("graph-add-constraint").locator("summary").focus();
  await page.keyboard.press("Enter");
  await page.getByTestId("graph-add-constraint-rsc_location").click();
  await expect(page.getByTestId("constraint-form-location")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("constraint-form-location")).toBeHidden();

  // The list reads the draft too: the new row marked, filterable by text and kind.
  await page.getByTestId("config-tab-constraints").click();
  const row = page.getByTestId(`constraint:${NEW_ID}`);
  await expect(row).toHaveAttribute("data-mark", "added");
  await expect(row.getByTestId("constraint-text")).toHaveText("WebService1 with WebService2 (score INFINITY)");
  await page.getByTestId("filter-text").fill("node2");
  await expect(page.getByTestId("constraint:location-WebService1-node2-100")).toBeVisible();
  await expect(row).toBeHidden();
  await page.getByTestId("filter-text").fill("");
  await page.getByTestId("filter-kind").selectOption("rsc_order");
  await expect(page.getByTestId("constraint:order-ping-clone-balanceGroup-mandatory")).toBeVisible();
  await expect(row).toBeHidden();
  await page.screenshot({ path: shot("config-constraints") });

  // Discard through the panel (the finally above makes sure of it should this fail).
  await page.getByTestId("draft-discard").click();
  await page.getByTestId("discard-dialog").getByTestId("discard-confirm").click();
  await expect(page.getByTestId("draft-panel")).toBeHidden();
  await expect(row).toHaveCount(0);
}

test("admin: a location rule with a date spec and an order of resource sets, from the list's forms", async ({ page }) => {
  test.setTimeout(60_000);
  const { clusterName } = readState();
  await login(page, "admin");
  await discard(page, clusterName);
  try {
    await page.goto(`/clusters/${clusterName}/config/constraints`);
    // The demo's pingd rule opens in the rules editor, as the CIB has it.
    await page.getByTestId("constraint:location-balanceGroup-pingd").getByTestId("constraint-edit").click();
    const pingd = page.getByTestId("constraint-form-location");
    await expect(pingd.getByTestId("location-mode")).toHaveValue("rules");
    await expect(pingd.getByTestId("rule-0").getByTestId("expr-attribute")).toHaveCount(2);
    await expect(pingd.getByTestId("rule-0-score-mode")).toHaveValue("minusInf");
    await pingd.getByTestId("constraint-cancel").click();

    // New location: WebService3 prefers nodes during office hours (date_spec), by rules.
    await page.getByTestId("new-constraint").locator("summary").click();
    await page.getByTestId("new-constraint-rsc_location").click();
    const loc = page.getByTestId("constraint-form-location");
    await loc.getByTestId("location-rsc").selectOption("WebService3");
    await loc.getByTestId("location-mode").selectOption("rules");
    await loc.getByTestId("rule-0-score-mode").selectOption("positive");
    await loc.getByTestId("rule-0-score-value").fill("50");
    await loc.getByTestId("expr-kind").selectOption("date_expression");
    await loc.getByTestId("date-operation").selectOption("date_spec");
    await loc.getByTestId("spec-hours").fill("9-16");
    await loc.getByTestId("spec-weekdays").fill("1-5");
    await loc.getByTestId("constraint-id").fill("location-WebService3-office-hours");
    await page.screenshot({ path: shot("config-constraint-rule-form") });
    await loc.getByTestId("constraint-save").click();
    await expect(loc).toBeHidden();

    // New order of two sets: the web services (not depending on each other, any one enough), then the group.
    await page.getByTestId("new-constraint").locator("summary").click();
    await page.getByTestId("new-constraint-rsc_order").click();
    const ord = page.getByTestId("constraint-form-order");
    await ord.getByTestId("order-mode").selectOption("sets");
    await ord.getByTestId("set-0-add").selectOption("WebService1");
    await ord.getByTestId("set-0-add").selectOption("WebService2");
    await expect(ord.getByTestId("set-0").getByTestId("set-member:WebService2")).toBeVisible();
    await ord.getByTestId("set-0-sequential").uncheck();
    await expect(ord.getByTestId("set-0")).toContainText("sequential=false: the members of this set do not depend on each other");
    await ord.getByTestId("set-0-require-all").uncheck();
    await expect(ord.getByTestId("set-0")).toContainText("require-all=false: any one member of this set is enough for the next set to start");
    await ord.getByTestId("set-1-add").selectOption("balanceGroup");
    await ord.getByTestId("order-kind-Optional").check();
    await ord.getByTestId("constraint-id").fill("order-web-then-balance");
    await page.screenshot({ path: shot("config-constraint-sets-form") });
    await ord.getByTestId("constraint-save").click();
    await expect(ord).toBeHidden();

    const edits = await draftEdits(page, clusterName);
    expect(edits.map((e) => e.edit.constraint)).toEqual([
      { kind: "rsc_location", id: "location-WebService3-office-hours", rsc: "WebService3", rules: [{ score: "50", expressions: [{ kind: "date_expression", operation: "date_spec", spec: { hours: "9-16", weekdays: "1-5" } }] }] },
      { kind: "rsc_order", id: "order-web-then-balance", sets: [{ resources: ["WebService1", "WebService2"], sequential: false, requireAll: false }, { resources: ["balanceGroup"] }], orderKind: "Optional" },
    ]);
    await expect(page.getByTestId("constraint:location-WebService3-office-hours")).toHaveAttribute("data-mark", "added");
    await expect(page.getByTestId("constraint:order-web-then-balance")).toHaveAttribute("data-mark", "added");

    // Delete from the list: staged, the row struck through as "draft: deleted".
    await page.getByTestId("constraint:location-WebService2-node3-100").getByTestId("constraint-row-delete").click();
    await expect(page.getByTestId("constraint:location-WebService2-node3-100")).toHaveAttribute("data-mark", "removed");
    await page.getByTestId("config-tab-graph").click();
    await expect(page.locator('.react-flow__edge.edge-mark-removed[data-id="location-WebService2-node3-100#0"]')).toHaveCount(1);
    await expect(page.locator('.react-flow__edge.edge-mark-added[data-id^="order-web-then-balance#"]')).toHaveCount(2);
  } finally {
    await discard(page, clusterName);
  }
});

test("phone width: the graph and the list fit", async ({ page }) => {
  const { clusterName } = readState();
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, "admin");
  await page.goto(`/clusters/${clusterName}/config/graph`);
  await expect(page.getByTestId("graph-node:WebService1")).toBeAttached({ timeout: 20_000 });
  await page.screenshot({ path: shot("config-graph-phone") });
  await page.goto(`/clusters/${clusterName}/config/constraints`);
  await expect(page.getByTestId("constraint-list")).toBeVisible();
  await page.screenshot({ path: shot("config-constraints-phone"), fullPage: true });
});

test("viewer: the graph and the list, no handles, no Add constraint, no Edit", async ({ page }) => {
  const { clusterName } = readState();
  await login(page, "viewer");
  await page.goto(`/clusters/${clusterName}/config/graph`);
  await expect(page.getByTestId("graph-node:WebService1")).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.react-flow__edge[data-id="colocation-balanceGroup-ping-clone-INFINITY#0"]')).toHaveCount(1);
  await expect(page.locator(".react-flow__handle.connectable")).toHaveCount(0);
  await expect(page.locator(".react-flow__handle:visible")).toHaveCount(0);
  await expect(page.getByTestId("graph-add-constraint")).toHaveCount(0);
  // A click on an edge says what it is, and opens no form.
  await page.locator('.react-flow__edge[data-id="order-ping-clone-balanceGroup-mandatory#0"]').focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("graph-selected")).toContainText("start ping-clone then start balanceGroup");
  await expect(page.getByTestId("constraint-form-order")).toHaveCount(0);
  await page.screenshot({ path: shot("config-graph-viewer") });

  await page.goto(`/clusters/${clusterName}/config/constraints`);
  await expect(page.getByTestId("constraint:location-WebService1-node2-100")).toBeVisible();
  await expect(page.getByTestId("new-constraint")).toHaveCount(0);
  await expect(page.getByTestId("constraint-edit")).toHaveCount(0);
  await expect(page.getByTestId("constraint-row-delete")).toHaveCount(0);
});
