/**
 * Read-only metadata queries: resource classes, OCF providers, agents, one agent's metadata, the
 * cluster daemons' options, and the configuration in crm shell syntax. None needs a running cluster,
 * so sim mode runs exactly what a live node runs.
 *
 * Metadata answers are cached in the agent process (10 minutes per key, at most CACHE_MAX keys):
 * an agent's `meta-data` action is a process start (a Python fence agent takes ~0.5 s) and agents
 * change only when packages do, so a form opened twice does not run the agent again. A cached
 * answer lists no commands (none ran for it). Failures are never cached: an agent installed a
 * minute later is found at the next try.
 */
import { hostname } from "node:os";
import { parseAgentMetadata, PacemakerParseError, type AgentMetadata } from "@/lib/pacemaker";
import type {
  ActionParams,
  AgentMetadataResult,
  AgentsResult,
  ClusterMetadataResult,
  CommandRun,
  ConfigShowResult,
  StandardsResult,
} from "@/lib/protocol";
import { pacemakerText, StepFailed, StepRefused, type Steps } from "./actions/steps";
import { PacemakerCommandError, resolveTool, type PacemakerTool } from "./run";

export type MetadataQueryName = "meta.standards" | "meta.agents" | "meta.agent" | "meta.cluster" | "config.show";

export interface MetadataContext {
  steps: Steps;
  /** sim mode: the demo's CIB file (config.show reads it) */
  cibFile?: string;
}

export const CACHE_TTL_MS = 10 * 60_000;
export const CACHE_MAX = 256;

/** A small map with an age limit per entry and a size bound (the least recently used goes first). */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; at: number }>();

  constructor(
    private readonly max: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (this.now() - e.at >= this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    // a Map iterates in insertion order: re-inserting makes this the most recently used
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, at: this.now() });
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

type Answer = { commands: CommandRun[] };
const cache = new TtlCache<Answer>(CACHE_MAX, CACHE_TTL_MS);
/** Requests for the same key at the same time share one run. */
const inflight = new Map<string, Promise<{ answer: Answer; cacheable: boolean }>>();

/** Test hook: forget every cached answer. */
export function clearMetadataCache(): void {
  cache.clear();
}

/** The cached answer (without commands: none ran for it) or a fresh one, cached when `cacheable`. */
async function cached<T extends Answer>(key: string, compute: () => Promise<{ answer: T; cacheable: boolean }>): Promise<T> {
  const hit = cache.get(key);
  if (hit) return { ...(hit as T), commands: [] };
  const running = inflight.get(key);
  if (running) return { ...((await running).answer as T), commands: [] };
  const p = compute();
  inflight.set(key, p);
  try {
    const out = await p;
    if (out.cacheable) cache.set(key, out.answer);
    return out.answer;
  } finally {
    inflight.delete(key);
  }
}

/** One name per line (crm_resource's --list-* text output), trimmed, empty lines dropped. */
function lines(stdout: string): string[] {
  return stdout
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

/** Sorted as a person reads a list (case-insensitive, ties by code point), each name once. */
function sortedUnique(names: readonly string[]): string[] {
  return [...new Set(names)].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }) || (a < b ? -1 : a > b ? 1 : 0));
}

async function standards(steps: Steps): Promise<StandardsResult> {
  return cached<StandardsResult>("meta.standards", async () => {
    const s = await steps.run({ tool: "crm_resource", args: ["--list-standards"] });
    const p = await steps.run({ tool: "crm_resource", args: ["--list-ocf-providers"] });
    return { answer: { standards: lines(s.stdout), providers: sortedUnique(lines(p.stdout)), commands: [...steps.runs] }, cacheable: true };
  });
}

async function agents(params: ActionParams<"meta.agents">, steps: Steps): Promise<AgentsResult> {
  if (params.provider !== undefined && params.class !== "ocf") {
    throw new StepRefused("invalid_params", `only OCF agents have a provider (class ${params.class} has none)`);
  }
  // 2.1.5 takes the class, or class:provider for OCF (`ocf` alone lists every provider's agents)
  const spec = params.provider === undefined ? params.class : `${params.class}:${params.provider}`;
  return cached<AgentsResult>(`meta.agents ${spec}`, async () => {
    const r = await steps.run({ tool: "crm_resource", args: [`--list-agents=${spec}`] });
    return { answer: { agents: sortedUnique(lines(r.stdout)), commands: [...steps.runs] }, cacheable: true };
  });
}

