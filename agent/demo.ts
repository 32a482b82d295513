/**
 * The demo cluster: one CIB file (seeded by scripts/demo-cib.sh when missing), a token file, and
 * three sim agents (node2, node3, node4) as child processes. stop() ends exactly those children.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const DEMO_NODES = ["node2", "node3", "node4"] as const;
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface DemoOptions {
  dir?: string;
  ports?: readonly number[];
  /** Use this token (written to the token file); default: keep the file's, or make a random one. */
  token?: string;
  host?: string;
  /** Where agent logs go: a file per node in dir (default) or this process's stderr. */
  logs?: "file" | "inherit";
  startTimeoutMs?: number;
}

export interface DemoAgent {
  node: string;
  port: number;
  url: string;
  pid: number;
  logFile: string | null;
}

export interface DemoCluster {
  dir: string;
  cibFile: string;
  tokenFile: string;
  token: string;
  urls: string[];
  agents: DemoAgent[];
  /** Kills one agent (SIGKILL, as a crash would); the others go on serving. */
  kill(node: string): Promise<void>;
  stop(): Promise<void>;
}

export async function seedDemoCib(cibFile: string): Promise<void> {
  await new Promise<void>((ok, fail) => {
    execFile("bash", [join(REPO_ROOT, "scripts/demo-cib.sh"), cibFile], { timeout: 120_000 }, (err, _out, stderr) =>
      err ? fail(new Error(`seeding the demo CIB failed: ${stderr.trim() || err.message}`)) : ok(),
    );
  });
}

export async function startDemoCluster(opts: DemoOptions = {}): Promise<DemoCluster> {
  const dir = opts.dir ? resolve(opts.dir) : join(REPO_ROOT, "var/demo");
  const ports = opts.ports ?? [7482, 7483, 7484];
  const host = opts.host ?? "127.0.0.1";
  if (ports.length !== DEMO_NODES.length) throw new Error(`the demo needs ${DEMO_NODES.length} ports`);
  for (const port of ports) {
    // An agent left over from an earlier run would answer in place of ours: refuse clearly instead.
    if (await portAnswers(host, port)) throw new Error(`port ${port} on ${host} is in use (is a demo already running?)`);
  }
  mkdirSync(dir, { recursive: true });
  const cibFile = join(dir, "cib.xml");
  const tokenFile = join(dir, "token");
  if (!existsSync(cibFile)) await seedDemoCib(cibFile);
  const token = writeToken(tokenFile, opts.token);

  const children = new Map<string, ChildProcess>();
  const agents: DemoAgent[] = [];
  const exited = (c: ChildProcess) => c.exitCode !== null || c.signalCode !== null;
  const stopChild = (c: ChildProcess, signal: NodeJS.Signals): Promise<void> =>
    new Promise((done) => {
      if (exited(c)) return done();
      const force = setTimeout(() => c.kill("SIGKILL"), 3000);
      c.once("exit", () => {
        clearTimeout(force);
        done();
      });
      c.kill(signal);
    });
  const stop = async (): Promise<void> => {
    await Promise.all([...children.values()].map((c) => stopChild(c, "SIGTERM")));
  };

  try {
    DEMO_NODES.forEach((node, i) => {
      const port = ports[i]!;
      const logFile = opts.logs === "inherit" ? null : join(dir, `${node}.log`);
      const fd = logFile ? openSync(logFile, "a") : null;
      const child = spawn(
        process.execPath,
        ["--import", "tsx", join(REPO_ROOT, "agent/main.ts"), "--mode", "sim", "--node", node, "--cib-file", cibFile,
          "--port", String(port), "--host", host, "--token-file", tokenFile],
        { cwd: REPO_ROOT, stdio: ["ignore", fd ?? "inherit", fd ?? "inherit"], env: { ...process.env, VIGIL_EXIT_WITH_PARENT: "1" } },
      );
      if (fd !== null) closeSync(fd);
      children.set(node, child);
      agents.push({ node, port, url: `ws://${host}:${port}`, pid: child.pid ?? -1, logFile });
    });
    await Promise.all(agents.map((a) => waitForPort(host, a.port, children.get(a.node)!, a, opts.startTimeoutMs ?? 30_000)));
  } catch (e) {
    await stop();
    throw e;
  }

  return {
    dir,
    cibFile,
    tokenFile,
    token,
    urls: agents.map((a) => a.url),
    agents,
    async kill(node) {
      const c = children.get(node);
      if (c) await stopChild(c, "SIGKILL");
    },
    stop,
  };
}

function writeToken(tokenFile: string, token: string | undefined): string {
  if (token === undefined && existsSync(tokenFile)) {
    chmodSync(tokenFile, 0o600);
    return readFileSync(tokenFile, "utf8").trim();
  }
  const value = token ?? randomBytes(32).toString("hex");
  writeFileSync(tokenFile, `${value}\n`, { mode: 0o600 });
  chmodSync(tokenFile, 0o600); // mode is ignored when the file already existed
  return value;
}

async function waitForPort(host: string, port: number, child: ChildProcess, agent: DemoAgent, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`demo agent ${agent.node} exited (${child.exitCode ?? child.signalCode}) before listening${agent.logFile ? `; see ${agent.logFile}` : ""}`);
    }
    if (await portAnswers(host, port)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`demo agent ${agent.node} did not listen on ${host}:${port} within ${timeoutMs} ms`);
}

function portAnswers(host: string, port: number): Promise<boolean> {
  return new Promise<boolean>((res) => {
    const s = connect({ host, port }, () => {
      s.destroy();
      res(true);
    });
    s.on("error", () => res(false));
  });
}
