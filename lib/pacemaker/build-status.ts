import { MODEL_VERSION, type ClusterStatus } from "./model";
import type { Configuration, ResourceConfig } from "./model-config";
import type { Node, NodeAttributes, NodeType, Resource } from "./model-status";
import { parseCib, type CibView } from "./parse-cib";
import { parseCrmMon, type CrmMonView } from "./parse-crm-mon";
import { applyInstanceFailCounts } from "./parse-crm-mon-failcounts";
import { applyPending, scanPendingOps } from "./parse-crm-mon-pending";
import { undoTicketLossPolicies } from "./parse-crm-mon-tickets";
import { flattenNvSets } from "./parse-nvset";
import { computeWarnings } from "./warnings";

export interface BuildStatusInput {
  /** `crm_mon` output with CRM_MON_ARGS */
  crmMonXml: string;
  /** `cibadmin` output with CIB_QUERY_ARGS; without it there is no configuration */
  cibXml?: string | null;
}

interface NodeKind {
  type: NodeType;
  idAsResource: string | null;
}

/** Which nodes are remote or guest: crm_mon 2.1.5 calls every node "member", the CIB knows better. */
function nodeKindsFromConfig(cfg: Configuration): Map<string, NodeKind> {
  const kinds = new Map<string, NodeKind>();
  const visitPrimitive = (p: Extract<ResourceConfig, { kind: "primitive" }>): void => {
    const meta = flattenNvSets(p.metaAttributes);
    const guest = meta["remote-node"];
    if (guest !== undefined) kinds.set(guest, { type: "guest", idAsResource: p.id });
    else if (p.class === "ocf" && p.provider === "pacemaker" && p.type === "remote") kinds.set(p.id, { type: "remote", idAsResource: null });
  };
  for (const r of cfg.resources) {
    if (r.kind === "primitive") visitPrimitive(r);
    else if (r.kind === "group") r.children.forEach(visitPrimitive);
    else if (r.kind === "bundle") {
      const replicas = Number.parseInt(r.runtimeAttrs.replicas ?? r.runtimeAttrs["promoted-max"] ?? "1", 10) || 1;
      // bundle replicas are guest nodes only when the bundle holds a primitive (else no remote connection)
      if (r.primitive !== null) {
        for (let i = 0; i < replicas; i++) {
          kinds.set(`${r.id}-${i}`, { type: "guest", idAsResource: `${r.id}-${r.runtime ?? "docker"}-${i}` });
        }
      }
    }
  }
  for (const n of cfg.nodes) {
    if (n.type === "remote" && !kinds.has(n.uname)) kinds.set(n.uname, { type: "remote", idAsResource: null });
  }
  return kinds;
}

/** Without a CIB: remote connections show up as ocf:pacemaker:remote resources named for the node. */
function nodeKindsFromResources(resources: Resource[], kinds: Map<string, NodeKind>): void {
  for (const r of resources) {
    if (r.kind === "primitive" && r.resourceAgent === "ocf:pacemaker:remote" && !kinds.has(r.id)) {
      kinds.set(r.id, { type: "remote", idAsResource: null });
    } else if (r.kind === "bundle") {
      for (const rep of r.replicas) {
        if (rep.remote !== null && !kinds.has(rep.remote.id)) {
          kinds.set(rep.remote.id, { type: "guest", idAsResource: rep.container?.id ?? null });
        }
      }
    }
  }
}

function descriptions(cfg: Configuration): Map<string, string> {
  const out = new Map<string, string>();
  const add = (id: string, d: string | null): void => {
    if (d !== null) out.set(id, d);
  };
  for (const r of cfg.resources) {
    add(r.id, r.description);
    if (r.kind === "group") r.children.forEach((c) => add(c.id, c.description));
    if (r.kind === "clone" && r.child) {
      add(r.child.id, r.child.description);
      if (r.child.kind === "group") r.child.children.forEach((c) => add(c.id, c.description));
    }
    if (r.kind === "bundle" && r.primitive) add(r.primitive.id, r.primitive.description);
  }
  return out;
}

function applyDescriptions(resources: Resource[], d: Map<string, string>): void {
  if (d.size === 0) return;
  for (const r of resources) {
    r.description ??= d.get(r.id) ?? null;
    if (r.kind === "group") for (const c of r.children) c.description ??= d.get(c.id) ?? null;
    else if (r.kind === "clone") applyDescriptions(r.children, d);
    else if (r.kind === "bundle") for (const rep of r.replicas) for (const p of rep.resources) p.description ??= d.get(p.id) ?? null;
  }
}

