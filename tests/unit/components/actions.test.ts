import { describe, expect, it } from "vitest";
import { isRunning, sameParams } from "@/components/actions/action-button";
import { attrNameError, attrValueError } from "@/components/actions/attribute-input";
import { checkLifetime, describeLifetime, LIFETIME_PRESETS } from "@/components/actions/lifetime";
import { metaMap, planResourceActions } from "@/components/actions/resource-actions";
import { initialLifetime } from "@/components/attributes/attribute-editor";
import { resourceDetails } from "@/components/cluster/find-resource";
import { attrName, attrValue, duration } from "@/lib/protocol/values";
import type { ClusterStatus } from "@/lib/pacemaker";
import { fixtureStatus } from "./fixtures";

function plan(status: ClusterStatus, id: string) {
  const d = resourceDetails(status, id);
  return planResourceActions({
    id: d.id,
    resource: d.resource,
    instances: d.instances,
    meta: d.config ? metaMap(d.config.metaAttributes) : {},
    parents: d.parents,
    constraints: d.constraints,
  });
}

describe("lifetime", () => {
  it("accepts ISO 8601 durations, forgiving case and spaces, and says what they mean", () => {
    expect(checkLifetime("PT1H")).toEqual({ ok: true, value: "PT1H", text: "1 hour" });
    expect(checkLifetime(" pt30m ")).toEqual({ ok: true, value: "PT30M", text: "30 minutes" });
    expect(checkLifetime("P1DT12H")).toMatchObject({ ok: true, value: "P1DT12H", text: "1 day 12 hours" });
    // M before T is months, after T minutes
    expect(describeLifetime("P2M")).toBe("2 months");
    expect(describeLifetime("PT2M")).toBe("2 minutes");
    expect(describeLifetime("P1Y2M3W4DT5H6M7S")).toBe("1 year 2 months 3 weeks 4 days 5 hours 6 minutes 7 seconds");
  });
  it("empty is no lifetime", () => {
    expect(checkLifetime("")).toEqual({ ok: true, value: undefined, text: "until cleared" });
    expect(checkLifetime("   ")).toMatchObject({ ok: true, value: undefined });
  });
  it("refuses what crm_resource would not take, with a message that shows how to write one", () => {
    for (const bad of ["1h", "PT", "P", "PT1", "P1H", "T1H", "PT1H30", "-PT1H", "PT1.5H", "P1D T", "1 hour", "PT1H;rm"]) {
      const c = checkLifetime(bad);
      expect(c.ok, bad).toBe(false);
      if (!c.ok) expect(c.error).toMatch(/PT1H/);
    }
    const zero = checkLifetime("PT0S");
    expect(zero.ok).toBe(false);
    if (!zero.ok) expect(zero.error).toMatch(/zero/);
  });
  it("agrees with the server's schema on every accepted value (the client only adds the zero rule)", () => {
    const samples = ["PT1H", "PT15M", "P1D", "P1W", "P1Y", "P1DT12H", "PT1H30M5S", "P1M", "PT0S", "1h", "PT", "P1H", "-P1D", "pt1h"];
    for (const s of samples) {
      const c = checkLifetime(s);
      const server = duration().safeParse(c.ok && c.value ? c.value : s).success;
      if (c.ok && c.value) expect(server, s).toBe(true);
      if (server && s === s.toUpperCase() && /[1-9]/.test(s)) expect(c.ok, s).toBe(true);
    }
    for (const p of LIFETIME_PRESETS) if (p.value) expect(duration().safeParse(p.value).success, p.value).toBe(true);
  });
});

describe("attribute input", () => {
  it("agrees with the server's schemas", () => {
    const names = ["pingd", "master-pgsql", "#health-disk", "a.b:c", "", "-x", "1abc", "with space", "x".repeat(257), "_ok"];
    for (const n of names) expect(attrNameError(n) === null, n).toBe(attrName().safeParse(n).success);
    const values = ["PRI", "", "-INFINITY", "-5", "-1.5", "--force", "-x", "a\tb", "line\nbreak", "v".repeat(4097), "héllo wörld", "1000"];
    for (const v of values) expect(attrValueError(v) === null, JSON.stringify(v)).toBe(attrValue().safeParse(v).success);
  });
  it("says what is wrong", () => {
    expect(attrNameError("")).toMatch(/empty/);
    expect(attrNameError("--delete")).toMatch(/option/);
    expect(attrValueError("a\nb")).toMatch(/control/);
  });
  it("an edit starts from the transient value when there is one", () => {
    const a = (permanent: string | null, transient: string | null) => ({ name: "x", value: transient ?? permanent, expected: null, permanent, transient, extraAttrs: {} });
    expect(initialLifetime(null)).toBe("reboot");
    expect(initialLifetime(a("p", null))).toBe("forever");
    expect(initialLifetime(a(null, "t"))).toBe("reboot");
    expect(initialLifetime(a("p", "t"))).toBe("reboot");
  });
});

