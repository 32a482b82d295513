/**
 * sim mode (the demo: several agents over one CIB file, crm_simulate playing the cluster). Changes
 * run the very commands of a live node, with CIB_file, wherever Pacemaker 2.1.5 can do them in file
 * mode. Four cannot, and are done here with tools that can, to the same visible effect:
 *
 * - `crm_resource --cleanup` / `--refresh` print a dry-run line per node and then crash (exit 139):
 *   they talk to the controller, which file mode does not have. Pacemaker's cleanup wipes the
 *   resource's operation history on the nodes where it failed and clears its fail counts (attrd);
 *   refresh wipes the history everywhere. Here: `cibadmin --delete-all --xpath` removes the same
 *   `lrm_resource` entries and the `fail-count-*` / `last-failure-*` transient attributes (one
 *   command each, whatever the number of nodes), and the settle re-probes, as the cluster would.
 *   crm_simulate answers every probe "not running", so a refreshed resource that was running is
 *   started again where it belongs (a live probe would find it running and leave it be).
 * - `crm_resource --restart` waits on the controller (it needs a live cluster): here target-role
 *   Stopped, settle (the cluster stops it), then the previous target-role back (or none), settle.
 *   A clone's instance on one node (node given) is stopped by a ban from that node and started by
 *   clearing it, as crm_resource --restart itself does.
 * - `stonith_admin --fence` needs the fencer: here `crm_simulate --node-fail=NODE -S` on the file,
 *   which fences the node as the cluster would after a failure (the fencing succeeds), leaves it
 *   OFFLINE and recovers its resources elsewhere; a fenced DC hands dc-uuid to a survivor (an
 *   election would). File mode has no fencer, so no fencing history; and ACLs (CIB_user) do not
 *   apply to crm_simulate, as they do not to the live fencer (it allows root and hacluster).
 *
 * Every write holds withCibLock (the other agents' settles and requests wait, never interleave);
 * the settle after it is the agent's coalesced one.
 */
import { open, rename, rm } from "node:fs/promises";
import type { ClusterStatus } from "@/lib/pacemaker";
import { liveCommands, type ActionParams, type ChangeActionName } from "@/lib/protocol";
import { readCibHeader, withCibLock, type SettleResult } from "../sim";
import { isClone, metaHolder, metaValue, primitivesOf } from "./ids";
import { StepRefused, type Cmd, type Steps } from "./steps";

export interface SimContext {
  cibFile: string;
  status: ClusterStatus | null;
  settle: () => Promise<SettleResult | null>;
}

export interface SimOutcome {
  epochAfter: string | null;
  settle: SettleResult | null;
}

export async function cibVersion(cibFile: string): Promise<string | null> {
  const h = await readCibHeader(cibFile);
  return h ? `${h.adminEpoch}.${h.epoch}.${h.numUpdates}` : null;
}

/** Runs a change in sim mode; throws what Steps throws. */
export async function runSimChange<A extends ChangeActionName>(action: A, params: ActionParams<A>, steps: Steps, ctx: SimContext): Promise<SimOutcome> {
  switch (action) {
    case "resource.cleanup":
    case "resource.refresh":
      return write(ctx, () => forgetHistory(steps, ctx, params as ActionParams<"resource.cleanup">, action === "resource.cleanup"));
    case "resource.restart":
      return restart(steps, ctx, params as ActionParams<"resource.restart">);
    case "node.fence":
      return write(ctx, () => fence(steps, ctx, (params as ActionParams<"node.fence">).node));
    default:
      return write(ctx, async () => {
        for (const cmd of liveCommands(action, params)) await steps.run(cmd);
      });
  }
}

/** One write under the lock (its version read before letting go), then the settle. */
async function write(ctx: SimContext, fn: () => Promise<void>): Promise<SimOutcome> {
  const epochAfter = await withCibLock(ctx.cibFile, async () => {
    await fn();
    return cibVersion(ctx.cibFile);
  });
  return { epochAfter, settle: await ctx.settle() };
}

const q = (v: string): string => `'${v}'`; // ids and node names are validated: no quote can be in them

/** XPath predicate: the history entries of these primitives (anonymous clone instances share the id; unique ones are id:N). */
function historyPredicate(prims: readonly string[]): string {
  return prims.map((p) => `@id=${q(p)} or starts-with(@id,${q(`${p}:`)})`).join(" or ");
}

