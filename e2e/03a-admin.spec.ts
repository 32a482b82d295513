import { expect, test } from "@playwright/test";
import { login, shot } from "./support/helpers";
import { readState } from "./support/state";

test("admin: registering shows the server's clear errors and saves nothing", async ({ page }) => {
  const { clusterName } = readState();
  await login(page, "admin");
  await page.getByTestId("nav-admin-clusters").click();
  await expect(page.getByTestId(`admin-cluster:${clusterName}`)).toBeVisible();

  // An address where no agent listens.
  await page.getByTestId("register-name").fill("nowhere");
  await page.getByTestId("register-agents").fill("ws://127.0.0.1:9");
  await page.getByTestId("register-token").fill("some-token");
  await page.getByTestId("register-submit").click();
  await expect(page.getByTestId("register-result")).toContainText("No agent answered", { timeout: 20_000 });
  await expect(page.getByTestId("admin-cluster:nowhere")).toHaveCount(0);

  // A duplicate name.
  await page.getByTestId("register-name").fill(clusterName);
  await page.getByTestId("register-agents").fill("ws://127.0.0.1:9");
  await page.getByTestId("register-token").fill("some-token");
  await page.getByTestId("register-submit").click();
  await expect(page.getByTestId("register-result")).toContainText("already exists");

  // Invalid input is a readable message, not a 500.
  await page.getByTestId("register-name").fill("bad name!");
  await page.getByTestId("register-submit").click();
  await expect(page.getByTestId("register-result")).toContainText("Cluster name");
  await page.screenshot({ path: shot("admin-clusters"), fullPage: true });
});

test("admin: add a user, change the role, reset the password, disable", async ({ page, browser }) => {
  await login(page, "admin");
  await page.goto("/admin/users");
  const name = `e2e${Date.now() % 100000}`;
  await page.getByTestId("add-username").fill(name);
  await page.getByTestId("add-password").fill("first-password-123");
  await page.getByTestId("add-role").selectOption("viewer");
  await page.getByTestId("add-submit").click();
  const row = page.getByTestId(`user:${name}`);
  await expect(row).toBeVisible();
  await row.getByTestId(`role:${name}`).selectOption("operator");
  await expect(page.getByTestId("user-result-ok")).toContainText(`${name} is now operator`);
  await row.getByTestId(`reset:${name}`).click();
  await row.getByTestId("reset-password").fill("second-password-456");
  await row.getByTestId("reset-submit").click();
  await expect(page.getByTestId("user-result-ok")).toContainText("New password set");

  // The new password works, as an operator.
  const other = await browser.newContext();
  const p2 = await other.newPage();
  await login(p2, name, "second-password-456");
  await expect(p2.getByTestId("role-badge")).toHaveText("operator");
  await other.close();

  await page.getByTestId(`disable:${name}`).click();
  await expect(row).toContainText("disabled");
  await page.screenshot({ path: shot("admin-users"), fullPage: true });
});

test("a viewer opening an admin page is told the role is missing", async ({ page }) => {
  await login(page, "viewer");
  await page.goto("/admin/users");
  await expect(page.getByTestId("forbidden")).toContainText("needs the admin role");
});
