// Drafts: a user's pending configuration change on one cluster, kept in the database (it survives
// a reload and a console restart). A draft is its base — the CIB configuration the agent read at
// baseEpoch — plus its edit list; the draft's XML is derived by folding the edits over the base
// (lib/cib), so a rebase is a replay onto a newer base and a commit replays onto the live CIB.
//
// Staging an edit changes nothing in a cluster and is not audited; the commit is, through
// performAction (the one audited path), as one row carrying the edits' summaries and the patch.
import { TRPCError } from "@trpc/server";
import { applyEdit, applyEdits, conflictsBetween, describeEdit, parseCibRoot } from "@/lib/cib";
import { toXml } from "@/lib/pacemaker/xml";
import { CibEditError, CibEditListSchema, CibEditSchema, type CibEdit, type CibEditInput } from "@/lib/cib/edits";
import type { Configuration } from "@/lib/pacemaker";
import { parseCib } from "@/lib/pacemaker/parse-cib";
import { AgentRequestError } from "@/lib/agent-client";
import { ConfigPreviewResultSchema, ConfigReadResultSchema, MAX_CLIENT_FRAME_BYTES, type ConfigPreviewResult, type ConfigReadResult } from "@/lib/protocol";
import { recordAudit } from "@/server/audit/audit";
import { performAction, type ActionCaller, type ActionOutcome } from "@/server/actions/perform";
import { queryAgent } from "@/server/actions/query";
import type { Db } from "@/server/db/client";

export const DRAFT_STATES = ["open", "committed", "discarded"] as const;

export interface DraftEditView {
  index: number;
  op: CibEdit["op"];
  summary: string;
  edit: CibEdit;
}

export interface DraftView {
  id: string;
  cluster: string;
  /** admin_epoch.epoch the draft is based on */
  baseEpoch: string;
  /** the live configuration's admin_epoch.epoch as the console's status shows it (null: no status) */
  liveEpoch: string | null;
  /** the live configuration moved on since the draft was taken: commit checks for conflicts, rebase replays */
  stale: boolean;
  revision: number;
  updatedAt: string;
  edits: DraftEditView[];
  /** the draft's CIB (no status): base + edits */
  xml: string;
  baseXml: string;
  /** the draft's configuration, parsed: what every editor shows */
  configuration: Configuration;
}

export interface DraftConflictItem {
  id: string;
  tag: string;
  base: string | null;
  live: string | null;
  draft: string | null;
}

export type CommitResult =
  | { ok: true; outcome: ActionOutcome; summary: string[] }
  | { ok: false; conflict: { baseEpoch: string; liveEpoch: string; items: DraftConflictItem[]; message: string } };

type DraftRow = NonNullable<Awaited<ReturnType<Db["draft"]["findFirst"]>>>;

function badRequest(message: string): TRPCError {
  return new TRPCError({ code: "BAD_REQUEST", message });
}

function parseEdits(json: string): CibEdit[] {
  const r = CibEditListSchema.safeParse(JSON.parse(json));
  // The column is only ever written from validated edits; a row that fails is reported, never guessed at.
  if (!r.success) throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: `the stored draft's edits are unreadable: ${r.error.issues[0]?.message ?? ""}` });
  return r.data;
}

/** Room for the request's envelope around the edits in one client frame. */
const MAX_EDITS_BYTES = MAX_CLIENT_FRAME_BYTES - 16 * 1024;

function checkSendable(edits: readonly CibEdit[]): void {
  const bytes = Buffer.byteLength(JSON.stringify(edits));
  if (bytes > MAX_EDITS_BYTES) {
    throw badRequest(`the draft's edits take ${Math.round(bytes / 1024)} KiB, more than an agent accepts in one request (${Math.round(MAX_EDITS_BYTES / 1024)} KiB); commit part of it first`);
  }
}

function editMessage(e: unknown, edits: readonly CibEdit[]): string | null {
  if (!(e instanceof CibEditError)) return null;
  const which = e.index !== null && edits[e.index] ? `${describeEdit(edits[e.index]!)}: ` : "";
  return `${which}${e.message}`;
}

function configEpochOf(caller: ActionCaller, cluster: string): string | null {
  const cib = caller.hub.feedByName(cluster)?.current()?.cib;
  return cib ? `${cib.adminEpoch}.${cib.epoch}` : null;
}

async function openRow(db: Db, userId: string, cluster: string): Promise<DraftRow | null> {
  return db.draft.findFirst({ where: { userId, clusterName: cluster, state: "open" }, orderBy: { createdAt: "desc" } });
}

