import type { Node, Primitive, Resource } from "./model-status";
import { int, parseXml, str } from "./xml";

/**
 * Actions in flight, which crm_mon's XML only half reports: a pending start shows as role
 * "Starting" but without the node it runs on when the resource is not (yet) active there, and a
 * pending notify or reload shows not at all. crm_mon's text names the node ("Starting node4") and
 * prints a clone instance with an action in flight on its own line instead of in the role list.
 * Pacemaker takes both from the CIB status: an lrm_rsc_op with op-status="-1" (PCMK_EXEC_PENDING)
 * sets the resource's pending_task and pending_node, the first such op in call-id order wins
 * (unpack_rsc_op in lib/pengine/unpack.c, 2.1.5); a pending probe (monitor, interval 0) is not
 * recorded, and notify / meta-data entries are ignored altogether.
 *
 * The status section is not parsed as XML (it is most of the CIB's bytes): only the lrm_rsc_op
 * tags that hold `op-status="-1"` are, with their lrm_resource and node_state opening tags.
 */

export interface PendingOp {
  /** node_state uname */
  node: string;
  /** lrm_resource id (an anonymous clone's may or may not carry `:N`) */
  rsc: string;
  task: string;
  intervalMs: number;
  callId: number;
}

/** The display words crm_mon uses for a pending task (native_pending_state), and back. */
const STATE_OF_TASK: Record<string, string> = {
  start: "Starting", stop: "Stopping", migrate_to: "Migrating", migrate_from: "Migrating",
  promote: "Promoting", demote: "Demoting",
};
const TASK_OF_STATE: Record<string, string> = {
  Starting: "start", Stopping: "stop", Migrating: "migrate_to", Promoting: "promote", Demoting: "demote",
};

function openTag(xml: string, at: number, what: string): Record<string, string> | null {
  const end = xml.indexOf(">", at);
  if (end < 0) return null;
  const text = xml.slice(at, end + 1);
  const selfClosing = text.endsWith("/>");
  return parseXml(selfClosing ? text : `${text.slice(0, -1)}/>`, what).attrs;
}

/** Every pending (op-status="-1") operation in the CIB's status section, in document order. */
export function scanPendingOps(cibXml: string): PendingOp[] {
  const statusAt = cibXml.indexOf("<status");
  if (statusAt < 0) return [];
  const out: PendingOp[] = [];
  for (let i = cibXml.indexOf('op-status="-1"', statusAt); i >= 0; i = cibXml.indexOf('op-status="-1"', i + 1)) {
    const opAt = cibXml.lastIndexOf("<lrm_rsc_op", i);
    const rscAt = cibXml.lastIndexOf("<lrm_resource ", opAt);
    const stateAt = cibXml.lastIndexOf("<node_state", rscAt);
    if (opAt < 0 || rscAt < 0 || stateAt < statusAt) continue;
    const op = openTag(cibXml, opAt, "CIB XML (pending lrm_rsc_op)");
    const rsc = openTag(cibXml, rscAt, "CIB XML (lrm_resource)");
    const state = openTag(cibXml, stateAt, "CIB XML (node_state)");
    if (op === null || rsc === null || state === null || op["op-status"] !== "-1") continue;
    const node = str(state, "uname");
    const task = str(op, "operation");
    const rscId = str(rsc, "id");
    if (node === null || task === null || rscId === null) continue;
    out.push({ node, rsc: rscId, task, intervalMs: int(op, "interval", 0), callId: int(op, "call-id", -1) });
  }
  return out;
}

/** What crm_mon's XML alone says is in flight: the role word, or its `pending` (Monitoring). */
function pendingFromXml(p: Primitive): void {
  const task = TASK_OF_STATE[p.role] ?? (p.pending === "Monitoring" ? "monitor" : null);
  p.pendingTask = task;
  p.pendingNode = task !== null && p.nodes.length === 1 ? (p.nodes[0]?.name ?? null) : null;
}

/**
 * Sets `pendingTask` / `pendingNode` on every primitive: from crm_mon's XML, then from the CIB's
 * pending ops when given. Offline members' history is unpacked only with fencing enabled (else
 * Pacemaker skips it), so their pending ops count only then.
 */
export function applyPending(resources: Resource[], nodes: Node[], ops: PendingOp[] | null, stonithEnabled: boolean): void {
  const prims: { p: Primitive; anonymous: boolean }[] = [];
  const visit = (r: Resource, anonymous: boolean): void => {
    if (r.kind === "primitive") prims.push({ p: r, anonymous });
    else if (r.kind === "group") r.children.forEach((c) => prims.push({ p: c, anonymous }));
    else if (r.kind === "clone") r.children.forEach((c) => visit(c, !r.unique));
    else r.replicas.forEach((rep) => rep.resources.forEach((p) => prims.push({ p, anonymous: false })));
  };
  resources.forEach((r) => visit(r, false));
  prims.forEach(({ p }) => pendingFromXml(p));
  if (ops === null) return;
  const online = new Map(nodes.map((n) => [n.name, n]));
  const counted = (name: string): boolean => {
    const n = online.get(name);
    return n !== undefined && (n.online || (stonithEnabled && n.type === "member"));
  };
  // per lrm_resource and node, the first pending op in call-id order that is not a probe
  const first = new Map<string, PendingOp>();
  for (const op of ops) {
    if (op.intervalMs === 0 && op.task === "monitor") continue;
    // unpack_rsc_op ignores notify and meta-data history entirely
    if (op.task === "notify" || op.task === "meta-data") continue;
    if (!counted(op.node)) continue;
    const k = `${op.rsc}\u0000${op.node}`;
    const had = first.get(k);
    if (had === undefined || op.callId < had.callId) first.set(k, op);
  }
  const taken = new Set<Primitive>();
  for (const op of first.values()) {
    const base = op.rsc.replace(/:\d+$/, "");
    // anonymous instances share one id: the node tells them apart
    let target = prims.find(({ p, anonymous }) => !anonymous && p.id === op.rsc && !taken.has(p))?.p;
    if (target === undefined) {
      const anon = prims.filter(({ p, anonymous }) => anonymous && p.id === base && !taken.has(p)).map((x) => x.p);
      target = anon.find((p) => p.nodes.some((n) => n.name === op.node)) ?? anon.find((p) => p.nodes.length === 0);
    }
    if (target === undefined) continue;
    taken.add(target);
    target.pendingTask = op.task;
    target.pendingNode = op.node;
  }
}

export const pendingStateWord = (task: string): string | undefined => STATE_OF_TASK[task];
