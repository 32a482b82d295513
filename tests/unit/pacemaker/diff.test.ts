import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import {
  applyStatusPatch,
  describePatch,
  diffStatus,
  StatusPatchSchema,
  type ClusterStatus,
  type Primitive,
} from "@/lib/pacemaker";
import { fixtureDirs, json, loadFixture } from "./helpers";

const snapshots = fixtureDirs().map((d) => ({ name: basename(d), status: json(loadFixture(d)) }));

function roundTrip(a: ClusterStatus, b: ClusterStatus): void {
  const before = JSON.stringify(a);
  const patch = StatusPatchSchema.parse(json(diffStatus(a, b)));
  const applied = applyStatusPatch(a, patch);
  expect(json(applied)).toEqual(json(b));
  expect(JSON.stringify(a)).toBe(before);
}

describe("diffStatus / applyStatusPatch", () => {
  it("is empty between equal snapshots", () => {
    const s = snapshots[0]!.status;
    expect(diffStatus(s, json(s)).ops).toEqual([]);
    expect(describePatch(diffStatus(s, json(s)))).toBe("no changes");
  });

  it("round-trips every ordered pair of fixtures", { timeout: 60_000 }, () => {
    for (const a of snapshots) for (const b of snapshots) roundTrip(a.status, b.status);
  });

  it("describes a change by node, resource and attribute", () => {
    const demo = snapshots.find((s) => s.name === "demo")!.status;
    const standby = snapshots.find((s) => s.name === "standby")!.status;
    const text = describePatch(diffStatus(demo, standby));
    expect(text).toContain("node3 (standby");
    expect(text).toContain("node3: standby");
  });

  it("refuses a patch that does not fit with a clear error", () => {
    const demo = snapshots.find((s) => s.name === "demo")!.status;
    const bad = { ops: [{ op: "set" as const, path: ["resources", "NoSuchResource", "role"], value: "Started" }] };
    expect(() => applyStatusPatch(demo, bad)).toThrow(/patch path resources\/NoSuchResource\/role: no element NoSuchResource/);
    expect(() => applyStatusPatch(demo, { ops: [{ op: "order", path: ["nodes"], keys: ["x"] }] })).toThrow(/order does not fit/);
  });

  it("round-trips random edits", { timeout: 60_000 }, () => {
    let seed = 42;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const base = snapshots.find((s) => s.name === "bundle-remote")!.status;
    for (let round = 0; round < 150; round++) {
      const a = json(base);
      const b = json(base);
      for (let k = 0; k < 1 + rand(4); k++) mutate(b, rand);
      roundTrip(a, b);
      roundTrip(b, a);
    }
  });
});

function mutate(s: ClusterStatus, rand: (n: number) => number): void {
  const pick = <T>(arr: T[]): T | undefined => arr[rand(Math.max(arr.length, 1))];
  switch (rand(10)) {
    case 0: {
      const n = pick(s.nodes);
      if (n) n.standby = !n.standby;
      break;
    }
    case 1:
      if (s.nodes.length > 0) s.nodes.splice(rand(s.nodes.length), 1);
      break;
    case 2: {
      const r = pick(s.resources);
      if (r?.kind === "primitive") r.role = r.role === "Started" ? "Stopped" : "Started";
      if (r?.kind === "clone") r.children.splice(rand(r.children.length), 1);
      if (r?.kind === "group") r.children.reverse();
      break;
    }
    case 3: {
      const src = s.resources.find((r): r is Primitive => r.kind === "primitive");
      if (src) s.resources.splice(rand(s.resources.length + 1), 0, { ...json(src), id: `new${rand(1000)}` });
      break;
    }
    case 4:
      s.resources.reverse();
      break;
    case 5: {
      const a = pick(s.nodeAttributes);
      if (a) a.attributes.push({ name: `attr${rand(5)}`, value: String(rand(100)), expected: null, permanent: null, transient: "1" });
      break;
    }
    case 6:
      s.summary.lastUpdate = `t${rand(1000)}`;
      s.summary.dc = rand(2) ? null : s.summary.dc;
      break;
    case 7:
      s.failures.push({
        opKey: `x_monitor_${rand(3)}`, node: "node2", exitstatus: "error", exitreason: "", exitcode: 1, call: rand(9),
        status: "complete", lastRcChange: null, queued: null, exec: null, interval: null, task: null, extraAttrs: {},
      });
      break;
    case 8: {
      const c = s.resources.find((r) => r.kind === "clone");
      if (c?.kind === "clone" && c.children[0]?.kind === "primitive") c.children.push(json(c.children[0]));
      break;
    }
    default:
      if (s.configuration) s.configuration.constraints = s.configuration.constraints.filter(() => rand(3) > 0);
  }
}

describe("patch size", () => {
  it("keeps a one-resource change under 2 KB at 32 nodes x 2000 resources", { timeout: 60_000 }, () => {
    const demo = snapshots.find((s) => s.name === "demo")!.status;
    const template = demo.resources.find((r): r is Primitive => r.id === "WebService1")!;
    const big = json(demo);
    big.nodes = Array.from({ length: 32 }, (_, i) => ({ ...json(demo.nodes[0]!), name: `n${i + 1}`, id: String(i + 1), isDc: i === 0 }));
    big.resources = Array.from({ length: 2000 }, (_, i) => {
      const node = `n${(i % 32) + 1}`;
      return { ...json(template), id: `r${i}`, nodes: [{ name: node, id: node.slice(1), cached: true }] };
    });
    big.nodeHistory = big.nodes.map((n) => ({
      node: n.name,
      resources: big.resources.filter((_r, i) => `n${(i % 32) + 1}` === n.name).map((r) => ({
        id: r.id, orphan: false, migrationThreshold: 1000000, failCount: null, lastFailure: null, extraAttrs: {},
        operations: [{ call: "2", task: "start", rc: 0, rcText: "ok", interval: null, lastRcChange: "t", lastRun: null, execTime: "0ms", queueTime: "0ms", extraAttrs: {} }],
      })),
      failCounts: [],
    }));
    const next = json(big);
    const r = next.resources[1234];
    if (r?.kind !== "primitive") throw new Error("bad setup");
    r.role = "Stopped";
    r.active = false;
    r.nodes = [];
    r.nodesRunningOn = 0;
    r.targetRole = "Stopped";
    next.nodes[1234 % 32]!.resourcesRunning -= 1;
    next.summary.lastUpdate = "Wed Nov 25 10:00:00 2026";
    next.summary.resourcesDisabled = 1;
    next.nodeHistory![1234 % 32]!.resources.find((h) => h.id === "r1234")!.operations.push({
      call: "9", task: "stop", rc: 0, rcText: "ok", interval: null, lastRcChange: "t2", lastRun: null, execTime: "0ms", queueTime: "0ms", extraAttrs: {},
    });
    const patch = diffStatus(big, next);
    const bytes = JSON.stringify(patch).length;
    expect(bytes).toBeLessThan(2048);
    console.info(`one-resource patch at 32x2000: ${bytes} bytes, ${patch.ops.length} ops`);
    expect(json(applyStatusPatch(big, patch))).toEqual(json(next));
    expect(describePatch(patch)).toContain("resources: r1234");
  });
});
