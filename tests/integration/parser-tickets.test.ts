import { describe, expect, it } from "vitest";
import { prim } from "../unit/pacemaker/lab";
import { cibLabs, same } from "./parser-lab";

/**
 * Tickets revoked under loss-policy=fence and =freeze. crm_mon's XML (which unpacks constraints
 * because it shows tickets) marks the nodes running the resource unclean and the frozen resource
 * blocked; its text (`-1 -A -f`, no constraints unpacked) shows them online and started. The model
 * keeps the state — online, clean, managed — and names what the lost ticket will do
 * (Node.ticketFence, Primitive.ticketFreeze, warning ticket-fence): see parse-crm-mon-tickets.ts.
 */
const lab = cibLabs();

describe("revoked tickets against crm_mon", () => {
  it("loss-policy=fence: the node is online (not UNCLEAN) and will be fenced; loss-policy=freeze: started, not blocked", () => {
    const l = lab(["n1", "n2"]);
    l.prop("stonith-enabled", "true");
    l.res('<primitive id="fence1" class="stonith" type="fence_dummy"/>');
    l.res(prim("p1")).res(`<group id="g2">${prim("p2a")}${prim("p2b")}</group>`);
    l.con('<rsc_ticket id="p1-dep-tA" rsc="p1" ticket="tA" loss-policy="fence"/>');
    l.con('<rsc_ticket id="g2-dep-tB" rsc="g2" rsc-role="Started" ticket="tB" loss-policy="freeze"/>');
    l.run("crm_ticket", ["-t", "tA", "-g", "--force"]);
    l.run("crm_ticket", ["-t", "tB", "-g", "--force"]);
    l.settle("n1", "n2");
    const before = l.status();
    const p1 = before.resources.find((r) => r.id === "p1");
    const p1node = p1?.kind === "primitive" ? p1.nodes[0]?.name : undefined;
    if (p1node === undefined) throw new Error("p1 did not start");
    l.run("crm_ticket", ["-t", "tA", "-r", "--force"]);
    l.run("crm_ticket", ["-t", "tB", "-r", "--force"]);
    // crm_mon's XML says otherwise: prove the difference is real
    expect(l.crmMonXml()).toMatch(new RegExp(`<node name="${p1node}"[^>]* unclean="true"`));
    const s = same(l);
    const node = s.nodes.find((n) => n.name === p1node);
    expect(node).toMatchObject({ online: true, unclean: false, ticketFence: "tA" });
    expect(s.warnings.map((w) => w.code)).toContain("ticket-fence");
    expect(s.warnings.map((w) => w.code)).not.toContain("node-unclean");
    const g2 = s.resources.find((r) => r.id === "g2");
    expect(g2?.kind === "group" && g2.children.map((c) => [c.blocked, c.managed, c.ticketFreeze])).toEqual([
      [false, true, "tB"],
      [false, true, "tB"],
    ]);
  });
});
