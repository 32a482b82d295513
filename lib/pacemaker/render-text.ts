import type { ClusterStatus } from "./model";
import type { Failure, Node } from "./model-status";
import { renderResources } from "./render-resources";
import { parseOpKey } from "./op-key";
import { isoToCtime, readableInterval } from "./render-util";
import { CRM_MON_BANNERS } from "./warnings";

/**
 * What `crm_mon --one-shot [--inactive] --show-node-attributes --failcounts` (2.1.5) prints, from
 * the model alone: `vigil status` shows this, and tests compare it byte for byte with crm_mon's own.
 */

const PCMKD_FRIENDLY: Record<string, string> = {
  init: "Initializing pacemaker",
  starting_daemons: "Pacemaker daemons are starting",
  wait_for_ping: "Waiting for startup trigger from SBD",
  running: "Pacemaker is running",
  shutting_down: "Pacemaker daemons are shutting down",
  shutdown_complete: "Pacemaker daemons are shut down (reporting to SBD)",
  remote: "Running on Pacemaker remote",
};

const plural = (n: number): string => (n === 1 ? "" : "s");

function summary(s: ClusterStatus, out: string[]): void {
  const sum = s.summary;
  const health = s.pacemakerdHealth;
  if (health !== null) {
    const state = health.state === null ? "unknown" : (PCMKD_FRIENDLY[health.state] ?? health.state);
    out.push(`Status of pacemakerd: '${state}'${health.lastUpdated ? ` (last updated ${health.lastUpdated})` : ""}`);
  }
  out.push("Cluster Summary:");
  const stack = sum.stack ?? "unknown";
  const pcmkd = sum.pacemakerdState === null ? undefined : PCMKD_FRIENDLY[sum.pacemakerdState];
  out.push(`  * Stack: ${stack}${pcmkd !== undefined ? ` (${pcmkd})` : ""}`);
  if (sum.dc !== null) {
    const dc = sum.dc;
    out.push(
      `  * Current DC: ${dc.name} (version ${dc.version || "unknown"}) - ${dc.mixedVersion ? "MIXED-VERSION " : ""}partition ${dc.withQuorum ? "with" : "WITHOUT"} quorum`,
    );
  } else out.push("  * Current DC: NONE");
  out.push(`  * Last updated: ${sum.lastUpdate ?? ""}${sum.lastUpdateOrigin ? ` on ${sum.lastUpdateOrigin}` : ""}`);
  const lc = sum.lastChange;
  if (lc !== null) {
    out.push(
      `  * Last change:  ${lc.time}${lc.user ? ` by ${lc.user}` : ""}${lc.client ? ` via ${lc.client}` : ""}${lc.origin ? ` on ${lc.origin}` : ""}`,
    );
  }
  out.push(`  * ${sum.nodesConfigured} node${plural(sum.nodesConfigured)} configured`);
  const n = sum.resourcesConfigured;
  const extra =
    sum.resourcesDisabled > 0 && sum.resourcesBlocked > 0
      ? ` (${sum.resourcesDisabled} DISABLED, ${sum.resourcesBlocked} BLOCKED from further action due to failure)`
      : sum.resourcesDisabled > 0
        ? ` (${sum.resourcesDisabled} DISABLED)`
        : sum.resourcesBlocked > 0
          ? ` (${sum.resourcesBlocked} BLOCKED from further action due to failure)`
          : "";
  out.push(`  * ${n} resource instance${plural(n)} configured${extra}`);
  for (const w of s.warnings) {
    const banner = CRM_MON_BANNERS[w.code];
    if (banner) out.push("", ...banner);
  }
}

function nodeStatus(n: Node): string {
  if (n.unclean) return n.online ? "UNCLEAN (online)" : n.pending ? "UNCLEAN (pending)" : "UNCLEAN (offline)";
  if (n.pending) return "pending";
  if (n.standbyOnfail && n.online) return "standby (on-fail)";
  if (n.standby) {
    if (!n.online) return "OFFLINE (standby)";
    return n.resourcesRunning > 0 ? "standby (with active resources)" : "standby";
  }
  if (n.maintenance) return n.online ? "maintenance" : "OFFLINE (maintenance)";
  return n.online ? "online" : "OFFLINE";
}

