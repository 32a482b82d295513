/**
 * The properties, access and raw pages on the real demo: an admin stages no-quorum-policy=freeze
 * from Pacemaker's own metadata, an ACL role and target, a tag, an alert and a fencing level in the same draft, sees
 * them in the pending-changes panel and the draft's XML beside the live XML, then discards the
 * draft — the demo CIB is as before. A viewer reads all three pages and finds nothing to change.
 */
import { expect, test, type Page } from "@playwright/test";
import { login, pacemaker, shot } from "./support/helpers";
import { readState } from "./support/state";

const TAG = "e2e-web";
const ALERT = "e2e-alert";

async function discardByApi(page: Page, cluster: string): Promise<void> {
  const res = await page.request.post("/api/trpc/drafts.discard", { data: { json: { cluster } } });
  expect(res.ok(), await res.text()).toBe(true);
}

async function draftSummaries(page: Page, cluster: string): Promise<string[]> {
  const input = encodeURIComponent(JSON.stringify({ json: { cluster } }));
  const res = await page.request.get(`/api/trpc/drafts.current?input=${input}`);
  expect(res.ok(), await res.text()).toBe(true);
  const body = (await res.json()) as { result: { data: { json: { edits: { summary: string }[] } | null } } };
  return (body.result.data.json?.edits ?? []).map((e) => e.summary);
}

/** The configuration as the demo's CIB file holds it (what must be unchanged at the end). */
const liveConfiguration = () => pacemaker("cibadmin", ["--query", "--scope", "configuration"]);

