/**
 * Requests a client may make (lib/protocol/actions.ts), each validated with zod and carried out
 * through runPacemaker. A live node runs exactly `liveCommands()` (lib/protocol/commands.ts: what the
 * console showed the user); sim mode runs them with CIB_file where file mode can, and stand-ins
 * where it cannot (agent/actions/sim-mode.ts says which and why). The read-only queries are in
 * agent/simulate.ts.
 *
 * Ids are checked against the current status first so an unknown id gets a clear answer, and
 * Pacemaker's own "no such object" (exit 105) backs that up; its "insufficient privileges" (exit 4,
 * an ACL refusing the caller's CIB_user) answers `not_permitted`, with Pacemaker's words.
 */
import {
  ActionParamsSchemas,
  isActionName,
  isChangeAction,
  liveCommands,
  type ActionName,
  type ActionParams,
  type ChangeActionName,
  type ChangeResult,
} from "@/lib/protocol";
import { PacemakerParseError } from "@/lib/pacemaker";
import type { ActionHandler, ActionOutcome, Logger } from "./feed";
import { isPromotable, unknownIds } from "./actions/ids";
import { cibVersion, runSimChange } from "./actions/sim-mode";
import { errorOf, Steps, type Cmd } from "./actions/steps";
import { runPacemaker } from "./run";
import { CibLockTimeout, parseCibHeader, settleCib, withCibLock, type SettleResult } from "./sim";
import { configCommit, configPreview, configRead } from "./config";
import { runMetadataQuery, type MetadataQueryName } from "./metadata";
import { simulateMove, simulateScores } from "./simulate";
import type { StatusSource } from "./status-source";

export { resourceIds } from "./actions/ids";

