/**
 * Shared set-up of the parser integration tests: CIB files built with Pacemaker's own tools, as a
 * live DC would have written them, and the check that our text equals crm_mon's own.
 * These tests need the real tools: a machine without them fails here, loudly, instead of skipping.
 */
import { afterEach, expect } from "vitest";
import { ClusterStatusSchema, type ClusterStatus } from "@/lib/pacemaker";
import { CibLab, havePacemaker } from "../unit/pacemaker/lab";

export function requirePacemaker(): void {
  if (!havePacemaker()) throw new Error("Pacemaker's tools are not installed: run scripts/setup.sh (apt: pacemaker-cli-utils)");
}

/** Registers clean-up for the calling test file; returns the lab factory. */
export function cibLabs(): (nodes: string[], opts?: { dc?: boolean }) => CibLab {
  requirePacemaker();
  const labs: CibLab[] = [];
  afterEach(() => labs.splice(0).forEach((l) => l.dispose()));
  return (nodes, opts = {}) => {
    const l = new CibLab(nodes);
    labs.push(l);
    // what a live DC writes and file mode does not
    l.prop("stonith-enabled", "false").prop("cluster-infrastructure", "corosync").prop("dc-version", "2.1.5-test");
    if (opts.dc !== false) {
      l.edit((x) => x.replace("<cib ", '<cib dc-uuid="1" cib-last-written="Tue Nov 24 10:00:00 2026" update-origin="n1" update-client="cibadmin" update-user="root" '));
    }
    return l;
  };
}

/**
 * Our rendering equals crm_mon's (but the Last updated line) in both views — `crm_mon -1 -r -A -f`
 * and `crm_mon -1 -A -f` — and the model validates.
 */
export function same(l: CibLab): ClusterStatus {
  const { ours, theirs, status } = l.texts(true);
  expect(ours).toBe(theirs);
  const active = l.texts(false);
  expect(active.ours).toBe(active.theirs);
  expect(() => ClusterStatusSchema.parse(status)).not.toThrow();
  return status;
}

/**
 * An action in flight, as a controller records it while it runs: the resource's last op on that
 * node rewritten to op-status="-1" (PCMK_EXEC_PENDING), rc-code="193" (PCMK_OCF_UNKNOWN).
 * crm_simulate cannot leave an action pending, so the CIB text is edited, node_state by node_state.
 */
export function pendingOp(xml: string, nodeId: string, rsc: string, task: string): string {
  const at = xml.indexOf(`<node_state id="${nodeId}"`);
  const end = xml.indexOf("</node_state>", at);
  if (at < 0 || end < 0) throw new Error(`no node_state ${nodeId}`);
  const block = xml.slice(at, end);
  const rscAt = block.indexOf(`<lrm_resource id="${rsc}"`);
  if (rscAt < 0) throw new Error(`no history of ${rsc} on node ${nodeId}`);
  const opAt = block.indexOf(`<lrm_rsc_op id="${rsc}_last_0"`, rscAt);
  const opEnd = block.indexOf(">", opAt);
  const op = block
    .slice(opAt, opEnd)
    .replace(/ operation="[^"]*"/, ` operation="${task}"`)
    .replace(/ operation_key="[^"]*"/, ` operation_key="${rsc}_${task}_0"`)
    .replace(/ op-status="[^"]*"/, ' op-status="-1"')
    .replace(/ rc-code="[^"]*"/, ' rc-code="193"');
  return xml.slice(0, at) + block.slice(0, opAt) + op + block.slice(opEnd) + xml.slice(end);
}