/** `xml`: the draft's XML when the caller has just computed it (staging validates by applying). */
function view(caller: ActionCaller, cluster: string, row: DraftRow, xml?: string): DraftView {
  const edits = parseEdits(row.edits);
  xml ??= edits.length ? applyEdits(row.baseXml, edits).xml : row.baseXml;
  const liveEpoch = configEpochOf(caller, cluster);
  return {
    id: row.id,
    cluster,
    baseEpoch: row.baseEpoch,
    liveEpoch,
    stale: liveEpoch !== null && liveEpoch !== row.baseEpoch,
    revision: row.revision,
    updatedAt: row.updatedAt.toISOString(),
    edits: edits.map((edit, index) => ({ index, op: edit.op, summary: describeEdit(edit), edit })),
    xml,
    baseXml: row.baseXml,
    configuration: parseCib(xml).configuration,
  };
}

/** The CIB as the cluster has it now (the serving agent's `cibadmin --query`, status dropped). */
export async function readLiveConfig(caller: ActionCaller, cluster: string): Promise<ConfigReadResult> {
  return queryAgent(caller.hub, cluster, "config.read", {}, ConfigReadResultSchema, 60_000);
}

/** The user's open draft on the cluster, or null. */
export async function currentDraft(caller: ActionCaller, cluster: string): Promise<DraftView | null> {
  const row = await openRow(caller.db, caller.user.id, cluster);
  return row ? view(caller, cluster, row) : null;
}

/**
 * Stages one edit: validated by applying the whole list to the base (nothing is stored when it does
 * not fit). The first edit takes the draft's base from the cluster. `revision`, when given, must be
 * the draft's current one: an edit made on a stale page is refused rather than applied blind.
 */
export async function stageEdit(caller: ActionCaller, cluster: string, input: CibEditInput, revision?: number): Promise<DraftView> {
  const parsed = CibEditSchema.safeParse(input);
  if (!parsed.success) throw badRequest(parsed.error.issues.map((i) => `${i.path.join(".") || "edit"}: ${i.message}`).join("; "));
  const edit = parsed.data;
  const { db, user, hub } = caller;
  let row = await openRow(db, user.id, cluster);
  if (row && revision !== undefined && revision !== row.revision) {
    throw new TRPCError({ code: "CONFLICT", message: `the draft changed in another window (revision ${row.revision}, this page had ${revision}); reload it` });
  }
  if (!row) {
    const live = await readLiveConfig(caller, cluster);
    row = await db.draft.create({
      data: { userId: user.id, clusterName: cluster, clusterId: hub.feedByName(cluster)?.record.id ?? null, baseEpoch: live.epoch, baseXml: live.xml },
    });
  }
  const edits = [...parseEdits(row.edits), edit];
  checkSendable(edits);
  let xml: string;
  try {
    xml = applyEdits(row.baseXml, edits).xml;
  } catch (e) {
    const msg = editMessage(e, edits);
    if (msg !== null) {
      if (edits.length === 1) await db.draft.delete({ where: { id: row.id } }); // nothing staged: no empty draft left behind
      throw badRequest(msg);
    }
    throw e;
  }
  const updated = await db.draft.update({
    where: { id: row.id, revision: row.revision },
    data: { edits: JSON.stringify(edits), revision: { increment: 1 } },
  });
  return view(caller, cluster, updated, xml);
}

/** Removes one staged edit (the later ones must still fit without it). */
export async function unstageEdit(caller: ActionCaller, cluster: string, index: number): Promise<DraftView | null> {
  const row = await openRow(caller.db, caller.user.id, cluster);
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "no open draft" });
  const edits = parseEdits(row.edits);
  if (index < 0 || index >= edits.length) throw badRequest(`the draft has no edit ${index + 1}`);
  const kept = edits.filter((_, i) => i !== index);
  let xml: string;
  try {
    xml = applyEdits(row.baseXml, kept).xml;
  } catch (e) {
    const msg = editMessage(e, kept);
    if (msg !== null) throw badRequest(`later edits depend on it: ${msg}`);
    throw e;
  }
  const updated = await caller.db.draft.update({ where: { id: row.id }, data: { edits: JSON.stringify(kept), revision: { increment: 1 } } });
  return view(caller, cluster, updated, xml);
}

export async function discardDraft(caller: ActionCaller, cluster: string): Promise<void> {
  await caller.db.draft.updateMany({
    where: { userId: caller.user.id, clusterName: cluster, state: "open" },
    data: { state: "discarded", closedAt: new Date() },
  });
}

