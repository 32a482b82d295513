// crm_verify's words, as Pacemaker 2.1.5 prints them (captured from real runs on the demo CIB),
// turned into findings tied to the draft's elements.
import { describe, expect, it } from "vitest";
import { parseVerify } from "@/agent/verify";

const lines = (n: number, at: Record<number, { tag: string; id: string | null }>) =>
  Array.from({ length: n }, (_, i) => at[i + 1] ?? { tag: "x", id: null });

describe("parseVerify", () => {
  it("ties a schema error to the element on the line it names, once", () => {
    const text = [
      'draft.xml:120: element rsc_colocation: validity error : IDREF attribute rsc references an unknown ID "nosuch"',
      'draft.xml:120: element rsc_colocation: validity error : IDREF attribute rsc references an unknown ID "nosuch"',
      "(main) \terror: CIB did not pass schema validation",
      "crm_verify: Errors found during check: config not valid",
    ].join("\n");
    const f = parseVerify(text, lines(130, { 120: { tag: "rsc_colocation", id: "bad" } }), new Set(["bad", "virtual_ip"]));
    expect(f).toEqual([{ severity: "error", message: 'rsc_colocation bad: IDREF attribute rsc references an unknown ID "nosuch"', ids: ["bad"] }]);
  });

  it("reads Relax-NG errors and the scheduler's leveled lines, naming the ids they mention", () => {
    const text = [
      "draft.xml:107: element primitive: Relax-NG validity error : Invalid attribute bogus for element primitive",
      "(cluster_option_value) \terror: Using default value for cluster option 'no-quorum-policy' because 'bogus' is invalid",
      "(unpack_resources) \terror: Resource start-up disabled since no STONITH resources have been defined",
      "warning: Resource web_ip will not be able to run on node3",
      "-V may provide more details",
    ].join("\n");
    const f = parseVerify(text, lines(110, { 107: { tag: "primitive", id: "x2" } }), new Set(["x2", "web_ip", "node3"]));
    expect(f).toEqual([
      { severity: "error", message: "primitive x2: Invalid attribute bogus for element primitive", ids: ["x2"] },
      { severity: "error", message: "Using default value for cluster option 'no-quorum-policy' because 'bogus' is invalid", ids: [] },
      { severity: "error", message: "Resource start-up disabled since no STONITH resources have been defined", ids: [] },
      { severity: "warning", message: "Resource web_ip will not be able to run on node3", ids: ["web_ip", "node3"] },
    ]);
  });

  it("finds nothing in a clean run", () => {
    expect(parseVerify("", [], new Set())).toEqual([]);
  });
});
