/**
 * Requests a client may make, each validated with zod and carried out through runPacemaker.
 * Values are always passed attached (`--name=value`), so even a value the validators let through
 * can never be read as an option; ids are checked against the current status first so an unknown
 * id gets a clear answer, and Pacemaker's own "no such object" (exit 105) backs that up.
 */
import type { ClusterStatus, Group, Primitive, Resource } from "@/lib/pacemaker";
import { ActionParamsSchemas, isActionName, type ActionName, type ActionParams } from "@/lib/protocol";
import type { ActionHandler, ActionOutcome, Logger } from "./feed";
import { PacemakerCommandError, runPacemaker, type PacemakerTool, type RunResult } from "./run";
import { CibLockTimeout, settleCib, withCibLock, type SettleResult } from "./sim";
import type { StatusSource } from "./status-source";

export interface ActionContext {
  source: StatusSource;
  log: Logger;
  /** sim mode: the shared CIB file (commands get CIB_file; the cluster is settled after each change). */
  cibFile?: string;
  /** sim mode: the agent's coalesced settle (null when it failed); without it each request settles itself. */
  settle?: () => Promise<SettleResult | null>;
  timeoutMs?: number;
}

/** Pacemaker exit codes with a meaning for the client. */
const EXIT_NO_SUCH_OBJECT = 105;
const EXIT_INSUFFICIENT_PRIVILEGES = 4;

type Command = { tool: PacemakerTool; args: string[] };

/** Every id a request may name: top-level resources, group members, clone children, bundle parts. */
export function resourceIds(status: ClusterStatus): Set<string> {
  const ids = new Set<string>();
  const walk = (r: Resource | Group | Primitive): void => {
    ids.add(r.id);
    if (r.kind === "group" || r.kind === "clone") for (const child of r.children) walk(child);
    else if (r.kind === "bundle") for (const rep of r.replicas) for (const p of rep.resources) walk(p);
  };
  for (const r of status.resources) walk(r);
  // Configured resources crm_mon does not list (e.g. not yet probed) still exist for Pacemaker.
  for (const r of status.configuration?.resources ?? []) ids.add(r.id);
  return ids;
}

function commandFor<A extends ActionName>(action: A, params: ActionParams<A>): Command | null {
  switch (action) {
    case "refresh":
      return null;
    case "resource.move": {
      const p = params as ActionParams<"resource.move">;
      const args = ["--move", `--resource=${p.rsc}`, `--node=${p.node}`];
      if (p.lifetime) args.push(`--lifetime=${p.lifetime}`);
      return { tool: "crm_resource", args };
    }
    case "resource.clear": {
      const p = params as ActionParams<"resource.clear">;
      const args = ["--clear", `--resource=${p.rsc}`];
      if (p.node) args.push(`--node=${p.node}`);
      return { tool: "crm_resource", args };
    }
    case "node.standby": {
      const p = params as ActionParams<"node.standby">;
      return { tool: "crm_attribute", args: ["--type=nodes", `--node=${p.node}`, "--name=standby", `--update=${p.on ? "on" : "off"}`] };
    }
    case "node.attribute.set": {
      const p = params as ActionParams<"node.attribute.set">;
      return { tool: "crm_attribute", args: [`--node=${p.node}`, `--name=${p.name}`, `--update=${p.value}`, `--lifetime=${p.lifetime}`] };
    }
  }
  return null;
}

/** Ids named in the params that the current status does not know. */
function unknownIds(status: ClusterStatus | null, params: Record<string, unknown>): string | null {
  if (!status) return null; // nothing to check against yet: Pacemaker's exit 105 still catches it
  const nodes = new Set(status.nodes.map((n) => n.name));
  if (typeof params.node === "string" && !nodes.has(params.node)) {
    return `unknown node "${params.node}" (nodes: ${[...nodes].join(", ") || "none"})`;
  }
  if (typeof params.rsc === "string" && !resourceIds(status).has(params.rsc)) {
    return `unknown resource "${params.rsc}"`;
  }
  return null;
}

export function createActionHandler(ctx: ActionContext): ActionHandler {
  const baseEnv: Record<string, string> = ctx.cibFile ? { CIB_file: ctx.cibFile } : {};

  return async (action, rawParams, caller): Promise<ActionOutcome> => {
    const env = caller?.cibUser ? { ...baseEnv, CIB_user: caller.cibUser } : baseEnv;
    const run = (cmd: Command): Promise<RunResult> =>
      runPacemaker(cmd.tool, cmd.args, { env, timeoutMs: ctx.timeoutMs ?? 30_000, maxBytes: 1024 * 1024 });
    if (!isActionName(action)) {
      return { ok: false, error: { code: "unknown_action", message: `unknown action "${action}"; known: ${Object.keys(ActionParamsSchemas).join(", ")}` } };
    }
    const parsed = ActionParamsSchemas[action].safeParse(rawParams);
    if (!parsed.success) {
      const msg = parsed.error.issues.map((i) => `${i.path.join(".") || "params"}: ${i.message}`).join("; ");
      return { ok: false, error: { code: "invalid_params", message: `${action}: ${msg}` } };
    }
    const params = parsed.data as Record<string, unknown>;
    const unknown = unknownIds(ctx.source.status(), params);
    if (unknown) return { ok: false, error: { code: "not_found", message: `${action}: ${unknown}` } };

    const cmd = commandFor(action, parsed.data as ActionParams<typeof action>);
    try {
      let result: RunResult | null = null;
      let settle: SettleResult | null = null;
      if (cmd && ctx.cibFile) {
        const cibFile = ctx.cibFile;
        // The tool writes the file the other demo agents write too: hold the lock for the write. The
        // settle takes it again, coalesced, so a burst of requests costs one settle, not one each.
        result = await withCibLock(cibFile, () => run(cmd));
        if (result.code === 0) settle = ctx.settle ? await ctx.settle() : await withCibLock(cibFile, () => settleCib(cibFile, ctx.log));
      } else if (cmd) {
        result = await run(cmd);
      }
      if (result && result.code !== 0) return { ok: false, error: failureOf(action, cmd!, result) };
      await ctx.source.refresh();
      return {
        ok: true,
        result: {
          seq: ctx.source.current()?.seq ?? null,
          output: result ? (result.stdout + result.stderr).trim() : "",
          ...(settle ? { settle } : {}),
        },
      };
    } catch (e) {
      if (e instanceof CibLockTimeout) return { ok: false, error: { code: "unavailable", message: `${action}: ${e.message}; try again` } };
      if (e instanceof PacemakerCommandError) {
        return { ok: false, error: { code: e.code === "timeout" ? "timeout" : e.code === "missing" ? "unavailable" : "command_failed", message: e.message } };
      }
      throw e;
    }
  };
}

function failureOf(action: string, cmd: Command, r: RunResult): { code: "not_found" | "not_permitted" | "command_failed"; message: string } {
  const detail = (r.stderr.trim() || r.stdout.trim()).split("\n").slice(0, 3).join(" / ");
  const code = r.code === EXIT_NO_SUCH_OBJECT ? "not_found" : r.code === EXIT_INSUFFICIENT_PRIVILEGES ? "not_permitted" : "command_failed";
  return { code, message: `${action}: ${cmd.tool} exited ${r.code}: ${detail || "no output"}` };
}
