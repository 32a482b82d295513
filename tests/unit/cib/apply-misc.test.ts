import { describe, expect, it } from "vitest";
import { applyEdits } from "@/lib/cib";
import { parseCib } from "@/lib/pacemaker/parse-cib";
import { apply, edit, failure } from "./helpers";

describe("property.set", () => {
  it("updates, adds and removes cluster properties, resource and operation defaults", () => {
    const { config } = apply(
      { op: "property.set", section: "crm_config", name: "no-quorum-policy", value: "freeze" },
      { op: "property.set", section: "crm_config", name: "maintenance-mode", value: "true" },
      { op: "property.set", section: "crm_config", name: "cluster-name", value: null },
      { op: "property.set", section: "rsc_defaults", name: "resource-stickiness", value: null },
      { op: "property.set", section: "op_defaults", name: "timeout", value: "45s" },
    );
    expect(config.properties).toMatchObject({ "no-quorum-policy": "freeze", "maintenance-mode": "true" });
    expect(config.properties["cluster-name"]).toBeUndefined();
    expect(config.crmConfig[0]?.nvpairs.find((p) => p.name === "no-quorum-policy")?.id).toBe("cib-bootstrap-options-no-quorum-policy");
    expect(config.crmConfig[0]?.nvpairs.find((p) => p.name === "maintenance-mode")?.id).toBe("cib-bootstrap-options-maintenance-mode");
    expect(config.rscDefaults[0]).toMatchObject({ id: "rsc-options", nvpairs: [] });
    expect(config.opDefaults[0]).toMatchObject({ id: "op-options", nvpairs: [{ id: "op-options-timeout", name: "timeout", value: "45s" }] });
  });

  it("refuses property names the schema no longer takes, saying what to do instead", () => {
    expect(failure({ op: "property.set", section: "crm_config", name: "default-resource-stickiness", value: "1" })).toBe(
      "default-resource-stickiness is not a cluster property in this schema; set resource-stickiness in rsc_defaults",
    );
    expect(failure({ op: "property.set", section: "crm_config", name: "no_quorum_policy", value: "stop" })).toBe(
      "no_quorum_policy is not a cluster property in this schema; write it as no-quorum-policy",
    );
  });

  it("creates missing sections in Pacemaker's order", () => {
    const bare = '<cib epoch="1" num_updates="0" admin_epoch="0" validate-with="pacemaker-3.9"><configuration><crm_config/><nodes/><resources/><constraints/></configuration></cib>';
    const { xml } = applyEdits(bare, [
      edit({ op: "property.set", section: "rsc_defaults", name: "resource-stickiness", value: "1" }),
      edit({ op: "property.set", section: "op_defaults", name: "timeout", value: "1s" }),
      edit({ op: "property.set", section: "crm_config", name: "stonith-enabled", value: "false" }),
    ]);
    expect(xml).toBe(
      '<cib epoch="1" num_updates="0" admin_epoch="0" validate-with="pacemaker-3.9"><configuration><crm_config><cluster_property_set id="cib-bootstrap-options"><nvpair id="cib-bootstrap-options-stonith-enabled" name="stonith-enabled" value="false"/></cluster_property_set></crm_config><nodes/><resources/><constraints/><op_defaults><meta_attributes id="op-options"><nvpair id="op-options-timeout" name="timeout" value="1s"/></meta_attributes></op_defaults><rsc_defaults><meta_attributes id="rsc-options"><nvpair id="rsc-options-resource-stickiness" name="resource-stickiness" value="1"/></meta_attributes></rsc_defaults></configuration></cib>',
    );
  });
});

describe("node.attribute", () => {
  it("writes into the node's sets with crm_attribute's ids; an unknown node is an error", () => {
    const { config } = apply(
      { op: "node.attribute", node: "node3", set: "instance_attributes", name: "site", value: "east" },
      { op: "node.attribute", node: "node2", set: "instance_attributes", name: "role", value: null },
      { op: "node.attribute", node: "node4", set: "utilization", name: "cpu", value: "4" },
    );
    const n = (u: string) => config.nodes.find((x) => x.uname === u)!;
    expect(n("node3").instanceAttributes[0]?.nvpairs.map((p) => [p.id, p.name, p.value])).toEqual([
      ["nodes-2-role", "role", "standby"],
      ["nodes-2-site", "site", "east"],
    ]);
    expect(n("node2").instanceAttributes[0]?.nvpairs).toEqual([]);
    expect(n("node4").utilization[0]).toMatchObject({ id: "nodes-3-utilization", nvpairs: [{ id: "nodes-3-utilization-cpu", value: "4" }] });
    expect(failure({ op: "node.attribute", node: "node9", set: "instance_attributes", name: "a", value: "1" })).toBe("no node named node9 in the nodes section");
  });

  it("sanitizes names that cannot be part of an id", () => {
    const { config } = apply({ op: "node.attribute", node: "node3", set: "instance_attributes", name: "#health:disk", value: "red" });
    expect(config.nodes[1]?.instanceAttributes[0]?.nvpairs[1]).toMatchObject({ id: "nodes-2-.health.disk", name: "#health:disk" });
  });
});