/** What a failed command or an unreadable output says, as one line for the form. */
function failureText(e: unknown): string | null {
  if (e instanceof StepFailed) return pacemakerText(e.result);
  if (e instanceof PacemakerCommandError || e instanceof PacemakerParseError) return e.message;
  return null;
}

async function agent(params: ActionParams<"meta.agent">, steps: Steps): Promise<AgentMetadataResult> {
  const a = params.agent;
  const spec = a.class === "ocf" ? `ocf:${a.provider ?? ""}:${a.type}` : `${a.class}:${a.type}`;
  return cached<AgentMetadataResult>(`meta.agent ${spec}`, async () => {
    try {
      const r = await steps.run({ tool: "crm_resource", args: [`--show-metadata=${spec}`] }, { output: () => "" });
      const metadata = parseAgentMetadata(r.stdout, `the metadata of ${spec}`);
      return { answer: { metadata, error: null, commands: [...steps.runs] }, cacheable: true };
    } catch (e) {
      // an agent that is missing or writes bad XML is an answer, not a failure: the form falls back
      // to name/value pairs and shows why. Pacemaker's words and the parser's name the agent already.
      const error =
        e instanceof StepFailed || e instanceof PacemakerParseError ? failureText(e) : `${spec}: ${failureText(e) ?? (e instanceof Error ? e.message : String(e))}`;
      return { answer: { metadata: null, error, commands: [...steps.runs] }, cacheable: false };
    }
  });
}

/** The daemons whose options are cluster properties (crm_config) or every fence device's (fenced). */
export const CLUSTER_DAEMONS = ["pacemaker-schedulerd", "pacemaker-controld", "pacemaker-based", "pacemaker-fenced"] as const satisfies readonly PacemakerTool[];

/** The line recorded for a daemon: its full path, as an admin would type it (it is not on PATH). */
function daemonLine(tool: PacemakerTool): string {
  try {
    return `${resolveTool(tool)} metadata`;
  } catch {
    return `${tool} metadata`;
  }
}

async function cluster(steps: Steps): Promise<ClusterMetadataResult> {
  return cached<ClusterMetadataResult>("meta.cluster", async () => {
    const daemons: Record<string, AgentMetadata | null> = {};
    const errors: string[] = [];
    // one after another: four short processes, recorded in order, on a machine with few cores
    for (const d of CLUSTER_DAEMONS) {
      try {
        const r = await steps.run({ tool: d, args: ["metadata"] }, { line: daemonLine(d), output: () => "" });
        daemons[d] = parseAgentMetadata(r.stdout, `${d} metadata`);
      } catch (e) {
        const error = failureText(e);
        if (error === null) throw e;
        daemons[d] = null;
        errors.push(`${d}: ${error}`);
      }
    }
    return { answer: { daemons, errors, commands: [...steps.runs] }, cacheable: errors.length === 0 };
  });
}

/** crmsh's configure show (never cached: the configuration changes). */
async function show(ctx: MetadataContext): Promise<ConfigShowResult> {
  try {
    // by path, like every tool: crmsh is an optional package, not a failure when absent
    resolveTool("crm");
  } catch {
    return { text: null, reason: `crmsh is not installed on ${hostname()}`, commands: [] };
  }
  const r = await ctx.steps.run(
    // -D plain: no colour codes in the text, whatever crmsh thinks of the terminal
    { tool: "crm", args: ["-D", "plain", "configure", "show"] },
    { env: ctx.cibFile ? { CIB_file: ctx.cibFile } : {}, output: () => "" },
  );
  return { text: r.stdout, reason: null, commands: [...ctx.steps.runs] };
}

export async function runMetadataQuery<A extends MetadataQueryName>(action: A, params: ActionParams<A>, ctx: MetadataContext): Promise<unknown> {
  switch (action) {
    case "meta.standards":
      return standards(ctx.steps);
    case "meta.agents":
      return agents(params as ActionParams<"meta.agents">, ctx.steps);
    case "meta.agent":
      return agent(params as ActionParams<"meta.agent">, ctx.steps);
    case "meta.cluster":
      return cluster(ctx.steps);
    case "config.show":
      return show(ctx);
    default:
      throw new Error(`${String(action)} is not a metadata query`);
  }
}
