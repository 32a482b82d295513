import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildStatus, ClusterStatusSchema, PacemakerParseError, renderStatusText } from "@/lib/pacemaker";
import { FIXTURES, read } from "./helpers";

const demoMon = read(join(FIXTURES, "demo/crm_mon-attrs.xml"));
const demoCib = read(join(FIXTURES, "demo/cib.xml"));

/** Whatever the input, the only error that may escape is PacemakerParseError. */
function outcome(crmMonXml: string, cibXml?: string | null): "ok" | PacemakerParseError {
  try {
    const s = buildStatus({ crmMonXml, cibXml });
    ClusterStatusSchema.parse(s);
    renderStatusText(s);
    return "ok";
  } catch (e) {
    if (e instanceof PacemakerParseError) return e;
    throw e;
  }
}

describe("bad input", () => {
  it("says where crm_mon XML is truncated", () => {
    const cut = demoMon.slice(0, 2000);
    const err = outcome(cut);
    expect(err).toBeInstanceOf(PacemakerParseError);
    expect((err as PacemakerParseError).message).toMatch(/crm_mon XML is (truncated|not well-formed)/);
    expect((err as PacemakerParseError).line).toBeGreaterThan(1);
  });

  it("never lets anything but PacemakerParseError out, at every cut point of crm_mon XML", { timeout: 60_000 }, () => {
    let errors = 0;
    for (let cut = 0; cut < demoMon.length; cut += 37) {
      const r = outcome(demoMon.slice(0, cut));
      if (r !== "ok") errors++;
    }
    expect(errors).toBeGreaterThan(0);
  });

  it("never lets anything but PacemakerParseError out, at every cut point of the CIB", { timeout: 60_000 }, () => {
    for (let cut = 0; cut < demoCib.length; cut += 97) {
      const r = outcome(demoMon, demoCib.slice(0, cut));
      expect(r).toBeInstanceOf(PacemakerParseError);
    }
    expect(outcome(demoMon, demoCib)).toBe("ok");
  });

  it.each([
    ["empty", ""],
    ["whitespace", "  \n "],
    ["garbage", "garbage <<<>>>"],
    ["binary", "\u0000\u0001\u0002"],
    ["mismatched tags", "<pacemaker-result><summary></nodes></pacemaker-result>"],
    ["wrong root", "<html><body/></html>"],
    ["json", '{"nodes": []}'],
  ])("rejects %s crm_mon XML with a PacemakerParseError", (_name, xml) => {
    expect(outcome(xml)).toBeInstanceOf(PacemakerParseError);
  });

  it("turns crm_mon's <errors> block (missing CIB_file, exit 0) into a clear error", () => {
    for (const name of ["crm_mon-missing-cib", "crm_mon-garbage-cib"]) {
      const err = outcome(read(join(FIXTURES, `errors/${name}.stdout`)));
      expect(err).toBeInstanceOf(PacemakerParseError);
      const e = err as PacemakerParseError;
      expect(e.message).toMatch(/crm_mon reported an error .*Could not connect to the CIB/);
      expect(e.crmMonStatus?.errors[0]).toMatch(/^Could not connect to the CIB/);
    }
  });

  it("rejects a CIB that is not a CIB", () => {
    expect(outcome(demoMon, "<notcib/>")).toBeInstanceOf(PacemakerParseError);
    expect(outcome(demoMon, "")).toBeInstanceOf(PacemakerParseError);
  });
});

