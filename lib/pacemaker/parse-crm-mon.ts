import { PacemakerParseError } from "./errors";
import type { RawElement } from "./model-common";
import type {
  Ban,
  Failure,
  FenceEvent,
  Node,
  NodeHistory,
  OperationHistory,
  ResourceHistory,
  Summary,
  Ticket,
} from "./model-status";
import { parseResourceList } from "./parse-crm-mon-resources";
import type { Resource } from "./model-status";
import { bool, extraAttrs, int, intOrNull, parseXml, rawElement, req, str, type XNode } from "./xml";

/** crm_mon's view, before the CIB adds configuration, descriptions and node types. */
export interface CrmMonView {
  apiVersion: string | null;
  request: string | null;
  summary: Summary;
  nodes: Node[];
  resources: Resource[];
  /** node → [name, value, expected] in crm_mon order */
  nodeAttributes: { node: string; attributes: { name: string; value: string; expected: string | null }[] }[];
  nodeHistory: NodeHistory[] | null;
  failures: Failure[];
  tickets: Ticket[] | null;
  fenceHistory: FenceEvent[] | null;
  bans: Ban[];
  pacemakerdHealth: { sysFrom: string | null; state: string | null; lastUpdated: string | null; extraAttrs: Record<string, string> } | null;
  unknown: RawElement[];
}

const S = (...k: string[]): ReadonlySet<string> => new Set(k);
const NODE_KNOWN = S(
  "name", "id", "online", "standby", "standby_onfail", "maintenance", "pending", "unclean", "health",
  "feature_set", "shutdown", "expected_up", "is_dc", "resources_running", "type", "id_as_resource", "container_id",
);
const FAILURE_KNOWN = S(
  "op_key", "id", "node", "exitstatus", "exitreason", "exitcode", "call", "status", "last-rc-change", "queued",
  "exec", "interval", "task",
);
const OPH_KNOWN = S("call", "task", "rc", "rc_text", "interval", "last-rc-change", "last-run", "exec-time", "queue-time");
const RH_KNOWN = S("id", "orphan", "migration-threshold", "fail-count", "last-failure");
const TICKET_KNOWN = S("id", "status", "standby", "last-granted");
const FENCE_KNOWN = S("status", "extended-status", "exit-reason", "delegate", "action", "target", "client", "origin", "completed");
const BAN_KNOWN = S("id", "resource", "node", "weight", "promoted-only", "master_only");
const OPTIONS_KNOWN = S(
  "stonith-enabled", "symmetric-cluster", "no-quorum-policy", "maintenance-mode", "stop-all-resources",
  "stonith-timeout-ms", "priority-fencing-delay-ms",
);

function emptySummary(): Summary {
  return {
    clusterName: null, stack: null, pacemakerdState: null, dc: null, dcReported: false, lastUpdate: null, lastUpdateOrigin: null, lastChange: null,
    nodesConfigured: 0, resourcesConfigured: 0, resourcesDisabled: 0, resourcesBlocked: 0,
    clusterOptions: null, unknown: [],
  };
}

function parseSummary(el: XNode): Summary {
  const s = emptySummary();
  for (const c of el.children) {
    const a = c.attrs;
    switch (c.tag) {
      case "stack":
        s.stack = str(a, "type");
        s.pacemakerdState = str(a, "pacemakerd-state");
        break;
      case "current_dc":
        s.dcReported = true;
        s.dc = bool(a, "present") && a.name !== undefined
          ? { name: req(a, "name"), id: req(a, "id"), version: req(a, "version"), withQuorum: bool(a, "with_quorum"), mixedVersion: bool(a, "mixed_version") }
          : null;
        break;
      case "last_update":
        s.lastUpdate = str(a, "time");
        s.lastUpdateOrigin = str(a, "origin");
        break;
      case "last_change":
        s.lastChange = { time: req(a, "time"), user: req(a, "user"), client: req(a, "client"), origin: req(a, "origin") };
        break;
      case "nodes_configured": s.nodesConfigured = int(a, "number"); break;
      case "resources_configured":
        s.resourcesConfigured = int(a, "number");
        s.resourcesDisabled = int(a, "disabled");
        s.resourcesBlocked = int(a, "blocked");
        break;
      case "cluster_options":
        s.clusterOptions = {
          stonithEnabled: bool(a, "stonith-enabled"), symmetricCluster: bool(a, "symmetric-cluster"),
          noQuorumPolicy: req(a, "no-quorum-policy"), maintenanceMode: bool(a, "maintenance-mode"),
          stopAllResources: bool(a, "stop-all-resources"), stonithTimeoutMs: int(a, "stonith-timeout-ms"),
          priorityFencingDelayMs: int(a, "priority-fencing-delay-ms"), extraAttrs: extraAttrs(a, OPTIONS_KNOWN),
        };
        break;
      default: s.unknown.push(rawElement(c));
    }
  }
  return s;
}