export interface ActionContext {
  source: StatusSource;
  log: Logger;
  /** sim mode: the shared CIB file (commands get CIB_file; the cluster is settled after each change). */
  cibFile?: string;
  /** sim mode: the agent's coalesced settle (null when it failed); without it each request settles itself. */
  settle?: () => Promise<SettleResult | null>;
  /** per command (default 30 s; fencing and restarts, which wait on the cluster, get more) */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** stonith_admin waits up to 120 s for the fencing by default; crm_resource --restart for the stop and the start. */
const SLOW_TIMEOUT_MS = 180_000;
const SLOW: readonly ActionName[] = ["node.fence", "resource.restart"];

const METADATA_QUERIES: readonly ActionName[] = ["meta.standards", "meta.agents", "meta.agent", "meta.cluster", "config.show"] satisfies MetadataQueryName[];

function invalid(action: string, message: string): ActionOutcome {
  return { ok: false, error: { code: "invalid_params", message: `${action}: ${message}` } };
}

export function createActionHandler(ctx: ActionContext): ActionHandler {
  const baseEnv: Record<string, string> = ctx.cibFile ? { CIB_file: ctx.cibFile } : {};

  /** admin_epoch.epoch.num_updates, read cheaply (the start tag only); null when it cannot be read. */
  const version = async (): Promise<string | null> => {
    if (ctx.cibFile) return cibVersion(ctx.cibFile);
    try {
      const r = await runPacemaker("cibadmin", ["--query", "--xpath", "/cib", "--no-children"], { timeoutMs: 10_000, maxBytes: 64 * 1024 });
      const h = r.code === 0 ? parseCibHeader(r.stdout) : null;
      return h ? `${h.adminEpoch}.${h.epoch}.${h.numUpdates}` : null;
    } catch {
      return null;
    }
  };
  const settle = (cibFile: string): (() => Promise<SettleResult | null>) =>
    ctx.settle ??
    (async () => {
      try {
        return await withCibLock(cibFile, () => settleCib(cibFile, ctx.log));
      } catch (e) {
        ctx.log("warn", `could not settle the demo cluster: ${(e as Error).message}`);
        return null;
      }
    });

  return async (action, rawParams, caller): Promise<ActionOutcome> => {
    if (!isActionName(action)) {
      return { ok: false, error: { code: "unknown_action", message: `unknown action "${action}"; known: ${Object.keys(ActionParamsSchemas).join(", ")}` } };
    }
    const parsed = ActionParamsSchemas[action].safeParse(rawParams ?? {});
    if (!parsed.success) {
      // One message per bad value, each naming the parameter.
      const msg = parsed.error.issues.map((i) => `${i.path.join(".") || "params"}: ${i.message}`).join("; ");
      return invalid(action, msg);
    }
    const params = parsed.data as Record<string, unknown>;
    const status = ctx.source.status();
    const unknown = unknownIds(status, params);
    if (unknown) return { ok: false, error: { code: "not_found", message: `${action}: ${unknown}` } };
    if ((action === "resource.promote" || action === "resource.demote") && status && !isPromotable(status, params.rsc as string)) {
      return invalid(action, `${String(params.rsc)} is not a promotable clone (nor in one): only those have Promoted and Unpromoted roles`);
    }

    const env = caller?.cibUser ? { ...baseEnv, CIB_user: caller.cibUser } : baseEnv;
    const steps = new Steps({ env, timeoutMs: ctx.timeoutMs ?? (SLOW.includes(action) ? SLOW_TIMEOUT_MS : DEFAULT_TIMEOUT_MS), maxBytes: 1024 * 1024 });
    try {
      if (action === "refresh") {
        await ctx.source.refresh();
        return { ok: true, result: { seq: ctx.source.current()?.seq ?? null, output: "", commands: [], epochBefore: null, epochAfter: null } };
      }
      if (action === "simulate.move") {
        return { ok: true, result: await simulateMove(parsed.data as ActionParams<"simulate.move">, { cibFile: ctx.cibFile, status, steps }) };
      }
      if (action === "simulate.scores") {
        return { ok: true, result: await simulateScores(parsed.data as ActionParams<"simulate.scores">, { cibFile: ctx.cibFile, status, steps }) };
      }
      if (action === "config.read") return { ok: true, result: await configRead({ steps, cibFile: ctx.cibFile }) };
      if (action === "config.preview") {
        return { ok: true, result: await configPreview(parsed.data as ActionParams<"config.preview">, { steps, cibFile: ctx.cibFile }) };
      }
      if (METADATA_QUERIES.includes(action)) {
        return { ok: true, result: await runMetadataQuery(action as MetadataQueryName, parsed.data as ActionParams<MetadataQueryName>, { steps, cibFile: ctx.cibFile }) };
      }
      if (!isChangeAction(action)) throw new Error(`no handler for ${action}`);
      const change = action as ChangeActionName;
      const p = parsed.data as ActionParams<typeof change>;

      const epochBefore = await version();
      let epochAfter: string | null;
      let settled: SettleResult | null = null;
      let patch: string | undefined;
      if (change === "config.commit") {
        // The one live configuration write; in sim mode under the CIB lock, then the demo cluster reacts.
        const commit = () => configCommit(p as ActionParams<"config.commit">, { steps, cibFile: ctx.cibFile });
        if (ctx.cibFile) {
          const cibFile = ctx.cibFile;
          const out = await withCibLock(cibFile, async () => ({ ...(await commit()), after: await cibVersion(cibFile) }));
          patch = out.patch;
          epochAfter = out.after;
          settled = await settle(cibFile)();
        } else {
          patch = (await commit()).patch;
          epochAfter = await version();
        }
      } else if (ctx.cibFile) {
        const out = await runSimChange(change, p, steps, { cibFile: ctx.cibFile, status, settle: settle(ctx.cibFile) });
        epochAfter = out.epochAfter;
        settled = out.settle;
      } else {
        for (const cmd of liveCommands(change, p)) await steps.run(cmd as Cmd);
        epochAfter = await version();
      }
      await ctx.source.refresh();
      const result: ChangeResult & { settle?: SettleResult } = {
        seq: ctx.source.current()?.seq ?? null,
        output: steps.output(),
        commands: steps.runs,
        epochBefore,
        epochAfter,
        ...(patch !== undefined ? { patch } : {}),
        ...(settled ? { settle: settled } : {}),
      };
      return { ok: true, result };
    } catch (e) {
      if (e instanceof CibLockTimeout) {
        return { ok: false, error: { code: "unavailable", message: `${action}: ${e.message}; try again`, ...(steps.runs.length ? { commands: steps.runs } : {}) } };
      }
      if (e instanceof PacemakerParseError) {
        return { ok: false, error: { code: "internal", message: `${action}: could not read Pacemaker's output: ${e.message}`, commands: steps.runs } };
      }
      const error = errorOf(action, e, steps.runs);
      if (error) return { ok: false, error };
      // Anything else (a temp file that cannot be written, …) is ours: answered, logged, never a crash.
      ctx.log("error", `${action} failed: ${(e as Error).stack ?? String(e)}`);
      return { ok: false, error: { code: "internal", message: `${action}: ${(e as Error).message ?? String(e)}`, ...(steps.runs.length ? { commands: steps.runs } : {}) } };
    }
  };
}
