import { describe, expect, it } from "vitest";
import { buildAttributeMatrix, attributeLifetime } from "@/components/attributes/attribute-matrix";
import { describeConstraint, moveTarget } from "@/components/cluster/constraint-text";
import { resourceDetails } from "@/components/cluster/find-resource";
import { buildResourceRows, emptyFilter } from "@/components/cluster/resource-rows";
import { failureResource } from "@/lib/pacemaker/op-key";
import { buildNodeColumns } from "@/components/nodes/columns";
import { clusterHealth } from "@/components/status/health";
import { nodeState } from "@/components/status/node-state";
import { resourceState } from "@/components/status/resource-state";
import { forEachPrimitive } from "@/components/status/walk";
import type { Primitive } from "@/lib/pacemaker";
import { fixtureStatus } from "./fixtures";

function primitive(variant: string | null, id: string): Primitive {
  let found: Primitive | null = null;
  forEachPrimitive(fixtureStatus(variant).resources, ({ primitive: p }) => {
    if (p.id === id && !found) found = p;
  });
  if (!found) throw new Error(`no ${id}`);
  return found;
}

describe("health", () => {
  it("the demo is ok with every count right", () => {
    const h = clusterHealth(fixtureStatus());
    expect(h.health).toBe("ok");
    expect(h.counts).toMatchObject({ nodesOnline: 3, nodesTotal: 3, resourcesActive: 12, resourcesTotal: 12, failedActions: 0 });
  });
  it("a recovered failure is a warning, not an error", () => {
    const h = clusterHealth(fixtureStatus("failed-op"));
    expect(h.health).toBe("warnings");
    expect(h.counts.failcounts).toBe(1);
  });
  it("a failed stop (unclean node, FAILED resource) is an error", () => {
    const h = clusterHealth(fixtureStatus("failed-stop"));
    expect(h.health).toBe("errors");
    expect(h.reasons.map((r) => r.text).join(" ")).toMatch(/node2 UNCLEAN/);
  });
  it("an unreachable cluster says so whatever its last state", () => {
    expect(clusterHealth(fixtureStatus(), false).health).toBe("unreachable");
  });
});

describe("resource state", () => {
  it("target-role=Stopped is 'Stopped (disabled)', never Blocked, and not red", () => {
    const s = resourceState(primitive("stopped", "WebService2"));
    expect(s.label).toBe("Stopped (disabled)");
    expect(s.tone).toBe("neutral");
  });
  it("a recovered resource is green", () => {
    expect(resourceState(primitive("failed-op", "WebService2")).tone).toBe("ok");
  });
  it("a failed stop is FAILED and red", () => {
    expect(resourceState(primitive("failed-stop", "WebService1"))).toMatchObject({ label: "FAILED", tone: "err" });
  });
  it("unmanaged is flagged", () => {
    expect(resourceState(primitive("unmanaged", "WebService3")).flags.map((f) => f.label)).toContain("unmanaged");
  });
});

describe("node state", () => {
  it("names every state as crm_mon does", () => {
    const label = (variant: string, node: string) => nodeState(fixtureStatus(variant).nodes.find((n) => n.name === node)!).label;
    expect(label("standby", "node3")).toBe("standby");
    expect(label("offline", "node4")).toBe("OFFLINE");
    expect(label("node-maintenance", "node4")).toBe("maintenance");
    expect(label("failed-stop", "node2")).toBe("UNCLEAN (online)");
  });
});

describe("resource rows", () => {
  it("groups open, clones collapsed with their roles", () => {
    const { rows, total } = buildResourceRows(fixtureStatus(), emptyFilter, new Set());
    expect(total).toBe(12);
    const keys = rows.map((r) => r.key);
    expect(keys).toContain("r:balanceGroup/virtual_ip");
    const pg = rows.find((r) => r.kind === "clone" && r.clone.id === "pgsql-clone");
    expect(pg?.kind === "clone" && pg.roles.map((r) => `${r.role}:${r.nodes.join(",")}`)).toEqual(["Promoted:node2", "Unpromoted:node3,node4"]);
  });
  it("filters by text, node and failure; failed-only finds the failed action's resource", () => {
    const s = fixtureStatus("failed-op");
    expect(buildResourceRows(s, { ...emptyFilter, failedOnly: true }, new Set()).rows.map((r) => r.key)).toEqual(["r:WebService2"]);
    expect(buildResourceRows(s, { ...emptyFilter, node: "node4" }, new Set()).shown).toBe(3);
    expect(buildResourceRows(s, { ...emptyFilter, text: "apache node2" }, new Set()).rows.map((r) => r.key)).toEqual(["r:WebService1"]);
  });
  it("keys stay stable for anonymous clone instances", () => {
    const open = new Set(["pgsql-clone"]);
    const a = buildResourceRows(fixtureStatus(), emptyFilter, open).rows.map((r) => r.key);
    const b = buildResourceRows(fixtureStatus(), emptyFilter, open).rows.map((r) => r.key);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
  });
  it("op keys map back to resource ids with underscores", () => {
    expect(failureResource("my_ping_fence_device_monitor_60000")).toBe("my_ping_fence_device");
    expect(failureResource("pgsql:1_promote_0")).toBe("pgsql");
  });
});

describe("by node", () => {
  it("puts each resource in its node's column, promoted instance included", () => {
    const cols = buildNodeColumns(fixtureStatus());
    expect(cols.map((c) => c.name)).toEqual(["node2", "node3", "node4", null]);
    const node2 = cols[0]!.cards.map((c) => c.resourceId);
    expect(node2).toEqual(expect.arrayContaining(["WebService1", "pgsql-clone", "ping-clone", "my_ping_fence_device"]));
    const pg = cols[0]!.cards.find((c) => c.resourceId === "pgsql-clone")!;
    expect(pg.members[0]!.primitive.role).toBe("Promoted");
    expect(cols[3]!.cards).toEqual([]);
  });
  it("a disabled resource sits in the Stopped column", () => {
    const cols = buildNodeColumns(fixtureStatus("stopped"));
    expect(cols.at(-1)!.cards.map((c) => c.resourceId)).toEqual(["WebService2"]);
  });
});

describe("attributes", () => {
  it("node × attribute with lifetimes", () => {
    const m = buildAttributeMatrix(fixtureStatus());
    expect(m.names).toEqual(expect.arrayContaining(["pgsql-status", "pingd", "master-pgsql"]));
    const cell = m.rows.find((r) => r.node === "node3")!.cells.get("pgsql-status")!;
    expect(cell.value).toBe("HS:sync");
    expect(attributeLifetime(cell)).not.toBe("unknown");
  });
});

describe("constraints and details", () => {
  it("describes a move with its lifetime", () => {
    const s = fixtureStatus("move");
    const c = s.configuration!.constraints.find((x) => x.id === "cli-prefer-WebService1")!;
    expect(moveTarget(c)?.node).toBe("node3");
    expect(describeConstraint(c)).toMatch(/^WebService1 moved to node3 until /);
  });
  it("details list the constraints that name a resource or its group", () => {
    const d = resourceDetails(fixtureStatus(), "virtual_ip");
    expect(d.parents).toEqual(["balanceGroup"]);
    expect(d.constraints.map((c) => c.id)).toEqual(
      expect.arrayContaining(["colocation-balanceGroup-ping-clone-INFINITY", "location-balanceGroup-pingd"]),
    );
    expect(d.config?.kind).toBe("primitive");
  });
});