test.describe("as admin", () => {
  test.afterEach(async ({ page }) => {
    // whatever happened above, no draft of this spec is left for the next ones
    await discardByApi(page, readState().clusterName);
  });

  test("stage a property, an ACL role and target, a tag, an alert and a fencing level; see the draft's XML; discard", async ({ page, context }) => {
    test.setTimeout(150_000);
    const { clusterName } = readState();
    const before = await liveConfiguration();
    await login(page, "admin");
    await discardByApi(page, clusterName);
    const base = `/clusters/${clusterName}/config`;

    // ---- properties: from Pacemaker's metadata, the seeds' topics explained, search
    await page.goto(`${base}/properties`);
    const nqp = page.getByTestId("property:crm_config:no-quorum-policy");
    await expect(nqp).toBeVisible({ timeout: 20_000 });
    await expect(nqp.getByTestId("property-value")).toHaveText("set: stop");
    await expect(nqp.getByTestId("explain:no-quorum-policy")).toContainText("Two-node clusters");
    await expect(page.getByTestId("property:crm_config:stonith-enabled").getByTestId("explain:stonith-enabled")).toContainText("protects your data");
    await expect(page.getByTestId("property:rsc_defaults:resource-stickiness").getByTestId("property-value")).toHaveText("set: 100");
    await expect(page.getByTestId("cluster-models")).toContainText("N+M");
    // an expert option is folded until searched for
    await expect(page.getByTestId("property:crm_config:startup-fencing")).toBeHidden();
    await page.getByTestId("properties-search").fill("unseen");
    await expect(page.getByTestId("property:crm_config:startup-fencing")).toBeVisible();
    await expect(nqp).toBeHidden();
    await page.getByTestId("properties-search").fill("quorum");
    await expect(nqp).toBeVisible();
    await expect(page.getByTestId("property:crm_config:stonith-enabled")).toBeHidden();
    await page.screenshot({ path: shot("config-properties-search"), fullPage: true });

    // keyboard only: Enter opens the form with focus in it, Tab reaches Stage, Enter stages
    await nqp.getByTestId("property-edit").focus();
    await page.keyboard.press("Enter");
    const input = nqp.getByTestId("property-input");
    await expect(input).toBeFocused();
    await input.selectOption("freeze");
    await page.keyboard.press("Tab");
    await expect(nqp.getByTestId("property-save")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(nqp.getByTestId("property-value")).toHaveText("set: freeze");
    await expect(nqp.getByTestId("property-changed")).toBeVisible();
    await expect(nqp.getByTestId("property-edit")).toBeFocused();
    // Esc closes the form without staging anything
    await page.keyboard.press("Enter");
    await expect(nqp.getByTestId("property-input")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(nqp.getByTestId("property-form")).toHaveCount(0);
    await expect(nqp.getByTestId("property-edit")).toBeFocused();
    const panel = page.getByTestId("draft-panel");
    await expect(panel).toBeVisible();
    const review = panel.getByTestId("draft-review");
    if (await review.isVisible()) await review.click();
    await expect(panel).toContainText("no-quorum-policy=freeze");
    expect(await draftSummaries(page, clusterName)).toEqual([expect.stringContaining("no-quorum-policy=freeze")]);
    await page.getByTestId("properties-search").fill("");
    await page.screenshot({ path: shot("config-properties") });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: shot("config-properties-phone") });
    await page.setViewportSize({ width: 1440, height: 900 });

    // ---- access: ACLs with the users' mapping, then a tag, an alert and a fencing level
    await page.goto(`${base}/access`);
    await expect(page.getByTestId("acls")).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId("enable-acl-state")).toHaveText("ACLs not enforced");
    await expect(page.getByTestId("acl-user:admin")).toContainText("no ACL target");
    // a role reading everything but denied one resource, and a target holding it that no user maps to
    await page.getByTestId("acl-role-new").click();
    const roleForm = page.getByTestId("acl-role-form");
    await roleForm.getByTestId("acl-role-id").fill("e2e-readers");
    await roleForm.getByTestId("acl-perm-add").click();
    const deny = roleForm.getByTestId("acl-perm:1");
    await deny.getByTestId("acl-perm-kind").selectOption("deny");
    await deny.getByTestId("acl-perm-on").selectOption("reference");
    await deny.getByTestId("acl-perm-target").fill("pgsql-clone");
    await roleForm.getByTestId("acl-role-save").click();
    await expect(roleForm).toBeHidden();
    await expect(page.getByTestId("acl-role:e2e-readers")).toContainText("read xpath /cib");
    await expect(page.getByTestId("acl-role:e2e-readers")).toContainText("deny id pgsql-clone");
    await page.getByTestId("acl-subject-new").click();
    const subjectForm = page.getByTestId("acl-subject-form");
    await subjectForm.getByTestId("acl-subject-id").fill("e2e-auditor");
    await subjectForm.getByTestId("acl-subject-roles:e2e-readers").check();
    await subjectForm.getByTestId("acl-subject-save").click();
    await expect(subjectForm).toBeHidden();
    await expect(page.getByTestId("acl-subject:e2e-auditor")).toContainText("e2e-readers");
    await expect(page.getByTestId("acl-unmapped-targets")).toContainText("e2e-auditor");

    // a tag whose id is a resource's: the server's refusal is shown in the form
    await page.getByTestId("tag-new").click();
    const tagForm = page.getByTestId("tag-form");
    await tagForm.getByTestId("tag-id").fill("WebService1");
    await tagForm.getByTestId("tag-refs:WebService2").check();
    await tagForm.getByTestId("tag-save").click();
    await expect(tagForm.getByTestId("tag-error")).toContainText("WebService1");
    await page.screenshot({ path: shot("config-tag-refused") });
    await tagForm.getByTestId("tag-id").fill(TAG);
    await tagForm.getByTestId("tag-refs-filter").fill("location-WebService1");
    await tagForm.getByTestId("tag-refs:location-WebService1-node2-100").check();
    await tagForm.getByTestId("tag-save").click();
    await expect(tagForm).toBeHidden();
    await expect(page.getByTestId(`tag:${TAG}`)).toContainText("location-WebService1-node2-100");

    await page.getByTestId("alert-new").click();
    const alertForm = page.getByTestId("alert-form");
    await alertForm.getByTestId("alert-id").fill(ALERT);
    await alertForm.getByTestId("alert-path").fill("/usr/share/pacemaker/alerts/alert_file.sh.sample");
    await alertForm.getByTestId("alert-recipient-add").click();
    await alertForm.getByTestId("alert-recipient-value:0").fill("/var/log/e2e-alert.log");
    await alertForm.getByTestId("alert-selective").check();
    await alertForm.getByTestId("alert-kind:nodes").check();
    await alertForm.getByTestId("alert-kind:fencing").check();
    await alertForm.getByTestId("alert-timeout").fill("15s");
    await page.screenshot({ path: shot("config-alert-form") });
    await alertForm.getByTestId("alert-save").click();
    await expect(alertForm).toBeHidden();
    const alertRow = page.getByTestId(`alert:${ALERT}`);
    await expect(alertRow).toContainText("nodes, fencing");
    await expect(alertRow).toContainText("timeout=15s");

    await page.getByTestId("fencing-add:node3").click();
    const levelForm = page.getByTestId("fencing-form");
    await expect(levelForm.getByTestId("fencing-id")).toHaveValue("fl-node3-1");
    await levelForm.getByTestId("fencing-device-add").click();
    await expect(levelForm.getByTestId("fencing-device:my_ping_fence_device")).toBeVisible();
    await page.screenshot({ path: shot("config-fencing-form") });
    await levelForm.getByTestId("fencing-save").click();
    await expect(levelForm).toBeHidden();
    await expect(page.getByTestId("fencing-target:node3").getByTestId("fencing-level:fl-node3-1")).toContainText("my_ping_fence_device");
    await page.screenshot({ path: shot("config-access"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: shot("config-access-phone"), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(await draftSummaries(page, clusterName)).toHaveLength(6);

    // ---- raw: live and draft XML side by side; the search finds the tag in the draft; copy
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(`${base}/raw`);
    const live = page.getByTestId("raw-live");
    const draft = page.getByTestId("raw-draft");
    await expect(live).toBeVisible({ timeout: 20_000 });
    await expect(draft).toBeVisible();
    await expect(page.getByTestId("crmsh-reason")).toContainText("crm shell syntax is not shown");
    await draft.getByTestId("raw-draft-search").click();
    const find = draft.locator(".cm-search input[name=search]");
    await expect(find).toBeFocused();
    // typed, as a user does (CodeMirror takes the query on keyup)
    await find.pressSequentially(`tag id="${TAG}"`);
    await find.press("Enter");
    await expect(draft.locator(".cm-content")).toContainText(`<tag id="${TAG}">`);
    await page.keyboard.press("Escape");
    // Ctrl-F in the live text opens the same panel there; the live XML has no tag
    await live.locator(".cm-content").click();
    await page.keyboard.press("Control+f");
    await expect(live.locator(".cm-search input[name=search]")).toBeFocused();
    await page.keyboard.press("Escape");
    await live.getByTestId("raw-live-copy").click();
    await expect(live.getByTestId("raw-live-copy")).toHaveText("Copied");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain("<configuration>");
    expect(copied).not.toContain(TAG);
    await page.screenshot({ path: shot("config-raw") });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByTestId("raw-tab-draft")).toBeVisible();
    await expect(draft).toBeHidden();
    await page.getByTestId("raw-tab-live").focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByTestId("raw-tab-draft")).toBeFocused();
    await expect(draft).toBeVisible();
    await expect(live).toBeHidden();
    await page.screenshot({ path: shot("config-raw-phone") });
    await page.setViewportSize({ width: 1440, height: 900 });

    // ---- discard: through the panel's Discard when it has one; the demo is as it was
    const discardButton = page.getByTestId("draft-discard");
    if (await discardButton.isVisible()) {
      await discardButton.click();
      await page.getByTestId("discard-confirm").click();
    } else {
      await discardByApi(page, clusterName);
      await page.reload();
    }
    await expect(page.getByTestId("draft-panel")).toBeHidden();
    await expect(draft).toBeHidden();
    expect(await draftSummaries(page, clusterName)).toEqual([]);
    expect(await liveConfiguration()).toBe(before);
  });
});

