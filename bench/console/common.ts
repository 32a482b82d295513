// Shared by the console benches: the browser, the Pacemaker tools, percentiles, logging in.
import { execFile } from "node:child_process";
import type { Browser, Page } from "@playwright/test";
import { login } from "@/e2e/support/helpers";

/** Where the console benches keep the generated CIB, traces and screenshots. */
export const OUT_DIR = "var/bench-console";

export const LAUNCH = {
  executablePath: "/usr/bin/chromium",
  args: ["--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
};

export function run(tool: string, argv: string[], env: Record<string, string> = {}): Promise<{ stdout: string; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    execFile(tool, argv, { env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024, timeout: 120_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${tool}: ${stderr || err.message}`));
      else resolve({ stdout, ms: performance.now() - t0 });
    });
  });
}

export function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}
export const fmt = (v: number) => `${v.toFixed(0)} ms`;
export function summary(label: string, values: number[]): string {
  return `${label.padEnd(34)} n=${values.length}  p50 ${fmt(pct(values, 50))}  p95 ${fmt(pct(values, 95))}  max ${fmt(Math.max(...values))}`;
}

/** A new page, logged in as the e2e suite logs in (one helper for both). */
export async function loggedInPage(browser: Browser, base: string, username: "admin" | "viewer"): Promise<Page> {
  const page = await browser.newPage({ baseURL: base });
  await login(page, username);
  return page;
}
