/**
 * The one and only place where the agent starts a process for Pacemaker.
 *
 * Every call goes through an allow-list of tools resolved to absolute paths, an argument array
 * (never a shell), a timeout that kills the whole process group, and an output cap. Failures are
 * typed so callers can turn them into clear protocol errors.
 */
import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";

export const ALLOWED_TOOLS = [
  "crm_mon",
  "cibadmin",
  "crm_resource",
  "crm_attribute",
  "crm_node",
  "crm_simulate",
  "crm_verify",
  "crm_diff",
  "crm_standby",
  "crm_ticket",
  "crm_failcount",
  "stonith_admin",
  // the daemons, only ever with the single argument `metadata` (agent/metadata.ts): the cluster
  // options' metadata, which Pacemaker 2.1.5 offers no other way (crm_attribute --list-options is 2.1.8+)
  "pacemaker-schedulerd",
  "pacemaker-controld",
  "pacemaker-based",
  "pacemaker-fenced",
  // crmsh, where installed: `crm configure show` (read only)
  "crm",
] as const;
export type PacemakerTool = (typeof ALLOWED_TOOLS)[number];

/**
 * Only system locations: a writable directory early in PATH must not be able to shadow a tool. The
 * daemons live in /usr/lib/pacemaker (Debian, Ubuntu) or /usr/libexec/pacemaker (RHEL, SUSE).
 */
const SEARCH_DIRS = ["/usr/sbin", "/usr/bin", "/usr/lib/pacemaker", "/usr/libexec/pacemaker"];

export const DEFAULT_TIMEOUT_MS = 30_000;
/** crm_mon of 32 nodes x 2000 resources prints ~30 MB; leave room above that. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export interface RunOptions {
  /** Added to the agent's environment (e.g. CIB_file, CIB_user). */
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Cap on stdout + stderr together. */
  maxBytes?: number;
  /** Written to the tool's stdin (e.g. a patch for cibadmin). */
  input?: string;
  /**
   * Kills the tool (its whole process group) when aborted: an agent that stops must not leave a
   * crm_mon or crm_simulate of a big cluster running for minutes behind it. Only for tools that
   * read or write to a scratch file; a CIB write is never cut off half-way.
   */
  signal?: AbortSignal;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