function mergeAttributes(view: CrmMonView, cib: CibView | null, nodes: Node[]): NodeAttributes[] {
  const permanentByName = new Map<string, Record<string, string>>();
  const idByName = new Map<string, string>();
  for (const n of nodes) idByName.set(n.name, n.id);
  if (cib) {
    for (const n of cib.configuration.nodes) {
      permanentByName.set(n.uname, flattenNvSets(n.instanceAttributes));
      if (!idByName.has(n.uname)) idByName.set(n.uname, n.id);
    }
    for (const s of cib.cib.nodeStates) if (s.uname !== null && !idByName.has(s.uname)) idByName.set(s.uname, s.id);
  }
  const transientOf = (name: string): Map<string, string> | undefined => {
    const id = idByName.get(name);
    return cib === null ? undefined : cib.transient.get(id ?? name) ?? cib.transient.get(name);
  };
  const out: NodeAttributes[] = [];
  const build = (node: string, shown: { name: string; value: string; expected: string | null }[] | null): NodeAttributes => {
    const perm = permanentByName.get(node) ?? {};
    const trans = transientOf(node);
    const attrs: NodeAttributes["attributes"] = [];
    const seen = new Set<string>();
    for (const a of shown ?? []) {
      seen.add(a.name);
      attrs.push({ name: a.name, value: a.value, expected: a.expected, permanent: perm[a.name] ?? null, transient: trans?.get(a.name) ?? null });
    }
    const rest = new Set<string>(Object.keys(perm));
    if (trans) for (const k of trans.keys()) rest.add(k);
    for (const name of [...rest].filter((n) => !seen.has(n)).sort()) {
      attrs.push({ name, value: null, expected: null, permanent: perm[name] ?? null, transient: trans?.get(name) ?? null });
    }
    return { node, shown: shown !== null, attributes: attrs };
  };
  const done = new Set<string>();
  for (const n of view.nodeAttributes) {
    done.add(n.node);
    out.push(build(n.node, n.attributes));
  }
  if (cib) {
    const names = new Set<string>(nodes.map((n) => n.name));
    for (const n of cib.configuration.nodes) names.add(n.uname);
    for (const name of names) {
      if (done.has(name)) continue;
      const entry = build(name, null);
      if (entry.attributes.length > 0) out.push(entry);
    }
  }
  return out;
}

/** crm_mon XML (+ optionally the CIB) → the typed model. Throws PacemakerParseError on bad input. */
export function buildStatus(input: BuildStatusInput): ClusterStatus {
  const view = parseCrmMon(input.crmMonXml);
  const cib = input.cibXml === undefined || input.cibXml === null ? null : parseCib(input.cibXml);
  const kinds = cib ? nodeKindsFromConfig(cib.configuration) : new Map<string, NodeKind>();
  nodeKindsFromResources(view.resources, kinds);
  for (const n of view.nodes) {
    const k = kinds.get(n.name);
    if (n.idAsResource !== null) n.type = "guest";
    else if (k) {
      n.type = k.type;
      n.idAsResource = k.idAsResource;
    }
  }
  if (cib) applyDescriptions(view.resources, descriptions(cib.configuration));
  const stonith = view.summary.clusterOptions?.stonithEnabled ?? cib?.configuration.properties["stonith-enabled"] !== "false";
  applyPending(view.resources, view.nodes, cib && input.cibXml ? scanPendingOps(input.cibXml) : null, stonith);
  if (cib) undoTicketLossPolicies(view.resources, view.nodes, view.tickets, cib.configuration, stonith);
  else for (const n of view.nodes) n.ticketFence = null;
  const summary = view.summary;
  if (cib) summary.clusterName = cib.configuration.properties["cluster-name"] ?? null;
  const status: ClusterStatus = {
    modelVersion: MODEL_VERSION,
    crmMon: { apiVersion: view.apiVersion, request: view.request },
    summary,
    nodes: view.nodes,
    resources: view.resources,
    nodeAttributes: mergeAttributes(view, cib, view.nodes),
    nodeHistory:
      cib && input.cibXml
        ? applyInstanceFailCounts(view.nodeHistory, view.nodes, {
            xml: input.cibXml, cfg: cib.configuration, transient: cib.transient,
            featureSet: cib.cib.crmFeatureSet, nodeStateIds: cib.cib.nodeStates.map((n) => n.id),
          })
        : view.nodeHistory,
    failures: view.failures,
    tickets: view.tickets,
    fenceHistory: view.fenceHistory,
    bans: view.bans,
    warnings: [],
    pacemakerdHealth: view.pacemakerdHealth,
    cib: cib?.cib ?? null,
    configuration: cib?.configuration ?? null,
    unknown: view.unknown,
  };
  status.warnings = computeWarnings(status);
  return status;
}

