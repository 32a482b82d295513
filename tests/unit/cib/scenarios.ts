/**
 * One scenario per edit kind on the demo CIB: the unit tests check the model after it, the
 * integration test runs crm_verify and crm_diff/cibadmin --patch on its result.
 */
import type { CibEditInput } from "@/lib/cib/edits";

export interface Scenario {
  name: string;
  edits: CibEditInput[];
}

const ipaddr = { class: "ocf", provider: "heartbeat", type: "IPaddr2" } as const;

export const SCENARIOS: Scenario[] = [
  {
    name: "primitive.create (top level, params, meta, utilization, ops)",
    edits: [
      {
        op: "primitive.create", id: "web_ip", agent: ipaddr, description: "the web address",
        params: [{ name: "ip", value: "192.0.2.50" }, { name: "cidr_netmask", value: "24" }],
        meta: [{ name: "target-role", value: "Stopped" }], utilization: [{ name: "cpu", value: "1" }],
        operations: [
          { name: "monitor", interval: "10s", timeout: "20s", onFail: "restart", extra: [{ name: "OCF_CHECK_LEVEL", value: "10" }, { name: "record-pending", value: "true" }] },
          { name: "start", interval: "0", timeout: "30s" },
        ],
      },
    ],
  },
  {
    name: "primitive.create (into a group, before a member; a fencing device)",
    edits: [
      { op: "primitive.create", id: "vip2", agent: ipaddr, params: [{ name: "ip", value: "192.0.2.51" }], group: "balanceGroup", before: "my_lvs" },
      { op: "primitive.create", id: "fence2", agent: { class: "stonith", type: "fence_heuristics_ping" }, params: [{ name: "ping_targets", value: "192.0.2.1" }] },
    ],
  },
  {
    name: "primitive.update",
    edits: [
      {
        op: "primitive.update", id: "WebService1", description: "front end",
        params: [{ name: "configfile", value: "/etc/httpd/conf/other.conf" }], meta: [{ name: "migration-threshold", value: "3" }],
        operations: [{ name: "monitor", interval: "30s", timeout: "40s" }, { name: "monitor", interval: "60s", role: "Stopped" }],
      },
    ],
  },
  {
    name: "resource.meta",
    edits: [
      { op: "resource.meta", id: "balanceGroup", name: "target-role", value: "Stopped" },
      { op: "resource.meta", id: "pgsql-clone", name: "promoted-max", value: null },
      { op: "resource.meta", id: "WebService2", name: "is-managed", value: "false" },
    ],
  },
  { name: "resource.delete (with its constraints)", edits: [{ op: "resource.delete", id: "WebService1" }] },
  { name: "resource.delete (a group member)", edits: [{ op: "resource.delete", id: "virtual_ip" }] },
  { name: "resource.delete (a group and its constraints)", edits: [{ op: "resource.delete", id: "balanceGroup" }] },
  { name: "resource.rename", edits: [{ op: "resource.rename", id: "ping-clone", to: "pinger" }, { op: "resource.rename", id: "WebService1", to: "Web1" }] },
  { name: "group.create", edits: [{ op: "group.create", id: "webs", members: ["WebService2", "WebService3"], meta: [{ name: "target-role", value: "Started" }] }] },
  {
    name: "group.members",
    edits: [{ op: "group.members", id: "balanceGroup", members: ["my_lvs", "WebService3"] }],
  },
  { name: "group.ungroup", edits: [{ op: "group.ungroup", id: "balanceGroup" }] },
  {
    name: "clone.create",
    edits: [
      { op: "clone.create", id: "web1-clone", rsc: "WebService1", meta: [{ name: "clone-max", value: "2" }] },
      { op: "clone.create", id: "web2-clone", rsc: "WebService2", promotable: true },
    ],
  },
  { name: "clone.unclone", edits: [{ op: "clone.unclone", id: "pgsql-clone" }, { op: "clone.unclone", id: "ping-clone" }] },
  {
    name: "constraint.put (location, colocation, order, ticket, sets, rules)",
    edits: [
      { op: "constraint.put", constraint: { kind: "rsc_location", id: "loc-web2-node4", rsc: "WebService2", node: "node4", score: "-inf" } },
      {
        op: "constraint.put",
        constraint: {
          kind: "rsc_location", id: "loc-web3-rules", rsc: "WebService3", resourceDiscovery: "exclusive",
          rules: [
            { score: "50", booleanOp: "and", expressions: [{ kind: "expression", attribute: "#uname", operation: "ne", value: "node2" }, { kind: "date_expression", operation: "date_spec", spec: { hours: "9-16", weekdays: "1-5" } }] },
            { scoreAttribute: "pingd", expressions: [{ kind: "expression", attribute: "pingd", operation: "defined" }] },
            { score: "-INFINITY", expressions: [{ kind: "date_expression", operation: "in_range", start: "2026-01-01", duration: { months: "1" } }] },
          ],
        },
      },
      { op: "constraint.put", constraint: { kind: "rsc_colocation", id: "col-web-ip", rsc: "WebService1", withRsc: "balanceGroup", score: "INFINITY", rscRole: "Started" } },
      { op: "constraint.put", constraint: { kind: "rsc_order", id: "ord-web", first: "WebService1", then: "virtual_ip", orderKind: "Optional", symmetrical: false } },
      {
        op: "constraint.put",
        constraint: { kind: "rsc_colocation", id: "col-set", score: "100", sets: [{ resources: ["WebService2", "WebService3"], sequential: false }, { resources: ["ping-clone"] }] },
      },
      {
        op: "constraint.put",
        constraint: { kind: "rsc_order", id: "ord-set", sets: [{ resources: ["WebService1", "WebService2"], requireAll: false, action: "start" }, { resources: ["WebService3"] }] },
      },
      { op: "constraint.put", constraint: { kind: "rsc_ticket", id: "tkt-web", ticket: "ticketA", rsc: "WebService1", lossPolicy: "stop" } },
      { op: "constraint.put", constraint: { kind: "rsc_location", id: "location-WebService1-node2-100", rsc: "WebService1", node: "node3", score: "200" } },
    ],
  },
  { name: "constraint.delete", edits: [{ op: "constraint.delete", id: "order-ping-clone-balanceGroup-mandatory" }] },
  {
    name: "property.set",
    edits: [
      { op: "property.set", section: "crm_config", name: "no-quorum-policy", value: "freeze" },
      { op: "property.set", section: "crm_config", name: "maintenance-mode", value: "false" },
      { op: "property.set", section: "rsc_defaults", name: "resource-stickiness", value: null },
      { op: "property.set", section: "rsc_defaults", name: "migration-threshold", value: "2" },
      { op: "property.set", section: "op_defaults", name: "timeout", value: "45s" },
    ],
  },
  {
    name: "node.attribute",
    edits: [
      { op: "node.attribute", node: "node3", set: "instance_attributes", name: "site", value: "east" },
      { op: "node.attribute", node: "node2", set: "instance_attributes", name: "role", value: null },
      { op: "node.attribute", node: "node4", set: "utilization", name: "cpu", value: "4" },
    ],
  },
  {
    name: "acl.role.put, acl.subject.put, acl.delete",
    edits: [
      { op: "property.set", section: "crm_config", name: "enable-acl", value: "true" },
      {
        op: "acl.role.put", id: "read-all", description: "sees everything",
        permissions: [{ kind: "read", xpath: "/cib" }, { kind: "deny", reference: "WebService1" }, { kind: "write", objectType: "primitive", attribute: "target-role" }],
      },
      { op: "acl.role.put", id: "scratch", permissions: [{ kind: "read", xpath: "//nodes" }] },
      { op: "acl.subject.put", kind: "acl_target", id: "alice", roles: ["read-all", "scratch"] },
      { op: "acl.subject.put", kind: "acl_group", id: "haclient", roles: ["read-all"] },
      { op: "acl.delete", id: "scratch" },
    ],
  },
  {
    name: "tag.put, tag.delete",
    edits: [
      { op: "tag.put", id: "webs", refs: ["WebService1", "WebService2", "WebService3"] },
      { op: "tag.put", id: "old", refs: ["pgsql-clone"] },
      { op: "tag.delete", id: "old" },
    ],
  },
  {
    name: "alert.put, alert.delete",
    edits: [
      {
        op: "alert.put", id: "smtp", path: "/usr/share/pacemaker/alerts/alert_smtp.sh", description: "mail the admins",
        recipients: [{ id: "smtp-admins", value: "admins@example.com" }], select: { nodes: true, fencing: true, resources: false, attributes: ["pingd"] },
        meta: [{ name: "timeout", value: "15s" }], params: [{ name: "email_sender", value: "pcmk@example.com" }],
      },
      { op: "alert.put", id: "logger", path: "/usr/local/bin/log-alert", select: { nodes: false, fencing: false, resources: true, attributes: [] } },
      { op: "alert.delete", id: "logger" },
    ],
  },
  {
    name: "fencing.level.put, fencing.level.delete",
    edits: [
      { op: "primitive.create", id: "fence_b", agent: { class: "stonith", type: "fence_heuristics_ping" }, params: [{ name: "ping_targets", value: "192.0.2.2" }] },
      { op: "fencing.level.put", id: "fl-node2-1", index: 1, target: "node2", devices: ["my_ping_fence_device"] },
      { op: "fencing.level.put", id: "fl-node2-2", index: 2, target: "node2", devices: ["my_ping_fence_device", "fence_b"] },
      { op: "fencing.level.put", id: "fl-site", index: 1, targetAttribute: "site", targetValue: "east", devices: ["fence_b"] },
      { op: "fencing.level.put", id: "fl-pattern", index: 1, targetPattern: "node[34]", devices: ["fence_b"] },
      { op: "fencing.level.delete", id: "fl-node2-2" },
    ],
  },
];
