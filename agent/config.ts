/**
 * The configuration requests: read the CIB's configuration, preview a draft, commit it.
 *
 * A draft arrives as its edit list (lib/cib/edits.ts) and is applied here to the CIB as it is at this
 * moment, with the same pure functions the console uses. The preview never touches the CIB: the
 * draft is written to a private temp dir and judged there (`crm_verify -x`, `crm_simulate -x`). The
 * commit is the one live write: the configuration must still be at the epoch the console expects
 * (else `conflict`, and the console decides whether the change underneath conflicts with the draft),
 * then `crm_diff --no-version` and `cibadmin --patch` — the patch carries only what the draft
 * changes, and no version, so the CIB bumps the epoch itself and nothing else is overwritten.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyEditsToTree, cibVersion, parseCibRoot, withoutStatus } from "@/lib/cib";
import { CibEditError, type CibEdit } from "@/lib/cib/edits";
import { toXmlPretty, type XNode } from "@/lib/pacemaker/xml";
import { shellQuote, type ActionParams, type ConfigPreviewResult, type ConfigReadResult, type PlacementChange, type TransitionAction, type VerifyFinding } from "@/lib/protocol";
import { StepRefused, type Steps } from "./actions/steps";
import { parseVerify } from "./verify";
import { parseSimulateXml, type PlacedPrimitive } from "./simulate";
import { parseTransitionGraph, placementAfter } from "./transition";

export interface ConfigContext {
  steps: Steps;
  /** sim mode: the demo's CIB file (the steps' environment carries CIB_file already) */
  cibFile?: string;
}

/** A CIB of a big cluster, with its status, is tens of MB. */
const BIG_OUTPUT = 64 * 1024 * 1024;
const SIM_TIMEOUT_MS = 60_000;

async function queryCib(steps: Steps): Promise<string> {
  const r = await steps.run({ tool: "cibadmin", args: ["--query"] }, { maxBytes: BIG_OUTPUT, output: () => "" });
  return r.stdout;
}

export async function configRead(ctx: ConfigContext): Promise<ConfigReadResult> {
  const live = withoutStatus(await queryCib(ctx.steps));
  return { xml: live.xml, epoch: live.epoch, version: live.version, commands: [...ctx.steps.runs] };
}

/** The live CIB, parsed once: its version, and the tree the draft is applied to (its status shared). */
async function readLive(steps: Steps): Promise<{ tree: XNode; epoch: string; version: string }> {
  const tree = parseCibRoot(await queryCib(steps), "the live CIB");
  return { tree, ...cibVersion(tree) };
}

/** The edits applied to the live CIB: its status kept, so crm_verify and crm_simulate judge the draft on today's cluster. */
function draftOf(live: XNode, edits: readonly CibEdit[]): XNode {
  try {
    return applyEditsToTree(live, edits);
  } catch (e) {
    if (e instanceof CibEditError) {
      const which = e.index !== null ? `edit ${e.index + 1} (${edits[e.index]?.op ?? "?"})` : "an edit";
      throw new StepRefused("invalid_params", `${which} does not fit the live configuration: ${e.message}`);
    }
    throw e;
  }
}

