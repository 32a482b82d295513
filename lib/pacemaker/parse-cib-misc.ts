import type { RawElement } from "./model-common";
import type { Acls, Alert, FencingLevel, NodeConfig, Tag } from "./model-config";
import { parseNvSet } from "./parse-nvset";
import { extraAttrs, int, rawElement, req, str, type XNode } from "./xml";

/** nodes, acls, tags, alerts and fencing-topology sections of the CIB configuration. */

const S = (...k: string[]): ReadonlySet<string> => new Set(k);
const NODE_KNOWN = S("id", "uname", "type", "description", "score");
const PERM_KNOWN = S("id", "kind", "xpath", "reference", "object-type", "attribute", "description", "ref", "tag");
const SUBJ_KNOWN = S("id", "name");
const LEVEL_KNOWN = S("id", "index", "target", "target-pattern", "target-attribute", "target-value", "devices");
const ALERT_KNOWN = S("id", "path", "description");
const RCPT_KNOWN = S("id", "value", "description");

export function parseNodes(el: XNode, unknown: RawElement[]): NodeConfig[] {
  const out: NodeConfig[] = [];
  for (const n of el.children) {
    if (n.tag !== "node") {
      unknown.push(rawElement(n));
      continue;
    }
    const node: NodeConfig = {
      id: req(n.attrs, "id"), uname: req(n.attrs, "uname"), type: str(n.attrs, "type"),
      description: str(n.attrs, "description"), score: str(n.attrs, "score"), instanceAttributes: [],
      utilization: [], extraAttrs: extraAttrs(n.attrs, NODE_KNOWN), unknown: [],
    };
    for (const c of n.children) {
      if (c.tag === "instance_attributes") node.instanceAttributes.push(parseNvSet(c));
      else if (c.tag === "utilization") node.utilization.push(parseNvSet(c));
      else node.unknown.push(rawElement(c));
    }
    out.push(node);
  }
  return out;
}

/** acl_permission, or the legacy read/write/deny elements of acls-1.2 (kind = the tag). */
function parsePermission(el: XNode): Acls["roles"][number]["permissions"][number] | null {
  const legacy = el.tag === "read" || el.tag === "write" || el.tag === "deny";
  if (!legacy && el.tag !== "acl_permission") return null;
  const a = el.attrs;
  return {
    id: str(a, "id"), kind: legacy ? el.tag : req(a, "kind"), xpath: str(a, "xpath"),
    reference: str(a, "reference") ?? str(a, "ref"), objectType: str(a, "object-type") ?? str(a, "tag"),
    attribute: str(a, "attribute"), description: str(a, "description"), extraAttrs: extraAttrs(a, PERM_KNOWN),
  };
}

export function parseAcls(el: XNode): Acls {
  const acls: Acls = { roles: [], targets: [], groups: [], unknown: [] };
  for (const c of el.children) {
    if (c.tag === "acl_role") {
      const role: Acls["roles"][number] = {
        id: req(c.attrs, "id"), description: str(c.attrs, "description"), permissions: [],
        extraAttrs: extraAttrs(c.attrs, S("id", "description")), unknown: [],
      };
      for (const p of c.children) {
        const perm = parsePermission(p);
        if (perm) role.permissions.push(perm);
        else role.unknown.push(rawElement(p));
      }
      acls.roles.push(role);
    } else if (c.tag === "acl_target" || c.tag === "acl_group" || c.tag === "acl_user") {
      const subject: Acls["targets"][number] = {
        tag: c.tag, id: req(c.attrs, "id"), name: str(c.attrs, "name"), roles: [], permissions: [],
        extraAttrs: extraAttrs(c.attrs, SUBJ_KNOWN), unknown: [],
      };
      for (const r of c.children) {
        if (r.tag === "role" || r.tag === "role_ref") subject.roles.push(req(r.attrs, "id"));
        else {
          const perm = parsePermission(r);
          if (perm) subject.permissions.push(perm);
          else subject.unknown.push(rawElement(r));
        }
      }
      (c.tag === "acl_group" ? acls.groups : acls.targets).push(subject);
    } else acls.unknown.push(rawElement(c));
  }
  return acls;
}

export function parseTags(el: XNode, unknown: RawElement[]): Tag[] {
  const out: Tag[] = [];
  for (const t of el.children) {
    if (t.tag !== "tag") {
      unknown.push(rawElement(t));
      continue;
    }
    const tag: Tag = { id: req(t.attrs, "id"), refs: [], extraAttrs: extraAttrs(t.attrs, S("id")), unknown: [] };
    for (const r of t.children) {
      if (r.tag === "obj_ref") tag.refs.push(req(r.attrs, "id"));
      else tag.unknown.push(rawElement(r));
    }
    out.push(tag);
  }
  return out;
}

export function parseAlerts(el: XNode, unknown: RawElement[]): Alert[] {
  const out: Alert[] = [];
  for (const x of el.children) {
    if (x.tag !== "alert") {
      unknown.push(rawElement(x));
      continue;
    }
    const alert: Alert = {
      id: req(x.attrs, "id"), path: req(x.attrs, "path"), description: str(x.attrs, "description"), select: null,
      recipients: [], instanceAttributes: [], metaAttributes: [], extraAttrs: extraAttrs(x.attrs, ALERT_KNOWN), unknown: [],
    };
    for (const c of x.children) {
      switch (c.tag) {
        case "select": {
          const sel = { nodes: false, fencing: false, resources: false, attributes: null as string[] | null };
          for (const s of c.children) {
            if (s.tag === "select_nodes") sel.nodes = true;
            else if (s.tag === "select_fencing") sel.fencing = true;
            else if (s.tag === "select_resources") sel.resources = true;
            else if (s.tag === "select_attributes") sel.attributes = s.children.map((a) => req(a.attrs, "name"));
            else alert.unknown.push(rawElement(s));
          }
          alert.select = sel;
          break;
        }
        case "recipient": {
          const r: Alert["recipients"][number] = {
            id: req(c.attrs, "id"), value: req(c.attrs, "value"), description: str(c.attrs, "description"),
            instanceAttributes: [], metaAttributes: [], extraAttrs: extraAttrs(c.attrs, RCPT_KNOWN), unknown: [],
          };
          for (const s of c.children) {
            if (s.tag === "instance_attributes") r.instanceAttributes.push(parseNvSet(s));
            else if (s.tag === "meta_attributes") r.metaAttributes.push(parseNvSet(s));
            else r.unknown.push(rawElement(s));
          }
          alert.recipients.push(r);
          break;
        }
        case "instance_attributes": alert.instanceAttributes.push(parseNvSet(c)); break;
        case "meta_attributes": alert.metaAttributes.push(parseNvSet(c)); break;
        default: alert.unknown.push(rawElement(c));
      }
    }
    out.push(alert);
  }
  return out;
}

export function parseFencingTopology(el: XNode, unknown: RawElement[]): FencingLevel[] {
  const out: FencingLevel[] = [];
  for (const l of el.children) {
    if (l.tag !== "fencing-level") {
      unknown.push(rawElement(l));
      continue;
    }
    const a = l.attrs;
    out.push({
      id: req(a, "id"), index: int(a, "index"), target: str(a, "target"), targetPattern: str(a, "target-pattern"),
      targetAttribute: str(a, "target-attribute"), targetValue: str(a, "target-value"),
      devices: req(a, "devices").split(",").filter((d) => d !== ""), extraAttrs: extraAttrs(a, LEVEL_KNOWN),
    });
  }
  return out;
}
