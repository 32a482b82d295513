import { expect, test } from "@playwright/test";
import { login, shot } from "./support/helpers";
import { readState } from "./support/state";

test("wrong password: one message that does not say which part was wrong", async ({ page }) => {
  await page.goto("/login");
  await page.screenshot({ path: shot("login"), fullPage: true });
  await page.getByTestId("login-username").fill("viewer");
  await page.getByTestId("login-password").fill("not-the-password");
  await page.getByTestId("login-submit").click();
  await expect(page.getByTestId("login-error")).toHaveText("Invalid username or password");
  await page.getByTestId("login-username").fill("nobody-here");
  await page.getByTestId("login-submit").click();
  await expect(page.getByTestId("login-error")).toHaveText("Invalid username or password");
});

test("anonymous visitors are sent to the login page", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("viewer sees the dashboard with the demo cluster", async ({ page }) => {
  const { clusterName } = readState();
  await login(page, "viewer");
  await expect(page.getByTestId("role-badge")).toHaveText("viewer");
  const card = page.getByTestId(`cluster-card:${clusterName}`);
  await expect(card).toBeVisible();
  await expect(card.getByTestId("card-dc")).not.toHaveText("—");
  await expect(card.getByTestId("card-updated")).toContainText("live");
  // Admin links are not offered to a viewer.
  await expect(page.getByTestId("nav-admin-users")).toHaveCount(0);
  await page.screenshot({ path: shot("dashboard"), fullPage: true });
});

test("a viewer calling a mutation directly over HTTP gets FORBIDDEN", async ({ page }) => {
  const { clusterName } = readState();
  await login(page, "viewer");
  const res = await page.request.post(`/api/trpc/clusters.remove`, {
    data: { json: { cluster: clusterName } },
    headers: { "content-type": "application/json" },
  });
  expect(res.status()).toBe(403);
  const body = (await res.json()) as { error: { json: { data: { code: string } } } };
  expect(body.error.json.data.code).toBe("FORBIDDEN");
  const users = await page.request.post(`/api/trpc/users.add`, {
    data: { json: { username: "mallory", password: "long-enough-password", role: "admin" } },
    headers: { "content-type": "application/json" },
  });
  expect(users.status()).toBe(403);
  // The cluster is still there.
  await page.goto("/");
  await expect(page.getByTestId(`cluster-card:${clusterName}`)).toBeVisible();
});

test("an anonymous call gets UNAUTHORIZED", async ({ request }) => {
  const res = await request.get(`/api/trpc/clusters.list`);
  expect(res.status()).toBe(401);
});

test("logout ends the session", async ({ page }) => {
  await login(page, "viewer");
  await page.getByTestId("logout").click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});