/** crm_verify + crm_simulate on the draft (applied to the live CIB by the agent); nothing changes. */
export async function previewDraft(caller: ActionCaller, cluster: string): Promise<ConfigPreviewResult & { stale: boolean; summary: string[] }> {
  const row = await openRow(caller.db, caller.user.id, cluster);
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "no open draft" });
  const edits = parseEdits(row.edits);
  if (edits.length === 0) throw badRequest("the draft has no changes to preview");
  const r = await queryAgent(caller.hub, cluster, "config.preview", { edits }, ConfigPreviewResultSchema, 120_000);
  return { ...r, stale: r.epoch !== row.baseEpoch, summary: edits.map(describeEdit) };
}

/**
 * Replays the edits onto the live configuration and makes it the draft's base. Edits that no longer
 * fit (what they change is gone, an id is taken now) are dropped and named.
 */
export async function rebaseDraft(caller: ActionCaller, cluster: string): Promise<{ draft: DraftView; dropped: string[] }> {
  const row = await openRow(caller.db, caller.user.id, cluster);
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "no open draft" });
  const live = await readLiveConfig(caller, cluster);
  const kept: CibEdit[] = [];
  const dropped: string[] = [];
  // One tree, each edit tried on what the kept ones made (not the whole list replayed per edit).
  let tree = parseCibRoot(live.xml, "the live CIB");
  for (const edit of parseEdits(row.edits)) {
    try {
      tree = applyEdit(tree, edit);
      kept.push(edit);
    } catch (e) {
      if (!(e instanceof CibEditError)) throw e;
      dropped.push(`${describeEdit(edit)}: ${e.message}`);
    }
  }
  const updated = await caller.db.draft.update({
    where: { id: row.id },
    data: { baseXml: live.xml, baseEpoch: live.epoch, edits: JSON.stringify(kept), revision: { increment: 1 } },
  });
  return { draft: view(caller, cluster, updated, toXml(tree)), dropped };
}

/** What changed both underneath (base → live) and in the draft (base → draft). */
function conflictsOf(row: DraftRow, edits: readonly CibEdit[], live: ConfigReadResult): DraftConflictItem[] | string {
  try {
    applyEdits(live.xml, edits);
  } catch (e) {
    const msg = editMessage(e, edits);
    if (msg !== null) return msg;
    throw e;
  }
  const draftXml = applyEdits(row.baseXml, edits).xml;
  return conflictsBetween(row.baseXml, live.xml, draftXml).map((c) => ({ id: c.id, tag: c.tag, base: c.base, live: c.live, draft: c.draft }));
}

/**
 * Commits the draft: when the live configuration is still at the draft's base, or has moved on
 * without touching what the draft changes, the edits are replayed onto it and written as one patch;
 * otherwise nothing is written and the conflict is returned (and audited).
 */
export async function commitDraft(caller: ActionCaller, cluster: string): Promise<CommitResult> {
  const row = await openRow(caller.db, caller.user.id, cluster);
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "no open draft" });
  const edits = parseEdits(row.edits);
  if (edits.length === 0) throw badRequest("the draft has no changes to commit");
  const summary = edits.map(describeEdit);
  const auditParams = { draft: row.id, baseEpoch: row.baseEpoch, edits: summary };

  for (let attempt = 0; ; attempt++) {
    const live = await readLiveConfig(caller, cluster);
    if (live.epoch !== row.baseEpoch) {
      const found = conflictsOf(row, edits, live);
      if (typeof found === "string" || found.length > 0) {
        const message =
          typeof found === "string"
            ? `the live configuration changed (epoch ${row.baseEpoch} → ${live.epoch}) and the draft no longer fits it: ${found}`
            : `the live configuration changed (epoch ${row.baseEpoch} → ${live.epoch}) where the draft changes it too: ${found.map((c) => c.id).join(", ")}`;
        await recordAudit(
          caller.db,
          { userId: caller.user.id, username: caller.user.username, role: caller.user.role },
          { action: "cluster.config.commit", targetKind: "configuration", target: "", params: { ...auditParams, liveEpoch: live.epoch }, clusterId: row.clusterId, clusterName: cluster, address: caller.clientIp },
          "failed",
          `commit refused, nothing written: ${message}`,
        );
        return { ok: false, conflict: { baseEpoch: row.baseEpoch, liveEpoch: live.epoch, items: typeof found === "string" ? [] : found, message } };
      }
    }
    try {
      const outcome = await performAction(caller, cluster, "config.commit", { edits, expectEpoch: live.epoch }, { params: auditParams, summary: summary.join("; ").slice(0, 1000) });
      await caller.db.draft.update({ where: { id: row.id }, data: { state: "committed", closedAt: new Date(), auditId: outcome.auditId } });
      return { ok: true, outcome, summary };
    } catch (e) {
      // The CIB moved between our read and the agent's: judge the new one (once).
      if (attempt === 0 && e instanceof TRPCError && e.cause instanceof AgentRequestError && e.cause.code === "conflict") continue;
      throw e;
    }
  }
}
