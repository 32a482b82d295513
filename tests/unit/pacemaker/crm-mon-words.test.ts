import { describe, expect, it } from "vitest";
import { nodeState } from "@/components/status/node-state";
import { resourceState } from "@/components/status/resource-state";
import { rolesOf } from "@/components/cluster/resource-rows";
import type { Node, Primitive } from "@/lib/pacemaker";
import { FIXTURES, json, loadFixture } from "./helpers";

/** The browser's words for nodes and resources are crm_mon's (its node list and resource lines). */
const demo = loadFixture(`${FIXTURES}/demo`);
const node = (o: Partial<Node>): Node => ({ ...json(demo.nodes[0]!), isDc: false, ...o });
const firstPrimitive = demo.resources.find((r): r is Primitive => r.kind === "primitive")!;
const prim = (o: Partial<Primitive>): Primitive => ({ ...json(firstPrimitive), ...o });

describe("node words", () => {
  it("say OFFLINE (standby) / OFFLINE (maintenance) as crm_mon does, and keep shutting down for online nodes", () => {
    expect(nodeState(node({ online: false, standby: true, shutdown: true })).label).toBe("OFFLINE (standby)");
    expect(nodeState(node({ online: false, standby: true, shutdown: true })).flags).toEqual([]);
    expect(nodeState(node({ online: false, maintenance: true })).label).toBe("OFFLINE (maintenance)");
    expect(nodeState(node({ standby: true, resourcesRunning: 2 })).label).toBe("standby (with active resources)");
    expect(nodeState(node({ unclean: true, online: false, pending: true })).label).toBe("UNCLEAN (pending)");
  });
  it("a node a lost ticket will fence is online, with the reason as a flag", () => {
    const s = nodeState(node({ ticketFence: "tA" }));
    expect(s.label).toBe("online");
    expect(s.flags.map((f) => f.label)).toEqual(["will be fenced: ticket tA lost"]);
  });
});

describe("resource words", () => {
  it("keep the role and add crm_mon's qualifier", () => {
    expect(resourceState(prim({ failed: true, role: "Promoted" })).label).toBe("FAILED Promoted");
    expect(resourceState(prim({ failed: true, role: "Started" })).label).toBe("FAILED");
    const blocked = resourceState(prim({ role: "Started", blocked: true, managed: false }));
    expect([blocked.label, blocked.tone, blocked.flags.map((f) => f.label)]).toEqual(["Started", "err", ["blocked"]]);
    const ignored = resourceState(prim({ failed: true, failureIgnored: true, role: "Stopped" }));
    expect([ignored.label, ignored.flags.map((f) => f.label)]).toEqual(["FAILED", ["failure ignored"]]);
  });
  it("name the node of an action in flight, and keep a pending instance out of the role lists", () => {
    const starting = prim({ role: "Starting", nodes: [], pendingTask: "start", pendingNode: "node4" });
    expect(resourceState(starting).flags.map((f) => f.label)).toContain("on node4");
    const running = prim({ role: "Unpromoted" });
    expect(rolesOf([running, starting]).map((r) => [r.role, r.nodes])).toEqual([
      ["Unpromoted", running.nodes.map((n) => n.name)],
      ["Starting", ["node4"]],
    ]);
    expect(rolesOf([prim({ failed: true, role: "Promoted" })])[0]?.role).toBe("FAILED Promoted");
  });
});
