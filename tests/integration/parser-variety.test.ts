import { describe, expect, it } from "vitest";
import { prim, type CibLab } from "../unit/pacemaker/lab";
import { cibLabs, pendingOp } from "./parser-lab";

/**
 * A generated variety of clusters, each made real with Pacemaker's own tools: every node state
 * (online, standby, maintenance, offline, unclean, shutting down), every resource kind (primitive,
 * group, anonymous / unique / promotable clone, cloned group, bundle with guest nodes), roles,
 * actions in flight (start, stop, promote), failures of every kind (not running, error, timed out,
 * with and without an exit reason, with markup in it, failed probes, per-instance fail counts) and
 * revoked tickets. For each, `vigil status` text is compared with crm_mon's in both views; the test
 * reports the identical-text rate, and it must be 100%.
 */
const lab = cibLabs();

/** a small deterministic PRNG (mulberry32), so a failure names a cluster that can be rebuilt */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const promotable = (id: string, child: string): string =>
  `<clone id="${id}"><meta_attributes id="${id}-m"><nvpair id="${id}-p" name="promotable" value="true"/></meta_attributes>${prim(child, "ocf:pacemaker:Stateful")}</clone>`;

function build(l: CibLab, seed: number): void {
  const r = rng(seed);
  const pick = (p: number): boolean => r() < p;
  const nodes = ["n1", "n2", "n3", "n4"];
  const fencing = pick(0.4);
  if (fencing) l.prop("stonith-enabled", "true").res('<primitive id="fence1" class="stonith" type="fence_dummy"/>');
  l.res(prim("p1")).res(prim("p2", "ocf:pacemaker:Dummy", { meta: { "migration-threshold": String(1 + Math.floor(r() * 3)) } }));
  if (pick(0.7)) l.res(`<group id="g1">${prim("g1a")}${prim("g1b")}</group>`);
  l.res(`<clone id="c1">${prim("c1p")}</clone>`);
  if (pick(0.6)) l.res(promotable("s1", "s1p"));
  if (pick(0.4)) {
    l.res(`<clone id="u1"><meta_attributes id="u1-m"><nvpair id="u1-u" name="globally-unique" value="true"/><nvpair id="u1-max" name="clone-max" value="3"/></meta_attributes>${prim("u1p")}</clone>`);
  }
  if (pick(0.4)) l.res(`<clone id="cg"><group id="cgg">${prim("cga")}${prim("cgb")}</group></clone>`);
  if (pick(0.4)) {
    // a bundle node with a permanent attribute is in the nodes section (and crm_simulate brings it up)
    l.run("cibadmin", ["-C", "-o", "nodes", "-X", '<node id="b1-0" uname="b1-0" type="remote"/>']);
    l.res(`<bundle id="b1"><docker image="pcmk:b1" replicas="2"/><network control-port="3121"/>${prim("b1-app")}</bundle>`);
  }
  if (pick(0.3)) l.res(prim("off", "ocf:pacemaker:Dummy", { meta: { "target-role": "Stopped" } }));
  const ticket = pick(0.6) ? (fencing ? "fence" : "freeze") : null;
  if (ticket !== null) {
    l.con(`<rsc_ticket id="p1-t" rsc="p1" ticket="tA" loss-policy="${ticket}"/>`);
    l.run("crm_ticket", ["-t", "tA", "-g", "--force"]);
  }
  l.settle(...nodes);
  // promotion scores, as the Stateful agent would set them
  for (const [n, v] of [["n1", "10"], ["n2", "5"], ["n3", "5"], ["n4", "5"]] as const) l.run("crm_attribute", ["-N", n, "-n", "master-s1p", "-v", v, "-l", "reboot"]);
  l.settle();
  // node states
  if (pick(0.5)) l.run("crm_standby", ["-N", "n2", "-v", "on"]);
  if (pick(0.3)) l.run("crm_attribute", ["-t", "nodes", "-N", "n3", "-n", "maintenance", "-v", "true"]);
  if (pick(0.3)) l.run("crm_attribute", ["-N", "n4", "-n", "shutdown", "-v", "1700000000", "-l", "reboot"]);
  l.settle();
  // failures: a monitor, a start, probes, an instance
  const where = (id: string): string => {
    const found = JSON.stringify(l.status().resources);
    const m = new RegExp(`"id":"${id}"[^{}]*?"nodes":\\[\\{"name":"([^"]+)"`).exec(found);
    return m?.[1] ?? "n1";
  };
  const inject: string[] = [];
  if (pick(0.6)) inject.push("-i", `p1_monitor_10000@${where("p1")}=${pick(0.5) ? 7 : 1}`);
  if (pick(0.5)) inject.push("-i", `p2_start_0@${nodes[Math.floor(r() * 4)]}=1`);
  if (pick(0.4)) inject.push("-i", `c1p_monitor_10000@${nodes[Math.floor(r() * 4)]}=1`);
  if (pick(0.3)) inject.push("-i", "p2_monitor_0@n1=5");
  // a transition crm_simulate aborts (a simulated fencing that cannot complete) leaves the CIB as it was
  const tryRun = (...args: string[]): void => {
    try {
      l.simulate(...args);
    } catch (e) {
      if (!/Transition failed|invalid transition/.test((e as Error).message)) throw e;
    }
  };
  if (inject.length > 0) tryRun("-q", "true", ...inject);
  if (pick(0.5)) tryRun("-q", "true");
  // what crm_simulate cannot write: no exit reason, markup in one, a timeout, actions in flight, offline/unclean
  l.edit((x) => {
    let out = x;
    if (pick(0.5)) out = out.replace(/(<lrm_rsc_op id="p1_last_failure_0"[^>]*?) exit-reason="[^"]*"/, "$1");
    if (pick(0.5)) out = out.replace(/(<lrm_rsc_op id="p2_last_failure_0"[^>]*?)exit-reason="[^"]*"/, '$1exit-reason="port &lt;8080&gt; busy &amp; &quot;stuck&quot;"');
    if (pick(0.3)) out = out.replace(/(<lrm_rsc_op id="p2_last_failure_0"[^>]*?)op-status="0"/, '$1op-status="2"');
    for (const [rsc, task] of [["c1p", "start"], ["p1", "stop"], ["s1p", "promote"]] as const) {
      if (!pick(0.3)) continue;
      const nodeId = String(1 + Math.floor(r() * 4));
      try {
        out = pendingOp(out, nodeId, rsc, task);
      } catch {
        // no history of it on that node: nothing in flight there
      }
    }
    if (pick(0.3)) out = out.replace(/<node_state id="4"[^>]*>/, '<node_state id="4" uname="n4" in_ccm="false" crmd="offline" join="down" expected="member">');
    return out;
  });
  if (ticket !== null && pick(0.8)) l.run("crm_ticket", ["-t", "tA", "-r", "--force"]);
}