/** crm_mon's own idea of remote/guest (its `type`), which is what decides the list a node lands in. */
function crmMonKind(n: Node): "member" | "remote" | "guest" {
  if (n.crmMonType !== "remote") return "member";
  return n.idAsResource !== null ? "guest" : "remote";
}

function nodeList(s: ClusterStatus, out: string[]): void {
  out.push("", "Node List:");
  const lists: Record<string, string[]> = { Online: [], OFFLINE: [], RemoteOnline: [], RemoteOFFLINE: [], GuestOnline: [] };
  for (const n of s.nodes) {
    const kind = crmMonKind(n);
    const health = n.health === "red" ? -1 : n.health === "yellow" ? 0 : 1;
    const individual = n.unclean || n.pending || (n.standbyOnfail && n.online) || n.standby || n.maintenance || health <= 0;
    if (individual) {
      const label = kind === "guest" ? "GuestNode" : kind === "remote" ? "RemoteNode" : "Node";
      const h = health < 0 ? " (health is RED)" : health === 0 ? " (health is YELLOW)" : "";
      out.push(`  * ${label} ${n.name}: ${nodeStatus(n)}${h}`);
    } else if (n.online) {
      (kind === "guest" ? lists.GuestOnline : kind === "remote" ? lists.RemoteOnline : lists.Online)?.push(n.name);
    } else if (kind === "remote") lists.RemoteOFFLINE?.push(n.name);
    else if (kind === "member") lists.OFFLINE?.push(n.name);
  }
  for (const label of ["Online", "OFFLINE", "RemoteOnline", "RemoteOFFLINE", "GuestOnline"]) {
    const l = lists[label];
    if (l && l.length > 0) out.push(`  * ${label}: [ ${l.join(" ")} ]`);
  }
}

function nodeAttributes(s: ClusterStatus, out: string[]): void {
  const shown = s.nodeAttributes.filter((n) => n.shown);
  if (shown.length === 0) return;
  out.push("", "Node Attributes:");
  for (const n of shown) {
    out.push(`  * Node: ${n.node}:`);
    for (const a of n.attributes) {
      if (a.value === null) continue;
      let line = `    * ${a.name.padEnd(32)}\t: ${a.value.padEnd(10)}`;
      if (a.expected !== null) {
        const v = Number.parseInt(a.value, 10);
        const exp = Number.parseInt(a.expected, 10);
        if (!(v > 0)) line += "\t: Connectivity is lost";
        else if (v < exp) line += `\t: Connectivity is degraded (Expected=${exp})`;
      }
      out.push(line);
    }
  }
}

function migrationSummary(s: ClusterStatus, out: string[]): void {
  const history = s.nodeHistory;
  const online = new Set(s.nodes.filter((n) => n.online).map((n) => n.name));
  // crm_mon prints the header for any online node with a node_state in the CIB, history or not
  const withState =
    s.cib !== null && s.cib.nodeStates.length > 0
      ? s.cib.nodeStates.some((n) => n.uname !== null && online.has(n.uname))
      : history !== null && online.size > 0;
  if (!withState) return;
  out.push("", "Migration Summary:");
  if (s.cib !== null && (history ?? []).every((h) => h.failCounts !== null)) {
    // crm_mon's text: node_state order, one line per history entry with a fail count
    const byId = new Map(s.nodes.map((n) => [n.id, n]));
    for (const st of s.cib.nodeStates) {
      const n = byId.get(st.id);
      if (n === undefined || !n.online) continue;
      const counts = history?.find((h) => h.node === n.name)?.failCounts ?? [];
      if (counts.length === 0) continue;
      out.push(`  * Node: ${n.name}:`);
      for (const c of counts) {
        const lf = c.lastFailure !== null ? ` last-failure='${c.lastFailure}'` : "";
        out.push(`    * ${c.id}: migration-threshold=${c.migrationThreshold} fail-count=${c.failCount}${lf}`);
      }
    }
    return;
  }
  // without a CIB: what crm_mon's XML says (anonymous clone instances merged)
  for (const h of history ?? []) {
    if (!online.has(h.node)) continue;
    let header = false;
    for (const r of h.resources) {
      let line: string | null = null;
      if (r.orphan && r.migrationThreshold === null) line = `${r.id}: orphan`;
      else if (r.failCount !== null || r.lastFailure !== null) {
        const fc = r.failCount !== null && r.failCount !== "0" ? ` fail-count=${r.failCount}` : "";
        const lf = r.lastFailure !== null ? ` last-failure='${r.lastFailure}'` : "";
        line = `${r.id}: migration-threshold=${r.migrationThreshold ?? 0}${fc}${lf}`;
      }
      if (line === null) continue;
      if (!header) {
        out.push(`  * Node: ${h.node}:`);
        header = true;
      }
      out.push(`    * ${line}`);
    }
  }
}

