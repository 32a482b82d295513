import { describe, expect, it } from "vitest";
import { prim } from "../unit/pacemaker/lab";
import { cibLabs, same } from "./parser-lab";

/**
 * Every node and resource state crm_mon can show, made real with Pacemaker's tools on a CIB file,
 * then: our parse validates, and our text equals crm_mon's own (but the Last updated line).
 */
const lab = cibLabs();

describe("parser against crm_mon on real CIBs", () => {
  it("primitives, a group, a clone and a promotable clone with a promoted instance", () => {
    const l = lab(["n1", "n2", "n3"]);
    l.res(prim("d1")).res(`<group id="g1">${prim("g1a")}${prim("g1b")}</group>`);
    l.res(`<clone id="c1">${prim("c1p")}</clone>`);
    l.res(`<clone id="s1"><meta_attributes id="s1-meta"><nvpair id="s1-prom" name="promotable" value="true"/></meta_attributes>${prim("s1p", "ocf:pacemaker:Stateful")}</clone>`);
    l.settle("n1", "n2", "n3");
    for (const [n, v] of [["n1", "10"], ["n2", "5"], ["n3", "5"]] as const) l.run("crm_attribute", ["-N", n, "-n", "master-s1p", "-v", v, "-l", "reboot"]);
    l.settle();
    const s = same(l);
    const s1 = s.resources.find((r) => r.id === "s1");
    expect(s1?.kind === "clone" && s1.children.map((c) => c.kind === "primitive" && c.role)).toContain("Promoted");
  });

  it("standby, node maintenance, cluster maintenance and shutdown", () => {
    const l = lab(["n1", "n2", "n3", "n4"]);
    l.res(prim("d1")).res(prim("d2")).res(`<clone id="c1">${prim("c1p")}</clone>`);
    l.settle("n1", "n2", "n3", "n4");
    l.run("crm_standby", ["-N", "n2", "-v", "on"]);
    l.run("crm_attribute", ["-t", "nodes", "-N", "n3", "-n", "maintenance", "-v", "true"]);
    l.run("crm_attribute", ["-N", "n4", "-n", "shutdown", "-v", "1700000000", "-l", "reboot"]);
    l.settle();
    let s = same(l);
    expect(s.nodes.map((n) => [n.name, n.standby, n.maintenance, n.shutdown])).toEqual([
      ["n1", false, false, false], ["n2", true, false, false], ["n3", false, true, false], ["n4", false, false, true],
    ]);
    l.prop("maintenance-mode", "true");
    s = same(l);
    expect(s.warnings[0]?.code).toBe("maintenance-mode");
    l.prop("maintenance-mode", "false").prop("stop-all-resources", "true").settle();
    s = same(l);
    expect(s.warnings[0]?.code).toBe("stop-all-resources");
  });

  it("standby on-fail after a failed monitor, with exit reasons and fail counts", () => {
    const l = lab(["n1", "n2"]);
    l.res(prim("d1", "ocf:pacemaker:Dummy", { op: '<op id="d1-mon" name="monitor" interval="10s" on-fail="standby"/>' }));
    l.res(prim("d2"));
    l.settle("n1", "n2");
    const where = l.status().resources.find((r) => r.id === "d1");
    const node = where?.kind === "primitive" ? where.nodes[0]?.name : undefined;
    if (node === undefined) throw new Error("d1 not running");
    l.simulate("-q", "true", "-i", `d1_monitor_10000@${node}=1`);
    const s = same(l);
    expect(s.nodes.find((n) => n.name === node)?.standbyOnfail).toBe(true);
    expect(s.failures[0]).toMatchObject({ opKey: "d1_monitor_10000", node, exitstatus: "error", exitcode: 1 });
    const hist = s.nodeHistory?.find((h) => h.node === node)?.resources.find((r) => r.id === "d1");
    expect(hist?.failCount).toBe("1");
  });

  it("offline, unclean and pending nodes written into node_state", () => {
    const l = lab(["n1", "n2", "n3", "n4"]);
    l.res(prim("d1")).res(`<clone id="c1">${prim("c1p")}</clone>`);
    l.settle("n1", "n2", "n3", "n4");
    // with fencing enabled a member that vanished must be fenced: crm_mon calls it UNCLEAN
    l.prop("stonith-enabled", "true");
    l.edit((x) =>
      x
        .replace(/<node_state id="2"[^>]*>/, '<node_state id="2" uname="n2" in_ccm="false" crmd="offline" join="down" expected="member">')
        .replace(/<node_state id="3"[^>]*>/, '<node_state id="3" uname="n3" in_ccm="true" crmd="online" join="pending" expected="member">')
        .replace(/<node_state id="4"[^>]*>/, '<node_state id="4" uname="n4" in_ccm="false" crmd="offline" join="down" expected="down">'),
    );
    const s = same(l);
    const by = Object.fromEntries(s.nodes.map((n) => [n.name, n]));
    expect(by.n2).toMatchObject({ online: false, unclean: true });
    expect(by.n3).toMatchObject({ pending: true });
    expect(by.n4).toMatchObject({ online: false });
    expect(s.cib?.nodeStates.find((n) => n.id === "3")).toMatchObject({ join: "pending", crmd: "online" });
  });
});