function failAttrPredicate(prims: readonly string[] | null): string {
  const prefixes = ["fail-count-", "last-failure-"];
  if (!prims) return prefixes.map((p) => `starts-with(@name,${q(p)})`).join(" or ");
  return prims.flatMap((p) => prefixes.flatMap((pre) => [`starts-with(@name,${q(`${pre}${p}#`)})`, `starts-with(@name,${q(`${pre}${p}:`)})`])).join(" or ");
}

const deleteAll = (xpath: string): Cmd => ({ tool: "cibadmin", args: ["--delete-all", "--force", `--xpath=${xpath}`] });

async function forgetHistory(steps: Steps, ctx: SimContext, p: { rsc?: string; node?: string }, onlyFailed: boolean): Promise<void> {
  const prims = p.rsc === undefined ? null : ctx.status ? primitivesOf(ctx.status, p.rsc) : [p.rsc];
  const nodeState = `/cib/status/node_state${p.node ? `[@uname=${q(p.node)}]` : ""}`;
  const which = [prims ? `[${historyPredicate(prims)}]` : "", onlyFailed ? "[lrm_rsc_op[contains(@id,'_last_failure_')]]" : ""].join("");
  await steps.run(deleteAll(`${nodeState}/lrm/lrm_resources/lrm_resource${which}`));
  await steps.run(deleteAll(`${nodeState}/transient_attributes/instance_attributes/nvpair[${failAttrPredicate(prims)}]`));
}

async function restart(steps: Steps, ctx: SimContext, p: ActionParams<"resource.restart">): Promise<SimOutcome> {
  const status = ctx.status;
  let stop: Cmd;
  let start: Cmd;
  if (p.node && status && isClone(status, p.rsc)) {
    stop = { tool: "crm_resource", args: ["--ban", `--resource=${p.rsc}`, `--node=${p.node}`] };
    start = { tool: "crm_resource", args: ["--clear", `--resource=${p.rsc}`, `--node=${p.node}`] };
  } else {
    const previous = status ? metaValue(status, metaHolder(status, p.rsc), "target-role") : null;
    stop = { tool: "crm_resource", args: [`--resource=${p.rsc}`, "--meta", "--set-parameter=target-role", "--parameter-value=Stopped"] };
    start =
      previous === null || previous === "Stopped"
        ? { tool: "crm_resource", args: [`--resource=${p.rsc}`, "--meta", "--delete-parameter=target-role"] }
        : { tool: "crm_resource", args: [`--resource=${p.rsc}`, "--meta", "--set-parameter=target-role", `--parameter-value=${previous}`] };
  }
  const stopped = await write(ctx, async () => void (await steps.run(stop)));
  if (!stopped.settle) {
    // The cluster never stopped it: put the target-role back rather than leave it stopped.
    await write(ctx, async () => void (await steps.run(start)));
    throw new StepRefused("command_failed", "the demo cluster could not be settled after the stop; the previous target-role is restored");
  }
  return write(ctx, async () => void (await steps.run(start)));
}

async function fence(steps: Steps, ctx: SimContext, node: string): Promise<void> {
  const cibFile = ctx.cibFile;
  const header = await readCibHeader(cibFile);
  if (!header) throw new StepRefused("unavailable", `cannot read the CIB header of ${cibFile}`);
  const out = `${cibFile}.fence.${process.pid}`;
  try {
    await steps.run(
      { tool: "crm_simulate", args: ["-x", cibFile, "-q", header.haveQuorum ? "true" : "false", `--node-fail=${node}`, "-S", "-O", out] },
      { timeoutMs: 60_000, output: (r) => transitionSummary(r.stdout) },
    );
    await rename(out, cibFile);
  } finally {
    await rm(out, { force: true });
  }
  // A fenced DC is no DC: the survivors elect one. File mode keeps whatever dc-uuid says, so say it
  // (the online member with the lowest id, the one an election among equals settles on here).
  const fenced = ctx.status?.nodes.find((n) => n.name === node);
  if (fenced && (await dcUuid(cibFile)) === fenced.id) {
    const next = ctx.status!.nodes
      .filter((n) => n.online && n.type === "member" && n.name !== node)
      .sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true }))[0];
    if (next) await steps.run({ tool: "cibadmin", args: ["--modify", `--xml-text=<cib dc-uuid="${next.id}"/>`] });
  }
}

/** dc-uuid of the <cib> start tag. */
async function dcUuid(cibFile: string): Promise<string | null> {
  const fh = await open(cibFile, "r");
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const tag = /<cib\b[^>]*>/.exec(buf.subarray(0, bytesRead).toString("utf8"))?.[0] ?? "";
    return /\sdc-uuid="([^"]*)"/.exec(tag)?.[1] ?? null;
  } finally {
    await fh.close();
  }
}

/** The "Transition Summary" of crm_simulate's text output (what the cluster did), not the whole status. */
export function transitionSummary(text: string): string {
  const m = /Transition Summary:\n([\s\S]*?)(?:\n\s*\n|\nExecuting Cluster Transition:|$)/.exec(text);
  return m ? `Transition Summary:\n${m[1]!.replace(/\s+$/, "")}` : "";
}
