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
