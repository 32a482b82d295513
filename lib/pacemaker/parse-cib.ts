import { PacemakerParseError } from "./errors";
import type { RawElement } from "./model-common";
import type { Configuration } from "./model-config";
import type { CibInfo, NodeState } from "./model-status";
import { parseConstraints } from "./parse-cib-constraints";
import { parseAcls, parseAlerts, parseFencingTopology, parseNodes, parseTags } from "./parse-cib-misc";
import { parseResourcesSection } from "./parse-cib-resources";
import { flattenNvSets, parseNvSet } from "./parse-nvset";
import { bool, extraAttrs, int, parseXml, rawElement, str, type XNode } from "./xml";

/**
 * The CIB (`cibadmin --query`). Its status section is most of the bytes (an lrm history entry per
 * resource per node: 30 MB at 32×2000) and crm_mon already reports what it means, so only the
 * configuration is parsed as XML; in the status section just the node_state tags and their
 * transient_attributes are picked out.
 */

export interface CibView {
  cib: CibInfo;
  configuration: Configuration;
  /** node_state id → transient attribute name → value */
  transient: Map<string, Map<string, string>>;
}

const WHAT = "CIB XML";
const CIB_KNOWN = new Set([
  "epoch", "num_updates", "admin_epoch", "have-quorum", "dc-uuid", "validate-with", "crm_feature_set",
  "cib-last-written", "update-origin", "update-client", "update-user",
]);
const NODE_STATE_KNOWN = new Set(["id", "uname", "in_ccm", "crmd", "join", "expected"]);

function findTag(xml: string, name: string, from: number): number {
  let i = xml.indexOf(`<${name}`, from);
  while (i >= 0) {
    const c = xml.charCodeAt(i + name.length + 1);
    // the name must end here: whitespace, '>' or '/'
    if (c === 62 || c === 47 || c === 32 || c === 9 || c === 10 || c === 13) return i;
    i = xml.indexOf(`<${name}`, i + 1);
  }
  return -1;
}

function scanStatus(xml: string, start: number): { states: NodeState[]; transient: Map<string, Map<string, string>> } {
  const states: NodeState[] = [];
  const transient = new Map<string, Map<string, string>>();
  // one forward pass for the transient blocks: searching per node would rescan to the end of
  // the file for every node that has none
  const blocks: number[] = [];
  for (let t = findTag(xml, "transient_attributes", start); t >= 0; t = findTag(xml, "transient_attributes", t + 1)) blocks.push(t);
  let b = 0;
  let i = findTag(xml, "node_state", start);
  while (i >= 0) {
    const tagEnd = xml.indexOf(">", i);
    if (tagEnd < 0) break;
    const selfClosing = xml.charCodeAt(tagEnd - 1) === 47;
    const open = parseXml(selfClosing ? xml.slice(i, tagEnd + 1) : `${xml.slice(i, tagEnd)}/>`, `${WHAT} (node_state)`);
    const a = open.attrs;
    const id = a.id ?? "";
    states.push({
      id, uname: str(a, "uname"), inCcm: str(a, "in_ccm"), crmd: str(a, "crmd"), join: str(a, "join"),
      expected: str(a, "expected"), extraAttrs: extraAttrs(a, NODE_STATE_KNOWN),
    });
    const next = findTag(xml, "node_state", tagEnd);
    if (!selfClosing) {
      const limit = next < 0 ? xml.length : next;
      while (b < blocks.length && (blocks[b] ?? 0) < tagEnd) b++;
      const ta = blocks[b] ?? -1;
      if (ta >= 0 && ta < limit) {
        const close = xml.indexOf("</transient_attributes>", ta);
        const taEnd = close >= 0 && close < limit ? close + "</transient_attributes>".length : xml.indexOf(">", ta) + 1;
        const el = parseXml(xml.slice(ta, taEnd), `${WHAT} (transient_attributes of node ${id})`);
        transient.set(id, transientValues(el));
      }
    }
    i = next;
  }
  return { states, transient };
}

/** The same from an already parsed status element (small or self-closing documents). */
function scanStatusNodes(status: XNode): { states: NodeState[]; transient: Map<string, Map<string, string>> } {
  const states: NodeState[] = [];
  const transient = new Map<string, Map<string, string>>();
  for (const ns of status.children) {
    if (ns.tag !== "node_state") continue;
    const a = ns.attrs;
    const id = a.id ?? "";
    states.push({
      id, uname: str(a, "uname"), inCcm: str(a, "in_ccm"), crmd: str(a, "crmd"), join: str(a, "join"),
      expected: str(a, "expected"), extraAttrs: extraAttrs(a, NODE_STATE_KNOWN),
    });
    const ta = ns.children.find((c) => c.tag === "transient_attributes");
    if (ta) transient.set(id, transientValues(ta));
  }
  return { states, transient };
}

