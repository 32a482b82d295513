// What a change looks like once the cluster has done it, read from the status model: the console
// reports "done" only when the status shows it (never when the command merely returned), and
// otherwise says what the status shows instead.
import { failureResource, type ClusterStatus, type Primitive } from "@/lib/pacemaker";
import type { ActionParams, ChangeActionName } from "@/lib/protocol";
import { forEachPrimitive } from "@/components/status/walk";

/** `pgsql:1` → `pgsql`: crm_mon names clone instances with a suffix. */
const baseId = (id: string): string => id.replace(/:\d+$/, "");

/** Every running-or-not primitive instance that belongs to rsc (itself, its members, its instances). */
export function instancesOf(status: ClusterStatus, rsc: string): Primitive[] {
  const out: Primitive[] = [];
  forEachPrimitive(status.resources, (v) => {
    const ids = [baseId(v.primitive.id), v.group?.id, v.clone?.id, v.bundleId, v.top.id];
    if (ids.includes(rsc)) out.push(v.primitive);
  });
  return out;
}

const runningNodes = (ps: Primitive[]): string[] => [...new Set(ps.filter((p) => p.active).flatMap((p) => p.nodes.map((n) => n.name)))];
const promotedNodes = (ps: Primitive[]): string[] => [...new Set(ps.filter((p) => p.role === "Promoted").flatMap((p) => p.nodes.map((n) => n.name)))];

function node(status: ClusterStatus, name: string) {
  return status.nodes.find((n) => n.name === name) ?? null;
}

function attribute(status: ClusterStatus, nodeName: string, name: string) {
  return status.nodeAttributes.find((n) => n.node === nodeName)?.attributes.find((a) => a.name === name) ?? null;
}

/** The move/ban constraints crm_resource writes for rsc (cli-prefer-RSC, cli-ban-RSC-on-NODE). */
export function cliConstraints(status: ClusterStatus, rsc: string, nodeName?: string): string[] {
  const ids = (status.configuration?.constraints ?? []).map((c) => c.id);
  return ids.filter(
    (id) => id === `cli-prefer-${rsc}` || (nodeName ? id === `cli-ban-${rsc}-on-${nodeName}` : id.startsWith(`cli-ban-${rsc}-on-`)),
  );
}

/** rsc and the base ids of every primitive instance that belongs to it (what failures and fail counts name). */
export function ownIds(status: ClusterStatus, rsc: string): Set<string> {
  return new Set([rsc, ...instancesOf(status, rsc).map((p) => baseId(p.id))]);
}

function failuresOf(status: ClusterStatus, rsc: string | undefined, nodeName: string | undefined): string[] {
  const out: string[] = [];
  // computed once, not per failure: a big cluster's history has an entry per resource per node
  const own = rsc ? ownIds(status, rsc) : null;
  for (const f of status.failures) {
    if (own && !own.has(failureResource(f.opKey))) continue;
    if (nodeName && f.node !== nodeName) continue;
    out.push(`${f.opKey} on ${f.node}`);
  }
  for (const h of status.nodeHistory ?? []) {
    if (nodeName && h.node !== nodeName) continue;
    for (const r of h.resources) {
      if (own && !own.has(baseId(r.id))) continue;
      if (r.failCount && r.failCount !== "0") out.push(`fail-count ${r.failCount} for ${r.id} on ${h.node}`);
    }
  }
  return out;
}

/**
 * null when the status shows the change, else what it shows instead (one short sentence).
 * Actions whose effect leaves no mark in the status (refresh, restart) are done when the agent says so.
 */
