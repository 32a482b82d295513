import { defineConfig } from "@playwright/test";

/**
 * E2E against the real thing: the global setup starts the demo cluster (real Pacemaker tools on a CIB
 * file) and the console's own server.ts; the browser is Debian's chromium (never a downloaded one).
 */
export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e/output/test-results",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: process.env.VIGIL_E2E_URL,
    // pcs-web-ui style marks: data-test="...", not Playwright's default data-testid.
    testIdAttribute: "data-test",
    viewport: { width: 1440, height: 900 },
    trace: "off",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
});
