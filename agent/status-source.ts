/**
 * Keeps the agent's view of the cluster: on each change notification it runs crm_mon and
 * cibadmin (through runPacemaker), builds the model, and emits a patch against the previous
 * snapshot. Bursts are coalesced: one run in flight, at most one more queued. A failed read keeps
 * the last good snapshot and emits an error instead.
 */
import {
  buildStatus,
  CIB_QUERY_ARGS,
  CRM_MON_ARGS,
  diffStatus,
  PacemakerParseError,
  type ClusterStatus,
} from "@/lib/pacemaker";
import { readFile } from "node:fs/promises";
import type { FeedEvent, Logger, Snapshot, StatusFeed } from "./feed";
import { PacemakerCommandError, runPacemaker, type RunResult } from "./run";

export interface StatusSourceOptions {
  /** Extra environment for every command (CIB_file in sim mode). */
  env?: Record<string, string>;
  /**
   * sim mode: the CIB file itself. Read directly instead of through `cibadmin --query`, which in file
   * mode only prints the file: one process less per change.
   */
  cibFile?: string;
  timeoutMs?: number;
  log: Logger;
  /** A read that fails right after a change is retried once after this delay (a file being rewritten). */
  retryDelayMs?: number;
  /** Log the timings of every read (VIGIL_AGENT_TRACE=1). */
  trace?: boolean;
  /** Aborted when the agent stops: a read in flight is killed and reports nothing. */
  signal?: AbortSignal;
}

export interface StatusSource extends StatusFeed {
  /** Re-reads the cluster; resolves once a read that started after this call has finished. */
  refresh(): Promise<void>;
  status(): ClusterStatus | null;
  /** Durations of the last successful read, for logs and benchmarks. */
  lastTimings(): { crmMonMs: number; cibMs: number; buildMs: number; diffMs: number } | null;
}

export class StatusReadError extends Error {
  override name = "StatusReadError";
}

