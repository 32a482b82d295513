/** Properties and defaults, node attributes, ACLs, tags, alerts and fencing levels. */
import type { XNode } from "@/lib/pacemaker/xml";
import { CibEditError, type CibEdit } from "./edits";
import { deriveId, idFor, PROPERTY_SET_IDS } from "./ids";
import type { Ctx } from "./apply-resources";
import { findReferences } from "./apply-refs";
import { dropIfEmpty, el, ensureSection, findById, findSection, removeChild, setNvValue, writePairs, type SectionName } from "./tree";

type Edit<O extends CibEdit["op"]> = Extract<CibEdit, { op: O }>;

/**
 * Puts an element with its own id into a section: one of the same tag(s) with that id is replaced
 * where it stands (its ids are freed first, so the rebuilt children get the same names), anything
 * else holding the id is a collision.
 */
function put(ctx: Ctx, section: SectionName, id: string, tags: readonly string[], what: string, make: () => XNode): void {
  const sec = findSection(ctx.config, section);
  const old = sec?.children.find((c) => c.attrs.id === id && tags.includes(c.tag));
  if (sec && old) {
    ctx.ids.releaseTree(old);
    ctx.ids.take(id, old.tag);
    sec.children.splice(sec.children.indexOf(old), 1, make());
    return;
  }
  ctx.ids.claim(id, tags[0] ?? what, what);
  ensureSection(ctx.config, section).children.push(make());
}

function remove(ctx: Ctx, section: SectionName, id: string, tags: readonly string[], what: string): XNode {
  const sec = findSection(ctx.config, section);
  const old = sec?.children.find((c) => c.attrs.id === id && tags.includes(c.tag));
  if (!sec || !old) throw new CibEditError(`no ${what} named ${id}`, id);
  ctx.ids.releaseTree(old);
  removeChild(sec, old);
  dropIfEmpty(ctx.config, section);
  return old;
}

/**
 * Cluster property names the pacemaker-3.x schema refuses in crm_config (options-3.9.rng): the
 * underscore spellings and the defaults that moved to rsc_defaults / op_defaults.
 */
const RETIRED_PROPERTIES: Record<string, string> = {
  "default-resource-stickiness": "set resource-stickiness in rsc_defaults",
  "is-managed-default": "set is-managed in rsc_defaults",
  "default-action-timeout": "set timeout in op_defaults",
  "default-migration-threshold": "set migration-threshold in rsc_defaults",
  "default-resource-failure-stickiness": "set migration-threshold in rsc_defaults",
  "expected-quorum-votes": "corosync decides the votes",
  "notification-agent": "configure an alert",
  "notification-recipient": "configure an alert's recipient",
};
const UNDERSCORED = /^(cluster_recheck_interval|dc_deadtime|default_action_timeout|default_migration_threshold|default_resource_failure_stickiness|default_resource_stickiness|election_timeout|is_managed_default|no_quorum_policy|remove_after_stop|shutdown_escalation|startup_fencing|stonith_action|stonith_enabled|stop_orphan_actions|stop_orphan_resources|symmetric_cluster|transition_idle_timeout)$/;

function propertySet(ctx: Ctx, e: Edit<"property.set">): void {
  if (e.section === "crm_config" && e.value !== null) {
    const instead = RETIRED_PROPERTIES[e.name] ?? (UNDERSCORED.test(e.name) ? `write it as ${e.name.replaceAll("_", "-")}` : undefined);
    if (instead !== undefined) throw new CibEditError(`${e.name} is not a cluster property in this schema; ${instead}`, e.name);
  }
  const sec = ensureSection(ctx.config, e.section);
  const setTag = e.section === "crm_config" ? "cluster_property_set" : "meta_attributes";
  setNvValue(sec, setTag, e.name, e.value, PROPERTY_SET_IDS[e.section], ctx.ids);
}

function nodeAttribute(ctx: Ctx, e: Edit<"node.attribute">): void {
  const node = findSection(ctx.config, "nodes")?.children.find((n) => n.tag === "node" && n.attrs.uname === e.node);
  if (!node) throw new CibEditError(`no node named ${e.node} in the nodes section`, e.node);
  const nodeId = node.attrs.id ?? e.node;
  const setId = e.set === "utilization" ? idFor.nodeUtilization(nodeId) : idFor.nodeAttributes(nodeId);
  setNvValue(node, e.set, e.name, e.value, setId, ctx.ids);
}

