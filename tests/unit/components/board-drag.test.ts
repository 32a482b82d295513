/**
 * Drag-to-migrate's pure parts over the demo's real by-node columns: what a card carries, what a
 * drop asks for, when a move has landed, the keyboard's column jumps, and the impact dialog's lines
 * from crm_simulate's real transitions (tests/fixtures/simulate).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSimulateXml } from "@/agent/simulate";
import { buildNodeColumns, type NodeColumn } from "@/components/nodes/columns";
import {
  cliConstraintsOf,
  columnHas,
  configuredTargetRole,
  draggableId,
  droppableId,
  dropIntent,
  hasLanded,
  nextColumnPosition,
  parseDroppableId,
  subjectOf,
} from "@/components/nodes/drag";
import { impactCounts, impactLines, lifetimeProblem } from "@/components/nodes/impact";
import { fixtureStatus } from "./fixtures";

const columns = (variant: string | null = null): NodeColumn[] => buildNodeColumns(fixtureStatus(variant));

function card(cols: NodeColumn[], node: string | null, rsc: string) {
  const c = cols.find((x) => x.name === node)?.cards.find((k) => k.resourceId === rsc);
  if (!c) throw new Error(`no ${rsc} on ${node}`);
  return c;
}

describe("droppable ids", () => {
  it("round-trip node columns and the Stopped column", () => {
    expect(parseDroppableId(droppableId("node3"))).toEqual({ kind: "node", node: "node3" });
    expect(parseDroppableId(droppableId(null))).toEqual({ kind: "stopped" });
    expect(parseDroppableId("node:")).toBeNull();
    expect(parseDroppableId(7)).toBeNull();
  });
  it("a clone has one card per node: the draggable id includes the column", () => {
    const cols = columns();
    const ids = cols.filter((c) => c.name).map((c) => draggableId(subjectOf(card(cols, c.name, "ping-clone"), c.name)));
    expect(new Set(ids).size).toBe(3);
  });
});

describe("what a card carries", () => {
  const cols = columns();
  it("a primitive, a group with its members, the promoted instance of a promotable clone", () => {
    expect(subjectOf(card(cols, "node2", "WebService1"), "node2")).toEqual({ rsc: "WebService1", kind: "primitive", from: "node2", promoted: false, members: ["WebService1"] });
    expect(subjectOf(card(cols, "node3", "balanceGroup"), "node3")).toMatchObject({ rsc: "balanceGroup", kind: "group", members: ["virtual_ip", "my_lvs"] });
    const promotedNode = cols.find((c) => c.cards.some((k) => k.resourceId === "pgsql-clone" && k.members.some((m) => m.primitive.role === "Promoted")))?.name ?? null;
    expect(promotedNode).toBe("node2");
    expect(subjectOf(card(cols, "node2", "pgsql-clone"), "node2").promoted).toBe(true);
    expect(subjectOf(card(cols, "node3", "pgsql-clone"), "node3").promoted).toBe(false);
  });
});

describe("dropIntent", () => {
  const cols = columns();
  const ws1 = subjectOf(card(cols, "node2", "WebService1"), "node2");
  it("another node: a move; the same node or nowhere: nothing", () => {
    expect(dropIntent(ws1, { kind: "node", node: "node3" })).toEqual({ kind: "move", rsc: "WebService1", node: "node3", promoted: false });
    expect(dropIntent(ws1, { kind: "node", node: "node2" })).toEqual({ kind: "none", reason: null });
    expect(dropIntent(ws1, null)).toEqual({ kind: "none", reason: null });
  });
  it("the Stopped column: a stop (of the whole group, the whole clone)", () => {
    expect(dropIntent(ws1, { kind: "stopped" })).toEqual({ kind: "stop", rsc: "WebService1" });
    const ping = subjectOf(card(cols, "node3", "ping-clone"), "node3");
    expect(dropIntent(ping, { kind: "stopped" })).toEqual({ kind: "stop", rsc: "ping-clone" });
  });
  it("an anonymous clone instance onto a node that runs one already: nothing, with the reason", () => {
    const ping = subjectOf(card(cols, "node3", "ping-clone"), "node3");
    expect(columnHas(cols, "node4", "ping-clone")).toBe(true);
    expect(dropIntent(ping, { kind: "node", node: "node4" }, columnHas(cols, "node4", "ping-clone"))).toEqual({
      kind: "none",
      reason: "ping-clone already runs an instance on node4",
    });
  });
  it("the promoted instance: a move of the promoted role", () => {
    const pg = subjectOf(card(cols, "node2", "pgsql-clone"), "node2");
    expect(dropIntent(pg, { kind: "node", node: "node3" }, true)).toEqual({ kind: "move", rsc: "pgsql-clone", node: "node3", promoted: true });
  });
  it("a stopped resource (the Stopped column): onto a node is a move, onto Stopped nothing", () => {
    const cols2 = columns("stopped");
    const stoppedCard = cols2.find((c) => c.name === null)?.cards[0];
    expect(stoppedCard).toBeDefined();
    const s = subjectOf(stoppedCard!, null);
    expect(dropIntent(s, { kind: "stopped" })).toMatchObject({ kind: "none" });
    expect(dropIntent(s, { kind: "node", node: "node2" })).toMatchObject({ kind: "move", node: "node2" });
  });
});

describe("hasLanded", () => {
  it("true only when the board shows it on the target (promoted there, for a promoted move)", () => {
    const before = columns();
    expect(hasLanded(before, "WebService1", "node2", false)).toBe(true);
    expect(hasLanded(before, "WebService1", "node3", false)).toBe(false);
    // the move variant: WebService1 moved to node3 by cli-prefer
    expect(hasLanded(columns("move"), "WebService1", "node3", false)).toBe(true);
    expect(hasLanded(before, "pgsql-clone", "node2", true)).toBe(true);
    expect(hasLanded(before, "pgsql-clone", "node3", true)).toBe(false);
  });
});

describe("configuration lookups for the card menu", () => {
  it("target-role from the resource's meta attributes", () => {
    const s = fixtureStatus("stopped");
    const stopped = buildNodeColumns(s).find((c) => c.name === null)?.cards[0]?.resourceId;
    expect(stopped).toBeDefined();
    expect(configuredTargetRole(s.configuration, stopped!)).toBe("Stopped");
    expect(configuredTargetRole(fixtureStatus().configuration, "WebService1")).toBeNull();
  });
  it("the cli-prefer/cli-ban constraints of a resource", () => {
    expect(cliConstraintsOf(fixtureStatus("ban").configuration, "WebService3")).toEqual(["cli-ban-WebService3-on-node4"]);
    expect(cliConstraintsOf(fixtureStatus("move").configuration, "WebService1")).toEqual(["cli-prefer-WebService1"]);
    expect(cliConstraintsOf(fixtureStatus().configuration, "WebService1")).toEqual([]);
  });
});

describe("nextColumnPosition (keyboard)", () => {
  const boxes = [
    { id: "node:node3", left: 300, top: 100, width: 240, height: 600 },
    { id: "node:node2", left: 20, top: 100, width: 240, height: 600 },
    { id: "stopped", left: 580, top: 100, width: 240, height: 600 },
  ];
  const size = { width: 220, height: 64 };
  it("jumps to the middle of the next column right or left, keeping the height within it", () => {
    expect(nextColumnPosition(boxes, { x: 30, y: 150 }, size, 1)).toEqual({ x: 310, y: 150 });
    expect(nextColumnPosition(boxes, { x: 310, y: 150 }, size, 1)).toEqual({ x: 590, y: 150 });
    expect(nextColumnPosition(boxes, { x: 310, y: 40 }, size, -1)).toEqual({ x: 30, y: 108 });
  });
  it("no column beyond the last: stays", () => {
    expect(nextColumnPosition(boxes, { x: 590, y: 150 }, size, 1)).toBeNull();
    expect(nextColumnPosition(boxes, { x: 30, y: 150 }, size, -1)).toBeNull();
    expect(nextColumnPosition([], { x: 0, y: 0 }, size, 1)).toBeNull();
  });
});

describe("impact lines from crm_simulate's transitions", () => {
  const sim = (name: string) => parseSimulateXml(readFileSync(join(process.cwd(), "tests", "fixtures", "simulate", `${name}.xml`), "utf8"));
  it("a group member's move takes the whole group: both members listed", () => {
    const lines = impactLines(sim("agent-move-member"), { rsc: "balanceGroup", members: ["virtual_ip", "my_lvs"] });
    expect(lines.map((l) => l.text)).toEqual(["virtual_ip moves node3 → node2", "my_lvs moves node3 → node2"]);
    expect(lines.every((l) => l.primary)).toBe(true);
  });
  it("what goes with the dragged one is listed after it, marked", () => {
    const lines = impactLines(sim("agent-move-member"), { rsc: "virtual_ip", members: ["virtual_ip"] });
    expect(lines.map((l) => [l.resource, l.primary])).toEqual([
      ["virtual_ip", true],
      ["my_lvs", false],
    ]);
  });
  it("a promoted move: demote here, promote there (clone instances count as the clone's)", () => {
    const lines = impactLines(sim("agent-move-promoted"), { rsc: "pgsql-clone", members: ["pgsql"] });
    expect(lines.map((l) => l.text)).toEqual(["pgsql:0 is demoted on node2", "pgsql:1 is promoted on node3"]);
    expect(lines.every((l) => l.primary)).toBe(true);
    expect(impactCounts(sim("agent-move-promoted"))).toEqual({ demote: 1, promote: 1 });
  });
  it("a move to a standby node changes nothing", () => {
    expect(impactLines(sim("agent-move-standby"), { rsc: "WebService1", members: ["WebService1"] })).toEqual([]);
  });
});

describe("lifetimeProblem", () => {
  it("accepts ISO 8601 durations, says what is wrong otherwise", () => {
    for (const ok of ["", "PT30M", "PT2H", "P1D", "P1DT12H", "P2W"]) expect(lifetimeProblem(ok)).toBeNull();
    for (const bad of ["1h", "P", "PT", "--force", "PT1H;rm"]) expect(lifetimeProblem(bad)).toMatch(/not an ISO 8601 duration/);
  });
});
