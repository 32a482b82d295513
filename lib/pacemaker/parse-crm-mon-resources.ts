import type { RawElement } from "./model-common";
import type { Bundle, Clone, Group, Primitive, Replica, Resource } from "./model-status";
import { bool, extraAttrs, int, rawElement, req, str, type XNode } from "./xml";

/** crm_mon's `<resources>` tree (resources-2.x.rng): resource, group, clone, bundle/replica. */

const S = (...k: string[]): ReadonlySet<string> => new Set(k);
const PRIM_KNOWN = S(
  "id", "resource_agent", "role", "target_role", "active", "orphaned", "blocked", "managed", "failed",
  "failure_ignored", "nodes_running_on", "pending", "locked_to", "description",
);
const GROUP_KNOWN = S("id", "number_resources", "managed", "disabled", "description");
const CLONE_KNOWN = S("id", "multi_state", "unique", "managed", "disabled", "failed", "failure_ignored", "target_role", "description");
const BUNDLE_KNOWN = S("id", "type", "image", "unique", "managed", "failed", "description");

export function parsePrimitive(el: XNode): Primitive {
  const a = el.attrs;
  const nodes: Primitive["nodes"] = [];
  let unknown: RawElement[] | null = null;
  for (const c of el.children) {
    if (c.tag === "node") nodes.push({ name: req(c.attrs, "name"), id: req(c.attrs, "id"), cached: bool(c.attrs, "cached") });
    else (unknown ??= []).push(rawElement(c));
  }
  return {
    kind: "primitive",
    id: req(a, "id"),
    resourceAgent: req(a, "resource_agent"),
    role: req(a, "role", "Unknown"),
    targetRole: str(a, "target_role"),
    active: bool(a, "active"),
    orphaned: bool(a, "orphaned"),
    blocked: bool(a, "blocked"),
    managed: bool(a, "managed", true),
    failed: bool(a, "failed"),
    failureIgnored: bool(a, "failure_ignored"),
    nodesRunningOn: int(a, "nodes_running_on", nodes.length),
    nodes,
    pending: str(a, "pending"),
    // filled in by applyPending (parse-crm-mon-pending.ts), which may need the CIB
    pendingTask: null,
    pendingNode: null,
    ticketFreeze: null,
    lockedTo: str(a, "locked_to"),
    description: str(a, "description"),
    extraAttrs: extraAttrs(a, PRIM_KNOWN),
    unknown: unknown ?? [],
  };
}

function parseGroup(el: XNode): Group {
  const a = el.attrs;
  const unknown: RawElement[] = [];
  const children: Primitive[] = [];
  for (const c of el.children) {
    if (c.tag === "resource") children.push(parsePrimitive(c));
    else unknown.push(rawElement(c));
  }
  return {
    kind: "group", id: req(a, "id"), numberResources: int(a, "number_resources", children.length),
    managed: bool(a, "managed", true), disabled: bool(a, "disabled"), description: str(a, "description"),
    children, extraAttrs: extraAttrs(a, GROUP_KNOWN), unknown,
  };
}

function parseClone(el: XNode): Clone {
  const a = el.attrs;
  const unknown: RawElement[] = [];
  const children: (Primitive | Group)[] = [];
  for (const c of el.children) {
    if (c.tag === "resource") children.push(parsePrimitive(c));
    else if (c.tag === "group") children.push(parseGroup(c));
    else unknown.push(rawElement(c));
  }
  return {
    kind: "clone", id: req(a, "id"), promotable: bool(a, "multi_state"), unique: bool(a, "unique"),
    managed: bool(a, "managed", true), disabled: bool(a, "disabled"), failed: bool(a, "failed"),
    failureIgnored: bool(a, "failure_ignored"), targetRole: str(a, "target_role"), description: str(a, "description"),
    children, extraAttrs: extraAttrs(a, CLONE_KNOWN), unknown,
  };
}

/** Which replica member a resource is: crm_mon gives no role names, the agent and id tell. */
function classifyReplica(bundleId: string, replicaId: string, resources: Primitive[]): Replica {
  const r: Replica = { id: replicaId, ip: null, child: null, container: null, remote: null, resources };
  for (const p of resources) {
    if (p.id.startsWith(`${bundleId}-ip-`)) r.ip = p;
    else if (p.resourceAgent === "ocf:pacemaker:remote" && p.id === `${bundleId}-${replicaId}`) r.remote = p;
    else if (/^ocf:heartbeat:(docker|podman|rkt)$/.test(p.resourceAgent) && p.id.startsWith(`${bundleId}-`)) r.container = p;
    else r.child ??= p;
  }
  return r;
}

function parseBundle(el: XNode): Bundle {
  const a = el.attrs;
  const id = req(a, "id");
  const unknown: RawElement[] = [];
  const replicas: Replica[] = [];
  for (const c of el.children) {
    if (c.tag !== "replica") {
      unknown.push(rawElement(c));
      continue;
    }
    const resources: Primitive[] = [];
    for (const r of c.children) {
      if (r.tag === "resource") resources.push(parsePrimitive(r));
      else unknown.push(rawElement(r));
    }
    replicas.push(classifyReplica(id, req(c.attrs, "id"), resources));
  }
  return {
    kind: "bundle", id, type: req(a, "type"), image: req(a, "image"), unique: bool(a, "unique"),
    managed: bool(a, "managed", true), failed: bool(a, "failed"), description: str(a, "description"),
    replicas, extraAttrs: extraAttrs(a, BUNDLE_KNOWN), unknown,
  };
}

export function parseResourceList(children: XNode[], unknown: RawElement[]): Resource[] {
  const out: Resource[] = [];
  for (const c of children) {
    switch (c.tag) {
      case "resource": out.push(parsePrimitive(c)); break;
      case "group": out.push(parseGroup(c)); break;
      case "clone": out.push(parseClone(c)); break;
      case "bundle": out.push(parseBundle(c)); break;
      default: unknown.push(rawElement(c));
    }
  }
  return out;
}