describe("a generated variety of clusters against crm_mon", () => {
  it("renders every one identically to crm_mon, in both views", { timeout: 600_000 }, () => {
    const seeds = Array.from({ length: 14 }, (_, i) => 1000 + i * 7919);
    const failed: string[] = [];
    let identical = 0;
    let compared = 0;
    const seen: string[] = [];
    const facts = new Set<string>();
    for (const seed of seeds) {
      const l = lab(["n1", "n2", "n3", "n4"]);
      build(l, seed);
      for (const inactive of [true, false]) {
        const { ours, theirs, status } = l.texts(inactive);
        if (status.nodes.some((n) => n.ticketFence !== null)) facts.add("ticketFence");
        if (status.nodes.some((n) => n.unclean)) facts.add("unclean");
        if (JSON.stringify(status.resources).includes('"ticketFreeze":"tA"')) facts.add("ticketFreeze");
        if (JSON.stringify(status.resources).includes('"pendingTask":"start"')) facts.add("pending start");
        if (JSON.stringify(status.resources).includes('"pendingTask":"stop"')) facts.add("pending stop");
        if (status.failures.some((f) => f.exitreason === null)) facts.add("no exit reason");
        if (status.failures.some((f) => f.status === "Timed Out")) facts.add("timed out");
        compared++;
        seen.push(theirs);
        if (ours === theirs) identical++;
        else failed.push(`seed ${seed} ${inactive ? "-r" : "default"}:\n--- crm_mon\n${theirs}\n--- vigil\n${ours}`);
      }
      l.dispose();
    }
    const rate = (100 * identical) / compared;
    console.log(`identical text: ${identical}/${compared} (${rate.toFixed(1)}%) over ${seeds.length} generated clusters`);
    expect(failed.join("\n\n")).toBe("");
    expect(rate).toBe(100);
    // the variety is real: crm_mon itself showed each of these somewhere
    const all = seen.join("\n");
    const missing = [
      "Active Resources:", "Full List of Resources:", ": standby", ": maintenance", "OFFLINE", "Promoted: [",
      "Unpromoted: [", "Resource Group:", "Container bundle set:", "GuestOnline:", "Stopped: [", "(disabled)",
      " Starting ", " Stopping ", "Migration Summary:", "fail-count=", "returned 'not running'", "returned 'error'",
      "could not be executed (Timed Out", "port <8080> busy & \"stuck\"", "Failed Resource Actions:",
    ].filter((w) => !all.includes(w));
    expect(missing).toEqual([]);
    console.log(`model facts seen: ${[...facts].sort().join(", ")}`);
    expect([...facts].sort()).toEqual(
      ["no exit reason", "pending start", "pending stop", "ticketFence", "ticketFreeze", "timed out", "unclean"].sort(),
    );
  });
});