describe("which actions apply to which resource", () => {
  const demo = fixtureStatus();
  it("a primitive: stop, restart, move; no promote", () => {
    const p = plan(demo, "WebService1");
    expect(p).toMatchObject({ rsc: "WebService1", placeRsc: "WebService1", kind: "primitive", promotable: false, disabled: false, managed: true, running: true, canRestart: true, canMove: true });
    expect(p.runningOn).toEqual(["node2"]);
    expect(p.placeNote).toBeNull();
  });
  it("a group member moves with its group", () => {
    const p = plan(demo, "virtual_ip");
    expect(p.rsc).toBe("virtual_ip");
    expect(p.placeRsc).toBe("balanceGroup");
    expect(p.placeNote).toMatch(/balanceGroup/);
  });
  it("a promotable clone: promote/demote and the promoted-role option; opened by its child id too", () => {
    for (const id of ["pgsql-clone", "pgsql"]) {
      const p = plan(demo, id);
      expect(p, id).toMatchObject({ rsc: "pgsql-clone", placeRsc: "pgsql-clone", kind: "clone", promotable: true, canMove: true });
      expect(p.promotedOn).toHaveLength(1);
      expect(p.runningOn).toHaveLength(3);
    }
  });
  it("an anonymous clone cannot be moved (it runs everywhere), only banned", () => {
    const p = plan(demo, "ping-clone");
    expect(p).toMatchObject({ kind: "clone", promotable: false, canMove: false });
    expect(p.moveNote).toMatch(/ban/);
  });
  it("a stopped resource offers start; an unmanaged one offers manage", () => {
    const stopped = fixtureStatus("stopped");
    const ids = stopped.resources.filter((r) => r.kind === "primitive" && r.targetRole?.toLowerCase() === "stopped").map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(plan(stopped, id)).toMatchObject({ disabled: true, running: false, canRestart: false });
    const unmanaged = fixtureStatus("unmanaged");
    const um = unmanaged.resources.find((r) => !r.managed);
    expect(um).toBeDefined();
    expect(plan(unmanaged, um!.id).managed).toBe(false);
  });
  it("clear is offered only when move/ban constraints exist", () => {
    expect(plan(demo, "WebService1").cliConstraints).toEqual([]);
    const moved = fixtureStatus("move");
    const cli = (moved.configuration?.constraints ?? []).find((c) => c.id.startsWith("cli-prefer-"));
    expect(cli).toBeDefined();
    const rsc = cli!.id.slice("cli-prefer-".length);
    expect(plan(moved, rsc).cliConstraints).toContain(cli!.id);
  });
  it("a configured id that is not in the status cannot be moved", () => {
    const p = plan(demo, "no-such-resource");
    expect(p).toMatchObject({ kind: "unknown", canMove: false, running: false });
  });
});

describe("change in flight", () => {
  it("matches the same action with the same params only", () => {
    expect(sameParams({ node: "n1", on: true }, { on: true, node: "n1" })).toBe(true);
    expect(sameParams({ node: "n1", on: true }, { node: "n1", on: false })).toBe(false);
    expect(sameParams({ rsc: "a" }, { rsc: "a", node: undefined })).toBe(true);
    expect(sameParams({ rsc: "a" }, { rsc: "a", node: "n2" })).toBe(false);
    const running = [{ key: "1", cluster: "c", action: "node.standby" as const, params: { node: "n1", on: true }, label: "", startedAt: 0 }];
    expect(isRunning(running, "c", "node.standby", { node: "n1", on: true })).toBe(true);
    expect(isRunning(running, "other", "node.standby", { node: "n1", on: true })).toBe(false);
    expect(isRunning(running, "c", "node.maintenance", { node: "n1", on: true })).toBe(false);
  });
});
