import { describe, expect, it } from "vitest";
import { prim } from "../unit/pacemaker/lab";
import { cibLabs, same } from "./parser-lab";

/** Failed actions, fail counts and masked probe failures, made with crm_simulate and read against crm_mon. */
const lab = cibLabs();

describe("failures against crm_mon on real CIBs", () => {
  it("failed monitors and starts with exit reasons, fail counts and migration thresholds", () => {
    const l = lab(["n1", "n2", "n3"]);
    l.res(prim("a", "ocf:pacemaker:Dummy", { meta: { "migration-threshold": "2" } })).res(prim("b"));
    l.res(`<clone id="c1">${prim("c1p")}</clone>`);
    l.settle("n1", "n2", "n3");
    l.simulate("-q", "true", "-i", "a_monitor_10000@n1=7", "-i", "c1p_monitor_10000@n2=1", "-F", "b_start_0@n3=1");
    l.simulate("-q", "true");
    const s = same(l);
    expect(s.failures.map((f) => f.opKey).sort()).toContain("a_monitor_10000");
    const a = s.nodeHistory?.find((h) => h.node === "n1")?.resources.find((r) => r.id === "a");
    expect(a).toMatchObject({ migrationThreshold: 2, failCount: "1" });
  });

  it("an operation that timed out and took time: could not be executed ... after", () => {
    const l = lab(["n1", "n2"]);
    l.res(prim("t1"));
    l.settle("n1", "n2");
    const node = (() => {
      const r = l.status().resources.find((x) => x.id === "t1");
      return r?.kind === "primitive" ? (r.nodes[0]?.name ?? "n1") : "n1";
    })();
    l.simulate("-q", "true", "-i", `t1_monitor_10000@${node}=1`);
    // crm_simulate cannot inject an execution status: write what a timed-out op records
    l.edit((x) => x.replace(/(<lrm_rsc_op id="t1_last_failure_0"[^>]*?)op-status="0"/, '$1op-status="2"').replace(/(<lrm_rsc_op id="t1_last_failure_0"[^>]*?)exec-time="0"/, '$1exec-time="61500"'));
    const s = same(l);
    expect(s.failures[0]).toMatchObject({ status: "Timed Out", exec: 61500 });
  });

  it("probe failures crm_mon masks as Stopped (not installed)", () => {
    const l = lab(["n1", "n2", "n3"]);
    l.res(`<clone id="c1">${prim("c1p")}</clone>`).res(prim("p1"));
    l.simulate("-q", "true", "-u", "n1", "-u", "n2", "-u", "n3", "-i", "c1p_monitor_0@n3=5", "-i", "p1_monitor_0@n1=5", "-i", "p1_monitor_0@n2=5");
    l.simulate("-q", "true");
    same(l);
  });
});

describe("exit reasons against crm_mon", () => {
  it("no exit reason (crm_mon's XML says none) and one with <, > and &, for complete and timed-out ops", () => {
    const l = lab(["n1", "n2"]);
    l.res(prim("a")).res(prim("b")).res(prim("c"));
    l.settle("n1", "n2");
    l.simulate("-q", "true", "-i", "a_monitor_10000@n1=7", "-i", "a_monitor_10000@n2=7", "-i", "b_start_0@n1=1", "-i", "c_start_0@n2=1");
    // crm_simulate always writes an exit reason; a real agent may write none, or markup
    l.edit((x) =>
      x
        .replace(/(<lrm_rsc_op id="a_last_failure_0"[^>]*?) exit-reason="[^"]*"/g, "$1")
        .replace(/(<lrm_rsc_op id="b_last_failure_0"[^>]*?)exit-reason="[^"]*"/, '$1exit-reason="local node &lt;n1&gt; is started &amp; &quot;ok&quot;"')
        .replace(/(<lrm_rsc_op id="c_last_failure_0"[^>]*?)op-status="0"/, '$1op-status="2"')
        .replace(/(<lrm_rsc_op id="c_last_failure_0"[^>]*?) exit-reason="[^"]*"/, "$1"),
    );
    const s = same(l);
    const by = (k: string) => s.failures.filter((f) => f.opKey === k);
    expect(by("a_monitor_10000").map((f) => f.exitreason)).toEqual([null, null]);
    expect(by("b_start_0")[0]?.exitreason).toBe('local node <n1> is started & "ok"');
    expect(by("c_start_0")[0]).toMatchObject({ status: "Timed Out", exitreason: null });
  });
});

describe("migration summary per clone instance against crm_mon", () => {
  it("an anonymous clone's instances keep their own lines and fail counts (history from when it was unique)", () => {
    const l = lab(["n1", "n2"]);
    const meta = (u: string) =>
      `<meta_attributes id="c1-meta"><nvpair id="c1-u" name="globally-unique" value="${u}"/><nvpair id="c1-nm" name="clone-node-max" value="2"/><nvpair id="c1-max" name="clone-max" value="4"/></meta_attributes>`;
    l.res(`<clone id="c1">${meta("true")}${prim("c1p")}</clone>`).res(prim("solo", "ocf:pacemaker:Dummy", { meta: { "migration-threshold": "3" } }));
    l.settle("n1", "n2");
    const where = (id: string): string => {
      const c = l.status().resources.find((r) => r.id === "c1");
      const p = c?.kind === "clone" ? c.children.find((x) => x.id === id) : undefined;
      return (p?.kind === "primitive" && p.nodes[0]?.name) || "n1";
    };
    const solo = l.status().resources.find((r) => r.id === "solo");
    const soloNode = (solo?.kind === "primitive" && solo.nodes[0]?.name) || "n1";
    l.simulate("-q", "true", "-i", `c1p:0_monitor_10000@${where("c1p:0")}=1`, "-i", `c1p:1_monitor_10000@${where("c1p:1")}=1`, "-i", `solo_monitor_10000@${soloNode}=1`);
    l.settle();
    // the clone becomes anonymous: its history keeps the instance numbers
    l.run("cibadmin", ["-M", "-o", "resources", "-X", '<nvpair id="c1-u" name="globally-unique" value="false"/>']);
    const s = same(l);
    const counts = (s.nodeHistory ?? []).flatMap((h) => (h.failCounts ?? []).map((c) => ({ ...c, node: h.node })));
    expect(counts.filter((c) => c.resource === "c1p").length).toBeGreaterThanOrEqual(2);
    expect(counts.filter((c) => c.resource === "c1p").every((c) => /^c1p:\d$/.test(c.id))).toBe(true);
    expect(counts.find((c) => c.id === "solo")).toMatchObject({ failCount: 1, migrationThreshold: 3, node: soloNode });
  });
});