function aclRolePut(ctx: Ctx, e: Edit<"acl.role.put">): void {
  for (const p of e.permissions) {
    if (p.reference !== undefined && !ctx.ids.has(p.reference) && p.reference !== e.id) {
      throw new CibEditError(`a permission of ACL role ${e.id} refers to ${p.reference}, which is not in the configuration`, e.id);
    }
  }
  put(ctx, "acls", e.id, ["acl_role"], "ACL role id", () =>
    el(
      "acl_role",
      { id: e.id, description: e.description },
      e.permissions.map((p) =>
        el("acl_permission", {
          id: deriveId(idFor.permission(e.id, p.kind), ctx.ids, "acl_permission"), kind: p.kind, xpath: p.xpath,
          reference: p.reference, "object-type": p.objectType, attribute: p.attribute, description: p.description,
        }),
      ),
    ),
  );
}

function aclSubjectPut(ctx: Ctx, e: Edit<"acl.subject.put">): void {
  const roles = findSection(ctx.config, "acls")?.children.filter((c) => c.tag === "acl_role").map((c) => c.attrs.id) ?? [];
  const seen = new Set<string>();
  for (const r of e.roles) {
    if (!roles.includes(r)) throw new CibEditError(`no ACL role named ${r}`, r);
    if (seen.has(r)) throw new CibEditError(`role ${r} is listed twice for ${e.id}`, e.id);
    seen.add(r);
  }
  const what = e.kind === "acl_target" ? "ACL target id" : "ACL group id";
  put(ctx, "acls", e.id, [e.kind], what, () => el(e.kind, { id: e.id }, e.roles.map((r) => el("role", { id: r }))));
}

function aclDelete(ctx: Ctx, e: Edit<"acl.delete">): void {
  const old = remove(ctx, "acls", e.id, ["acl_role", "acl_target", "acl_group", "acl_user"], "ACL role, target or group");
  if (old.tag !== "acl_role") return;
  // targets and groups holding the role would name a role that is gone
  for (const s of findSection(ctx.config, "acls")?.children ?? []) {
    s.children = s.children.filter((r) => !((r.tag === "role" || r.tag === "role_ref") && r.attrs.id === e.id));
  }
}

function tagPut(ctx: Ctx, e: Edit<"tag.put">): void {
  const seen = new Set<string>();
  for (const r of e.refs) {
    if (!ctx.ids.has(r) || r === e.id) throw new CibEditError(`tag ${e.id} names ${r}, but nothing in the configuration has that id`, e.id);
    if (seen.has(r)) throw new CibEditError(`${r} is listed twice in tag ${e.id}`, e.id);
    seen.add(r);
  }
  put(ctx, "tags", e.id, ["tag"], "tag id", () => el("tag", { id: e.id }, e.refs.map((r) => el("obj_ref", { id: r }))));
}

function tagDelete(ctx: Ctx, e: Edit<"tag.delete">): void {
  const users = findReferences(ctx.config, new Set([e.id])).filter((r) => r.label.startsWith("constraint"));
  if (users.length > 0) throw new CibEditError(`tag ${e.id} is still used by ${users.map((u) => u.label).join(", ")}`, e.id);
  remove(ctx, "tags", e.id, ["tag"], "tag");
}

