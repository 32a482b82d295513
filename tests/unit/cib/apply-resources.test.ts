import { describe, expect, it } from "vitest";
import { apply, failure, resource, topLevel } from "./helpers";

const ipaddr = { class: "ocf", provider: "heartbeat", type: "IPaddr2" } as const;

describe("primitive.create", () => {
  it("adds a primitive at the top level with pcs-style ids", () => {
    const { config, xml } = apply({
      op: "primitive.create", id: "web_ip", agent: ipaddr, params: [{ name: "ip", value: "192.0.2.50" }],
      meta: [{ name: "target-role", value: "Stopped" }], utilization: [{ name: "cpu", value: "1" }],
      operations: [{ name: "monitor", interval: "10s", timeout: "20s", extra: [{ name: "OCF_CHECK_LEVEL", value: "10" }, { name: "start-delay", value: "5s" }] }],
    });
    expect(topLevel(config).at(-1)).toBe("web_ip");
    const p = resource(config, "web_ip");
    if (p?.kind !== "primitive") throw new Error("no primitive");
    expect(p).toMatchObject({ class: "ocf", provider: "heartbeat", type: "IPaddr2" });
    expect(p.instanceAttributes[0]).toMatchObject({ id: "web_ip-instance_attributes", nvpairs: [{ id: "web_ip-instance_attributes-ip", name: "ip", value: "192.0.2.50" }] });
    expect(p.metaAttributes[0]?.nvpairs[0]).toMatchObject({ id: "web_ip-meta_attributes-target-role", value: "Stopped" });
    expect(p.utilization[0]?.id).toBe("web_ip-utilization");
    const op = p.operations[0]!;
    expect(op).toMatchObject({ id: "web_ip-monitor-interval-10s", name: "monitor", interval: "10s", attrs: { timeout: "20s", "start-delay": "5s" } });
    expect(op.instanceAttributes[0]?.nvpairs[0]).toMatchObject({ name: "OCF_CHECK_LEVEL", value: "10" });
    expect(xml).toContain('<primitive id="web_ip" class="ocf" provider="heartbeat" type="IPaddr2">');
  });

  it("puts it into a group before the given member, or last", () => {
    const { config } = apply(
      { op: "primitive.create", id: "a", agent: ipaddr, group: "balanceGroup", before: "my_lvs" },
      { op: "primitive.create", id: "b", agent: ipaddr, group: "balanceGroup" },
    );
    const g = config.resources.find((r) => r.id === "balanceGroup");
    expect(g?.kind === "group" && g.children.map((c) => c.id)).toEqual(["virtual_ip", "a", "my_lvs", "b"]);
  });

  it("fills a group made empty by group.create", () => {
    const { config } = apply({ op: "group.create", id: "g" }, { op: "primitive.create", id: "x", agent: ipaddr, group: "g" });
    const g = config.resources.find((r) => r.id === "g");
    expect(g?.kind === "group" && g.children.map((c) => c.id)).toEqual(["x"]);
  });

  it("refuses a taken id, a missing group and a stray before", () => {
    expect(failure({ op: "primitive.create", id: "virtual_ip", agent: ipaddr })).toBe('id "virtual_ip" is already used by a primitive');
    expect(failure({ op: "primitive.create", id: "balanceGroup", agent: ipaddr })).toBe('id "balanceGroup" is already used by a group');
    expect(failure({ op: "primitive.create", id: "nodes-1-role", agent: ipaddr })).toBe('id "nodes-1-role" is already used by an nvpair');
    expect(failure({ op: "primitive.create", id: "x", agent: ipaddr, group: "nogroup" })).toBe("no resource named nogroup");
    expect(failure({ op: "primitive.create", id: "x", agent: ipaddr, group: "WebService1" })).toBe("WebService1 is a primitive, not a group");
    expect(failure({ op: "primitive.create", id: "x", agent: ipaddr, group: "balanceGroup", before: "WebService1" })).toBe("WebService1 is not a member of group balanceGroup");
    expect(failure({ op: "primitive.create", id: "x", agent: ipaddr, before: "WebService1" })).toMatch(/within a group/);
  });

  it("derives a suffixed id when the pcs name is taken", () => {
    const { config } = apply(
      { op: "primitive.create", id: "x-instance_attributes", agent: ipaddr },
      { op: "primitive.create", id: "x", agent: ipaddr, params: [{ name: "ip", value: "1" }] },
    );
    const p = resource(config, "x");
    expect(p?.kind === "primitive" && p.instanceAttributes[0]?.id).toBe("x-instance_attributes-1");
  });
});

