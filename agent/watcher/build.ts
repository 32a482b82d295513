import { execFile } from "node:child_process";
import { mkdir, stat, rename } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const WATCHER_SOURCE = path.join(here, "cib-watch.c");
/** var/ is gitignored runtime state; the binary is machine-specific, so it is never committed. */
export const WATCHER_BINARY = path.resolve(here, "..", "..", "var", "bin", "cib-watch");

function run(cmd: string, args: string[]): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: 60_000, maxBuffer: 1024 * 1024 }, (err, stdout, stderr) =>
      resolve({ ok: err === null, stdout, stderr: err !== null && stderr === "" ? err.message : stderr }),
    );
  });
}

async function mtime(file: string): Promise<number | null> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return null;
  }
}

let pending: Promise<string | null> | null = null;

/**
 * Builds var/bin/cib-watch when missing or older than its source. Resolves to the binary's path, or null
 * (with the reason logged) when this machine cannot build it: the caller then polls instead.
 * Concurrent callers in one process share one build.
 */
export function ensureWatcherBinary(log: (msg: string) => void = (m) => console.warn(m)): Promise<string | null> {
  pending ??= build(log).finally(() => {
    pending = null;
  });
  return pending;
}

async function build(log: (msg: string) => void): Promise<string | null> {
  const src = await mtime(WATCHER_SOURCE);
  const bin = await mtime(WATCHER_BINARY);
  if (src === null) {
    if (bin !== null) return WATCHER_BINARY;
    log(`cib-watch: source ${WATCHER_SOURCE} missing; falling back to polling`);
    return null;
  }
  if (bin !== null && bin >= src) return WATCHER_BINARY;

  const flags = await run("pkg-config", ["--cflags", "--libs", "pacemaker-cib"]);
  if (!flags.ok) {
    log(`cib-watch: cannot build (pkg-config pacemaker-cib: ${flags.stderr.trim()}); install pacemaker-dev and pkg-config. Falling back to polling`);
    return null;
  }
  await mkdir(path.dirname(WATCHER_BINARY), { recursive: true });
  // Build to a temporary name and rename: another process may be exec'ing the old binary right now.
  const tmp = `${WATCHER_BINARY}.${process.pid}.tmp`;
  const cc = await run("gcc", ["-O2", "-o", tmp, WATCHER_SOURCE, ...flags.stdout.trim().split(/\s+/)]);
  if (!cc.ok) {
    log(`cib-watch: gcc failed: ${cc.stderr.trim().slice(0, 2000)}; falling back to polling`);
    return null;
  }
  await rename(tmp, WATCHER_BINARY);
  return WATCHER_BINARY;
}
