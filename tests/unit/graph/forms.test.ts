/**
 * The constraint forms' pure halves: the values a form starts with (defaults from a constraint or a
 * drawn edge) and the cleanup before the edit schema. Every constraint the form can edit must come
 * back out exactly as it went in, and a new form's first values must already be a valid edit.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ColocationInputSchema, LocationInputSchema, OrderInputSchema, TicketInputSchema, type ConstraintInput } from "@/lib/cib/edits";
import type { Configuration } from "@/lib/pacemaker";
import { parseCib } from "@/lib/pacemaker/parse-cib";
import { resourceEntries, takenIds, toInput } from "@/components/graph/constraint-input";
import { colocationDefaults, prepareColocation } from "@/components/editors/constraint-colocation";
import { locationDefaults, prepareLocation } from "@/components/editors/constraint-location";
import { orderDefaults, prepareOrder } from "@/components/editors/constraint-order";
import { prepareTicket, ticketDefaults } from "@/components/editors/constraint-ticket";
import { clean, errorAt } from "@/components/editors/constraint-fields";

const demo = (): Configuration => parseCib(readFileSync("tests/fixtures/demo/cib.xml", "utf8")).configuration;
const config = demo();
const ctx = { resources: resourceEntries(config), nodes: config.nodes.map((n) => n.uname), tickets: [], taken: takenIds(config) };

/** What saving the untouched form would stage. */
function roundTrip(input: ConstraintInput): unknown {
  switch (input.kind) {
    case "rsc_location":
      return LocationInputSchema.parse(prepareLocation(locationDefaults(ctx, input, {})));
    case "rsc_colocation":
      return ColocationInputSchema.parse(prepareColocation(colocationDefaults(ctx, input, {})));
    case "rsc_order":
      return OrderInputSchema.parse(prepareOrder(orderDefaults(ctx, input, {})));
    case "rsc_ticket":
      return TicketInputSchema.parse(prepareTicket(ticketDefaults(ctx, input, {})));
  }
}

describe("edit forms round-trip", () => {
  it("every demo constraint, unchanged", () => {
    for (const c of config.constraints) {
      const input = toInput(c).input!;
      expect(roundTrip(input), c.id).toEqual(input);
    }
  });

  it("rules with dates, roles, patterns, sets and every non-default flag", () => {
    const cases: ConstraintInput[] = [
      {
        kind: "rsc_location",
        id: "loc-office-hours",
        rscPattern: "^WebService",
        role: "Started",
        resourceDiscovery: "exclusive",
        rules: [
          { score: "500", role: "Promoted", booleanOp: "or", expressions: [{ kind: "date_expression", operation: "date_spec", spec: { hours: "9-16", weekdays: "1-5" } }, { kind: "expression", attribute: "pingd", operation: "gte", value: "1000", type: "integer" }] },
          { score: "-INFINITY", expressions: [{ kind: "date_expression", operation: "in_range", start: "2026-12-24", end: "2026-12-27" }] },
        ],
      },
      { kind: "rsc_colocation", id: "c1", rsc: "WebService1", withRsc: "pgsql-clone", rscRole: "Started", withRscRole: "Promoted", score: "-200", nodeAttribute: "site", influence: false },
      {
        kind: "rsc_order",
        id: "o1",
        sets: [
          { resources: ["WebService1", "WebService2"], sequential: false, requireAll: false, action: "start" },
          { resources: ["balanceGroup"], role: "Started" },
        ],
        orderKind: "Optional",
        symmetrical: false,
      },
      { kind: "rsc_order", id: "o2", first: "pgsql-clone", then: "WebService3", firstAction: "promote", thenAction: "start", orderKind: "Serialize" },
      { kind: "rsc_ticket", id: "t1", ticket: "ticketA", sets: [{ resources: ["WebService1", "WebService2"], sequential: false }], lossPolicy: "fence" },
      { kind: "rsc_ticket", id: "t2", ticket: "ticketB", rsc: "pgsql-clone", rscRole: "Promoted", lossPolicy: "demote" },
    ];
    for (const c of cases) expect(roundTrip(c), c.id).toEqual(c);
  });

  it("a new form from a drawn edge is a valid edit as it opens, with a free pcs-style id", () => {
    expect(ColocationInputSchema.parse(prepareColocation(colocationDefaults(ctx, null, { rsc: "WebService1", withRsc: "WebService2" })))).toEqual({
      kind: "rsc_colocation",
      id: "colocation-WebService1-WebService2-INFINITY",
      rsc: "WebService1",
      withRsc: "WebService2",
      score: "INFINITY",
    });
    expect(OrderInputSchema.parse(prepareOrder(orderDefaults(ctx, null, { first: "ping-clone", then: "WebService1" })))).toEqual({
      kind: "rsc_order",
      id: "order-ping-clone-WebService1-mandatory",
      first: "ping-clone",
      then: "WebService1",
      orderKind: "Mandatory",
    });
    // the demo already has location-WebService1-node2-100; a new one never takes a used id
    const loc = LocationInputSchema.parse(prepareLocation(locationDefaults(ctx, null, { rsc: "WebService1", node: "node2" })));
    expect(loc).toEqual({ kind: "rsc_location", id: "location-WebService1-node2", rsc: "WebService1", node: "node2", score: "INFINITY" });
    expect(TicketInputSchema.safeParse(prepareTicket(ticketDefaults(ctx, null, { rsc: "WebService1" }))).success).toBe(true);
  });

  it("switching a location to rules drops the node and score; the schema names a missing part", () => {
    const v = { ...locationDefaults(ctx, null, { rsc: "WebService1", node: "node3" }), _mode: "rules" as const };
    v.rules[0]!.expressions[0]!.value = "node3";
    expect(LocationInputSchema.parse(prepareLocation(v))).toEqual({
      kind: "rsc_location",
      id: "location-WebService1-node3",
      rsc: "WebService1",
      rules: [{ score: "INFINITY", expressions: [{ kind: "expression", attribute: "#uname", operation: "eq", value: "node3" }] }],
    });
    const bad = LocationInputSchema.safeParse(prepareLocation({ ...v, rules: [{ ...v.rules[0]!, expressions: [] }] }));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toContain("a rule needs at least one expression");
  });
});

describe("form helpers", () => {
  it("clean drops empty text, the form's own _fields and empty objects, keeps false and 0", () => {
    expect(clean({ a: "", b: " x ", _mode: "pair", c: { d: "" }, e: [{ f: "" }, "g"], h: false, i: 0 })).toEqual({ b: "x", e: ["g"], h: false, i: 0 });
  });

  it("errorAt reads react-hook-form's nested errors by the schema's path", () => {
    const errors = { rules: [{ expressions: [{ attribute: { message: "node attribute is empty", type: "too_small" } }] }], "": { message: "a colocation names rsc and with-rsc", type: "custom" } };
    expect(errorAt(errors as never, "rules.0.expressions.0.attribute")).toBe("node attribute is empty");
    expect(errorAt(errors as never, "")).toBe("a colocation names rsc and with-rsc");
    expect(errorAt(errors as never, "rules.1.score")).toBe(undefined);
  });
});
