import { execFile } from "node:child_process";
import { expect, type Locator, type Page } from "@playwright/test";
import { readState } from "./state";

export const PASSWORDS: Record<string, string> = { admin: "demo-admin", operator: "demo-operator", viewer: "demo-viewer" };

export async function login(page: Page, username: string, password = PASSWORDS[username] ?? ""): Promise<void> {
  await page.goto("/login");
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
  await expect(page.getByTestId("current-user")).toContainText(username);
}

/** A Pacemaker CLI tool on the demo CIB, as an admin would run it beside the console. */
export function pacemaker(tool: string, args: string[]): Promise<string> {
  const { cibFile } = readState();
  return new Promise((resolve, reject) => {
    execFile(tool, args, { env: { ...process.env, CIB_file: cibFile }, timeout: 30_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${tool} ${args.join(" ")}: ${stderr || err.message}`));
      else resolve(stdout);
    });
  });
}

/** Marks the window so a later check proves no reload happened in between. */
export async function markNoReload(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __vigilMark?: number }).__vigilMark = 42;
  });
}

export async function expectNoReload(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __vigilMark?: number }).__vigilMark)).toBe(42);
}

export function shot(name: string): string {
  return `e2e/output/${name}.png`;
}

/** Press on a graph node's source handle and move onto the target in steps, as a hand would (React Flow needs the moves). */
export async function drawEdge(page: Page, handle: Locator, target: Locator): Promise<void> {
  const centre = async (l: Locator) => {
    const b = (await l.boundingBox())!;
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  };
  const a = await centre(handle);
  const b = await centre(target);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(a.x + 10, a.y + 5, { steps: 3 });
  await page.mouse.move(b.x, b.y, { steps: 25 });
  await page.mouse.up();
}
