import { describe, expect, it } from "vitest";
import { applyEdits, applyEditsToTree, cibVersion, parseCibRoot, withoutStatus } from "@/lib/cib";
import { toXml } from "@/lib/pacemaker/xml";
import { parseCib } from "@/lib/pacemaker/parse-cib";
import { DEMO_CIB, edit } from "./helpers";

describe("withoutStatus / applyEditsToTree", () => {
  it("drops the status, keeps the cib attributes, and names the epoch and version", () => {
    const r = withoutStatus(DEMO_CIB);
    expect(r.epoch).toBe("0.26");
    expect(r.version).toBe("0.26.66");
    expect(r.xml).not.toContain("<status");
    expect(r.xml.startsWith('<cib dc-uuid="1"')).toBe(true);
    expect(parseCib(r.xml).configuration).toEqual(parseCib(DEMO_CIB).configuration);
  });

  it("applies the draft to the live CIB's tree: its status kept, the live tree untouched", () => {
    const draft = applyEdits(withoutStatus(DEMO_CIB).xml, [edit({ op: "resource.delete", id: "WebService3" })]).xml;
    const live = parseCibRoot(DEMO_CIB, "the live CIB");
    const before = toXml(live);
    const merged = toXml(applyEditsToTree(live, [edit({ op: "resource.delete", id: "WebService3" })]));
    const view = parseCib(merged);
    expect(view.configuration).toEqual(parseCib(draft).configuration);
    expect(view.cib.nodeStates).toEqual(parseCib(DEMO_CIB).cib.nodeStates);
    expect(view.cib.epoch).toBe(26);
    expect(toXml(live)).toBe(before);
    expect(cibVersion(live)).toEqual({ epoch: "0.26", version: "0.26.66" });
  });

  it("refuses documents that are not a CIB", () => {
    expect(() => withoutStatus("<status/>")).toThrow("expected <cib>");
    expect(() => parseCibRoot("<configuration/>", "the live CIB")).toThrow("the live CIB has root element <configuration>, expected <cib>");
  });
});
