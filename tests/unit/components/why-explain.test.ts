/**
 * "Why is it here?" over real statuses (tests/fixtures: the demo and its variants, as crm_mon and
 * the CIB gave them) and real crm_simulate -s output. Where a score list is written inline below,
 * it is crm_simulate 2.1.5's own output for that fixture, made with the command in the comment.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseScores } from "@/agent/simulate";
import { addScores, explainPlacement, failcountsOf, INF, parseScore, summaryLine, type Explanation } from "@/components/why/explain";
import { parsePacemakerDate } from "@/components/why/rules";
import { buildStatus } from "@/lib/pacemaker";
import { fixtureStatus } from "./fixtures";

const FIX = join(process.cwd(), "tests", "fixtures");
const utcTime = (d: Date) => d.toISOString().slice(11, 16);
const at = (iso: string) => ({ now: new Date(iso), formatTime: utcTime });

function node(e: Explanation, name: string) {
  const n = e.nodes.find((x) => x.node === name);
  if (!n) throw new Error(`no ${name} in ${e.nodes.map((x) => x.node).join(",")}`);
  return n;
}

/** crm_simulate -s -x tests/fixtures/demo/cib.xml -q true */
const demoScores = parseScores(readFileSync(join(FIX, "simulate", "scores.txt"), "utf8"));

describe("scores", () => {
  it("reads Pacemaker's numbers and infinities, and adds them as Pacemaker does", () => {
    expect(parseScore("INFINITY")).toBe(INF);
    expect(parseScore("+INFINITY")).toBe(INF);
    expect(parseScore("-INFINITY")).toBe(-INF);
    expect(parseScore("200")).toBe(200);
    expect(parseScore("5000000")).toBe(INF);
    expect(parseScore("pingd")).toBeNull();
    expect(addScores(INF, -INF)).toBe(-INF);
    expect(addScores(100, INF)).toBe(INF);
    expect(addScores(100, -50)).toBe(50);
  });
  it("reads the end times crm_resource writes", () => {
    expect(parsePacemakerDate("2026-11-25 00:00:58Z")?.toISOString()).toBe("2026-11-25T00:00:58.000Z");
    expect(parsePacemakerDate("2026-12-02 14:05:00 +01:00")?.toISOString()).toBe("2026-12-02T13:05:00.000Z");
    expect(parsePacemakerDate("not a date")).toBeNull();
  });
});

describe("explainPlacement on the demo", () => {
  const status = fixtureStatus();
  const now = at("2026-12-02T05:00:00Z");

  it("WebService1: its location preference and its stickiness add up to crm_simulate's 200 on node2", () => {
    const e = explainPlacement(status, "WebService1", demoScores, now);
    const n2 = node(e, "node2");
    expect(n2.score).toBe("200");
    expect(n2.runsHere).toBe(true);
    expect(n2.parts.map((p) => [p.source, p.value])).toEqual([
      ["location", 100],
      ["stickiness", 100],
    ]);
    expect(n2.summary).toBe("node2: 200 — +100 location location-WebService1-node2-100, +100 stickiness (it runs here)");
    expect(node(e, "node3").summary).toBe("node3: 0 — no constraint, stickiness or failure touches it here");
    expect(e.nodes.every((n) => n.canRun)).toBe(true);
  });

  it("a group member: the group's colocation and the member before it", () => {
    const e = explainPlacement(status, "my_lvs", demoScores, now);
    const n2 = node(e, "node2");
    expect(n2.value).toBe(-INF);
    expect(n2.canRun).toBe(false);
    expect(n2.summary).toContain("must run where virtual_ip runs (group balanceGroup keeps its members together)");
    const n3 = node(e, "node3");
    expect(n3.parts.some((p) => p.source === "colocation" && p.id === "colocation-balanceGroup-ping-clone-INFINITY")).toBe(true);
  });

  it("a group is scored by its first member, with every member's stickiness where they run", () => {
    const e = explainPlacement(status, "balanceGroup", demoScores, now);
    expect(e.scoredAs).toBe("virtual_ip");
    const n3 = node(e, "node3");
    expect(n3.score).toBe("200");
    expect(n3.parts.find((p) => p.source === "stickiness")).toMatchObject({ value: 200, text: "stickiness of the 2 members of balanceGroup running here" });
    // the parts account for the whole score: nothing is left to "the rest"
    expect(n3.parts.some((p) => p.source === "rest")).toBe(false);
  });

  it("a promotable clone: its instances' best score per node and the promotion score", () => {
    const e = explainPlacement(status, "pgsql-clone", demoScores, now);
    expect(e.scoredAs).toBe("pgsql:N");
    expect(node(e, "node2").promotion).toBe("1000");
    // what our reading cannot explain is said as such, not made to add up
    const rest = node(e, "node2").parts.find((p) => p.source === "rest");
    expect(rest?.value).toBe(1000);
  });
});