function parseNode(el: XNode): Node {
  const a = el.attrs;
  const crmMonType = req(a, "type", "member");
  return {
    name: req(a, "name"), id: req(a, "id"), online: bool(a, "online"), standby: bool(a, "standby"),
    standbyOnfail: bool(a, "standby_onfail"), maintenance: bool(a, "maintenance"), pending: bool(a, "pending"),
    unclean: bool(a, "unclean"), shutdown: bool(a, "shutdown"), expectedUp: bool(a, "expected_up"),
    isDc: bool(a, "is_dc"), health: str(a, "health"), featureSet: str(a, "feature_set"),
    resourcesRunning: int(a, "resources_running"),
    type: crmMonType === "remote" ? "remote" : "member",
    crmMonType,
    ticketFence: null,
    idAsResource: a.id_as_resource ?? a.container_id ?? null,
    resources: el.children.filter((c) => c.attrs.id !== undefined).map((c) => c.attrs.id ?? ""),
    extraAttrs: extraAttrs(a, NODE_KNOWN),
  };
}

/**
 * crm_mon's XML `exitreason` is not the exit reason as written: failed_action_xml (pe_output.c,
 * 2.1.5) writes "none" when there is none, and runs the reason through crm_xml_escape before the
 * XML writer escapes it again, so `<node1>` arrives as `&lt;node1&gt;` after one decode. Undo both,
 * so the model holds the agent's own words (null for none), as crm_mon's text prints them.
 * crm_xml_escape stops at the first multibyte (non-ASCII) character, so the text after it was not
 * escaped and is kept as is. Its other rewrites (tab → 4 spaces, newline → `\n`) cannot be told
 * from an agent that wrote those characters itself, so they stay. An agent whose exit reason is
 * literally "none" reads as no exit reason: crm_mon's XML cannot tell the two apart either.
 */
export function crmMonExitReason(raw: string | undefined): string | null {
  if (raw === undefined || raw === "none" || raw === "") return null;
  const cut = raw.search(/[^\u0000-\u007f]/);
  const head = cut < 0 ? raw : raw.slice(0, cut);
  const tail = cut < 0 ? "" : raw.slice(cut);
  const ENT: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'", "&amp;": "&" };
  return head.replace(/&(?:lt|gt|quot|apos|amp);/g, (e) => ENT[e] ?? e) + tail;
}

function parseFailure(el: XNode): Failure {
  const a = el.attrs;
  return {
    opKey: a.op_key ?? a.id ?? "", node: req(a, "node"), exitstatus: req(a, "exitstatus"),
    exitreason: crmMonExitReason(a.exitreason), exitcode: int(a, "exitcode"), call: int(a, "call"), status: req(a, "status"),
    lastRcChange: str(a, "last-rc-change"), queued: intOrNull(a, "queued"), exec: intOrNull(a, "exec"),
    interval: intOrNull(a, "interval"), task: str(a, "task"), extraAttrs: extraAttrs(a, FAILURE_KNOWN),
  };
}

function parseOpHistory(el: XNode): OperationHistory {
  const a = el.attrs;
  return {
    call: req(a, "call"), task: req(a, "task"), rc: int(a, "rc"), rcText: req(a, "rc_text"),
    interval: str(a, "interval"), lastRcChange: str(a, "last-rc-change"), lastRun: str(a, "last-run"),
    execTime: str(a, "exec-time"), queueTime: str(a, "queue-time"), extraAttrs: extraAttrs(a, OPH_KNOWN),
  };
}

function parseNodeHistory(el: XNode): NodeHistory[] {
  const out: NodeHistory[] = [];
  for (const n of el.children) {
    if (n.tag !== "node") continue;
    const resources: ResourceHistory[] = [];
    for (const r of n.children) {
      if (r.tag !== "resource_history") continue;
      const a = r.attrs;
      resources.push({
        id: req(a, "id"), orphan: bool(a, "orphan"), migrationThreshold: intOrNull(a, "migration-threshold"),
        failCount: str(a, "fail-count"), lastFailure: str(a, "last-failure"),
        operations: r.children.filter((o) => o.tag === "operation_history").map(parseOpHistory),
        extraAttrs: extraAttrs(a, RH_KNOWN),
      });
    }
    out.push({ node: req(n.attrs, "name"), resources, failCounts: null });
  }
  return out;
}

