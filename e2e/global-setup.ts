/**
 * Starts the real thing for the e2e suite: the demo cluster (three sim agents over one CIB file,
 * real Pacemaker tools) in a temp dir, a console (server.ts, production build) on a free port with
 * a temp SQLite database seeded with the demo users and cluster. Returns the teardown.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startDemoCluster } from "@/agent/demo";
import { RESTARTED_PID_FILE, STATE_FILE, type E2eState } from "./support/state";

const ROOT = process.cwd();
/** Own build output (gitignored var/): a concurrent `next build` elsewhere in the checkout cannot remove it. */
const DIST_DIR = "var/next-e2e";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const addr = s.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** A stale build would test yesterday's UI: rebuild when any source is newer than the last good build's start. */
function ensureBuild(): void {
  if (process.env.VIGIL_E2E_SKIP_BUILD === "1") return;
  const buildId = join(ROOT, DIST_DIR, "BUILD_ID");
  // The moment the last build *started*: a source saved while it ran is newer than this stamp, so the
  // next run rebuilds (BUILD_ID's own time, written at the end, would hide such an edit).
  const started = join(ROOT, "var", "next-e2e.started");
  const sources = ["app", "components", "server", "trpc", "lib", "next.config.ts", "postcss.config.mjs"].filter((p) => existsSync(join(ROOT, p)));
  if (existsSync(buildId) && existsSync(started)) {
    const newer = execFileSync("find", [...sources, "-newer", started, "-type", "f", "-print", "-quit"], { cwd: ROOT, encoding: "utf8" });
    if (newer.trim() === "") return;
  }
  mkdirSync(join(ROOT, "var"), { recursive: true });
  // written now with the start time, kept only once the build succeeded
  const pending = `${started}.pending`;
  writeFileSync(pending, new Date().toISOString());
  console.log("[e2e] next build…");
  execFileSync(join(ROOT, "node_modules/.bin/next"), ["build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", VIGIL_NEXT_DIST_DIR: DIST_DIR },
  });
  // a rename keeps the file's time: the stamp says when this build started
  renameSync(pending, started);
}

async function waitForHttp(url: string, timeoutMs: number, alive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error("the console exited during start-up (see e2e/output/console.log)");
    try {
      const res = await fetch(`${url}/login`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`console did not answer on ${url} within ${timeoutMs} ms`);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  mkdirSync(join(ROOT, "e2e", "output"), { recursive: true });
  ensureBuild();
  const tmp = mkdtempSync(join(tmpdir(), "vigil-e2e-"));
  const ports = [await freePort(), await freePort(), await freePort()];
  const demo = await startDemoCluster({ dir: join(tmp, "demo"), ports });

  const dbUrl = `file:${join(tmp, "vigil.db")}`;
  const env = {
    ...process.env,
    DATABASE_URL: dbUrl,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    VIGIL_NEXT_DIST_DIR: DIST_DIR,
  } as NodeJS.ProcessEnv;
  const seeded = JSON.parse(
    execFileSync(process.execPath, ["--import", "tsx", join(ROOT, "e2e/support/seed.ts"), demo.tokenFile, ...demo.urls], {
      cwd: ROOT,
      env,
      encoding: "utf8",
    })
      .trim()
      .split("\n")
      .pop() ?? "{}",
  ) as { users: E2eState["users"]; cluster: { name: string } };

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = openSync(join(ROOT, "e2e", "output", "console.log"), "w");
  const consoleProc = spawn(process.execPath, ["--import", "tsx", join(ROOT, "server.ts")], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", log, log],
  });
  const alive = () => consoleProc.exitCode === null && consoleProc.signalCode === null;
  try {
    await waitForHttp(url, 90_000, alive);
  } catch (e) {
    consoleProc.kill("SIGTERM");
    await demo.stop();
    throw e;
  }

  const state: E2eState = {
    url,
    tmp,
    cibFile: demo.cibFile,
    clusterName: seeded.cluster.name,
    consolePid: consoleProc.pid ?? -1,
    consoleEnv: { DATABASE_URL: dbUrl, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production", VIGIL_NEXT_DIST_DIR: DIST_DIR },
    agents: demo.agents.map((a) => ({ node: a.node, port: a.port, url: a.url, pid: a.pid })),
    users: seeded.users,
  };
  writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
  process.env.VIGIL_E2E_URL = url;

  rmSync(RESTARTED_PID_FILE, { force: true });
  return async () => {
    if (existsSync(RESTARTED_PID_FILE)) {
      const pid = Number(readFileSync(RESTARTED_PID_FILE, "utf8"));
      try {
        process.kill(pid, "SIGTERM");
      } catch {
        // already gone
      }
      rmSync(RESTARTED_PID_FILE, { force: true });
    }
    if (alive()) {
      const exited = new Promise((r) => consoleProc.once("exit", r));
      consoleProc.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 6000))]);
    }
    await demo.stop();
    if (process.env.VIGIL_E2E_KEEP !== "1") rmSync(tmp, { recursive: true, force: true });
  };
}