describe("primitive.update", () => {
  it("replaces params, meta and operations, keeping the ids of what stays", () => {
    const { config } = apply({
      op: "primitive.update", id: "WebService1", description: "front",
      params: [{ name: "configfile", value: "/etc/other.conf" }, { name: "port", value: "8080" }],
      meta: [{ name: "migration-threshold", value: "3" }],
      operations: [{ name: "monitor", interval: "30s", timeout: "40s" }, { name: "stop", interval: "0", timeout: "60s" }],
    });
    const p = resource(config, "WebService1");
    if (p?.kind !== "primitive") throw new Error("no primitive");
    expect(p.description).toBe("front");
    expect(p.instanceAttributes[0]?.nvpairs).toEqual([
      { id: "WebService1-ia-configfile", name: "configfile", value: "/etc/other.conf", idRef: null },
      { id: "WebService1-ia-port", name: "port", value: "8080", idRef: null },
    ]);
    expect(p.metaAttributes[0]?.id).toBe("WebService1-meta_attributes");
    expect(p.operations.map((o) => [o.id, o.name, o.interval, o.attrs.timeout])).toEqual([
      ["WebService1-monitor", "monitor", "30s", "40s"],
      ["WebService1-stop-interval-0", "stop", "0", "60s"],
    ]);
  });

  it("leaves what is not given, removes the description with null", () => {
    const first = apply({ op: "primitive.update", id: "WebService2", description: "x" });
    const { config } = apply({ op: "primitive.update", id: "WebService2", description: "x" }, { op: "primitive.update", id: "WebService2", description: null });
    const before = resource(first.config, "WebService2");
    const p = resource(config, "WebService2");
    expect(p?.kind === "primitive" && p.description).toBeNull();
    expect(p?.kind === "primitive" && p.operations).toEqual(before?.kind === "primitive" && before.operations);
  });

  it("refuses a missing resource, a group and duplicate names", () => {
    expect(failure({ op: "primitive.update", id: "X", params: [] })).toBe("no resource named X");
    expect(failure({ op: "primitive.update", id: "balanceGroup", params: [] })).toBe("balanceGroup is a group, not a primitive");
    expect(failure({ op: "primitive.update", id: "WebService1", params: [{ name: "a", value: "1" }, { name: "a", value: "2" }] })).toBe('attribute "a" is given twice');
    expect(failure({ op: "primitive.update", id: "WebService1", operations: [{ name: "monitor", interval: "10s" }, { name: "monitor", interval: "10s" }] })).toMatch(/twice/);
  });
});

describe("resource.meta", () => {
  it("sets and removes a meta attribute of any resource", () => {
    const { config } = apply(
      { op: "resource.meta", id: "balanceGroup", name: "target-role", value: "Stopped" },
      { op: "resource.meta", id: "pgsql-clone", name: "promoted-max", value: "2" },
      { op: "resource.meta", id: "pgsql-clone", name: "promotable", value: null },
    );
    const g = config.resources.find((r) => r.id === "balanceGroup");
    expect(g?.metaAttributes[0]).toMatchObject({ id: "balanceGroup-meta_attributes", nvpairs: [{ id: "balanceGroup-meta_attributes-target-role", value: "Stopped" }] });
    const c = config.resources.find((r) => r.id === "pgsql-clone");
    expect(c?.metaAttributes[0]?.nvpairs.map((p) => [p.id, p.value])).toEqual([["pgsql-clone-pmax", "2"]]);
    expect(c?.kind === "clone" && c.promotable).toBe(false);
  });

  it("removing a name that is not set changes nothing", () => {
    expect(apply({ op: "resource.meta", id: "WebService1", name: "nothing", value: null }).xml).toBe(apply().xml);
  });
});

