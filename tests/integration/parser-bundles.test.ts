import { describe, expect, it } from "vitest";
import { renderStatusText } from "@/lib/pacemaker";
import { prim } from "../unit/pacemaker/lab";
import { cibLabs, same } from "./parser-lab";

/** Bundles with guest nodes next to clones: which nodes a clone's "Stopped: [ … ]" names. */
const lab = cibLabs();

const bundle = (id: string, replicas: number): string =>
  `<bundle id="${id}"><docker image="pcmk:${id}" replicas="${replicas}"/>` +
  `<network control-port="3121"/>${prim(`${id}-app`)}</bundle>`;

describe("clone Stopped lists next to bundles, against crm_mon", () => {
  it("leave out the bundles' guest nodes (and keep a bundle node of the nodes section for clones configured before its bundle)", () => {
    const l = lab(["n1", "n2", "n3"]);
    // a bundle node with a permanent attribute is in the nodes section before its bundle is unpacked
    l.run("cibadmin", ["-C", "-o", "nodes", "-X", '<node id="b0-0" uname="b0-0" type="remote"/>']);
    const maxTwo = (id: string) => `<meta_attributes id="${id}-m"><nvpair id="${id}-max" name="clone-max" value="5"/></meta_attributes>`;
    l.res(`<clone id="early">${maxTwo("early")}${prim("early-p")}</clone>`);
    l.res(bundle("b0", 2));
    l.res(`<clone id="late">${maxTwo("late")}${prim("late-p")}</clone>`);
    l.settle("n1", "n2", "n3");
    const s = same(l);
    const text = renderStatusText(s, { inactive: true });
    expect(s.nodes.filter((n) => n.type === "guest").map((n) => n.name).sort()).toEqual(["b0-0", "b0-1"]);
    const section = (id: string): string => {
      const from = text.indexOf(`Clone Set: ${id} `);
      return text.slice(from, text.indexOf("\n  * ", from + 1));
    };
    // unpacked before the bundle: its nodes are still allowed, so they are listed as stopped
    expect(section("early")).toContain("Stopped: [ b0-0");
    // after it: never, though clone-max leaves room
    expect(section("late")).not.toContain("b0-");
  });
});
