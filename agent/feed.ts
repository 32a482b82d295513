/**
 * What the WebSocket server needs from the status side: the newest snapshot, the last error, and
 * a stream of changes. Kept as an interface so the server can be tested without Pacemaker.
 */
export interface Snapshot {
  seq: number;
  status: unknown;
}

export type FeedEvent =
  | { type: "full"; seq: number; status: unknown }
  | { type: "patch"; seq: number; baseSeq: number; patch: unknown }
  | { type: "error"; message: string; at: string };

export interface StatusFeed {
  current(): Snapshot | null;
  lastError(): { message: string; at: string } | null;
  subscribe(listener: (event: FeedEvent) => void): () => void;
}

export type ActionOutcome =
  | { ok: true; result: unknown }
  | { ok: false; error: { code: import("@/lib/protocol").RequestErrorCode; message: string; commands?: import("@/lib/protocol").CommandRun[] } };

export interface ActionCaller {
  /** Pacemaker ACL user to run the tools as (CIB_user). */
  cibUser?: string;
}

export type ActionHandler = (action: string, params: Record<string, unknown>, caller?: ActionCaller) => Promise<ActionOutcome>;

export type LogLevel = "info" | "warn" | "error";
export type Logger = (level: LogLevel, message: string) => void;

export const stderrLogger =
  (prefix: string): Logger =>
  (level, message) => {
    process.stderr.write(`${new Date().toISOString()} ${prefix} ${level}: ${message}\n`);
  };