describe("resource.delete", () => {
  it("takes the constraints naming it along", () => {
    const { config } = apply({ op: "resource.delete", id: "WebService1" });
    expect(resource(config, "WebService1")).toBeUndefined();
    expect(config.constraints.map((c) => c.id)).not.toContain("location-WebService1-node2-100");
    expect(config.constraints).toHaveLength(5);
  });

  it("with constraints:false refuses while references are left, naming them", () => {
    expect(failure({ op: "resource.delete", id: "ping-clone", constraints: false })).toBe(
      "resource ping-clone is still referenced by constraint colocation-balanceGroup-ping-clone-INFINITY, constraint order-ping-clone-balanceGroup-mandatory; delete those first, or delete it with its constraints",
    );
    const { config } = apply({ op: "resource.delete", id: "my_lvs", constraints: false });
    expect(resource(config, "my_lvs")).toBeUndefined();
  });

  it("a member leaves the group; the last member takes the group (and its constraints) along", () => {
    const one = apply({ op: "resource.delete", id: "virtual_ip" }).config;
    const g = one.resources.find((r) => r.id === "balanceGroup");
    expect(g?.kind === "group" && g.children.map((c) => c.id)).toEqual(["my_lvs"]);
    expect(one.constraints).toHaveLength(6);
    const both = apply({ op: "resource.delete", id: "virtual_ip" }, { op: "resource.delete", id: "my_lvs" }).config;
    expect(both.resources.find((r) => r.id === "balanceGroup")).toBeUndefined();
    expect(both.constraints.map((c) => c.id)).toEqual(["location-WebService1-node2-100", "location-WebService2-node3-100", "location-WebService3-node4-100"]);
  });

  it("deleting a clone's only child removes the clone", () => {
    const { config } = apply({ op: "resource.delete", id: "ping" });
    expect(config.resources.find((r) => r.id === "ping-clone")).toBeUndefined();
    expect(config.constraints.some((c) => c.kind === "rsc_colocation")).toBe(false);
  });

  it("removes set members, empty sets, constraints without sets, tag refs and fencing devices", () => {
    const { config } = apply(
      { op: "primitive.create", id: "fence_b", agent: { class: "stonith", type: "fence_heuristics_ping" } },
      { op: "constraint.put", constraint: { kind: "rsc_order", id: "o-sets", sets: [{ resources: ["WebService1", "WebService2"] }, { resources: ["WebService3"] }] } },
      { op: "constraint.put", constraint: { kind: "rsc_colocation", id: "c-sets", score: "INFINITY", sets: [{ resources: ["WebService3"] }] } },
      { op: "tag.put", id: "t1", refs: ["WebService3", "WebService1"] },
      { op: "tag.put", id: "t2", refs: ["WebService3"] },
      { op: "fencing.level.put", id: "fl1", index: 1, target: "node2", devices: ["fence_b", "my_ping_fence_device"] },
      { op: "fencing.level.put", id: "fl2", index: 2, target: "node2", devices: ["fence_b"] },
      { op: "resource.delete", id: "WebService3" },
      { op: "resource.delete", id: "fence_b" },
    );
    const o = config.constraints.find((c) => c.id === "o-sets");
    expect(o?.resourceSets.map((s) => s.resources)).toEqual([["WebService1", "WebService2"]]);
    expect(config.constraints.find((c) => c.id === "c-sets")).toBeUndefined();
    expect(config.tags).toEqual([expect.objectContaining({ id: "t1", refs: ["WebService1"] })]);
    expect(config.fencingTopology.map((l) => [l.id, l.devices])).toEqual([["fl1", ["my_ping_fence_device"]]]);
  });

  it("a tag left empty goes, and the constraint that named the tag with it", () => {
    const { config } = apply(
      { op: "tag.put", id: "t", refs: ["WebService1"] },
      { op: "constraint.put", constraint: { kind: "rsc_location", id: "by-tag", rsc: "t", node: "node2", score: "10" } },
      { op: "resource.delete", id: "WebService1" },
    );
    expect(config.tags).toEqual([]);
    expect(config.constraints.map((c) => c.id)).not.toContain("by-tag");
  });

  it("refuses a missing resource", () => {
    expect(failure({ op: "resource.delete", id: "nope" })).toBe("no resource named nope");
    expect(failure({ op: "resource.delete", id: "location-WebService1-node2-100" })).toBe("location-WebService1-node2-100 is a location constraint, not a resource");
  });
});