describe("explainPlacement on variants", () => {
  it("a ban: -INFINITY and the constraint that makes it", () => {
    // crm_simulate -s -x tests/fixtures/variants/ban/cib.xml -q true
    const scores = parseScores(`pcmk__primitive_assign: WebService3 allocation score on node2: 100
pcmk__primitive_assign: WebService3 allocation score on node3: 0
pcmk__primitive_assign: WebService3 allocation score on node4: -INFINITY`);
    const e = explainPlacement(fixtureStatus("ban"), "WebService3", scores, at("2026-12-02T05:00:00Z"));
    const n4 = node(e, "node4");
    expect(n4.summary).toBe("node4: -INFINITY — banned by cli-ban-WebService3-on-node4");
    expect(n4.canRun).toBe(false);
    // its preference for node4 is there, but cannot lift a -INFINITY: the summary leaves it out
    expect(n4.parts.map((p) => p.id)).toContain("location-WebService3-node4-100");
    expect(node(e, "node2").summary).toBe("node2: 100 — +100 stickiness (it runs here)");
  });

  it("a move with a lifetime: until when, and once the time is past, that it no longer counts", () => {
    // crm_simulate -s -x tests/fixtures/variants/move/cib.xml -q true -t "2026-11-24 23:30:00Z"
    const before = parseScores(`pcmk__primitive_assign: WebService1 allocation score on node2: 100
pcmk__primitive_assign: WebService1 allocation score on node3: INFINITY
pcmk__primitive_assign: WebService1 allocation score on node4: 0`);
    const status = fixtureStatus("move");
    const e = explainPlacement(status, "WebService1", before, at("2026-11-24T23:30:00Z"));
    expect(node(e, "node3").summary).toBe("node3: INFINITY — +INFINITY moved here by cli-prefer-WebService1 until 00:00, +100 stickiness (it runs here)");
    // crm_simulate -s -x tests/fixtures/variants/move/cib.xml -q true   (now: the lifetime has run out)
    const after = parseScores(`pcmk__primitive_assign: WebService1 allocation score on node2: 100
pcmk__primitive_assign: WebService1 allocation score on node3: 100
pcmk__primitive_assign: WebService1 allocation score on node4: 0`);
    const later = explainPlacement(status, "WebService1", after, at("2026-12-02T05:00:00Z"));
    const n3 = node(later, "node3");
    expect(n3.summary).toContain("cli-prefer-WebService1 expired at 00:00");
    expect(n3.parts.filter((p) => p.value !== null).map((p) => p.source)).toEqual(["stickiness"]);
  });

  it("standby: the score may be fine, the node still runs nothing", () => {
    // crm_simulate -s -x tests/fixtures/variants/standby/cib.xml -q true
    const scores = parseScores(`pcmk__primitive_assign: WebService2 allocation score on node2: 100
pcmk__primitive_assign: WebService2 allocation score on node3: 100
pcmk__primitive_assign: WebService2 allocation score on node4: 0`);
    const e = explainPlacement(fixtureStatus("standby"), "WebService2", scores, at("2026-12-02T05:00:00Z"));
    const n3 = node(e, "node3");
    expect(n3.canRun).toBe(false);
    expect(n3.parts[0]).toMatchObject({ source: "standby", blocks: true });
    expect(n3.summary).toBe("node3: 100 — in standby: no resource runs here, +100 location location-WebService2-node3-100");
  });

  it("migration-threshold reached: -INFINITY with the fail count", () => {
    // the failed-op variant with migration-threshold=1 on WebService2 (crm_resource --meta --set-parameter=migration-threshold
    // --parameter-value=1 on a copy), then crm_simulate -s -x on it
    const dir = join(FIX, "variants", "failed-op");
    const cib = readFileSync(join(dir, "cib.xml"), "utf8").replace(
      '<primitive id="WebService2" class="ocf" provider="heartbeat" type="apache">',
      '<primitive id="WebService2" class="ocf" provider="heartbeat" type="apache"><meta_attributes id="WebService2-meta_attributes"><nvpair id="WebService2-meta_attributes-migration-threshold" name="migration-threshold" value="1"/></meta_attributes>',
    );
    const mon = readFileSync(join(dir, "crm_mon-attrs.xml"), "utf8").replace(
      '<resource_history id="WebService2" orphan="false" migration-threshold="1000000" fail-count="1"',
      '<resource_history id="WebService2" orphan="false" migration-threshold="1" fail-count="1"',
    );
    expect(cib).toContain("migration-threshold");
    expect(mon).toContain('migration-threshold="1" fail-count="1"');
    const status = buildStatus({ crmMonXml: mon, cibXml: cib });
    const scores = parseScores(`pcmk__primitive_assign: WebService2 allocation score on node2: 0
pcmk__primitive_assign: WebService2 allocation score on node3: -INFINITY
pcmk__primitive_assign: WebService2 allocation score on node4: 0`);
    const e = explainPlacement(status, "WebService2", scores, at("2026-12-02T05:00:00Z"));
    expect(node(e, "node3").summary).toBe("node3: -INFINITY — migration-threshold 1 reached (failcount 1)");
    // without the threshold the same failure is only counted
    const plain = explainPlacement(fixtureStatus("failed-op"), "WebService2", scores, at("2026-12-02T05:00:00Z"));
    expect(node(plain, "node3").parts.find((p) => p.source === "failcount")?.text).toBe("failcount 1 (migration-threshold INFINITY)");
  });

  it("no score printed for a node: said so, never invented", () => {
    const e = explainPlacement(fixtureStatus(), "WebService1", [], at("2026-12-02T05:00:00Z"));
    expect(e.scoredAs).toBeNull();
    expect(node(e, "node2").score).toBeNull();
    expect(node(e, "node2").summary).toMatch(/^node2: no score — /);
  });
});

describe("failcountsOf", () => {
  it("per node and operation, from the fail-count-RSC#OP_INTERVAL attributes", () => {
    expect(failcountsOf(fixtureStatus("failed-op"), "WebService2")).toEqual([
      { node: "node3", resource: "WebService2", op: "monitor", interval: "30s", count: 1, threshold: 1000000, lastFailure: "2026-11-24T23:00:57.000Z" },
    ]);
  });
  it("nothing for a resource that never failed", () => {
    expect(failcountsOf(fixtureStatus("failed-op"), "WebService1")).toEqual([]);
    expect(failcountsOf(fixtureStatus(), "balanceGroup")).toEqual([]);
  });
});

describe("summaryLine", () => {
  it("at -INFINITY keeps only what makes it -INFINITY", () => {
    expect(
      summaryLine("node3", "-INFINITY", [
        { value: 100, blocks: false, source: "location", id: "a", text: "location a" },
        { value: -INF, blocks: false, source: "ban", id: "b", text: "banned by b until 14:05" },
      ]),
    ).toBe("node3: -INFINITY — banned by b until 14:05");
  });
});