function failedAction(f: Failure): string {
  const key = parseOpKey(f.opKey);
  const rsc = key?.rsc ?? "unknown resource";
  const task = key?.task ?? "unknown action";
  const interval = key?.intervalMs ?? 0;
  let s = `${rsc} `;
  if (interval !== 0) s += `${readableInterval(interval)}-interval `;
  s += `${task === "monitor" && interval === 0 ? "probe" : task} on ${f.node}`;
  if (f.status === "complete") {
    s += ` returned '${f.exitstatus}'`;
    if (f.exitreason !== null && f.exitreason !== "") s += ` (${f.exitreason})`;
  } else {
    s += ` could not be executed (${f.status}${f.exitreason !== null && f.exitreason !== "" ? `: ${f.exitreason}` : ""})`;
  }
  if (f.lastRcChange !== null) s += ` at ${isoToCtime(f.lastRcChange)}`;
  if (f.exec !== null && f.exec > 0) s += ` after ${readableInterval(f.exec)}`;
  return s;
}

/**
 * crm_mon's default fencing sections (failed and pending events). Its format could not be checked
 * against a live fencer here (file mode has none): it follows the strings in libstonithd 2.1.5.
 */
function fencing(s: ClusterStatus, out: string[]): void {
  const events = s.fenceHistory ?? [];
  const failed = events.filter((e) => e.status === "failed");
  if (failed.length > 0) {
    out.push("", "Failed Fencing Actions:");
    for (const e of failed) {
      const later = events.find((x) => x.status === "success" && x.target === e.target && x.action === e.action);
      const when = e.completed !== null ? `, last-failed='${isoToCtime(e.completed)}'` : "";
      const reason = e.exitReason ? ` (${e.exitReason})` : "";
      const suffix = later ? ` (a later attempt from ${later.delegate ?? later.origin} succeeded)` : "";
      out.push(`  * ${e.action} of ${e.target} failed${reason}: delegate=${e.delegate ?? "unknown"}, client=${e.client}, origin=${e.origin}${when}${suffix}`);
    }
  }
  const pending = events.filter((e) => e.status === "pending");
  if (pending.length > 0) {
    out.push("", "Pending Fencing Actions:");
    for (const e of pending) out.push(`  * ${e.action} of ${e.target} pending: client=${e.client}, origin=${e.origin}`);
  }
}

export interface RenderOptions {
  /**
   * crm_mon's `-r` / `--inactive`: "Full List of Resources", stopped resources and clones' Stopped
   * lists included. Default false, as crm_mon's: `crm_mon -1 -A -f`, "Active Resources", only what
   * is (partly) active — what `vigil status` prints unless given `-r`.
   */
  inactive?: boolean;
}

export function renderStatusText(status: ClusterStatus, options: RenderOptions = {}): string {
  const inactive = options.inactive ?? false;
  const out: string[] = [];
  summary(status, out);
  nodeList(status, out);
  out.push("", inactive ? "Full List of Resources:" : "Active Resources:");
  const before = out.length;
  renderResources(status, out, inactive);
  if (out.length === before) out.push(inactive ? "  * No resources" : "  * No active resources");
  nodeAttributes(status, out);
  migrationSummary(status, out);
  if (status.failures.length > 0) {
    out.push("", "Failed Resource Actions:");
    for (const f of status.failures) out.push(`  * ${failedAction(f)}`);
  }
  fencing(status, out);
  return `${out.join("\n")}\n`;
}
