import { watch, statSync, type FSWatcher } from "node:fs";
import path from "node:path";
import type { CibWatcher, OnChange } from "./types";

/** Debounce just long enough to fold the truncate+write (or tmp+rename) of one save into one event. */
const DEBOUNCE_MS = 5;
/** fs.watch can miss events (e.g. directory replaced, some filesystems): a stat poll catches those. */
const POLL_MS = 1000;

function signature(file: string): string {
  try {
    const s = statSync(file, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch {
    return "missing";
  }
}

function dirIdentity(dir: string): string | null {
  try {
    const s = statSync(dir, { bigint: true });
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

/**
 * Watches a CIB file. We watch the DIRECTORY, not the file: crm_simulate -O + rename and
 * editors replace the inode, and a watch on the old inode would go silent after the first rename.
 */
export function watchCibFile(file: string, onChange: OnChange): CibWatcher {
  const abs = path.resolve(file);
  const dir = path.dirname(abs);
  const base = path.basename(abs);
  let last = signature(abs);
  let timer: NodeJS.Timeout | null = null;
  let eventSeen = false;
  let stopped = false;

  const fire = (): void => {
    timer = null;
    if (stopped) return;
    const now = signature(abs);
    // Kernel mtimes are jiffy-coarse, so two same-size writes can share a signature: an fs event
    // for our name always counts; the poll alone only counts a signature change.
    const changed = now !== last || eventSeen;
    last = now;
    eventSeen = false;
    if (changed) onChange();
  };
  const schedule = (fromEvent: boolean): void => {
    if (stopped) return;
    if (fromEvent) eventSeen = true;
    if (timer === null) timer = setTimeout(fire, DEBOUNCE_MS);
  };

  let fsw: FSWatcher | null = null;
  let watchedDir: string | null = null;
  const attach = (): void => {
    fsw?.close();
    fsw = null;
    watchedDir = dirIdentity(dir);
    if (watchedDir === null) return;
    try {
      const w = watch(dir, { persistent: false }, (_event, name) => {
        // Some platforms give no name; then we cannot filter and just re-check the signature.
        if (name === null || name === base) schedule(name !== null);
      });
      // A vanished directory ends the fs watch; the stat poll keeps going and re-attaches.
      w.on("error", () => {
        w.close();
        if (fsw === w) fsw = null;
      });
      fsw = w;
    } catch {
      fsw = null;
    }
  };
  attach();
  // Like live mode, one call once watching: a change between the caller's first read and this point
  // would otherwise wait for the next one. Deferred so the caller holds the watcher before it runs.
  const initial = setImmediate(() => {
    if (!stopped) onChange();
  });
  const poll = setInterval(() => {
    // A directory replaced (or created) under the same path is invisible to a watch on the old one.
    if (fsw === null || dirIdentity(dir) !== watchedDir) attach();
    schedule(false);
  }, POLL_MS);
  poll.unref();

  return {
    kind: "fswatch",
    stop(): void {
      stopped = true;
      clearImmediate(initial);
      clearInterval(poll);
      if (timer !== null) clearTimeout(timer);
      fsw?.close();
    },
  };
}
