import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConstraintInputSchema } from "@/lib/cib/edits";
import type { Configuration } from "@/lib/pacemaker";
import { parseCib } from "@/lib/pacemaker/parse-cib";
import { resourceEntries, suggestId, takenIds, toInput } from "@/components/graph/constraint-input";

const demo = (): Configuration => parseCib(readFileSync("tests/fixtures/demo/cib.xml", "utf8")).configuration;

describe("toInput", () => {
  it("turns every demo constraint into an input the edit schema accepts", () => {
    for (const c of demo().constraints) {
      const { input, unsupported } = toInput(c);
      expect(unsupported, c.id).toBe(null);
      const parsed = ConstraintInputSchema.safeParse(input);
      expect(parsed.success, `${c.id}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it("keeps what the form edits", () => {
    const cs = new Map(demo().constraints.map((c) => [c.id, c]));
    expect(toInput(cs.get("location-WebService1-node2-100")!).input).toEqual({ kind: "rsc_location", id: "location-WebService1-node2-100", rsc: "WebService1", node: "node2", score: "100" });
    expect(toInput(cs.get("order-ping-clone-balanceGroup-mandatory")!).input).toEqual({
      kind: "rsc_order",
      id: "order-ping-clone-balanceGroup-mandatory",
      first: "ping-clone",
      then: "balanceGroup",
      firstAction: "start",
      thenAction: "start",
      orderKind: "Mandatory",
    });
    expect(toInput(cs.get("location-balanceGroup-pingd")!).input).toEqual({
      kind: "rsc_location",
      id: "location-balanceGroup-pingd",
      rsc: "balanceGroup",
      rules: [
        {
          score: "-INFINITY",
          booleanOp: "or",
          expressions: [
            { kind: "expression", attribute: "pingd", operation: "not_defined" },
            { kind: "expression", attribute: "pingd", operation: "lte", value: "0", type: "number" },
          ],
        },
      ],
    });
  });

  it("says why it cannot edit a nested rule, and reads date specs and sets", () => {
    const base = demo().constraints.find((c) => c.id === "location-balanceGroup-pingd")!;
    if (base.kind !== "rsc_location") throw new Error("fixture");
    const nested = { ...base, rules: [{ ...base.rules[0]!, expressions: [base.rules[0]!] }] };
    const r = toInput(nested);
    expect(r.input).toBe(null);
    expect(r.unsupported).toContain("nested rule");

    const dated = {
      ...base,
      rules: [
        {
          ...base.rules[0]!,
          booleanOp: null,
          expressions: [{ kind: "date_expression" as const, id: "d", operation: "date_spec", start: null, end: null, dateSpec: { id: "ds", attrs: { hours: "9-16", weekdays: "1-5", bogus: "x" } }, duration: null, extraAttrs: {} }],
        },
      ],
    };
    expect(toInput(dated).input).toMatchObject({ rules: [{ expressions: [{ kind: "date_expression", operation: "date_spec", spec: { hours: "9-16", weekdays: "1-5" } }] }] });
    expect(ConstraintInputSchema.safeParse(toInput(dated).input).success).toBe(true);

    const set = { id: "s", idRef: null, sequential: "false", requireAll: "false", ordering: null, action: "start", role: null, score: null, kind: null, resources: ["a", "b"], extraAttrs: {}, unknown: [] };
    const order = {
      kind: "rsc_order" as const,
      id: "o",
      first: null,
      then: null,
      firstAction: null,
      thenAction: null,
      orderKind: null,
      score: "0",
      symmetrical: "false",
      requireAll: null,
      resourceSets: [set, { ...set, resources: ["c"], sequential: null, requireAll: null }],
      extraAttrs: {},
      unknown: [],
    };
    expect(toInput(order).input).toEqual({
      kind: "rsc_order",
      id: "o",
      sets: [{ resources: ["a", "b"], sequential: false, requireAll: false, action: "start" }, { resources: ["c"], action: "start" }],
      orderKind: "Optional",
      symmetrical: false,
    });
    expect(toInput({ ...order, resourceSets: [{ ...set, idRef: "other" }] }).unsupported).toContain("id-ref");
  });
});

describe("ids and resources", () => {
  it("lists resources containers first, with their parents", () => {
    const e = resourceEntries(demo());
    expect(e.find((r) => r.id === "my_lvs")).toEqual({ id: "my_lvs", kind: "primitive", parent: "balanceGroup" });
    expect(e.findIndex((r) => r.id === "pgsql-clone")).toBeLessThan(e.findIndex((r) => r.id === "pgsql"));
  });

  it("suggests pcs-style ids that are valid and free", () => {
    const taken = takenIds(demo());
    expect(suggestId("location", ["WebService1", "node2", "100"], taken)).toBe("location-WebService1-node2-100-1");
    expect(suggestId("colocation", ["a", "b", "-INFINITY"], taken)).toBe("colocation-a-b--INFINITY");
    expect(suggestId("order", ["a b", "c"], new Set())).toBe("order-a_b-c");
    expect(suggestId("", ["1x"], new Set())).toMatch(/^[A-Za-z_]/);
  });
});