/** crm_mon reports its own failures (e.g. a missing CIB_file) in `<errors>` and still exits 0. */
function checkStatus(root: XNode): void {
  const status = root.children.find((c) => c.tag === "status");
  const errorsEl = status?.children.find((c) => c.tag === "errors") ?? root.children.find((c) => c.tag === "errors");
  const errors = errorsEl ? errorsEl.children.map((e) => e.text.trim()).filter((t) => t !== "") : [];
  const code = status ? int(status.attrs, "code", 0) : 0;
  const message = status ? req(status.attrs, "message") : "";
  if (errors.length > 0 || code !== 0) {
    const detail = errors.length > 0 ? errors.join("; ") : message;
    throw new PacemakerParseError(`crm_mon reported an error (status ${code}${message ? ` ${message}` : ""}): ${detail}`, {
      source: "crm_mon",
      crmMonStatus: { code, message, errors },
    });
  }
}

export function parseCrmMon(xml: string): CrmMonView {
  const root = parseXml(xml, "crm_mon XML");
  if (root.tag !== "pacemaker-result" && root.tag !== "crm_mon") {
    throw new PacemakerParseError(`crm_mon XML has root element <${root.tag}>, expected <pacemaker-result>`, { source: "crm_mon XML", line: 1 });
  }
  checkStatus(root);
  const view: CrmMonView = {
    apiVersion: str(root.attrs, "api-version") ?? str(root.attrs, "version"),
    request: str(root.attrs, "request"),
    summary: emptySummary(), nodes: [], resources: [], nodeAttributes: [], nodeHistory: null, failures: [],
    tickets: null, fenceHistory: null, bans: [], pacemakerdHealth: null, unknown: [],
  };
  let sawSummary = false;
  for (const c of root.children) {
    switch (c.tag) {
      case "summary": view.summary = parseSummary(c); sawSummary = true; break;
      case "nodes": view.nodes = c.children.filter((n) => n.tag === "node").map(parseNode); break;
      case "resources": view.resources = parseResourceList(c.children, view.unknown); break;
      case "node_attributes":
        view.nodeAttributes = c.children.filter((n) => n.tag === "node").map((n) => ({
          node: req(n.attrs, "name"),
          attributes: n.children
            .filter((x) => x.tag === "attribute")
            .map((x) => ({ name: req(x.attrs, "name"), value: req(x.attrs, "value"), expected: str(x.attrs, "expected") })),
        }));
        break;
      case "node_history": view.nodeHistory = parseNodeHistory(c); break;
      case "failures": view.failures = c.children.filter((f) => f.tag === "failure").map(parseFailure); break;
      case "tickets":
        view.tickets = c.children.filter((t) => t.tag === "ticket").map((t) => ({
          id: req(t.attrs, "id"), status: req(t.attrs, "status"), standby: bool(t.attrs, "standby"),
          lastGranted: str(t.attrs, "last-granted"), extraAttrs: extraAttrs(t.attrs, TICKET_KNOWN),
        }));
        break;
      case "fence_history":
        view.fenceHistory = c.children.filter((f) => f.tag === "fence_event").map((f) => {
          const a = f.attrs;
          return {
            status: req(a, "status"), extendedStatus: str(a, "extended-status"), exitReason: str(a, "exit-reason"),
            delegate: str(a, "delegate"), action: req(a, "action"), target: req(a, "target"), client: req(a, "client"),
            origin: req(a, "origin"), completed: str(a, "completed"), extraAttrs: extraAttrs(a, FENCE_KNOWN),
          };
        });
        break;
      case "bans":
        view.bans = c.children.filter((b) => b.tag === "ban").map((b) => {
          const a = b.attrs;
          return {
            id: req(a, "id"), resource: req(a, "resource"), node: req(a, "node"), weight: int(a, "weight"),
            promotedOnly: bool(a, "promoted-only") || bool(a, "master_only"), extraAttrs: extraAttrs(a, BAN_KNOWN),
          };
        });
        break;
      case "pacemakerd": {
        const a = c.attrs;
        view.pacemakerdHealth = {
          sysFrom: str(a, "sys_from"), state: str(a, "state"), lastUpdated: str(a, "last_updated"),
          extraAttrs: extraAttrs(a, S("sys_from", "state", "last_updated")),
        };
        break;
      }
      case "status": break;
      default: view.unknown.push(rawElement(c));
    }
  }
  if (!sawSummary && view.nodes.length === 0 && view.resources.length === 0) {
    throw new PacemakerParseError("crm_mon XML holds no summary, nodes or resources: not a crm_mon status", { source: "crm_mon XML" });
  }
  return view;
}
