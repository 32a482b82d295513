import { describe, expect, it } from "vitest";
import { applyEdits, withConfigurationOf, withoutStatus } from "@/lib/cib";
import { parseCib } from "@/lib/pacemaker/parse-cib";
import { DEMO_CIB, edit } from "./helpers";

describe("withoutStatus / withConfigurationOf", () => {
  it("drops the status, keeps the cib attributes, and names the epoch and version", () => {
    const r = withoutStatus(DEMO_CIB);
    expect(r.epoch).toBe("0.26");
    expect(r.version).toBe("0.26.66");
    expect(r.xml).not.toContain("<status");
    expect(r.xml.startsWith('<cib dc-uuid="1"')).toBe(true);
    expect(parseCib(r.xml).configuration).toEqual(parseCib(DEMO_CIB).configuration);
  });

  it("puts the draft's configuration into the live CIB with its status", () => {
    const draft = applyEdits(withoutStatus(DEMO_CIB).xml, [edit({ op: "resource.delete", id: "WebService3" })]).xml;
    const merged = withConfigurationOf(DEMO_CIB, draft);
    const view = parseCib(merged);
    expect(view.configuration).toEqual(parseCib(draft).configuration);
    expect(view.cib.nodeStates).toEqual(parseCib(DEMO_CIB).cib.nodeStates);
    expect(view.cib.epoch).toBe(26);
  });

  it("refuses documents that are not a CIB", () => {
    expect(() => withoutStatus("<status/>")).toThrow("expected <cib>");
    expect(() => withConfigurationOf(DEMO_CIB, "<cib/>")).toThrow("the draft CIB has no <configuration>");
  });
});
