import { describe, expect, it } from "vitest";
import { prim } from "../unit/pacemaker/lab";
import { cibLabs, same } from "./parser-lab";

/** Configuration built with cibadmin/crm_* and read back; tickets and attributes checked against crm_mon. */
const lab = cibLabs();

describe("configuration read back from real CIBs", () => {
  it("tickets granted, revoked and standby, with ticket constraints and resource sets", () => {
    const l = lab(["n1", "n2"]);
    l.res(prim("a")).res(prim("b")).res(prim("c"));
    l.con('<rsc_ticket id="t-a" rsc="a" ticket="tA" loss-policy="stop"/>');
    l.con('<rsc_ticket id="t-set" ticket="tB" loss-policy="demote"><resource_set id="t-set-1"><resource_ref id="b"/><resource_ref id="c"/></resource_set></rsc_ticket>');
    l.con('<rsc_order id="o-set" kind="Optional"><resource_set id="o-set-1" sequential="false"><resource_ref id="a"/><resource_ref id="b"/></resource_set><resource_set id="o-set-2" require-all="false"><resource_ref id="c"/></resource_set></rsc_order>');
    l.con('<rsc_colocation id="col-set" score="INFINITY"><resource_set id="col-set-1" role="Started"><resource_ref id="a"/><resource_ref id="c"/></resource_set></rsc_colocation>');
    l.run("crm_ticket", ["-t", "tA", "-g", "--force"]);
    l.run("crm_ticket", ["-t", "tB", "-r", "--force"]);
    l.run("crm_ticket", ["-t", "tC", "-g", "--force"]);
    l.run("crm_ticket", ["-t", "tC", "-s"]);
    l.settle("n1", "n2");
    const s = same(l);
    expect(s.tickets?.map((t) => [t.id, t.status, t.standby]).sort()).toEqual([["tA", "granted", false], ["tB", "revoked", false], ["tC", "granted", true]]);
    const cons = s.configuration!.constraints;
    expect(cons.find((c) => c.id === "t-set")?.resourceSets[0]?.resources).toEqual(["b", "c"]);
    const order = cons.find((c) => c.id === "o-set");
    expect(order).toMatchObject({ kind: "rsc_order", orderKind: "Optional" });
    expect(order?.resourceSets.map((r) => [r.id, r.sequential, r.requireAll, r.resources])).toEqual([
      ["o-set-1", "false", null, ["a", "b"]], ["o-set-2", null, "false", ["c"]],
    ]);
    expect(cons.find((c) => c.id === "col-set")?.resourceSets[0]).toMatchObject({ role: "Started", resources: ["a", "c"] });
  });

  it("ACLs, tags, alerts with select, fencing levels, templates, defaults with rules", () => {
    const l = lab(["n1", "n2"]);
    l.prop("enable-acl", "true");
    l.res('<template id="tpl" class="ocf" provider="pacemaker" type="Dummy"><operations><op id="tpl-mon" name="monitor" interval="20s" timeout="40s" on-fail="restart"/></operations></template>');
    l.res('<primitive id="secret" template="tpl" description="uses a template"><instance_attributes id="secret-ia"><nvpair id="secret-ia-state" name="state" value="/run/secret"/></instance_attributes><utilization id="secret-u"><nvpair id="secret-u-cpu" name="cpu" value="1"/></utilization></primitive>');
    l.res(prim("fence1", "stonith:fence_dummy"));
    // the permission's reference must name an existing id
    l.section('<acls><acl_role id="r1" description="readers"><acl_permission id="r1-p1" kind="read" xpath="/cib"/><acl_permission id="r1-p2" kind="deny" reference="secret"/><acl_permission id="r1-p3" kind="write" object-type="nvpair" attribute="value"/></acl_role><acl_target id="alice"><role id="r1"/></acl_target><acl_group id="admins"><role id="r1"/></acl_group></acls>');
    l.section('<tags><tag id="t1"><obj_ref id="secret"/></tag></tags>');
    l.section('<alerts><alert id="al1" path="/bin/true" description="all"><select><select_nodes/><select_fencing/><select_attributes><attribute id="al1-a1" name="pingd"/></select_attributes></select><recipient id="al1-r1" value="ops@example.com"><meta_attributes id="al1-r1-m"><nvpair id="al1-r1-m-ts" name="timestamp-format" value="%H:%M"/></meta_attributes></recipient></alert></alerts>');
    l.section('<fencing-topology><fencing-level id="fl1" target="n1" index="1" devices="fence1"/><fencing-level id="fl2" target-pattern="n.*" index="2" devices="fence1,fence1"/><fencing-level id="fl3" target-attribute="rack" target-value="r1" index="3" devices="fence1"/></fencing-topology>');
    l.section('<rsc_defaults><meta_attributes id="rd1" score="10"><rule id="rd1-r" score="0"><rsc_expression id="rd1-r-e" class="ocf" provider="pacemaker" type="Dummy"/></rule><nvpair id="rd1-s" name="resource-stickiness" value="50"/></meta_attributes></rsc_defaults>');
    l.section('<op_defaults><meta_attributes id="od1"><rule id="od1-r" score="0" boolean-op="or"><op_expression id="od1-r-e" name="monitor" interval="10s"/><date_expression id="od1-r-d" operation="date_spec"><date_spec id="od1-r-d-s" hours="9-17" weekdays="1-5"/></date_expression></rule><nvpair id="od1-t" name="timeout" value="30s"/></meta_attributes></op_defaults>');
    l.con('<rsc_location id="loc-pattern" rsc-pattern="^sec" resource-discovery="exclusive"><rule id="loc-pattern-r" score="100"><rule id="loc-pattern-inner" score="0" boolean-op="and"><expression id="loc-e1" attribute="#uname" operation="eq" value="n1"/><date_expression id="loc-d1" operation="in_range" start="2020-01-01"><duration id="loc-d1-dur" years="10"/></date_expression></rule></rule></rsc_location>');
    l.run("crm_attribute", ["-t", "nodes", "-N", "n1", "-n", "rack", "-v", "r1"]);
    l.run("crm_attribute", ["-t", "nodes", "-N", "n1", "-z", "-n", "cpu", "-v", "4"]);
    l.settle("n1", "n2");
    const s = same(l);
    const cfg = s.configuration!;
    expect(cfg.unknown).toEqual([]);
    expect(cfg.acls?.roles[0]?.permissions.map((p) => [p.kind, p.xpath, p.reference, p.objectType, p.attribute])).toEqual([
      ["read", "/cib", null, null, null], ["deny", null, "secret", null, null], ["write", null, null, "nvpair", "value"],
    ]);
    expect(cfg.acls?.targets[0]).toMatchObject({ id: "alice", roles: ["r1"] });
    expect(cfg.acls?.groups[0]).toMatchObject({ id: "admins", roles: ["r1"] });
    expect(cfg.templates[0]?.operations[0]).toMatchObject({ name: "monitor", interval: "20s", attrs: { timeout: "40s", "on-fail": "restart" } });
    expect(cfg.resources.find((r) => r.id === "secret")).toMatchObject({ template: "tpl", class: null, description: "uses a template" });
    expect(cfg.tags[0]?.refs).toEqual(["secret"]);
    expect(cfg.alerts[0]?.select).toEqual({ nodes: true, fencing: true, resources: false, attributes: ["pingd"] });
    expect(cfg.alerts[0]?.recipients[0]?.metaAttributes[0]?.nvpairs[0]).toMatchObject({ name: "timestamp-format", value: "%H:%M" });
    expect(cfg.fencingTopology.map((f) => [f.index, f.target, f.targetPattern, f.targetAttribute, f.devices])).toEqual([
      [1, "n1", null, null, ["fence1"]], [2, null, "n.*", null, ["fence1", "fence1"]], [3, null, null, "rack", ["fence1"]],
    ]);
    expect(cfg.rscDefaults[0]?.rules[0]?.expressions[0]).toMatchObject({ kind: "rsc_expression", class: "ocf", type: "Dummy" });
    const od = cfg.opDefaults[0]?.rules[0]?.expressions;
    expect(od?.[0]).toMatchObject({ kind: "op_expression", name: "monitor", interval: "10s" });
    expect(od?.[1]).toMatchObject({ kind: "date_expression", operation: "date_spec", dateSpec: { id: "od1-r-d-s", attrs: { hours: "9-17", weekdays: "1-5" } } });
    const loc = cfg.constraints.find((c) => c.id === "loc-pattern");
    if (loc?.kind !== "rsc_location") throw new Error("no location");
    expect(loc).toMatchObject({ rscPattern: "^sec", resourceDiscovery: "exclusive" });
    const inner = loc.rules[0]?.expressions[0];
    expect(inner?.kind).toBe("rule");
    if (inner?.kind === "rule") expect(inner.expressions[1]).toMatchObject({ kind: "date_expression", duration: { attrs: { years: "10" } } });
    const n1 = s.nodeAttributes.find((n) => n.node === "n1");
    expect(n1?.attributes.find((a) => a.name === "rack")).toMatchObject({ value: "r1", permanent: "r1", transient: null });
    expect(cfg.nodes[0]?.utilization[0]?.nvpairs[0]).toMatchObject({ name: "cpu", value: "4" });
  });

  it("ping attributes below their expected value: connectivity degraded and lost", () => {
    const l = lab(["n1", "n2", "n3"]);
    l.res('<clone id="ping-clone"><primitive id="ping" class="ocf" provider="pacemaker" type="ping"><instance_attributes id="ping-ia"><nvpair id="ping-ia-h" name="host_list" value="192.0.2.1 192.0.2.2"/><nvpair id="ping-ia-m" name="multiplier" value="1000"/></instance_attributes><operations><op id="ping-mon" name="monitor" interval="10s"/></operations></primitive></clone>');
    l.settle("n1", "n2", "n3");
    l.run("crm_attribute", ["-N", "n1", "-n", "pingd", "-v", "2000", "-l", "reboot"]);
    l.run("crm_attribute", ["-N", "n2", "-n", "pingd", "-v", "1000", "-l", "reboot"]);
    l.run("crm_attribute", ["-N", "n3", "-n", "pingd", "-v", "0", "-l", "reboot"]);
    const s = same(l);
    const pingd = s.nodeAttributes.map((n) => n.attributes.find((a) => a.name === "pingd"));
    expect(pingd.map((a) => [a?.value, a?.expected, a?.transient])).toEqual([["2000", "2000", "2000"], ["1000", "2000", "1000"], ["0", "2000", "0"]]);
  });
});
