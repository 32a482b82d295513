/**
 * One running agent: status source + change watcher (+ the simulator in sim mode) + server.
 */
import { hostname } from "node:os";
import { resolve } from "node:path";
import { ACTION_NAMES, PROTOCOL_VERSION, type HelloMessage } from "@/lib/protocol";
import { startCibWatcher, type CibWatcher } from "./watcher";
import { createActionHandler } from "./actions";
import type { Logger } from "./feed";
import { runPacemaker } from "./run";
import { startAgentServer, type AgentServer } from "./server";
import { settleCib, withCibLock, type SettleResult } from "./sim";
import { createStatusSource, type StatusSource } from "./status-source";
import { AGENT_VERSION } from "./version";

export interface AgentConfig {
  mode: "live" | "sim";
  port: number;
  host?: string;
  token: string;
  /** sim mode: the node this agent plays; live mode: defaults to Pacemaker's name for this host. */
  node?: string;
  /** sim mode: the shared CIB file. */
  cibFile?: string;
  tls?: { cert: string | Buffer; key: string | Buffer };
  log: Logger;
}

export interface RunningAgent {
  server: AgentServer;
  source: StatusSource;
  hello(): HelloMessage;
  stop(): Promise<void>;
}

export async function startAgent(cfg: AgentConfig): Promise<RunningAgent> {
  const { log } = cfg;
  if (cfg.mode === "sim" && (!cfg.cibFile || !cfg.node)) throw new Error("sim mode needs --cib-file and --node");
  const cibFile = cfg.mode === "sim" && cfg.cibFile ? resolve(cfg.cibFile) : undefined;
  const env = cibFile ? { CIB_file: cibFile } : undefined;
  // Aborted by stop(): reads and settles in flight are killed, not left running behind the agent.
  const stopping = new AbortController();
  const trace = process.env.VIGIL_AGENT_TRACE === "1";
  const source = createStatusSource({ env, cibFile, log, trace, signal: stopping.signal });
  const pacemakerVersion = await detectPacemakerVersion();
  const node = cfg.node ?? (await detectNodeName());

  const settle = cibFile ? coalesced(() => settleOnce(cibFile, log, stopping.signal)) : null;
  await settle?.();
  // Wait for the first read so hello can name the cluster, but not for long: crm_mon of a big
  // cluster takes seconds, and clients that connect meanwhile get the status when it is ready.
  await Promise.race([source.refresh(), new Promise((r) => setTimeout(r, 3000).unref())]);

  let watcher: CibWatcher | null = null;
  let standbyTimer: NodeJS.Timeout | null = null;
  const readThenSettle = (): void => {
    // Clients first see the change itself, then (after the settle rewrites the file) its consequences.
    // Our own settle's write comes back here too: settleCib recognises the version and skips.
    void source.refresh().then(() => settle?.());
  };
  const onChange = (): void => {
    if (trace) log("info", "notified: CIB changed");
    // sim mode: the demo's agents share one machine and one file. The DC's agent, the one the
    // console shows, reads first; the others (standbys for failover) a moment later, so that their
    // crm_mon runs do not compete with its own. Live agents each have their node to themselves.
    const dc = source.status()?.summary.dc?.name;
    if (cibFile && dc !== undefined && dc !== node) {
      // One pending read at most: a burst of changes is one read anyway.
      standbyTimer ??= setTimeout(() => {
        standbyTimer = null;
        readThenSettle();
      }, SIM_STANDBY_DELAY_MS);
    } else readThenSettle();
  };
  watcher = await startCibWatcher(cibFile ? { mode: "file", path: cibFile } : { mode: "live", log: (m: string) => log("info", m) }, onChange);

  const hello = (): HelloMessage => ({
    type: "hello",
    protocol: PROTOCOL_VERSION,
    agentVersion: AGENT_VERSION,
    node,
    cluster: source.status()?.summary.clusterName ?? null,
    pacemakerVersion,
    mode: cfg.mode,
    capabilities: ["status", "status.patch", "cib-user", ...ACTION_NAMES.map((a) => `action:${a}`)],
    watch: watcher?.kind ?? "poll",
  });
  const actions = createActionHandler({ source, log, cibFile, settle: settle ?? undefined });
  let server: AgentServer;
  try {
    server = await startAgentServer({ port: cfg.port, host: cfg.host, token: cfg.token, tls: cfg.tls, feed: source, hello, actions, log });
  } catch (e) {
    watcher.stop();
    throw new Error(`cannot listen on ${cfg.host ?? "0.0.0.0"}:${cfg.port}: ${(e as Error).message}`);
  }
  log("info", `${cfg.mode} agent for ${node} listening on ${server.url} (watch: ${watcher.kind}${cibFile ? `, CIB ${cibFile}` : ""})`);

  return {
    server,
    source,
    hello,
    async stop() {
      watcher?.stop();
      if (standbyTimer) clearTimeout(standbyTimer);
      stopping.abort();
      await server.close();
    },
  };
}

/** How long a sim agent that is not the DC's waits before reading a change (see onChange). */
const SIM_STANDBY_DELAY_MS = 150;

async function settleOnce(cibFile: string, log: Logger, signal: AbortSignal): Promise<SettleResult | null> {
  if (signal.aborted) return null;
  try {
    const r = await withCibLock(cibFile, () => settleCib(cibFile, log, signal));
    if (process.env.VIGIL_AGENT_TRACE === "1") log("info", `settle: ${JSON.stringify(r)}`);
    if (!r.skipped && r.actions > 0) log("info", `settled the cluster: ${r.actions} actions in ${r.rounds} crm_simulate runs`);
    return r;
  } catch (e) {
    if (!signal.aborted) log("warn", `could not settle the demo cluster: ${(e as Error).message}`);
    return null;
  }
}

/**
 * One run at a time, one more queued: a burst of calls costs at most two runs. Each call resolves
 * with the result of a run that started after it.
 */
export function coalesced<T>(fn: () => Promise<T>): () => Promise<T> {
  let inflight: Promise<T> | null = null;
  let queued: Promise<T> | null = null;
  const call = (): Promise<T> => {
    if (!inflight) {
      inflight = fn().finally(() => {
        inflight = null;
      });
      return inflight;
    }
    queued ??= inflight.then(() => {
      queued = null;
      return call();
    });
    return queued;
  };
  return call;
}

async function detectPacemakerVersion(): Promise<string | null> {
  try {
    const r = await runPacemaker("crm_mon", ["--version"], { timeoutMs: 5000 });
    return /Pacemaker\s+(\S+)/.exec(r.stdout)?.[1] ?? null;
  } catch {
    return null;
  }
}

/** Pacemaker's own name for this node; the host name when the cluster is not running. */
async function detectNodeName(): Promise<string> {
  try {
    const r = await runPacemaker("crm_node", ["--name"], { timeoutMs: 5000 });
    const name = r.stdout.trim();
    if (r.code === 0 && name) return name;
  } catch {
    // fall through
  }
  return hostname();
}
