import { describe, expect, it } from "vitest";
import { applyEdit, applyEdits, CibEditError } from "@/lib/cib";
import type { CibEdit } from "@/lib/cib/edits";
import { parseCib } from "@/lib/pacemaker/parse-cib";
import { parseXml, toXml } from "@/lib/pacemaker/xml";
import { DEMO_CIB, edit } from "./helpers";
import { SCENARIOS } from "./scenarios";

describe("applyEdits over every scenario", () => {
  for (const s of SCENARIOS) {
    it(`${s.name}: parses, changes the configuration, is deterministic`, () => {
      const edits = s.edits.map(edit);
      const a = applyEdits(DEMO_CIB, edits, { checkIds: true });
      const b = applyEdits(DEMO_CIB, edits);
      expect(a.xml).toBe(b.xml);
      expect(toXml(a.tree)).toBe(a.xml);
      const cfg = parseCib(a.xml).configuration;
      expect(cfg).not.toEqual(parseCib(DEMO_CIB).configuration);
      // ids stay unique
      const ids: string[] = [];
      const walk = (n: ReturnType<typeof parseXml>): void => {
        for (const c of n.children) {
          if (c.attrs.id !== undefined && !["resource_ref", "obj_ref", "role"].includes(c.tag) && c.tag !== "status") ids.push(c.attrs.id);
          if (c.tag !== "status") walk(c);
        }
      };
      walk(a.tree);
      expect(new Set(ids).size).toBe(ids.length);
    });
  }
});

describe("applyEdit", () => {
  it("never mutates its input and shares the status section", () => {
    const cib = parseXml(DEMO_CIB, "demo");
    const snapshot = toXml(cib);
    for (const s of SCENARIOS) {
      let t = cib;
      for (const e of s.edits) t = applyEdit(t, edit(e));
      expect(toXml(t)).toBe(applyEdits(DEMO_CIB, s.edits.map(edit)).xml);
    }
    expect(toXml(cib)).toBe(snapshot);
    const next = applyEdit(cib, edit({ op: "resource.delete", id: "WebService1" }));
    expect(next.children.find((c) => c.tag === "status")).toBe(cib.children.find((c) => c.tag === "status"));
    expect(next.children.find((c) => c.tag === "configuration")).not.toBe(cib.children.find((c) => c.tag === "configuration"));
  });

  it("a failing edit leaves the input as it was", () => {
    const cib = parseXml(DEMO_CIB, "demo");
    const snapshot = toXml(cib);
    expect(() => applyEdit(cib, edit({ op: "group.members", id: "balanceGroup", members: ["WebService1", "virtual_ip", "ghost"] }))).toThrow("no resource named ghost");
    expect(toXml(cib)).toBe(snapshot);
  });
});

describe("errors", () => {
  it("carry the index of the edit that failed and the element it is about", () => {
    try {
      applyEdits(DEMO_CIB, [edit({ op: "resource.meta", id: "WebService1", name: "a", value: "1" }), edit({ op: "resource.delete", id: "ghost" })]);
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(CibEditError);
      expect(e).toMatchObject({ message: "no resource named ghost", index: 1, elementId: "ghost" });
    }
  });

  it("a malformed edit (a stored draft is checked again) is a CibEditError", () => {
    const bad = { op: "constraint.put", constraint: { kind: "rsc_location", id: "l", rsc: "WebService1", node: "node2" } } as unknown as CibEdit;
    expect(() => applyEdits(DEMO_CIB, [bad])).toThrow(CibEditError);
    const unknown = { op: "resource.explode", id: "x" } as unknown as CibEdit;
    try {
      applyEdits(DEMO_CIB, [edit({ op: "tag.put", id: "t", refs: ["WebService1"] }), unknown]);
    } catch (e) {
      expect(e).toMatchObject({ name: "CibEditError", index: 1 });
    }
    expect.assertions(2);
  });

  it("a CIB without a configuration, or not a CIB, is refused clearly", () => {
    expect(() => applyEdits("<cib/>", [edit({ op: "tag.delete", id: "x" })])).toThrow("the CIB has no <configuration> section");
    expect(() => applyEdits("<status/>", [edit({ op: "tag.delete", id: "x" })])).toThrow("the document's root is <status>, not <cib>");
    expect(() => applyEdits("<cib><configuration>", [])).toThrow(/CIB XML/);
  });

  it("a CIB without status works and gets none", () => {
    const noStatus = toXml({ ...parseXml(DEMO_CIB, "demo"), children: parseXml(DEMO_CIB, "demo").children.filter((c) => c.tag !== "status") });
    const { xml } = applyEdits(noStatus, [edit({ op: "resource.delete", id: "WebService1" })]);
    expect(xml).not.toContain("<status");
    expect(parseCib(xml).configuration.resources.map((r) => r.id)).not.toContain("WebService1");
  });
});
