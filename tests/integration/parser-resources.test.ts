import { describe, expect, it } from "vitest";
import { prim } from "../unit/pacemaker/lab";
import { cibLabs, same } from "./parser-lab";

/** Resource shapes and flags: remote, guest and bundle nodes; orphans; disabled, unmanaged, blocked... */
const lab = cibLabs();
const meta = (id: string, kv: Record<string, string>) =>
  `<meta_attributes id="${id}-meta">${Object.entries(kv).map(([k, v]) => `<nvpair id="${id}-m-${k}" name="${k}" value="${v}"/>`).join("")}</meta_attributes>`;

describe("resources against crm_mon on real CIBs", () => {
  it("a remote node and a guest node", () => {
    const l = lab(["n1", "n2"]);
    l.res(prim("remote1", "ocf:pacemaker:remote"));
    l.res(prim("vm1", "ocf:pacemaker:Dummy", { meta: { "remote-node": "guest1" } }));
    l.res(`<clone id="c1">${prim("c1p")}</clone>`);
    l.settle("n1", "n2", "remote1");
    l.settle();
    const s = same(l);
    const by = Object.fromEntries(s.nodes.map((n) => [n.name, n]));
    expect(by.remote1?.type).toBe("remote");
    expect(by.guest1).toMatchObject({ type: "guest", idAsResource: "vm1" });
  });

  it("a docker bundle with replicas", () => {
    const l = lab(["n1", "n2", "n3"]);
    l.res(
      '<bundle id="web"><docker image="nginx:latest" replicas="3" replicas-per-host="1"/><network ip-range-start="192.0.2.50" control-port="3121"><port-mapping id="web-port" port="80"/></network><storage><storage-mapping id="web-root" source-dir="/srv/www" target-dir="/usr/share/nginx/html" options="ro"/></storage><primitive id="web-httpd" class="ocf" provider="heartbeat" type="apache"/></bundle>',
    );
    l.settle("n1", "n2", "n3");
    const s = same(l);
    const b = s.resources.find((r) => r.kind === "bundle");
    expect(b).toMatchObject({ id: "web", type: "docker", image: "nginx:latest" });
    if (b?.kind === "bundle") expect(b.replicas.length).toBe(3);
    const cfg = s.configuration?.resources.find((r) => r.kind === "bundle");
    expect(cfg).toMatchObject({ runtime: "docker", storage: [{ id: "web-root", "source-dir": "/srv/www", "target-dir": "/usr/share/nginx/html", options: "ro" }] });
  });

  it("disabled, unmanaged and blocked resources, groups and clones", () => {
    const l = lab(["n1", "n2", "n3"]);
    l.res(prim("d1", "ocf:pacemaker:Dummy", { meta: { "target-role": "Stopped" } }));
    l.res(prim("d2", "ocf:pacemaker:Dummy", { meta: { "is-managed": "false" } }));
    l.res(`<group id="g1">${meta("g1", { "target-role": "Stopped", "is-managed": "false" })}${prim("g1a")}${prim("g1b")}</group>`);
    l.res(`<group id="g2">${meta("g2", { maintenance: "true" })}${prim("g2a")}</group>`);
    l.res(`<clone id="c1">${meta("c1", { "target-role": "Stopped" })}${prim("c1p")}</clone>`);
    l.res(`<clone id="c2">${meta("c2", { "is-managed": "false" })}${prim("c2p")}</clone>`);
    l.res(`<clone id="c4">${meta("c4", { "is-managed": "false", "target-role": "Stopped", promotable: "true", "globally-unique": "true" })}${prim("c4p", "ocf:pacemaker:Stateful")}</clone>`);
    l.res(`<clone id="c3">${meta("c3", { "clone-max": "2" })}${prim("c3p")}</clone>`);
    l.res(`<clone id="u1">${meta("u1", { "globally-unique": "true", "clone-max": "4", "clone-node-max": "2" })}${prim("u1p")}</clone>`);
    l.res(`<clone id="s1">${meta("s1", { promotable: "true", "target-role": "Unpromoted" })}${prim("s1p", "ocf:pacemaker:Stateful")}</clone>`);
    l.res(`<clone id="cg">${`<group id="cgg">${prim("cga")}${prim("cgb")}</group>`}</clone>`);
    l.res(prim("f1", "ocf:pacemaker:Dummy", { op: '<op id="f1-mon" name="monitor" interval="10s" on-fail="ignore"/>' }));
    l.res(prim("b1", "ocf:pacemaker:Dummy", { op: '<op id="b1-mon" name="monitor" interval="10s" on-fail="block"/>' }));
    l.settle("n1", "n2", "n3");
    // a monitor failure everywhere makes b1 (on-fail=block) multi-active, FAILED and blocked
    l.simulate("-q", "true", "-i", "f1_monitor_10000@n1=1", ...["n1", "n2", "n3"].flatMap((n) => ["-i", `b1_monitor_10000@${n}=1`]));
    const s = same(l);
    expect(s.summary.resourcesDisabled).toBeGreaterThan(0);
    expect(s.resources.find((r) => r.id === "f1")).toMatchObject({ failureIgnored: true });
    expect(s.resources.find((r) => r.id === "b1")).toMatchObject({ failed: true, blocked: true, nodesRunningOn: 3 });
    expect(s.failures.filter((f) => f.opKey === "b1_monitor_10000").length).toBe(3);
  });

  it("an orphaned resource still running after its configuration is deleted", () => {
    const l = lab(["n1", "n2"]);
    l.res(prim("keep")).res(prim("gone"));
    l.settle("n1", "n2");
    l.run("cibadmin", ["-D", "-o", "resources", "-X", '<primitive id="gone"/>']);
    const s = same(l);
    expect(s.resources.find((r) => r.id === "gone")).toMatchObject({ orphaned: true });
  });

  it("no DC, no quorum, an empty cluster, an asymmetric cluster", () => {
    const l = lab(["n1", "n2"], { dc: false });
    same(l);
    l.res(`<clone id="c1">${prim("c1p")}</clone>`).res(prim("d1"));
    l.prop("symmetric-cluster", "false");
    l.con('<rsc_location id="loc-c1" rsc="c1" node="n1" score="100"/>');
    l.settle("n1", "n2");
    let s = same(l);
    expect(s.summary.dc).toBeNull();
    l.edit((x) => x.replace("<cib ", '<cib dc-uuid="1" ').replace(/have-quorum="[^"]*"/, 'have-quorum="0"'));
    s = same(l);
    expect(s.summary.dc?.withQuorum).toBe(false);
  });
});
