// The properties page's model: Pacemaker's own daemon metadata (fixtures recorded from the
// installed daemons) merged into one list, grouped and searched, with the values a CIB sets; the
// forms' checks, which reuse the edit schema's property.set option.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyEdits } from "@/lib/cib";
import { parseAgentMetadata } from "@/lib/pacemaker";
import { parseCib } from "@/lib/pacemaker/parse-cib";
import { OP_DEFAULTS, RSC_DEFAULTS } from "@/components/editors/defaults-catalog";
import { clusterOptions, effectiveValues, groupOptions, missingDaemons, type OptionDef } from "@/components/editors/properties-catalog";
import { propertyEdit, propertyFormSchema, valueError } from "@/components/editors/properties-schema";

const FIX = join(__dirname, "../../fixtures");
const daemon = (d: string) => parseAgentMetadata(readFileSync(join(FIX, "metadata", `${d}.xml`), "utf8"), d);
const DAEMONS = {
  "pacemaker-schedulerd": daemon("pacemaker-schedulerd"),
  "pacemaker-controld": daemon("pacemaker-controld"),
  "pacemaker-based": daemon("pacemaker-based"),
  "pacemaker-fenced": daemon("pacemaker-fenced"),
};
const demoXml = readFileSync(join(FIX, "demo/cib.xml"), "utf8");
const demo = parseCib(demoXml).configuration!;

describe("clusterOptions", () => {
  const defs = clusterOptions(DAEMONS);
  const byName = new Map(defs.map((d) => [d.name, d]));

  it("lists each property once, the scheduler's description first", () => {
    expect(defs.filter((d) => d.name === "no-quorum-policy")).toHaveLength(1);
    expect(byName.get("no-quorum-policy")?.source).toBe("pacemaker-schedulerd");
    expect(byName.get("no-quorum-policy")?.options).toEqual(expect.arrayContaining(["stop", "freeze", "ignore", "demote", "suicide"]));
    expect(byName.get("cluster-recheck-interval")?.source).toBe("pacemaker-controld");
    expect(byName.get("enable-acl")?.source).toBe("pacemaker-based");
  });

  it("leaves out the fence daemon's per-device attributes and marks what the cluster writes", () => {
    expect(byName.has("pcmk_host_list")).toBe(false);
    expect(byName.get("dc-version")?.readOnly).toBe(true);
    expect(byName.get("stonith-enabled")?.readOnly).toBe(false);
  });

  it("says which daemon could not be read", () => {
    expect(missingDaemons({ ...DAEMONS, "pacemaker-controld": null })).toEqual(["pacemaker-controld"]);
    expect(clusterOptions({ ...DAEMONS, "pacemaker-controld": null }).some((d) => d.name === "cluster-recheck-interval")).toBe(false);
  });
});