describe("resource.rename", () => {
  it("follows references in constraints, sets, tags and fencing levels; keeps child ids", () => {
    const { config } = apply(
      { op: "tag.put", id: "t", refs: ["ping-clone"] },
      { op: "constraint.put", constraint: { kind: "rsc_order", id: "o", sets: [{ resources: ["ping-clone", "WebService1"] }] } },
      { op: "fencing.level.put", id: "fl", index: 1, target: "node3", devices: ["my_ping_fence_device"] },
      { op: "resource.rename", id: "ping-clone", to: "pinger" },
      { op: "resource.rename", id: "my_ping_fence_device", to: "fence1" },
    );
    expect(topLevel(config)).toContain("pinger");
    expect(config.constraints.find((c) => c.kind === "rsc_colocation")).toMatchObject({ withRsc: "pinger" });
    expect(config.constraints.find((c) => c.kind === "rsc_order" && c.id !== "o")).toMatchObject({ first: "pinger" });
    expect(config.constraints.find((c) => c.id === "o")?.resourceSets[0]?.resources).toEqual(["pinger", "WebService1"]);
    expect(config.tags[0]?.refs).toEqual(["pinger"]);
    expect(config.fencingTopology[0]?.devices).toEqual(["fence1"]);
    const f = resource(config, "fence1");
    expect(f?.kind === "primitive" && f.instanceAttributes[0]?.id).toBe("my_ping_fence_device-ia");
  });

  it("leaves references when asked, refuses a taken name", () => {
    const { config } = apply({ op: "resource.rename", id: "WebService1", to: "W1", references: false });
    expect(config.constraints[0]).toMatchObject({ rsc: "WebService1" });
    expect(failure({ op: "resource.rename", id: "WebService1", to: "WebService2" })).toBe('id "WebService2" is already used by a primitive');
    expect(failure({ op: "resource.rename", id: "WebService1", to: "WebService1-ia" })).toBe('id "WebService1-ia" is already used by an instance_attributes set');
    expect(failure({ op: "resource.rename", id: "Nope", to: "x" })).toBe("no resource named Nope");
  });
});

describe("groups", () => {
  it("group.create takes top-level primitives, in order, where the first one was", () => {
    const { config } = apply({ op: "group.create", id: "webs", members: ["WebService3", "WebService2"], meta: [{ name: "target-role", value: "Started" }] });
    expect(topLevel(config)).toEqual(["my_ping_fence_device", "balanceGroup", "WebService1", "webs", "ping-clone", "pgsql-clone"]);
    const g = config.resources.find((r) => r.id === "webs");
    expect(g?.kind === "group" && g.children.map((c) => c.id)).toEqual(["WebService3", "WebService2"]);
    expect(g?.metaAttributes[0]?.id).toBe("webs-meta_attributes");
  });

  it("group.create refuses members that are not top-level primitives", () => {
    expect(failure({ op: "group.create", id: "g", members: ["virtual_ip"] })).toBe("virtual_ip is in group balanceGroup; a group takes top-level primitives");
    expect(failure({ op: "group.create", id: "g", members: ["ping-clone"] })).toBe("ping-clone is a clone, not a primitive");
    expect(failure({ op: "group.create", id: "g", members: ["WebService1", "WebService1"] })).toBe("WebService1 is listed twice in group g");
    expect(failure({ op: "group.create", id: "g", members: ["ghost"] })).toBe("no resource named ghost");
  });

  it("group.members reorders, moves in from the top level and out after the group", () => {
    const { config } = apply({ op: "group.members", id: "balanceGroup", members: ["WebService2", "my_lvs"] });
    expect(topLevel(config)).toEqual(["my_ping_fence_device", "balanceGroup", "virtual_ip", "WebService1", "WebService3", "ping-clone", "pgsql-clone"]);
    const g = config.resources.find((r) => r.id === "balanceGroup");
    expect(g?.kind === "group" && g.children.map((c) => c.id)).toEqual(["WebService2", "my_lvs"]);
  });

  it("group.members refuses to bring a constrained primitive into a cloned group", () => {
    expect(failure(
      { op: "group.create", id: "g" },
      { op: "primitive.create", id: "x", agent: ipaddr, group: "g" },
      { op: "clone.create", id: "gc", rsc: "g" },
      { op: "group.members", id: "g", members: ["x", "WebService1"] },
    )).toBe("group g is cloned, and constraint location-WebService1-node2-100 would name a member of it; change or delete that first");
  });

  it("group.ungroup puts the members back in place and drops the group's constraints", () => {
    const { config } = apply({ op: "group.ungroup", id: "balanceGroup" });
    expect(topLevel(config)).toEqual(["my_ping_fence_device", "virtual_ip", "my_lvs", "WebService1", "WebService2", "WebService3", "ping-clone", "pgsql-clone"]);
    expect(config.constraints.map((c) => c.id)).toEqual(["location-WebService1-node2-100", "location-WebService2-node3-100", "location-WebService3-node4-100"]);
    expect(failure({ op: "group.ungroup", id: "WebService1" })).toBe("WebService1 is a primitive, not a group");
  });

  it("group.ungroup refuses a cloned group", () => {
    expect(failure(
      { op: "group.create", id: "g" },
      { op: "primitive.create", id: "x", agent: ipaddr, group: "g" },
      { op: "clone.create", id: "gc", rsc: "g" },
      { op: "group.ungroup", id: "g" },
    )).toBe(
      "group g is inside clone gc; unclone it first",
    );
  });
});

