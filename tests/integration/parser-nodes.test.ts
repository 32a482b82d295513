import { afterEach, describe, expect, it } from "vitest";
import { ClusterStatusSchema } from "@/lib/pacemaker";
import { CibLab, prim } from "../unit/pacemaker/lab";
import { requirePacemaker } from "./parser-lab";

requirePacemaker();

/** Node health, a typed remote node, unclean nodes still holding resources, a cloned group half failed. */
const labs: CibLab[] = [];
afterEach(() => labs.splice(0).forEach((l) => l.dispose()));

describe("node states against crm_mon on real CIBs", () => {
  it("health red, a failed member of a cloned group, then unclean nodes and a remote node", () => {
    const l = new CibLab(["n1", "n2", "n3"]);
    labs.push(l);
    l.prop("stonith-enabled", "true").prop("node-health-strategy", "migrate-on-red");
    l.res('<primitive id="fence" class="stonith" type="fence_dummy"/>');
    l.res(`<clone id="cgx"><group id="cgxg">${prim("cga")}${prim("cgb")}</group></clone>`);
    l.res(prim("rem", "ocf:pacemaker:remote")).res(prim("px"));
    l.settle("n1", "n2", "n3", "rem");
    l.run("crm_attribute", ["-N", "n3", "-n", "#health-cpu", "-v", "red", "-l", "reboot"]);
    l.simulate("-q", "true", "-i", "cgb_monitor_10000@n2=7");
    const check = () => {
      const { ours, theirs, status } = l.texts();
      expect(ours).toBe(theirs);
      expect(() => ClusterStatusSchema.parse(status)).not.toThrow();
      return status;
    };
    let s = check();
    expect(s.nodes.find((n) => n.name === "n3")?.health).toBe("red");
    // a remote node declared as such, and n2 lost without being fenced
    l.edit((x) =>
      x
        .replace('<node id="rem" uname="rem"/>', '<node id="rem" uname="rem" type="remote"/>')
        .replace(/<node_state id="2" uname="n2" in_ccm="true" crmd="online" join="member" expected="member"/, '<node_state id="2" uname="n2" in_ccm="false" crmd="offline" join="down" expected="member"'),
    );
    s = check();
    expect(s.nodes.find((n) => n.name === "n2")).toMatchObject({ unclean: true, online: false });
    expect(s.nodes.find((n) => n.name === "rem")).toMatchObject({ crmMonType: "remote", type: "remote" });
  });
});