describe("tolerance", () => {
  it("keeps unknown elements and attributes raw", () => {
    const mon = demoMon
      .replace('<node name="node2" id="1"', '<node name="node2" id="1" future-flag="yes"')
      .replace("<node_attributes>", '<future_section level="3"><thing a="b">text</thing></future_section><node_attributes>')
      .replace('<resource id="WebService1"', '<resource id="WebService1" shiny="true"');
    const cib = demoCib
      .replace("<constraints>", '<constraints><rsc_future id="f1" x="y"/>')
      .replace('<primitive id="WebService1"', '<primitive id="WebService1" new-attr="1"')
      .replace("</configuration>", '<future-config id="z"><inner/></future-config></configuration>');
    const s = buildStatus({ crmMonXml: mon, cibXml: cib });
    expect(s.nodes[0]?.extraAttrs).toEqual({ "future-flag": "yes" });
    expect(s.unknown[0]).toMatchObject({ tag: "future_section", attrs: { level: "3" } });
    expect(s.unknown[0]?.xml).toContain("<thing a=\"b\">text</thing>");
    const ws1 = s.resources.find((r) => r.id === "WebService1");
    expect(ws1?.extraAttrs).toEqual({ shiny: "true" });
    expect(s.configuration?.unknown.map((u) => u.tag)).toEqual(["rsc_future", "future-config"]);
    const p = s.configuration?.resources.find((r) => r.id === "WebService1");
    expect(p?.extraAttrs).toEqual({ "new-attr": "1" });
    expect(() => ClusterStatusSchema.parse(s)).not.toThrow();
  });

  it("accepts empty sections and a CIB without status", () => {
    const mon = '<pacemaker-result api-version="2.25"><summary/><nodes/><resources/><status code="0" message="OK"/></pacemaker-result>';
    const cib = '<cib epoch="1" num_updates="0" admin_epoch="0"><configuration><crm_config/><nodes/><resources/><constraints/></configuration></cib>';
    const s = buildStatus({ crmMonXml: mon, cibXml: cib });
    expect(s.nodes).toEqual([]);
    expect(s.configuration?.resources).toEqual([]);
    expect(renderStatusText(s, { inactive: true })).toContain("No resources");
    expect(renderStatusText(s)).toContain("Active Resources:\n  * No active resources");
    expect(() => ClusterStatusSchema.parse(s)).not.toThrow();
  });

  it("handles huge attribute values", { timeout: 60_000 }, () => {
    const big = "x".repeat(2_000_000);
    const cib = demoCib.replace('value="democluster"', `value="${big}"`);
    const s = buildStatus({ crmMonXml: demoMon, cibXml: cib });
    expect(s.summary.clusterName?.length).toBe(2_000_000);
  });

  it("reads every node state crm_mon can report", () => {
    const node = (name: string, extra: string) =>
      `<node name="${name}" id="${name}" online="false" standby="false" standby_onfail="false" maintenance="false" pending="false" unclean="false" shutdown="false" expected_up="false" is_dc="false" resources_running="0" type="member" ${extra}/>`;
    const mon = `<pacemaker-result api-version="2.25"><summary><current_dc present="false"/></summary><nodes>
      ${node("a", 'unclean="true"').replace('unclean="false" ', "")}
      ${node("b", 'pending="true"').replace('pending="false" ', "")}
      ${node("c", 'shutdown="true"').replace('shutdown="false" ', "")}
      ${node("g", 'id_as_resource="vm1"').replace('type="member"', 'type="remote"')}
      ${node("r", "").replace('type="member"', 'type="remote"')}
      </nodes><resources/><status code="0" message="OK"/></pacemaker-result>`;
    const s = buildStatus({ crmMonXml: mon });
    expect(s.summary.dc).toBeNull();
    expect(s.warnings.map((w) => w.code)).toContain("no-dc");
    expect(s.nodes.map((n) => [n.name, n.type, n.unclean, n.pending, n.shutdown])).toEqual([
      ["a", "member", true, false, false],
      ["b", "member", false, true, false],
      ["c", "member", false, false, true],
      ["g", "guest", false, false, false],
      ["r", "remote", false, false, false],
    ]);
    const text = renderStatusText(s);
    expect(text).toContain("Current DC: NONE");
    expect(text).toContain("  * Node a: UNCLEAN (offline)");
    expect(text).toContain("  * Node b: pending");
    expect(text).toContain("  * RemoteOFFLINE: [ r ]");
  });
});

describe("fuzzing", () => {
  it("survives deep nesting", () => {
    const deep = `<pacemaker-result>${"<a>".repeat(50_000)}${"</a>".repeat(50_000)}</pacemaker-result>`;
    const r = outcome(deep);
    expect(r === "ok" || r instanceof PacemakerParseError).toBe(true);
  });

  it("survives random damage to crm_mon XML and the CIB", { timeout: 120_000 }, () => {
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const damage = (s: string): string => {
      const at = rand(s.length);
      const junk = ["<", ">", '"', "&", "/>", "</x>", "<y a=\"1\">", "", "&amp;", "\u0000"][rand(10)] ?? "";
      switch (rand(3)) {
        case 0: return s.slice(0, at) + s.slice(at + 1 + rand(40));
        case 1: return s.slice(0, at) + junk + s.slice(at);
        default: return s.slice(0, at) + junk + s.slice(at + 1);
      }
    };
    let ok = 0;
    for (let i = 0; i < 300; i++) {
      if (outcome(damage(demoMon), demoCib) === "ok") ok++;
      if (outcome(demoMon, damage(demoCib)) === "ok") ok++;
    }
    expect(ok).toBeGreaterThan(0);
  });
});
