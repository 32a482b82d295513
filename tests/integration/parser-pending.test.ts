import { describe, expect, it } from "vitest";
import { renderStatusText, type Clone, type Primitive } from "@/lib/pacemaker";
import { prim } from "../unit/pacemaker/lab";
import { cibLabs, pendingOp, same } from "./parser-lab";

/**
 * Actions in flight, as a controller records them while they run: the resource's last op rewritten
 * to op-status="-1" (PCMK_EXEC_PENDING) and rc-code="193" (PCMK_OCF_UNKNOWN). crm_simulate cannot
 * leave an action pending, so the CIB file is edited, node_state by node_state.
 */
const lab = cibLabs();

const nodeOf = (r: unknown): string | undefined => (r as Primitive | undefined)?.nodes[0]?.name;

describe("pending actions against crm_mon", () => {
  it("a clone instance starting on its own line, a stop and a start in flight with their nodes", () => {
    const l = lab(["n1", "n2", "n3", "n4"]);
    l.res(`<clone id="c1">${prim("c1p")}</clone>`);
    l.res(`<clone id="s1"><meta_attributes id="s1-meta"><nvpair id="s1-prom" name="promotable" value="true"/></meta_attributes>${prim("s1p", "ocf:pacemaker:Stateful")}</clone>`);
    l.res(prim("p1")).res(prim("p2"));
    l.settle("n1", "n2", "n3", "n4");
    const before = l.status();
    const p2node = nodeOf(before.resources.find((r) => r.id === "p2"));
    const p1node = nodeOf(before.resources.find((r) => r.id === "p1"));
    if (p2node === undefined || p1node === undefined) throw new Error("p1/p2 not running");
    const idOf = (n: string): string => before.nodes.find((x) => x.name === n)?.id ?? "";
    l.edit((x) => pendingOp(pendingOp(pendingOp(x, "4", "c1p", "start"), "4", "s1p", "start"), idOf(p2node), "p2", "stop"));
    const s = same(l);
    const c1 = s.resources.find((r) => r.id === "c1") as Clone;
    const starting = c1.children.filter((c) => c.kind === "primitive" && c.pendingTask !== null) as Primitive[];
    expect(starting.map((p) => [p.role, p.pendingTask, p.pendingNode])).toEqual([["Starting", "start", "n4"]]);
    expect(s.resources.find((r) => r.id === "p2")).toMatchObject({ role: "Stopping", pendingTask: "stop", pendingNode: p2node });
    expect(s.resources.find((r) => r.id === "p1")).toMatchObject({ pendingTask: null, pendingNode: null });
    const text = renderStatusText(s);
    expect(text).toContain("    * c1p\t(ocf:pacemaker:Dummy):\t Starting n4\n");
    expect(text).toContain("    * Started: [ n1 n2 n3 ]\n");
  });

  it("a start in flight on a node where the resource is not running (crm_mon names the pending node)", () => {
    const l = lab(["n1", "n2"]);
    l.res(prim("p1", "ocf:pacemaker:Dummy", { meta: { "target-role": "Stopped" } }));
    l.settle("n1", "n2");
    l.edit((x) => pendingOp(x, "2", "p1", "start"));
    const s = same(l);
    expect(s.resources.find((r) => r.id === "p1")).toMatchObject({ pendingTask: "start", pendingNode: "n2" });
    expect(renderStatusText(s)).toContain("Starting n2");
  });
});
