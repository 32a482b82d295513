// The "done only when the status shows it" rules, over real crm_mon/CIB outputs of Pacemaker 2.1.5:
// each fixture pair is a cluster before and after the change the action makes.
import { describe, expect, it } from "vitest";
import { cliConstraints, instancesOf, pendingEffect } from "@/server/actions/effects";
import { fixtureStatus } from "./helpers";

const demo = fixtureStatus("demo");

describe("pendingEffect", () => {
  it("node standby: pending on the demo, done on the standby variant", () => {
    expect(pendingEffect(demo, "node.standby", { node: "node3", on: true })).toMatch(/not in standby/);
    expect(pendingEffect(fixtureStatus("variants/standby"), "node.standby", { node: "node3", on: true })).toBeNull();
    expect(pendingEffect(demo, "node.standby", { node: "node3", on: false })).toBeNull();
  });

  it("node maintenance", () => {
    expect(pendingEffect(demo, "node.maintenance", { node: "node4", on: true })).not.toBeNull();
    expect(pendingEffect(fixtureStatus("variants/node-maintenance"), "node.maintenance", { node: "node4", on: true })).toBeNull();
  });

  it("start/stop follow where the resource runs", () => {
    const stopped = fixtureStatus("variants/stopped");
    expect(pendingEffect(stopped, "resource.stop", { rsc: "WebService2" })).toBeNull();
    expect(pendingEffect(stopped, "resource.start", { rsc: "WebService2" })).toMatch(/not running/);
    expect(pendingEffect(demo, "resource.stop", { rsc: "WebService2" })).toMatch(/still runs on node3/);
    // a group is running when its members are; a clone when any instance is
    expect(pendingEffect(demo, "resource.start", { rsc: "balanceGroup" })).toBeNull();
    expect(pendingEffect(demo, "resource.stop", { rsc: "ping-clone" })).toMatch(/node2, node3, node4/);
  });

  it("move: done when it runs on the target, and says where it runs otherwise", () => {
    const moved = fixtureStatus("variants/move");
    expect(pendingEffect(moved, "resource.move", { rsc: "WebService1", node: "node3" })).toBeNull();
    expect(pendingEffect(demo, "resource.move", { rsc: "WebService1", node: "node3" })).toBe("WebService1 runs on node2, not node3");
    // the promoted instance of a promotable clone
    expect(pendingEffect(demo, "resource.move", { rsc: "pgsql-clone", node: "node2", promoted: true })).toBeNull();
    expect(pendingEffect(demo, "resource.move", { rsc: "pgsql-clone", node: "node3", promoted: true })).toMatch(/not node3/);
  });

  it("ban and clear read the cli- constraints crm_resource writes", () => {
    const banned = fixtureStatus("variants/ban");
    expect(cliConstraints(banned, "WebService3")).toEqual(["cli-ban-WebService3-on-node4"]);
    expect(pendingEffect(banned, "resource.ban", { rsc: "WebService3", node: "node4" })).toBeNull();
    expect(pendingEffect(banned, "resource.clear", { rsc: "WebService3" })).toMatch(/cli-ban-WebService3-on-node4/);
    expect(pendingEffect(banned, "resource.clear", { rsc: "WebService3", node: "node2" })).toBeNull();
    expect(pendingEffect(fixtureStatus("variants/move"), "resource.clear", { rsc: "WebService1" })).toMatch(/cli-prefer-WebService1/);
    expect(pendingEffect(demo, "resource.clear", { rsc: "WebService1" })).toBeNull();
  });

  it("cleanup: pending while a failure or fail count remains", () => {
    const failed = fixtureStatus("variants/failed-op");
    expect(pendingEffect(failed, "resource.cleanup", { rsc: "WebService2" })).toMatch(/WebService2_monitor_30000 on node3/);
    expect(pendingEffect(failed, "resource.cleanup", { rsc: "WebService2", node: "node2" })).toBeNull();
    expect(pendingEffect(failed, "resource.cleanup", {})).not.toBeNull();
    expect(pendingEffect(failed, "resource.cleanup", { rsc: "WebService1" })).toBeNull();
    expect(pendingEffect(demo, "resource.cleanup", {})).toBeNull();
  });

  it("manage/unmanage, cluster maintenance", () => {
    const unmanaged = fixtureStatus("variants/unmanaged");
    expect(pendingEffect(unmanaged, "resource.unmanage", { rsc: "WebService3" })).toBeNull();
    expect(pendingEffect(unmanaged, "resource.manage", { rsc: "WebService3" })).toMatch(/still unmanaged/);
    const maint = fixtureStatus("variants/maintenance");
    expect(pendingEffect(maint, "cluster.maintenance", { on: true })).toBeNull();
    expect(pendingEffect(demo, "cluster.maintenance", { on: true })).toBe("maintenance-mode is off");
  });

  it("tickets", () => {
    const t = fixtureStatus("variants/ticket");
    expect(pendingEffect(t, "ticket.grant", { ticket: "ticketA" })).toBeNull();
    expect(pendingEffect(t, "ticket.grant", { ticket: "ticketB" })).toMatch(/ticketB is revoked/);
    expect(pendingEffect(t, "ticket.revoke", { ticket: "ticketB" })).toBeNull();
    expect(pendingEffect(t, "ticket.activate", { ticket: "ticketA" })).toBeNull();
  });

  it("node attributes: permanent and transient values are told apart", () => {
    const attr = demo.nodeAttributes.find((n) => n.node === "node2")!.attributes.find((a) => a.name === "pgsql-status")!;
    const lifetime = attr.transient !== null ? "reboot" : "forever";
    const value = (attr.transient ?? attr.permanent)!;
    expect(pendingEffect(demo, "node.attribute.set", { node: "node2", name: "pgsql-status", value, lifetime })).toBeNull();
    const other = lifetime === "reboot" ? "forever" : "reboot";
    expect(pendingEffect(demo, "node.attribute.set", { node: "node2", name: "pgsql-status", value, lifetime: other })).not.toBeNull();
    expect(pendingEffect(demo, "node.attribute.delete", { node: "node2", name: "no-such-attr", lifetime: "reboot" })).toBeNull();
    expect(pendingEffect(demo, "node.attribute.delete", { node: "node2", name: "pgsql-status", lifetime })).toMatch(/still/);
  });
});

describe("instancesOf", () => {
  it("finds members, clone instances and the resource itself", () => {
    expect(instancesOf(demo, "balanceGroup").map((p) => p.id)).toEqual(["virtual_ip", "my_lvs"]);
    expect(instancesOf(demo, "virtual_ip")).toHaveLength(1);
    expect(instancesOf(demo, "pgsql").length).toBe(3);
    expect(instancesOf(demo, "pgsql-clone").length).toBe(3);
    expect(instancesOf(demo, "nope")).toEqual([]);
  });
});