describe("groupOptions", () => {
  const defs = clusterOptions(DAEMONS);
  const values = effectiveValues(demo.crmConfig);

  it("shows the demo's values, the common options first in their order, expert ones apart", () => {
    expect(values["stonith-enabled"]).toBe("true");
    expect(values["no-quorum-policy"]).toBe("stop");
    const g = groupOptions(defs, values);
    expect(g.common.slice(0, 4).map((r) => r.def.name)).toEqual(["stonith-enabled", "no-quorum-policy", "symmetric-cluster", "maintenance-mode"]);
    expect(g.common.find((r) => r.def.name === "symmetric-cluster")?.value).toBeNull();
    expect(g.advanced.some((r) => r.def.name === "startup-fencing")).toBe(true);
    expect(g.more.some((r) => r.def.advanced || r.def.deprecated)).toBe(false);
  });

  it("lists a name no metadata describes with its value", () => {
    const g = groupOptions(defs, { ...values, "no-such-option": "1" });
    expect(g.unknown.map((r) => [r.def.name, r.value])).toEqual([["no-such-option", "1"]]);
  });

  it("searches names and descriptions, every word", () => {
    const g = groupOptions(defs, values, "quorum");
    expect(g.common.map((r) => r.def.name)).toEqual(["no-quorum-policy"]);
    const all = (x: ReturnType<typeof groupOptions>) => [...x.common, ...x.more, ...x.advanced].map((r) => r.def.name);
    expect(all(groupOptions(defs, values, "fence unseen"))).toEqual(["startup-fencing"]);
    expect(all(groupOptions(defs, values, "zzzz-nothing"))).toEqual([]);
  });

  it("reads the sets as the scheduler does: rule-less sets, first one wins", () => {
    const set = (id: string, pairs: [string, string][], rules = 0) => ({
      id,
      idRef: null,
      score: null,
      rules: Array.from({ length: rules }, () => ({}) as never),
      nvpairs: pairs.map(([name, value]) => ({ id: null, name, value, idRef: null })),
      extraAttrs: {},
      unknown: [],
    });
    const v = effectiveValues([set("ruled", [["resource-stickiness", "500"]], 1), set("a", [["resource-stickiness", "100"]]), set("b", [["resource-stickiness", "7"], ["priority", "3"]])]);
    expect(v).toEqual({ "resource-stickiness": "100", priority: "3" });
    expect(effectiveValues(demo.rscDefaults)["resource-stickiness"]).toBe("100");
  });
});

describe("value checks", () => {
  const def = (name: string, over: Partial<OptionDef> = {}): OptionDef => {
    const d = [...clusterOptions(DAEMONS), ...RSC_DEFAULTS, ...OP_DEFAULTS].find((x) => x.name === name);
    if (!d) throw new Error(name);
    return { ...d, ...over };
  };

  it("refuses what does not fit the option's type", () => {
    expect(valueError(def("stonith-enabled"), "maybe")).toMatch(/true or false/);
    expect(valueError(def("stonith-enabled"), "false")).toBeNull();
    expect(valueError(def("no-quorum-policy"), "panic")).toMatch(/one of stop, freeze/);
    expect(valueError(def("cluster-recheck-interval"), "soon")).toMatch(/duration/);
    expect(valueError(def("cluster-recheck-interval"), "5min")).toBeNull();
    expect(valueError(def("migration-threshold"), "INFINITY")).toBeNull();
    expect(valueError(def("resource-stickiness"), "sticky")).toMatch(/score/);
    expect(valueError(def("timeout"), "")).toBeNull();
  });

  it("the form schema says the edit schema's own words and an empty value removes the property", async () => {
    const s = propertyFormSchema("crm_config", def("no-quorum-policy"));
    expect((await s.safeParseAsync({ value: "freeze" })).success).toBe(true);
    const bad = await s.safeParseAsync({ value: "panic" });
    expect(bad.success).toBe(false);
    const raw = propertyFormSchema("crm_config", def("cluster-name"));
    const ctl = await raw.safeParseAsync({ value: "a\u0001b" });
    expect(ctl.success ? "" : ctl.error.issues[0]?.message).toMatch(/control characters/);
    expect(propertyEdit("crm_config", "no-quorum-policy", "  ")).toEqual({ op: "property.set", section: "crm_config", name: "no-quorum-policy", value: null });
  });

  it("a staged property edit lands in the CIB as the page then reads it", () => {
    const { xml } = applyEdits(demoXml, [propertyEdit("crm_config", "no-quorum-policy", "freeze"), propertyEdit("rsc_defaults", "migration-threshold", "3")]);
    const c = parseCib(xml).configuration!;
    expect(effectiveValues(c.crmConfig)["no-quorum-policy"]).toBe("freeze");
    expect(effectiveValues(c.rscDefaults)).toMatchObject({ "resource-stickiness": "100", "migration-threshold": "3" });
    const removed = parseCib(applyEdits(xml, [propertyEdit("crm_config", "no-quorum-policy", "")]).xml).configuration!;
    expect(effectiveValues(removed.crmConfig)["no-quorum-policy"]).toBeUndefined();
  });
});