test("viewer: the three pages are readable and offer no control to change anything", async ({ page }) => {
  test.setTimeout(60_000);
  const { clusterName } = readState();
  const base = `/clusters/${clusterName}/config`;
  await login(page, "viewer");

  await page.goto(`${base}/properties`);
  await expect(page.getByTestId("property:crm_config:no-quorum-policy")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("property:crm_config:no-quorum-policy").getByTestId("property-value")).toHaveText("set: stop");
  await expect(page.getByTestId("property:op_defaults:timeout")).toBeVisible();
  await expect(page.getByTestId("property-edit")).toHaveCount(0);
  await expect(page.locator('[data-test^="raw-property:"]')).toHaveCount(0);

  await page.goto(`${base}/access`);
  await expect(page.getByTestId("fencing")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("acl-users")).toContainText("Only admins see");
  for (const id of ["enable-acl-toggle", "acl-role-new", "acl-subject-new", "tag-new", "alert-new", "fencing-new"]) {
    await expect(page.getByTestId(id)).toHaveCount(0);
  }
  await expect(page.locator('[data-test$="-edit"], [data-test$="-delete"], [data-test^="fencing-add:"]')).toHaveCount(0);
  await page.screenshot({ path: shot("config-access-viewer"), fullPage: true });

  await page.goto(`${base}/raw`);
  await expect(page.getByTestId("raw-live")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("raw-live").locator(".cm-content")).toContainText("<cib");
  await expect(page.getByTestId("raw-draft")).toHaveCount(0);
  await expect(page.getByTestId("draft-panel")).toHaveCount(0);
  // read-only: typing into the text changes nothing
  await page.getByTestId("raw-live").locator(".cm-content").click();
  await page.keyboard.type("XYZZY");
  await expect(page.getByTestId("raw-live").locator(".cm-content")).not.toContainText("XYZZY");
});