function alertPut(ctx: Ctx, e: Edit<"alert.put">): void {
  const seen = new Set<string>();
  for (const r of e.recipients) {
    if (seen.has(r.id)) throw new CibEditError(`recipient id ${r.id} is given twice in alert ${e.id}`, e.id);
    seen.add(r.id);
  }
  const old = findSection(ctx.config, "alerts")?.children.find((c) => c.tag === "alert" && c.attrs.id === e.id);
  if (old) ctx.ids.releaseTree(old);
  else ctx.ids.claim(e.id, "alert", "alert id");
  // the recipients' ids are the edit's own: checked against everything else in the configuration
  for (const r of e.recipients) ctx.ids.claim(r.id, "recipient", "recipient id");
  if (old) ctx.ids.take(e.id, "alert");
  const node = el("alert", { id: e.id, description: e.description, path: e.path });
  const nv = (tag: string, setId: string, pairs: readonly { name: string; value: string }[] | undefined): void => {
    if (!pairs || pairs.length === 0) return;
    const set = el(tag, { id: deriveId(setId, ctx.ids, tag) });
    writePairs(set, pairs, ctx.ids);
    node.children.push(set);
  };
  nv("meta_attributes", idFor.metaAttributes(e.id), e.meta);
  nv("instance_attributes", idFor.instanceAttributes(e.id), e.params);
  if (e.select) {
    const s = el("select");
    if (e.select.nodes) s.children.push(el("select_nodes"));
    if (e.select.fencing) s.children.push(el("select_fencing"));
    if (e.select.resources) s.children.push(el("select_resources"));
    if (e.select.attributes !== null) {
      s.children.push(el("select_attributes", {}, e.select.attributes.map((name) => el("attribute", { id: deriveId(idFor.alertAttribute(e.id, name), ctx.ids, "attribute"), name }))));
    }
    node.children.push(s);
  }
  for (const r of e.recipients) node.children.push(el("recipient", { id: r.id, value: r.value }));
  const sec = ensureSection(ctx.config, "alerts");
  if (old) sec.children.splice(sec.children.indexOf(old), 1, node);
  else sec.children.push(node);
}

function fencingLevelPut(ctx: Ctx, e: Edit<"fencing.level.put">): void {
  const byAttr = e.targetAttribute !== undefined || e.targetValue !== undefined;
  const kinds = [e.target !== undefined, e.targetPattern !== undefined, byAttr].filter(Boolean).length;
  if (kinds !== 1) throw new CibEditError(`fencing level ${e.id} targets one node, one node pattern, or one attribute=value`, e.id);
  if (byAttr && (e.targetAttribute === undefined || e.targetValue === undefined)) {
    throw new CibEditError(`fencing level ${e.id} targets nodes by an attribute: it needs both the attribute and the value`, e.id);
  }
  for (const d of e.devices) {
    const hit = findById(ctx.config, d);
    if (!hit || hit.node.tag !== "primitive") throw new CibEditError(`fencing level ${e.id} names ${d}, but there is no resource named ${d}`, e.id);
    if (hit.node.attrs.class !== "stonith") throw new CibEditError(`${d} is not a fencing device (its class is ${hit.node.attrs.class ?? "unset"})`, d);
  }
  const target = (l: XNode): string => [l.attrs.target, l.attrs["target-pattern"], l.attrs["target-attribute"], l.attrs["target-value"]].join("|");
  const mine = [e.target, e.targetPattern, e.targetAttribute, e.targetValue].join("|");
  const clash = findSection(ctx.config, "fencing-topology")?.children.find((l) => l.attrs.id !== e.id && l.attrs.index === String(e.index) && target(l) === mine);
  if (clash) throw new CibEditError(`fencing level ${clash.attrs.id ?? ""} already has index ${e.index} for this target`, e.id);
  put(ctx, "fencing-topology", e.id, ["fencing-level"], "fencing level id", () =>
    el("fencing-level", {
      id: e.id, target: e.target, "target-pattern": e.targetPattern, "target-attribute": e.targetAttribute,
      "target-value": e.targetValue, index: String(e.index), devices: e.devices.join(","),
    }),
  );
}

export function applyMiscEdit(ctx: Ctx, e: CibEdit): boolean {
  switch (e.op) {
    case "property.set": propertySet(ctx, e); return true;
    case "node.attribute": nodeAttribute(ctx, e); return true;
    case "acl.role.put": aclRolePut(ctx, e); return true;
    case "acl.subject.put": aclSubjectPut(ctx, e); return true;
    case "acl.delete": aclDelete(ctx, e); return true;
    case "tag.put": tagPut(ctx, e); return true;
    case "tag.delete": tagDelete(ctx, e); return true;
    case "alert.put": alertPut(ctx, e); return true;
    case "alert.delete": remove(ctx, "alerts", e.id, ["alert"], "alert"); return true;
    case "fencing.level.put": fencingLevelPut(ctx, e); return true;
    case "fencing.level.delete": remove(ctx, "fencing-topology", e.id, ["fencing-level"], "fencing level"); return true;
    default: return false;
  }
}
