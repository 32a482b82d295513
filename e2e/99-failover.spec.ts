import { expect, test } from "@playwright/test";
import { login, shot } from "./support/helpers";
import { readState } from "./support/state";

// Runs last: it stops the demo agents for good.
test("one agent down: still served by another; all down: STALE, greyed, never live", async ({ page }) => {
  test.setTimeout(90_000);
  const { clusterName, agents } = readState();
  await login(page, "viewer");
  await page.goto(`/clusters/${clusterName}`);
  await expect(page.getByTestId("freshness")).toHaveAttribute("data-state", "live");
  const servedBy = page.getByTestId("served-by");
  await expect(servedBy).toContainText(/node\d/);
  const first = /node\d/.exec((await servedBy.textContent()) ?? "")?.[0] ?? "";
  const victim = agents.find((a) => a.node === first) ?? agents[0]!;
  process.kill(victim.pid, "SIGKILL");
  await expect(servedBy).not.toContainText(victim.node, { timeout: 15_000 });
  await expect(page.getByTestId("freshness")).toHaveAttribute("data-state", "live");
  await expect(page.getByTestId("resource:WebService1")).toBeVisible();

  for (const a of agents) {
    if (a.pid === victim.pid) continue;
    try {
      process.kill(a.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  await expect(page.getByTestId("freshness")).toHaveAttribute("data-state", "stale", { timeout: 15_000 });
  await expect(page.getByTestId("freshness")).toContainText("STALE");
  await expect(page.getByTestId("stale-banner")).toBeVisible();
  await expect(page.getByTestId("cluster-overview")).toHaveAttribute("data-live", "false");
  // The last state stays readable.
  await expect(page.getByTestId("resource:WebService1")).toBeVisible();
  await page.screenshot({ path: shot("cluster-stale"), fullPage: true });

  await page.goto("/");
  await expect(page.getByTestId(`cluster-card:${clusterName}`)).toHaveAttribute("data-health", "unreachable");
  await expect(page.getByTestId(`cluster-card:${clusterName}`).getByTestId("card-updated")).toContainText("STALE");
  await page.screenshot({ path: shot("dashboard-stale"), fullPage: true });
});