export class PacemakerCommandError extends Error {
  constructor(
    readonly code: "not_allowed" | "missing" | "timeout" | "too_large" | "bad_argument" | "spawn_failed" | "aborted",
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
export class CommandNotAllowed extends PacemakerCommandError {
  constructor(tool: string) {
    super("not_allowed", `command not allowed: ${JSON.stringify(tool)} is not one of the Pacemaker tools the agent may run`);
  }
}
/** The Debian package that ships a tool. */
function packageOf(tool: string): string {
  if (tool === "crm") return "crmsh";
  if (tool.startsWith("pacemaker-")) return "pacemaker";
  return "pacemaker-cli-utils";
}

export class CommandMissing extends PacemakerCommandError {
  constructor(tool: string) {
    super("missing", `${tool} is not installed (looked in ${SEARCH_DIRS.join(", ")}); install ${packageOf(tool)}`);
  }
}
export class CommandTimeout extends PacemakerCommandError {
  constructor(tool: string, timeoutMs: number) {
    super("timeout", `${tool} did not finish within ${timeoutMs} ms and was killed`);
  }
}
export class CommandAborted extends PacemakerCommandError {
  constructor(tool: string) {
    super("aborted", `${tool} was stopped: the agent is shutting down`);
  }
}
export class OutputTooLarge extends PacemakerCommandError {
  constructor(tool: string, maxBytes: number) {
    super("too_large", `${tool} printed more than ${maxBytes} bytes and was killed`);
  }
}
export class BadArgument extends PacemakerCommandError {
  constructor(message: string) {
    super("bad_argument", message);
  }
}

export function isAllowedTool(tool: string): tool is PacemakerTool {
  return (ALLOWED_TOOLS as readonly string[]).includes(tool);
}

const resolved = new Map<string, string>();

/** Absolute path of an allowed tool; cached only on success so a later install is picked up. */
export function resolveTool(tool: string): string {
  if (!isAllowedTool(tool)) throw new CommandNotAllowed(tool);
  const hit = resolved.get(tool);
  if (hit) return hit;
  for (const dir of SEARCH_DIRS) {
    const path = `${dir}/${tool}`;
    try {
      accessSync(path, constants.X_OK);
      resolved.set(tool, path);
      return path;
    } catch {
      // try the next directory
    }
  }
  throw new CommandMissing(tool);
}

/** Test hook: pretend a tool lives elsewhere (a stub that hangs, floods, ...). */
export function overrideToolPath(tool: PacemakerTool, path: string | null): void {
  if (path === null) resolved.delete(tool);
  else resolved.set(tool, path);
}

/**
 * Process groups of the running tools that may be killed (those given a signal). Tools run in their
 * own process group, so a Ctrl-C on the agent does not reach them; when the process exits without
 * stopping its agents first, these are killed rather than left running (a crm_simulate of a big
 * cluster would run on for minutes).
 */
const killable = new Set<number>();
process.once("exit", () => {
  for (const pid of killable) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
});

export async function runPacemaker(tool: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const file = resolveTool(tool);
  for (const arg of args) {
    // A NUL would be silently truncated by execve; refuse instead of running something else.
    if (typeof arg !== "string" || arg.includes("\0")) throw new BadArgument(`argument for ${tool} contains a NUL byte`);
  }
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const started = performance.now();
  if (opts.signal?.aborted) throw new CommandAborted(tool);

  return new Promise<RunResult>((resolve, reject) => {
    const child = spawn(file, [...args], {
      env: { ...process.env, LC_ALL: "C", ...opts.env },
      stdio: [opts.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
      // Own process group, so a timeout kills whatever the tool started too.
      detached: true,
      shell: false,
      windowsHide: true,
    });
    const pid = child.pid;
    if (opts.signal && pid !== undefined) killable.add(pid);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let bytes = 0;
    let failure: PacemakerCommandError | null = null;
    let settled = false;

    const killGroup = (): void => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    };
    const fail = (e: PacemakerCommandError): void => {
      if (failure) return;
      failure = e;
      killGroup();
    };
    const timer = setTimeout(() => fail(new CommandTimeout(tool, timeoutMs)), timeoutMs);
    const onAbort = (): void => fail(new CommandAborted(tool));
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    const collect = (sink: Buffer[]) => (chunk: Buffer) => {
      if (failure) return;
      bytes += chunk.length;
      if (bytes > maxBytes) return fail(new OutputTooLarge(tool, maxBytes));
      sink.push(chunk);
    };
    child.stdout?.on("data", collect(out));
    child.stderr?.on("data", collect(err));

    const done = (): void => {
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
      if (pid !== undefined) killable.delete(pid);
    };
    child.on("error", (e: NodeJS.ErrnoException) => {
      done();
      if (settled) return;
      settled = true;
      if (e.code === "ENOENT") {
        resolved.delete(tool);
        reject(new CommandMissing(tool));
      } else reject(new PacemakerCommandError("spawn_failed", `${tool} could not be started: ${e.message}`));
    });
    child.on("close", (code, signal) => {
      done();
      if (settled) return;
      settled = true;
      if (failure) return reject(failure);
      resolve({
        // A tool killed by a signal (crm_resource --cleanup segfaults in file mode) reports 128+n like a shell would.
        code: code ?? (signal ? 128 + signalNumber(signal) : 1),
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        ms: performance.now() - started,
      });
    });
    if (opts.input !== undefined && child.stdin) {
      child.stdin.on("error", () => {
        // the tool may exit before reading its input; its exit code tells the story
      });
      child.stdin.end(opts.input);
    }
  });
}

function signalNumber(signal: NodeJS.Signals): number {
  const table: Partial<Record<NodeJS.Signals, number>> = { SIGSEGV: 11, SIGKILL: 9, SIGTERM: 15, SIGABRT: 6, SIGINT: 2 };
  return table[signal] ?? 0;
}
