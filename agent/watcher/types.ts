/** How the watcher learns about CIB changes; reported in the agent's hello so operators know the latency class. */
export type WatcherKind = "notify" | "poll" | "fswatch";

export type WatcherOptions = { mode: "live" } | { mode: "file"; path: string };

export interface CibWatcher {
  /** May change over time in live mode (e.g. notify → poll after the binary keeps failing); read it when needed. */
  readonly kind: WatcherKind;
  stop(): void;
}

export type OnChange = () => void;
