import { describe, expect, it } from "vitest";
import { describeReferences, referencesTo } from "@/lib/cib";
import { apply } from "./helpers";

describe("referencesTo", () => {
  const { config } = apply(
    { op: "tag.put", id: "t", refs: ["ping-clone", "WebService1"] },
    { op: "constraint.put", constraint: { kind: "rsc_order", id: "o-set", sets: [{ resources: ["WebService1", "ping-clone"] }] } },
    { op: "fencing.level.put", id: "fl", index: 1, target: "node2", devices: ["my_ping_fence_device"] },
    { op: "acl.role.put", id: "r", permissions: [{ kind: "deny", reference: "ping-clone" }] },
    { op: "acl.subject.put", kind: "acl_target", id: "alice", roles: ["r"] },
  );

  it("finds constraints by field and set, tags and ACL permissions", () => {
    expect(referencesTo(config, "ping-clone")).toEqual([
      { kind: "constraint", id: "colocation-balanceGroup-ping-clone-INFINITY", tag: "rsc_colocation", field: "with-rsc", detail: null },
      { kind: "constraint", id: "order-ping-clone-balanceGroup-mandatory", tag: "rsc_order", field: "first", detail: null },
      { kind: "constraint", id: "o-set", tag: "rsc_order", field: "resource_set", detail: "o-set-set" },
      { kind: "tag", id: "t", tag: "tag", field: "obj_ref", detail: null },
      { kind: "acl-permission", id: "r", tag: "acl_role", field: "reference", detail: "r-deny" },
    ]);
  });

  it("finds group and clone membership, fencing levels and role holders", () => {
    expect(referencesTo(config, "virtual_ip")).toEqual([{ kind: "group", id: "balanceGroup", tag: "group", field: "member", detail: null }]);
    expect(referencesTo(config, "ping")).toEqual([{ kind: "clone", id: "ping-clone", tag: "clone", field: "child", detail: null }]);
    expect(referencesTo(config, "my_ping_fence_device")).toEqual([{ kind: "fencing-level", id: "fl", tag: "fencing-level", field: "devices", detail: null }]);
    expect(referencesTo(config, "r")).toEqual([{ kind: "acl-role", id: "alice", tag: "acl_target", field: "role", detail: null }]);
    expect(referencesTo(config, "nothing")).toEqual([]);
  });

  it("summarizes them for a confirmation", () => {
    expect(describeReferences(referencesTo(config, "ping-clone"))).toBe(
      "3 constraints (colocation-balanceGroup-ping-clone-INFINITY, order-ping-clone-balanceGroup-mandatory, o-set), 1 tag (t), 1 ACL role (r)",
    );
  });
});
