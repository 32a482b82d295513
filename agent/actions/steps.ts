/**
 * The commands one request runs, recorded as they run: each becomes a `CommandRun` ({ line, code, ms })
 * for the answer and the audit history, also when a later one fails. Every process still starts in
 * agent/run.ts (runPacemaker): argument arrays, a timeout, an output cap.
 */
import { commandLine, type CommandRun, type RequestErrorCode } from "@/lib/protocol";
import { PacemakerCommandError, runPacemaker, type PacemakerTool, type RunResult } from "../run";

export interface Cmd {
  tool: PacemakerTool;
  args: string[];
}

/** Pacemaker exit codes with a meaning for the client. */
export const EXIT_INSUFFICIENT_PRIVILEGES = 4;
export const EXIT_NO_SUCH_OBJECT = 105;

export interface StepOptions {
  /** more environment for this command (e.g. CIB_file of a scratch copy) */
  env?: Record<string, string>;
  timeoutMs?: number;
  maxBytes?: number;
  /** the line recorded for it (default: commandLine(cmd)); e.g. with a CIB_file=… prefix for a scratch copy */
  line?: string;
  /** exit codes that are not a failure (default: 0 only) */
  okCodes?: readonly number[];
  /** what of its output goes into the answer's `output` (default: stdout + stderr, trimmed) */
  output?: (r: RunResult) => string;
  signal?: AbortSignal;
  /** leave out the request's own environment (CIB_file, CIB_user): for commands on a scratch copy */
  noBaseEnv?: boolean;
}

/** A command of the request exited with a code that is a failure. */
export class StepFailed extends Error {
  override name = "StepFailed";
  constructor(
    readonly cmd: Cmd,
    readonly result: RunResult,
  ) {
    super(`${cmd.tool} exited ${result.code}`);
  }
}

/** A failure found by the agent itself between commands (a precondition), with the code to answer. */
export class StepRefused extends Error {
  override name = "StepRefused";
  constructor(
    readonly code: RequestErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

export class Steps {
  readonly runs: CommandRun[] = [];
  private readonly outputs: string[] = [];

  constructor(private readonly base: { env: Record<string, string>; timeoutMs: number; maxBytes: number }) {}

  async run(cmd: Cmd, opts: StepOptions = {}): Promise<RunResult> {
    const line = opts.line ?? commandLine(cmd);
    const t0 = performance.now();
    let r: RunResult;
    try {
      r = await runPacemaker(cmd.tool, cmd.args, {
        env: { ...(opts.noBaseEnv ? {} : this.base.env), ...opts.env },
        timeoutMs: opts.timeoutMs ?? this.base.timeoutMs,
        maxBytes: opts.maxBytes ?? this.base.maxBytes,
        signal: opts.signal,
      });
    } catch (e) {
      // A timeout, a missing tool: it still counts as run (code null) in the history.
      this.runs.push({ line, code: null, ms: round(performance.now() - t0) });
      throw e;
    }
    this.runs.push({ line, code: r.code, ms: round(r.ms) });
    const out = (opts.output ? opts.output(r) : r.stdout + r.stderr).trim();
    if (out) this.outputs.push(out);
    if (!(opts.okCodes ?? [0]).includes(r.code)) throw new StepFailed(cmd, r);
    return r;
  }

  output(): string {
    return this.outputs.join("\n");
  }
}

/** Pacemaker's own words for a failed command, whole (its first lines, capped). */
export function pacemakerText(r: RunResult): string {
  const text = (r.stderr.trim() || r.stdout.trim()).split("\n").map((l) => l.trim()).filter(Boolean);
  const joined = text.slice(0, 8).join(" / ");
  return joined.length > 2000 ? `${joined.slice(0, 2000)}…` : joined || "no output";
}

export function failureCode(exit: number): RequestErrorCode {
  return exit === EXIT_INSUFFICIENT_PRIVILEGES ? "not_permitted" : exit === EXIT_NO_SUCH_OBJECT ? "not_found" : "command_failed";
}

export interface RequestError {
  code: RequestErrorCode;
  message: string;
  commands?: CommandRun[];
}

/** The answer for anything a request's commands threw, with the commands run so far; null: not ours (rethrow). */
export function errorOf(action: string, e: unknown, runs: readonly CommandRun[]): RequestError | null {
  const commands = runs.length ? { commands: [...runs] } : {};
  if (e instanceof StepFailed) {
    // stonith_admin's 105 is "no device can fence that node", not an unknown id: the node exists.
    const code = e.cmd.tool === "stonith_admin" && e.result.code === EXIT_NO_SUCH_OBJECT ? "command_failed" : failureCode(e.result.code);
    return { code, message: `${action}: ${e.cmd.tool} exited ${e.result.code}: ${pacemakerText(e.result)}`, ...commands };
  }
  if (e instanceof StepRefused) return { code: e.code, message: `${action}: ${e.message}`, ...commands };
  if (e instanceof PacemakerCommandError) {
    const code: RequestErrorCode = e.code === "timeout" ? "timeout" : e.code === "missing" || e.code === "aborted" ? "unavailable" : "command_failed";
    return { code, message: `${action}: ${e.message}`, ...commands };
  }
  return null;
}
