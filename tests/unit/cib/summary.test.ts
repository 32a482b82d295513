import { describe, expect, it } from "vitest";
import { describeEdit } from "@/lib/cib";
import type { CibEditInput } from "@/lib/cib/edits";
import { edit } from "./helpers";
import { SCENARIOS } from "./scenarios";

const line = (e: CibEditInput): string => describeEdit(edit(e));

describe("describeEdit", () => {
  it("reads like what an admin would say", () => {
    expect(line({ op: "primitive.create", id: "web_ip", agent: { class: "ocf", provider: "heartbeat", type: "IPaddr2" } })).toBe("add primitive web_ip (ocf:heartbeat:IPaddr2)");
    expect(line({ op: "primitive.create", id: "f", agent: { class: "stonith", type: "fence_ipmilan" }, group: undefined })).toBe("add fencing device f (stonith:fence_ipmilan)");
    expect(line({ op: "constraint.put", constraint: { kind: "rsc_colocation", id: "c", rsc: "web_ip", withRsc: "balanceGroup", score: "INFINITY" } })).toBe("colocation web_ip with balanceGroup INFINITY");
    expect(line({ op: "constraint.put", constraint: { kind: "rsc_order", id: "o", first: "WebService1", then: "virtual_ip" } })).toBe("order first WebService1 then virtual_ip (Mandatory)");
    expect(line({ op: "constraint.put", constraint: { kind: "rsc_location", id: "l", rsc: "web_ip", node: "node2", score: "100" } })).toBe("location web_ip prefers node2 (100)");
    expect(line({ op: "constraint.put", constraint: { kind: "rsc_location", id: "l", rsc: "web_ip", node: "node3", score: "-inf" } })).toBe("location web_ip avoids node3 (-INFINITY)");
    expect(line({ op: "constraint.put", constraint: { kind: "rsc_location", id: "l", rsc: "g", rules: [{ score: "-INFINITY", booleanOp: "or", expressions: [{ kind: "expression", attribute: "pingd", operation: "not_defined" }, { kind: "expression", attribute: "pingd", operation: "lte", value: "0" }] }] } })).toBe(
      "location g: -INFINITY if pingd not_defined or pingd lte 0",
    );
    expect(line({ op: "resource.delete", id: "X" })).toBe("delete resource X and its constraints");
    expect(line({ op: "property.set", section: "crm_config", name: "no-quorum-policy", value: "freeze" })).toBe("set cluster property no-quorum-policy=freeze");
    expect(line({ op: "property.set", section: "rsc_defaults", name: "resource-stickiness", value: null })).toBe("remove rsc_defaults resource-stickiness");
    expect(line({ op: "group.create", id: "balanceGroup", members: ["virtual_ip", "my_lvs"] })).toBe("group balanceGroup: virtual_ip, my_lvs");
    expect(line({ op: "clone.create", id: "c", rsc: "pgsql", promotable: true })).toBe("clone pgsql as c (promotable)");
    expect(line({ op: "fencing.level.put", id: "f", index: 1, target: "node2", devices: ["a", "b"] })).toBe("fencing level 1 for node2: a, b");
    expect(line({ op: "node.attribute", node: "node2", set: "instance_attributes", name: "site", value: "east" })).toBe("set node node2 attribute site=east");
  });

  it("has a line for every edit of every scenario", () => {
    for (const s of SCENARIOS) for (const e of s.edits) expect(line(e)).toMatch(/^[A-Za-z]\S* .+/);
  });
});
