import { describe, expect, it } from "vitest";
import { applyEdits, changedElements, conflictsBetween } from "@/lib/cib";
import type { CibEditInput } from "@/lib/cib/edits";
import { DEMO_CIB, edit } from "./helpers";

const after = (...edits: CibEditInput[]): string => applyEdits(DEMO_CIB, edits.map(edit)).xml;

describe("changedElements", () => {
  it("nothing changed: nothing listed (whitespace and attribute order do not count)", () => {
    expect(changedElements(DEMO_CIB, after()).size).toBe(0);
  });

  it("a changed nvpair is the nvpair's change, not its set's or primitive's", () => {
    const m = changedElements(DEMO_CIB, after({ op: "primitive.update", id: "WebService1", params: [{ name: "configfile", value: "/x" }, { name: "statusurl", value: "http://127.0.0.1/server-status" }] }));
    expect([...m.keys()]).toEqual(["WebService1-ia-configfile"]);
    expect(m.get("WebService1-ia-configfile")).toMatchObject({ change: "changed", tag: "nvpair" });
    expect(m.get("WebService1-ia-configfile")?.after).toContain('value="/x"');
  });

  it("added and removed elements; the parent whose id-bearing children changed is changed too", () => {
    const m = changedElements(DEMO_CIB, after({ op: "resource.meta", id: "WebService2", name: "is-managed", value: "false" }, { op: "constraint.delete", id: "location-WebService3-node4-100" }));
    expect(m.get("WebService2")?.change).toBe("changed");
    expect(m.get("WebService2-meta_attributes")).toMatchObject({ change: "added", tag: "meta_attributes", before: null });
    expect(m.get("WebService2-meta_attributes-is-managed")?.change).toBe("added");
    expect(m.get("location-WebService3-node4-100")).toMatchObject({ change: "removed", tag: "rsc_location", after: null });
    expect(m.get("location-WebService3-node4-100")?.before).toBe('<rsc_location id="location-WebService3-node4-100" rsc="WebService3" node="node4" score="100"/>');
  });

  it("id-less content (role refs, select elements, ops under operations) belongs to the nearest id", () => {
    const base = after({ op: "acl.role.put", id: "r1", permissions: [{ kind: "read", xpath: "/cib" }] }, { op: "acl.role.put", id: "r2", permissions: [{ kind: "read", xpath: "/cib" }] }, { op: "acl.subject.put", kind: "acl_target", id: "alice", roles: ["r1"] });
    const next = applyEdits(base, [edit({ op: "acl.subject.put", kind: "acl_target", id: "alice", roles: ["r1", "r2"] })]).xml;
    expect([...changedElements(base, next).entries()].map(([id, c]) => [id, c.change])).toEqual([["alice", "changed"]]);
  });

  it("reordering group members changes the group only", () => {
    const m = changedElements(DEMO_CIB, after({ op: "group.members", id: "balanceGroup", members: ["my_lvs", "virtual_ip"] }));
    expect([...m.keys()]).toEqual(["balanceGroup"]);
  });
});

describe("conflictsBetween", () => {
  const live = after({ op: "property.set", section: "crm_config", name: "no-quorum-policy", value: "freeze" }, { op: "resource.meta", id: "WebService1", name: "target-role", value: "Stopped" });

  it("names what both sides changed differently, with the three snippets", () => {
    const draft = after({ op: "property.set", section: "crm_config", name: "no-quorum-policy", value: "ignore" }, { op: "resource.delete", id: "WebService3" });
    const c = conflictsBetween(DEMO_CIB, live, draft);
    expect(c.map((x) => x.id)).toEqual(["cib-bootstrap-options-no-quorum-policy"]);
    expect(c[0]).toMatchObject({ tag: "nvpair" });
    expect(c[0]?.base).toContain('value="stop"');
    expect(c[0]?.live).toContain('value="freeze"');
    expect(c[0]?.draft).toContain('value="ignore"');
  });

  it("the same change on both sides is no conflict; a delete against an edit is", () => {
    expect(conflictsBetween(DEMO_CIB, live, after({ op: "property.set", section: "crm_config", name: "no-quorum-policy", value: "freeze" }))).toEqual([]);
    const c = conflictsBetween(DEMO_CIB, live, after({ op: "resource.delete", id: "WebService1" }));
    expect(c.map((x) => [x.id, x.draft === null])).toEqual([["WebService1", true]]);
    expect(conflictsBetween(DEMO_CIB, after({ op: "resource.delete", id: "WebService2" }), after({ op: "resource.delete", id: "WebService2" }))).toEqual([]);
  });

  it("unrelated changes on both sides do not conflict", () => {
    expect(conflictsBetween(DEMO_CIB, live, after({ op: "constraint.put", constraint: { kind: "rsc_location", id: "l9", rsc: "WebService2", node: "node2", score: "5" } }))).toEqual([]);
  });
});