export function createStatusSource(opts: StatusSourceOptions): StatusSource {
  const listeners = new Set<(e: FeedEvent) => void>();
  let snap: { seq: number; status: ClusterStatus } | null = null;
  let error: { message: string; at: string } | null = null;
  let timings: ReturnType<StatusSource["lastTimings"]> = null;
  let inflight: Promise<void> | null = null;
  let queued: Promise<void> | null = null;

  const emit = (e: FeedEvent): void => {
    for (const l of listeners) {
      try {
        l(e);
      } catch (err) {
        opts.log("error", `status listener failed: ${(err as Error).message}`);
      }
    }
  };

  const read = async (): Promise<{ status: ClusterStatus; crmMonMs: number; cibMs: number; buildMs: number }> => {
    const run = (tool: "crm_mon" | "cibadmin", args: readonly string[]): Promise<RunResult> =>
      runPacemaker(tool, args, { env: opts.env, timeoutMs: opts.timeoutMs ?? 30_000, signal: opts.signal });
    const readCib = async (): Promise<RunResult> => {
      if (!opts.cibFile) return run("cibadmin", CIB_QUERY_ARGS);
      const t0 = performance.now();
      try {
        return { code: 0, stdout: await readFile(opts.cibFile, "utf8"), stderr: "", ms: performance.now() - t0 };
      } catch (e) {
        return { code: 1, stdout: "", stderr: (e as Error).message, ms: performance.now() - t0 };
      }
    };
    const [mon, cib] = await Promise.all([run("crm_mon", CRM_MON_ARGS), readCib()]);
    // crm_mon reports an unreadable CIB inside its XML with exit 0: buildStatus turns that into an error.
    if (mon.code !== 0 && !mon.stdout.includes("<pacemaker-result")) {
      throw new StatusReadError(`crm_mon failed (exit ${mon.code}): ${firstLine(mon.stderr) || "no output"}`);
    }
    if (cib.code !== 0) {
      // A missing CIB_file shows up in crm_mon's <errors> block, which says more than the read failure.
      buildStatus({ crmMonXml: mon.stdout, cibXml: null });
      throw new StatusReadError(`${opts.cibFile ? "reading the CIB file" : "cibadmin --query"} failed (exit ${cib.code}): ${firstLine(cib.stderr) || "no output"}`);
    }
    const t0 = performance.now();
    const status = buildStatus({ crmMonXml: mon.stdout, cibXml: cib.stdout });
    return { status, crmMonMs: mon.ms, cibMs: cib.ms, buildMs: performance.now() - t0 };
  };

  const describe = (e: unknown): string => {
    if (e instanceof PacemakerParseError) return `cannot read the cluster status: ${e.message}`;
    if (e instanceof PacemakerCommandError || e instanceof StatusReadError) return e.message;
    return `unexpected error while reading the cluster: ${(e as Error).message ?? String(e)}`;
  };

  const runOnce = async (): Promise<void> => {
    let result;
    try {
      result = await read();
    } catch (first) {
      if (!(first instanceof PacemakerParseError || first instanceof StatusReadError)) return fail(first);
      await new Promise((r) => setTimeout(r, opts.retryDelayMs ?? 50));
      try {
        result = await read();
      } catch (second) {
        return fail(second);
      }
    }
    const recovered = error !== null;
    error = null;
    if (recovered) opts.log("info", "cluster status readable again");
    const t0 = performance.now();
    if (!snap) {
      snap = { seq: 0, status: result.status };
      timings = { crmMonMs: result.crmMonMs, cibMs: result.cibMs, buildMs: result.buildMs, diffMs: 0 };
      emit({ type: "full", seq: 0, status: result.status });
      return;
    }
    const patch = diffStatus(snap.status, result.status);
    const diffMs = performance.now() - t0;
    timings = { crmMonMs: result.crmMonMs, cibMs: result.cibMs, buildMs: result.buildMs, diffMs };
    if (opts.trace) {
      const f = (n: number) => n.toFixed(0);
      opts.log("info", `refresh: crm_mon ${f(result.crmMonMs)} ms, cibadmin ${f(result.cibMs)} ms, build ${f(result.buildMs)} ms, diff ${f(diffMs)} ms, ${patch.ops.length} ops`);
    }
    if (!patch.ops.some((op) => !isVolatile(op.path))) {
      // Only the time of the query moved: nothing happened in the cluster. Keeping the old snapshot
      // keeps clients and the diff base in step, and an idle cluster sends nothing. Clients that
      // were shown an error still hear that it is over (an empty patch on the same seq).
      if (recovered) emit({ type: "patch", seq: snap.seq, baseSeq: snap.seq, patch: { ops: [] } });
      return;
    }
    const baseSeq = snap.seq;
    snap = { seq: baseSeq + 1, status: result.status };
    emit({ type: "patch", seq: snap.seq, baseSeq, patch });
  };

  const fail = (e: unknown): void => {
    if (opts.signal?.aborted) return; // stopping: nothing to report
    const message = describe(e);
    const repeated = error?.message === message;
    error = { message, at: new Date().toISOString() };
    // The same failure on every notification would flood logs and clients; report changes only.
    if (repeated) return;
    opts.log("warn", message);
    emit({ type: "error", ...error });
  };

  const refresh = (): Promise<void> => {
    if (!inflight) {
      inflight = runOnce()
        .catch((e: unknown) => fail(e))
        .finally(() => {
          inflight = null;
        });
      return inflight;
    }
    queued ??= inflight.then(() => {
      queued = null;
      return refresh();
    });
    return queued;
  };

  return {
    refresh,
    current: (): Snapshot | null => snap,
    status: () => snap?.status ?? null,
    lastError: () => error,
    lastTimings: () => timings,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Fields that change on every crm_mon run (the query's own time), not with the cluster. */
const VOLATILE_PATHS = ["summary/lastUpdate", "pacemakerdHealth/lastUpdated"];
function isVolatile(path: readonly string[]): boolean {
  return VOLATILE_PATHS.includes(path.join("/"));
}

function firstLine(s: string): string {
  return s.trim().split("\n")[0] ?? "";
}
