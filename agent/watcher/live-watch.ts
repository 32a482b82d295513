import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { ensureWatcherBinary } from "./build";
import { pollCibVersion, type EpochPoller } from "./epoch-poll";
import type { CibWatcher, OnChange, WatcherKind } from "./types";

const BACKOFF_MIN_MS = 250;
/** Kept short: while we are away, changes are only caught by the refresh that follows reconnecting. */
const BACKOFF_MAX_MS = 2000;
const SETTLE_TIMEOUT_MS = 5000;
/** Exit codes cib-watch.c uses for "Pacemaker is not there (yet/any more)": worth retrying. */
const RETRYABLE_EXITS = new Set([1, 2]);

export interface LiveWatchOptions {
  log?: (msg: string) => void;
  /** Default: build/find var/bin/cib-watch. null forces epoch polling (tests, or an operator's choice). */
  watcherBinary?: string | null;
}

/**
 * Live CIB watching: the cib-watch child (CIB diff notifications) when it builds and runs, else an epoch poll.
 * Resolves once the first child has either signed on, or shown it can run but Pacemaker is down, or failed
 * in a way that means it never will (then we poll). Loss and return of the CIB connection also fire onChange
 * so consumers refresh and show the outage.
 */
export async function watchLiveCib(onChange: OnChange, options: LiveWatchOptions = {}): Promise<CibWatcher> {
  const log = options.log ?? ((m: string) => console.warn(m));
  const bin = options.watcherBinary === undefined ? await ensureWatcherBinary(log) : options.watcherBinary;

  let kind: WatcherKind = bin === null ? "poll" : "notify";
  let stopped = false;
  let child: ChildProcess | null = null;
  let poller: EpochPoller | null = null;
  let restartTimer: NodeJS.Timeout | null = null;
  let backoff = BACKOFF_MIN_MS;
  let everReady = false;
  let settle: (() => void) | null = null;
  const settled = new Promise<void>((resolve) => {
    settle = resolve;
  });
  const markSettled = (): void => {
    settle?.();
    settle = null;
  };

  const fallBackToPolling = (reason: string): void => {
    log(`cib-watch: ${reason}; polling the CIB epoch once a second instead`);
    kind = "poll";
    poller ??= pollCibVersion(onChange);
    markSettled();
  };

  const startChild = (path: string): void => {
    restartTimer = null;
    if (stopped) return;
    let ready = false;
    let stderrTail = "";
    const proc = spawn(path, [], { stdio: ["ignore", "pipe", "pipe"] });
    child = proc;
    proc.stderr?.on("data", (b: Buffer) => {
      stderrTail = (stderrTail + b.toString()).slice(-500);
    });
    createInterface({ input: proc.stdout! }).on("line", (line) => {
      // Lines already buffered when stop() killed the child are not news to anyone.
      if (stopped) return;
      if (line.startsWith("ready")) {
        ready = true;
        backoff = BACKOFF_MIN_MS;
        // Changes may have happened before we subscribed (between the consumer's first read and now) or,
        // on a reconnect, while we were away: one refresh closes both gaps.
        onChange();
        everReady = true;
        markSettled();
      } else if (line.startsWith("change")) {
        onChange();
      }
    });
    let ended = false;
    const onEnd = (code: number | null, signal: NodeJS.Signals | null, spawnError?: Error): void => {
      if (ended) return;
      ended = true;
      child = null;
      if (stopped) return;
      if (spawnError !== undefined || (!ready && !everReady && (code === null || !RETRYABLE_EXITS.has(code)))) {
        fallBackToPolling(`cannot run ${path} (${spawnError?.message ?? `exit ${code ?? signal}`} ${stderrTail.trim()})`);
        return;
      }
      if (ready) {
        onChange();
        log(`cib-watch: CIB connection lost (${stderrTail.trim() || `exit ${code ?? signal}`}); reconnecting`);
      } else if (backoff === BACKOFF_MIN_MS) {
        // Log the first failure of a streak only: a stopped cluster would otherwise fill the log.
        log(`cib-watch: not connected (${stderrTail.trim() || `exit ${code ?? signal}`}); retrying with backoff`);
      }
      // Pacemaker down at start: the binary works, so report "notify" and keep retrying.
      markSettled();
      restartTimer = setTimeout(() => startChild(path), backoff);
      backoff = Math.min(backoff * 2, BACKOFF_MAX_MS);
    };
    proc.on("error", (err) => onEnd(null, null, err));
    proc.on("close", (code, signal) => onEnd(code, signal));
  };

  if (bin === null) fallBackToPolling("watcher binary unavailable");
  else startChild(bin);
  // A CIB manager that accepts but never answers must not hang the agent's start: go on, the child keeps trying.
  const patience = setTimeout(markSettled, SETTLE_TIMEOUT_MS);
  await settled;
  clearTimeout(patience);

  return {
    get kind(): WatcherKind {
      return kind;
    },
    stop(): void {
      stopped = true;
      if (restartTimer !== null) clearTimeout(restartTimer);
      child?.kill("SIGTERM");
      poller?.stop();
    },
  };
}