describe("ACLs", () => {
  it("writes roles with permissions and targets/groups with role refs", () => {
    const { config, xml } = apply(
      { op: "acl.role.put", id: "ops", description: "operators", permissions: [{ kind: "read", xpath: "/cib" }, { kind: "write", reference: "WebService1" }, { kind: "deny", objectType: "primitive", attribute: "target-role" }] },
      { op: "acl.subject.put", kind: "acl_target", id: "alice", roles: ["ops"] },
      { op: "acl.subject.put", kind: "acl_group", id: "haclient", roles: ["ops"] },
    );
    expect(config.acls?.roles[0]?.permissions.map((p) => [p.id, p.kind, p.xpath, p.reference, p.objectType, p.attribute])).toEqual([
      ["ops-read", "read", "/cib", null, null, null],
      ["ops-write", "write", null, "WebService1", null, null],
      ["ops-deny", "deny", null, null, "primitive", "target-role"],
    ]);
    expect(config.acls?.targets[0]).toMatchObject({ tag: "acl_target", id: "alice", roles: ["ops"] });
    expect(config.acls?.groups[0]).toMatchObject({ tag: "acl_group", id: "haclient", roles: ["ops"] });
    expect(xml).toContain('<acl_target id="alice"><role id="ops"/></acl_target>');
  });

  it("replaces a role in place, deletes a role and the refs to it", () => {
    const { config } = apply(
      { op: "acl.role.put", id: "a", permissions: [{ kind: "read", xpath: "/cib" }] },
      { op: "acl.role.put", id: "b", permissions: [{ kind: "read", xpath: "/cib" }] },
      { op: "acl.subject.put", kind: "acl_target", id: "alice", roles: ["a", "b"] },
      { op: "acl.role.put", id: "a", permissions: [{ kind: "write", xpath: "/cib" }, { kind: "write", xpath: "//nodes" }] },
      { op: "acl.delete", id: "b" },
    );
    expect(config.acls?.roles.map((r) => [r.id, r.permissions.map((p) => p.id)])).toEqual([["a", ["a-write", "a-write-1"]]]);
    expect(config.acls?.targets[0]?.roles).toEqual(["a"]);
  });

  it("refuses unknown roles, dangling references and missing ids", () => {
    expect(failure({ op: "acl.subject.put", kind: "acl_target", id: "bob", roles: ["nope"] })).toBe("no ACL role named nope");
    expect(failure({ op: "acl.role.put", id: "r", permissions: [{ kind: "read", reference: "ghost" }] })).toBe("a permission of ACL role r refers to ghost, which is not in the configuration");
    expect(failure({ op: "acl.delete", id: "ghost" })).toBe("no ACL role, target or group named ghost");
    expect(failure({ op: "acl.role.put", id: "WebService1", permissions: [{ kind: "read", xpath: "/cib" }] })).toBe('id "WebService1" is already used by a primitive');
  });
});

describe("tags", () => {
  it("creates, replaces and deletes tags", () => {
    const { config } = apply(
      { op: "tag.put", id: "webs", refs: ["WebService1", "WebService2"] },
      { op: "tag.put", id: "webs", refs: ["WebService3"] },
      { op: "tag.put", id: "x", refs: ["pgsql-clone"] },
      { op: "tag.delete", id: "x" },
    );
    expect(config.tags.map((t) => [t.id, t.refs])).toEqual([["webs", ["WebService3"]]]);
    expect(failure({ op: "tag.put", id: "t", refs: ["ghost"] })).toBe("tag t names ghost, but nothing in the configuration has that id");
    expect(failure({ op: "tag.delete", id: "t" })).toBe("no tag named t");
  });

  it("a tag used by a constraint cannot be deleted", () => {
    expect(failure(
      { op: "tag.put", id: "webs", refs: ["WebService1"] },
      { op: "constraint.put", constraint: { kind: "rsc_location", id: "l", rsc: "webs", node: "node2", score: "1" } },
      { op: "tag.delete", id: "webs" },
    )).toBe("tag webs is still used by constraint l");
  });
});

