import { describe, expect, it } from "vitest";
import { apply, failure } from "./helpers";

const find = (c: ReturnType<typeof apply>["config"], id: string) => c.constraints.find((x) => x.id === id);

describe("constraint.put", () => {
  it("writes a location with node and score; inf forms become INFINITY", () => {
    const { config, xml } = apply({ op: "constraint.put", constraint: { kind: "rsc_location", id: "l1", rsc: "WebService1", node: "node3", score: "-inf", role: "Started" } });
    expect(find(config, "l1")).toMatchObject({ kind: "rsc_location", rsc: "WebService1", node: "node3", score: "-INFINITY", role: "Started" });
    expect(xml).toContain('<rsc_location id="l1" rsc="WebService1" role="Started" node="node3" score="-INFINITY"/>');
  });

  it("writes location rules with expressions, date specs and durations", () => {
    const { config, xml } = apply({
      op: "constraint.put",
      constraint: {
        kind: "rsc_location", id: "l2", rscPattern: "^WebService", resourceDiscovery: "never",
        rules: [
          { score: "100", booleanOp: "and", role: "Started", expressions: [{ kind: "expression", attribute: "#uname", operation: "eq", value: "node2", type: "string" }, { kind: "date_expression", operation: "date_spec", spec: { hours: "9-16", weekdays: "1-5" } }] },
          { scoreAttribute: "pingd", expressions: [{ kind: "date_expression", operation: "in_range", start: "2026-01-01", duration: { days: "7" } }] },
        ],
      },
    });
    const l = find(config, "l2");
    if (l?.kind !== "rsc_location") throw new Error("no location");
    expect(l).toMatchObject({ rsc: null, rscPattern: "^WebService", resourceDiscovery: "never" });
    expect(l.rules.map((r) => [r.id, r.score, r.scoreAttribute, r.booleanOp, r.role])).toEqual([
      ["l2-rule", "100", null, "and", "Started"],
      ["l2-rule-1", null, "pingd", null, null],
    ]);
    expect(l.rules[0]?.expressions[0]).toMatchObject({ kind: "expression", id: "l2-rule-expr", attribute: "#uname", operation: "eq", value: "node2", type: "string" });
    expect(l.rules[0]?.expressions[1]).toMatchObject({ kind: "date_expression", id: "l2-rule-expr-1", operation: "date_spec", dateSpec: { id: "l2-rule-expr-1-date_spec", attrs: { hours: "9-16", weekdays: "1-5" } } });
    expect(l.rules[1]?.expressions[0]).toMatchObject({ kind: "date_expression", operation: "in_range", start: "2026-01-01", duration: { attrs: { days: "7" } } });
    expect(xml).toContain('<date_spec id="l2-rule-expr-1-date_spec" hours="9-16" weekdays="1-5"/>');
  });

  it("writes colocations and orders, with and without sets; booleans as true/false", () => {
    const { config, xml } = apply(
      { op: "constraint.put", constraint: { kind: "rsc_colocation", id: "c1", rsc: "WebService1", withRsc: "balanceGroup", score: "INFINITY", withRscRole: "Started", nodeAttribute: "site", influence: false } },
      { op: "constraint.put", constraint: { kind: "rsc_order", id: "o1", first: "WebService1", then: "virtual_ip", firstAction: "start", thenAction: "start", orderKind: "Serialize", symmetrical: false } },
      { op: "constraint.put", constraint: { kind: "rsc_colocation", id: "c2", score: "-100", sets: [{ resources: ["WebService1", "WebService2"], sequential: false, role: "Started" }, { resources: ["WebService3"] }] } },
      { op: "constraint.put", constraint: { kind: "rsc_order", id: "o2", orderKind: "Optional", sets: [{ resources: ["WebService1"], requireAll: false, action: "stop" }, { resources: ["WebService2"] }] } },
      { op: "constraint.put", constraint: { kind: "rsc_ticket", id: "t1", ticket: "ticketA", rsc: "pgsql-clone", rscRole: "Promoted", lossPolicy: "demote" } },
      { op: "constraint.put", constraint: { kind: "rsc_ticket", id: "t2", ticket: "ticketB", sets: [{ resources: ["WebService1"] }] } },
    );
    expect(find(config, "c1")).toMatchObject({ rsc: "WebService1", withRsc: "balanceGroup", score: "INFINITY", withRscRole: "Started", nodeAttribute: "site", influence: "false" });
    expect(find(config, "o1")).toMatchObject({ first: "WebService1", then: "virtual_ip", orderKind: "Serialize", symmetrical: "false" });
    expect(find(config, "c2")?.resourceSets.map((s) => [s.id, s.sequential, s.role, s.resources])).toEqual([
      ["c2-set", "false", "Started", ["WebService1", "WebService2"]],
      ["c2-set-1", null, null, ["WebService3"]],
    ]);
    expect(find(config, "o2")?.resourceSets[0]).toMatchObject({ requireAll: "false", action: "stop" });
    expect(find(config, "t1")).toMatchObject({ kind: "rsc_ticket", ticket: "ticketA", rsc: "pgsql-clone", rscRole: "Promoted", lossPolicy: "demote" });
    expect(find(config, "t2")?.resourceSets[0]?.resources).toEqual(["WebService1"]);
    expect(xml).toContain('<resource_set id="c2-set" sequential="false" role="Started"><resource_ref id="WebService1"/><resource_ref id="WebService2"/></resource_set>');
  });

  it("replaces a constraint of the same id where it stands", () => {
    const { config } = apply({ op: "constraint.put", constraint: { kind: "rsc_location", id: "location-WebService2-node3-100", rsc: "WebService2", node: "node4", score: "50" } });
    expect(config.constraints[1]).toMatchObject({ id: "location-WebService2-node3-100", node: "node4", score: "50" });
    expect(config.constraints).toHaveLength(6);
    const rules = apply({
      op: "constraint.put",
      constraint: { kind: "rsc_location", id: "location-balanceGroup-pingd", rsc: "balanceGroup", rules: [{ score: "-INFINITY", expressions: [{ kind: "expression", attribute: "pingd", operation: "not_defined" }] }] },
    }).config;
    const l = find(rules, "location-balanceGroup-pingd");
    expect(l?.kind === "rsc_location" && l.rules.map((r) => r.id)).toEqual(["location-balanceGroup-pingd-rule"]);
  });

  it("refuses missing resources, an id used by something else and bad expressions", () => {
    expect(failure({ op: "constraint.put", constraint: { kind: "rsc_location", id: "l", rsc: "ghost", node: "node2", score: "1" } })).toBe(
      "constraint l names ghost, but there is no resource named ghost",
    );
    expect(failure({ op: "constraint.put", constraint: { kind: "rsc_order", id: "o", sets: [{ resources: ["WebService1", "ghost"] }] } })).toMatch(/no resource named ghost/);
    expect(failure({ op: "constraint.put", constraint: { kind: "rsc_location", id: "WebService1", rsc: "WebService2", node: "node2", score: "1" } })).toBe(
      'id "WebService1" is already used by a primitive',
    );
    expect(failure({ op: "constraint.put", constraint: { kind: "rsc_colocation", id: "c", rsc: "WebService1", withRsc: "WebService1", score: "1" } })).toMatch(/with itself/);
    expect(failure({ op: "constraint.put", constraint: { kind: "rsc_location", id: "l", rsc: "ping", node: "node2", score: "1" } })).toBe(
      "constraint l names ping, which is inside clone ping-clone; constrain ping-clone instead",
    );
    const rule = (x: object) => ({ op: "constraint.put" as const, constraint: { kind: "rsc_location" as const, id: "l", rsc: "WebService1", rules: [{ score: "1", expressions: [x as never] }] } });
    expect(failure(rule({ kind: "expression", attribute: "pingd", operation: "gt" }))).toBe('rule l-rule: "gt" on pingd needs a value');
    expect(failure(rule({ kind: "expression", attribute: "pingd", operation: "defined", value: "1" }))).toBe('rule l-rule: "defined" on pingd takes no value');
    expect(failure(rule({ kind: "date_expression", operation: "gt", end: "2026-01-01" }))).toMatch(/takes a start/);
    expect(failure(rule({ kind: "date_expression", operation: "date_spec" }))).toMatch(/needs date fields/);
  });
});

describe("constraint.delete", () => {
  it("removes it; a missing one is an error", () => {
    const { config } = apply({ op: "constraint.delete", id: "order-ping-clone-balanceGroup-mandatory" });
    expect(config.constraints.map((c) => c.kind)).not.toContain("rsc_order");
    expect(failure({ op: "constraint.delete", id: "nope" })).toBe("no constraint named nope");
    expect(failure({ op: "constraint.delete", id: "WebService1" })).toBe("no constraint named WebService1");
  });
});