/** A scratch dir with live.xml and draft.xml (the draft one element per line, for crm_verify's line numbers). */
type Lines = { tag: string; id: string | null }[];
async function scratch<T>(liveTree: XNode, draftTree: XNode, fn: (dir: string, lines: Lines, liveLines: Lines) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "vigil-config-"));
  try {
    // Both written the same way, so crm_verify's messages about them compare (and name lines of each).
    const live = toXmlPretty(liveTree);
    const pretty = toXmlPretty(draftTree);
    await writeFile(join(dir, "live.xml"), live.xml, { mode: 0o600 });
    await writeFile(join(dir, "draft.xml"), pretty.xml, { mode: 0o600 });
    return await fn(dir, pretty.lines, live.lines);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const onFile = (file: string, tool: string, args: string[]) => ({
  env: { CIB_file: file },
  noBaseEnv: true,
  line: `CIB_file=${shellQuote(file)} ${[tool, ...args].map(shellQuote).join(" ")}`,
});

async function diff(steps: Steps, dir: string): Promise<string> {
  const args = ["--original", join(dir, "live.xml"), "--new", join(dir, "draft.xml"), "--no-version"];
  // exit 1: "the files differ" (the patch is on stdout); 0: identical
  const r = await steps.run({ tool: "crm_diff", args }, { okCodes: [0, 1], maxBytes: BIG_OUTPUT, output: () => "" });
  return r.code === 1 ? r.stdout.trim() : "";
}

/** crm_verify on one of the scratch files. */
async function verify(steps: Steps, file: string, lines: Lines): Promise<{ code: number; findings: VerifyFinding[] }> {
  const args = ["-x", file, "-V"];
  const v = await steps.run({ tool: "crm_verify", args }, { ...onFile(file, "crm_verify", args), okCodes: [0, 1, 78, 100, 103, 203], output: () => "" });
  return { code: v.code, findings: parseVerify(`${v.stderr}\n${v.stdout}`, lines, elementIds(lines)) };
}

function elementIds(lines: readonly { id: string | null }[]): Set<string> {
  const s = new Set<string>();
  for (const l of lines) if (l.id) s.add(l.id);
  return s;
}

export async function configPreview(p: ActionParams<"config.preview">, ctx: ConfigContext): Promise<ConfigPreviewResult> {
  const live = await readLive(ctx.steps);
  return scratch(live.tree, draftOf(live.tree, p.edits), async (dir, lines) => {
    const patch = await diff(ctx.steps, dir);
    const draftFile = join(dir, "draft.xml");
    const { code, findings } = await verify(ctx.steps, draftFile, lines);
    const valid = code === 0 && !findings.some((f) => f.severity === "error");
    const haveQuorum = live.tree.attrs["have-quorum"];
    // -R, not -S: the transition and its summary without playing it out (an order of magnitude faster).
    const graphFile = join(dir, "graph.xml");
    const simArgs = ["-x", draftFile, "-q", haveQuorum === "1" || haveQuorum === "true" ? "true" : "false", "-R", "-G", graphFile, "--output-as=xml"];
    let sim: { actions: TransitionAction[]; changes: PlacementChange[]; after: PlacedPrimitive[] } | null = null;
    let simulateError: string | null = null;
    try {
      const r = await ctx.steps.run({ tool: "crm_simulate", args: simArgs }, { ...onFile(draftFile, "crm_simulate", simArgs), timeoutMs: SIM_TIMEOUT_MS, maxBytes: BIG_OUTPUT, output: () => "" });
      const summary = parseSimulateXml(r.stdout);
      sim = { actions: parseTransitionGraph(await readFile(graphFile, "utf8")), changes: summary.changes, after: placementAfter(summary.after, summary.changes) };
    } catch (e) {
      simulateError = valid ? `crm_simulate could not run on the draft: ${(e as Error).message}` : "the draft is not valid, so the cluster's reaction cannot be predicted";
    }
    return {
      epoch: live.epoch,
      patch,
      valid,
      findings,
      actions: sim?.actions ?? [],
      changes: sim?.changes ?? [],
      after: sim?.after ?? [],
      simulateError,
      commands: [...ctx.steps.runs],
    };
  });
}

export interface CommitOutcome {
  patch: string;
  epochBefore: string;
}

/** The one live write of a configuration (in sim mode the caller holds the CIB lock and settles after). */
export async function configCommit(p: ActionParams<"config.commit">, ctx: ConfigContext): Promise<CommitOutcome> {
  const live = await readLive(ctx.steps);
  if (live.epoch !== p.expectEpoch) {
    throw new StepRefused("conflict", `the configuration changed since the draft was checked (epoch ${p.expectEpoch} → ${live.epoch}); nothing was written`);
  }
  return scratch(live.tree, draftOf(live.tree, p.edits), async (dir, lines, liveLines) => {
    const patch = await diff(ctx.steps, dir);
    if (patch === "") throw new StepRefused("invalid_params", "the draft changes nothing in the live configuration; nothing was written");
    // crm_verify's errors that the draft brings (a cluster already in error is not held hostage by its old ones)
    const draftCheck = await verify(ctx.steps, join(dir, "draft.xml"), lines);
    const liveCheck = await verify(ctx.steps, join(dir, "live.xml"), liveLines);
    const known = new Set(liveCheck.findings.filter((f) => f.severity === "error").map((f) => f.message));
    const added = draftCheck.findings.filter((f) => f.severity === "error" && !known.has(f.message));
    if (added.length > 0) {
      throw new StepRefused("invalid_params", `crm_verify finds errors in the draft, nothing was written: ${added.map((f) => f.message).join("; ")}`);
    }
    const patchFile = join(dir, "patch.xml");
    await writeFile(patchFile, patch, { mode: 0o600 });
    // The CIB validates the result against its schema and refuses (nothing written) when it fails.
    await ctx.steps.run({ tool: "cibadmin", args: ["--patch", "--xml-file", patchFile] });
    return { patch, epochBefore: live.version };
  });
}