function transientValues(el: XNode): Map<string, string> {
  const values = new Map<string, string>();
  for (const set of el.children) {
    for (const p of set.children) {
      const name = p.attrs.name;
      const value = p.attrs.value;
      if (p.tag === "nvpair" && name !== undefined && value !== undefined) values.set(name, value);
    }
  }
  return values;
}

function emptyConfiguration(): Configuration {
  return {
    crmConfig: [], properties: {}, rscDefaults: [], opDefaults: [], nodes: [], resources: [], templates: [],
    constraints: [], acls: null, tags: [], alerts: [], fencingTopology: [], unknown: [],
  };
}

function nvSetsOf(el: XNode, unknown: RawElement[]): ReturnType<typeof parseNvSet>[] {
  const out = [];
  for (const c of el.children) {
    if (c.tag === "meta_attributes" || c.tag === "cluster_property_set" || c.tag === "instance_attributes") out.push(parseNvSet(c));
    else unknown.push(rawElement(c));
  }
  return out;
}

function parseConfiguration(el: XNode): Configuration {
  const cfg = emptyConfiguration();
  const u = cfg.unknown;
  for (const c of el.children) {
    switch (c.tag) {
      case "crm_config": cfg.crmConfig = nvSetsOf(c, u); break;
      case "rsc_defaults": cfg.rscDefaults = nvSetsOf(c, u); break;
      case "op_defaults": cfg.opDefaults = nvSetsOf(c, u); break;
      case "nodes": cfg.nodes = parseNodes(c, u); break;
      case "resources": {
        const r = parseResourcesSection(c, u);
        cfg.resources = r.resources;
        cfg.templates = r.templates;
        break;
      }
      case "constraints": cfg.constraints = parseConstraints(c, u); break;
      case "acls": cfg.acls = parseAcls(c); break;
      case "tags": cfg.tags = parseTags(c, u); break;
      case "alerts": cfg.alerts = parseAlerts(c, u); break;
      case "fencing-topology": cfg.fencingTopology = parseFencingTopology(c, u); break;
      default: u.push(rawElement(c));
    }
  }
  cfg.properties = flattenNvSets(cfg.crmConfig);
  return cfg;
}

export function parseCib(xml: string): CibView {
  if (typeof xml !== "string" || xml.trim() === "") throw new PacemakerParseError(`${WHAT} is empty`, { source: WHAT, line: 1 });
  // Only a document that ends with </cib> may skip validating its status section: a truncated one
  // (or anything else) goes through the full, validating parse, which says where it breaks.
  const closed = xml.trimEnd().endsWith("</cib>");
  const cibAt = findTag(xml, "cib", 0);
  // search forward from the end of the (small) configuration: the status section is the bulk
  const confEnd = xml.indexOf("</configuration>");
  const statusAt = closed ? findTag(xml, "status", confEnd >= 0 ? confEnd : Math.max(cibAt, 0)) : -1;
  let root: XNode;
  let scanned: ReturnType<typeof scanStatus> | null = null;
  if (statusAt > cibAt && cibAt >= 0) {
    root = parseXml(`${xml.slice(0, statusAt)}</cib>`, WHAT);
    scanned = scanStatus(xml, statusAt);
  } else {
    root = parseXml(xml, WHAT);
    const status = root.children.find((c) => c.tag === "status");
    if (status) scanned = scanStatusNodes(status);
  }
  if (root.tag !== "cib") {
    throw new PacemakerParseError(`${WHAT} has root element <${root.tag}>, expected <cib>`, { source: WHAT, line: 1 });
  }
  const a = root.attrs;
  const configEl = root.children.find((c) => c.tag === "configuration");
  const configuration = configEl ? parseConfiguration(configEl) : emptyConfiguration();
  for (const c of root.children) {
    if (c.tag !== "configuration" && c.tag !== "status") configuration.unknown.push(rawElement(c));
  }
  const haveQuorum = a["have-quorum"];
  return {
    cib: {
      epoch: int(a, "epoch"), numUpdates: int(a, "num_updates"), adminEpoch: int(a, "admin_epoch"),
      haveQuorum: haveQuorum === undefined ? null : bool(a, "have-quorum"), dcUuid: str(a, "dc-uuid"),
      validateWith: str(a, "validate-with"), crmFeatureSet: str(a, "crm_feature_set"),
      cibLastWritten: str(a, "cib-last-written"), updateOrigin: str(a, "update-origin"),
      updateClient: str(a, "update-client"), updateUser: str(a, "update-user"),
      nodeStates: scanned?.states ?? [], extraAttrs: extraAttrs(a, CIB_KNOWN),
    },
    configuration,
    transient: scanned?.transient ?? new Map(),
  };
}
