/**
 * CIB change detection for the agent (see docs/team-plan.md, "agent/watcher/").
 *
 *   const w = await startCibWatcher({ mode: "live" }, () => refresh());
 *   w.kind  // "notify" (Pacemaker diff notifications), "poll" (epoch poll, 1 s) or "fswatch" (file mode)
 *   w.stop();
 *
 * onChange carries no payload on purpose: callers re-read the state (crm_mon), coalescing bursts themselves.
 * It may fire spuriously; it must not be missed for a real change. It fires once as soon as the watcher is
 * established (live: subscribed; file: watching; poll: first answer), and in live mode again on every
 * reconnect, so a change between the caller's first read and the subscription is not lost.
 * Async because live mode may first build the watcher binary and waits until it has signed on.
 */
import { watchCibFile } from "./file-watch";
import { watchLiveCib, type LiveWatchOptions } from "./live-watch";
import type { CibWatcher, OnChange } from "./types";

export type { CibWatcher, OnChange, WatcherKind, WatcherOptions } from "./types";
export { ensureWatcherBinary } from "./build";

/** Beyond the contract: `log` (default console.warn) and, in live mode, `watcherBinary` (see LiveWatchOptions). */
export type StartOptions = ({ mode: "file"; path: string } | ({ mode: "live" } & LiveWatchOptions)) & {
  log?: (msg: string) => void;
};

export async function startCibWatcher(opts: StartOptions, onChange: OnChange): Promise<CibWatcher> {
  const log = opts.log ?? ((m: string) => console.warn(m));
  // A consumer that throws must not take the watcher (or, from a child's event handler, the agent) down.
  const guarded: OnChange = () => {
    try {
      onChange();
    } catch (e) {
      log(`cib watcher: onChange failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  if (opts.mode === "file") return watchCibFile(opts.path, guarded);
  return watchLiveCib(guarded, { ...opts, log });
}