describe("clones", () => {
  it("clone.create wraps in place; promotable is a meta attribute; constraints follow to the clone", () => {
    const { config } = apply({ op: "clone.create", id: "web-clone", rsc: "WebService1", promotable: true, meta: [{ name: "clone-max", value: "2" }] });
    const c = config.resources.find((r) => r.id === "web-clone");
    expect(topLevel(config).indexOf("web-clone")).toBe(2);
    if (c?.kind !== "clone") throw new Error("no clone");
    expect(c).toMatchObject({ promotable: true, legacyMaster: false });
    expect(c.child?.id).toBe("WebService1");
    expect(c.metaAttributes[0]?.nvpairs.map((p) => [p.id, p.name, p.value])).toEqual([
      ["web-clone-meta_attributes-promotable", "promotable", "true"],
      ["web-clone-meta_attributes-clone-max", "clone-max", "2"],
    ]);
    expect(config.constraints[0]).toMatchObject({ id: "location-WebService1-node2-100", rsc: "web-clone" });
  });

  it("clone.create refuses a group whose members have constraints of their own", () => {
    expect(failure(
      { op: "constraint.put", constraint: { kind: "rsc_location", id: "l-lvs", rsc: "my_lvs", node: "node2", score: "5" } },
      { op: "clone.create", id: "bg-clone", rsc: "balanceGroup" },
    )).toBe("constraint l-lvs names a member of balanceGroup, which a clone's members cannot have; change or delete it first");
    const { config } = apply({ op: "clone.create", id: "bg-clone", rsc: "balanceGroup" });
    expect(config.constraints.find((c) => c.kind === "rsc_colocation")).toMatchObject({ rsc: "bg-clone" });
  });

  it("clone.create refuses a group member and a clone", () => {
    expect(failure({ op: "clone.create", id: "c", rsc: "virtual_ip" })).toBe("virtual_ip is in group balanceGroup; clone the group instead");
    expect(failure({ op: "clone.create", id: "c", rsc: "ping-clone" })).toBe("ping-clone is a clone, not a primitive or group");
  });

  it("clone.unclone puts the child back and its constraints on it", () => {
    const { config } = apply({ op: "clone.unclone", id: "ping-clone" });
    expect(topLevel(config)).toContain("ping");
    expect(config.constraints.find((c) => c.kind === "rsc_colocation")).toMatchObject({ withRsc: "ping" });
    expect(failure({ op: "clone.unclone", id: "balanceGroup" })).toBe("balanceGroup is a group, not a clone");
  });
});