export function pendingEffect<A extends ChangeActionName>(status: ClusterStatus, action: A, params: ActionParams<A>): string | null {
  const p = params as Record<string, unknown> & { node?: string; rsc?: string; on?: boolean; ticket?: string };
  switch (action) {
    case "node.standby": {
      const n = node(status, p.node!);
      return n && n.standby === p.on ? null : `${p.node} is ${n?.standby ? "still in standby" : "not in standby yet"}`;
    }
    case "node.maintenance": {
      const n = node(status, p.node!);
      return n && n.maintenance === p.on ? null : `${p.node} is ${n?.maintenance ? "still in maintenance" : "not in maintenance yet"}`;
    }
    case "node.fence": {
      const n = node(status, p.node!);
      return n && !n.online ? null : `${p.node} is still online`;
    }
    case "node.attribute.set": {
      const a = attribute(status, p.node!, p.name as string);
      const v = p.lifetime === "forever" ? a?.permanent : a?.transient;
      return v === p.value ? null : `${p.name} on ${p.node} is ${v ?? "not set"}`;
    }
    case "node.attribute.delete": {
      const a = attribute(status, p.node!, p.name as string);
      const v = p.lifetime === "forever" ? a?.permanent : a?.transient;
      return v === null || v === undefined ? null : `${p.name} on ${p.node} is still ${v}`;
    }
    case "resource.start":
    case "resource.restart": {
      const on = runningNodes(instancesOf(status, p.rsc!));
      return on.length ? null : `${p.rsc} is not running`;
    }
    case "resource.stop": {
      const on = runningNodes(instancesOf(status, p.rsc!));
      return on.length === 0 ? null : `${p.rsc} still runs on ${on.join(", ")}`;
    }
    case "resource.promote":
      return promotedNodes(instancesOf(status, p.rsc!)).length ? null : `no instance of ${p.rsc} is promoted`;
    case "resource.demote": {
      const on = promotedNodes(instancesOf(status, p.rsc!));
      return on.length === 0 ? null : `${p.rsc} is still promoted on ${on.join(", ")}`;
    }
    case "resource.manage":
    case "resource.unmanage": {
      const want = action === "resource.manage";
      const ps = instancesOf(status, p.rsc!);
      return ps.length && ps.every((x) => x.managed === want) ? null : `${p.rsc} is ${want ? "still unmanaged" : "still managed"}`;
    }
    case "resource.cleanup": {
      const left = failuresOf(status, p.rsc, p.node);
      return left.length === 0 ? null : `failures remain: ${left.slice(0, 3).join("; ")}`;
    }
    case "resource.refresh":
      return null;
    case "config.commit": {
      // The CIB's configuration epoch moves past the one the commit was made against.
      const [admin, epoch] = String((params as ActionParams<"config.commit">).expectEpoch).split(".").map(Number);
      const c = status.cib;
      if (!c) return "no CIB version in the status yet";
      return c.adminEpoch > admin! || (c.adminEpoch === admin && c.epoch > epoch!) ? null : `the configuration is still at ${c.adminEpoch}.${c.epoch}`;
    }
    case "resource.move": {
      const ps = instancesOf(status, p.rsc!);
      const on = (params as ActionParams<"resource.move">).promoted ? promotedNodes(ps) : runningNodes(ps);
      return on.includes(p.node!) ? null : `${p.rsc} runs on ${on.join(", ") || "no node"}, not ${p.node}`;
    }
    case "resource.ban": {
      const on = runningNodes(instancesOf(status, p.rsc!));
      if (!p.node) return cliConstraints(status, p.rsc!).some((id) => id.startsWith("cli-ban-")) ? null : `no ban of ${p.rsc} yet`;
      return on.includes(p.node) ? `${p.rsc} still runs on ${p.node}` : null;
    }
    case "resource.clear": {
      const left = cliConstraints(status, p.rsc!, p.node);
      return left.length === 0 ? null : `constraints remain: ${left.join(", ")}`;
    }
    case "cluster.maintenance": {
      const o = status.summary.clusterOptions;
      return o && o.maintenanceMode === p.on ? null : `maintenance-mode is ${o?.maintenanceMode ? "on" : "off"}`;
    }
    case "cluster.stopAll": {
      const o = status.summary.clusterOptions;
      return o && o.stopAllResources === p.on ? null : `stop-all-resources is ${o?.stopAllResources ? "on" : "off"}`;
    }
    case "ticket.grant":
    case "ticket.revoke": {
      const t = (status.tickets ?? []).find((x) => x.id === p.ticket);
      const want = action === "ticket.grant" ? "granted" : "revoked";
      return t?.status === want ? null : `ticket ${p.ticket} is ${t?.status ?? "unknown"}`;
    }
    case "ticket.standby":
    case "ticket.activate": {
      const t = (status.tickets ?? []).find((x) => x.id === p.ticket);
      const want = action === "ticket.standby";
      return t && t.standby === want ? null : `ticket ${p.ticket} is ${t?.standby ? "in standby" : "active"}`;
    }
  }
  return null;
}