describe("alerts", () => {
  it("writes select, recipients, meta and instance attributes", () => {
    const { config, xml } = apply({
      op: "alert.put", id: "smtp", path: "/usr/share/pacemaker/alerts/alert_smtp.sh", description: "mail",
      recipients: [{ id: "smtp-r1", value: "a@example.com" }], select: { nodes: true, fencing: false, resources: true, attributes: ["pingd"] },
      meta: [{ name: "timeout", value: "15s" }], params: [{ name: "email_sender", value: "x@example.com" }],
    });
    const a = config.alerts[0]!;
    expect(a).toMatchObject({ id: "smtp", path: "/usr/share/pacemaker/alerts/alert_smtp.sh", description: "mail", select: { nodes: true, fencing: false, resources: true, attributes: ["pingd"] } });
    expect(a.recipients.map((r) => [r.id, r.value])).toEqual([["smtp-r1", "a@example.com"]]);
    expect(a.metaAttributes[0]?.id).toBe("smtp-meta_attributes");
    expect(a.instanceAttributes[0]?.nvpairs[0]?.id).toBe("smtp-instance_attributes-email_sender");
    expect(xml).toContain('<select><select_nodes/><select_resources/><select_attributes><attribute id="smtp-attribute-pingd" name="pingd"/></select_attributes></select>');
  });

  it("replaces an alert with its recipients, deletes it; ids are checked", () => {
    const { config } = apply(
      { op: "alert.put", id: "a", path: "/bin/a", recipients: [{ id: "a-r", value: "x" }] },
      { op: "alert.put", id: "a", path: "/bin/b", recipients: [{ id: "a-r", value: "y" }], select: { nodes: false, fencing: false, resources: false, attributes: [] } },
    );
    expect(config.alerts.map((x) => [x.path, x.recipients[0]?.value, x.select?.attributes])).toEqual([["/bin/b", "y", []]]);
    expect(apply({ op: "alert.put", id: "a", path: "/bin/a" }, { op: "alert.delete", id: "a" }).xml).not.toContain("<alerts");
    expect(failure({ op: "alert.put", id: "a", path: "/bin/a", recipients: [{ id: "WebService1", value: "x" }] })).toBe('id "WebService1" is already used by a primitive');
    expect(failure({ op: "alert.delete", id: "a" })).toBe("no alert named a");
  });
});

describe("fencing levels", () => {
  it("writes levels by node, pattern and attribute; deletes them", () => {
    const { config } = apply(
      { op: "fencing.level.put", id: "f1", index: 1, target: "node2", devices: ["my_ping_fence_device"] },
      { op: "fencing.level.put", id: "f2", index: 1, targetPattern: "node[34]", devices: ["my_ping_fence_device"] },
      { op: "fencing.level.put", id: "f3", index: 2, targetAttribute: "site", targetValue: "east", devices: ["my_ping_fence_device"] },
      { op: "fencing.level.put", id: "f1", index: 3, target: "node2", devices: ["my_ping_fence_device"] },
      { op: "fencing.level.delete", id: "f2" },
    );
    expect(config.fencingTopology.map((l) => [l.id, l.index, l.target, l.targetAttribute, l.targetValue, l.devices])).toEqual([
      ["f1", 3, "node2", null, null, ["my_ping_fence_device"]],
      ["f3", 2, null, "site", "east", ["my_ping_fence_device"]],
    ]);
  });

  it("refuses non-devices, two targets, a taken index", () => {
    expect(failure({ op: "fencing.level.put", id: "f", index: 1, target: "node2", devices: ["WebService1"] })).toBe("WebService1 is not a fencing device (its class is ocf)");
    expect(failure({ op: "fencing.level.put", id: "f", index: 1, target: "node2", devices: ["ghost"] })).toBe("fencing level f names ghost, but there is no resource named ghost");
    expect(failure({ op: "fencing.level.put", id: "f", index: 1, target: "node2", targetPattern: "n.*", devices: ["my_ping_fence_device"] })).toMatch(/one node, one node pattern/);
    expect(failure({ op: "fencing.level.put", id: "f", index: 1, targetAttribute: "site", devices: ["my_ping_fence_device"] })).toMatch(/both the attribute and the value/);
    expect(failure(
      { op: "fencing.level.put", id: "f", index: 1, target: "node2", devices: ["my_ping_fence_device"] },
      { op: "fencing.level.put", id: "g", index: 1, target: "node2", devices: ["my_ping_fence_device"] },
    )).toBe("fencing level f already has index 1 for this target");
    expect(failure({ op: "fencing.level.delete", id: "f" })).toBe("no fencing level named f");
  });
});

describe("status", () => {
  it("is kept untouched", () => {
    const before = parseCib(apply().xml);
    const after = parseCib(apply({ op: "property.set", section: "crm_config", name: "x", value: "1" }).xml);
    expect(after.cib.nodeStates).toEqual(before.cib.nodeStates);
    expect(after.transient).toEqual(before.transient);
  });
});
