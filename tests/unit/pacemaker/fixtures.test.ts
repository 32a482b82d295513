import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildStatus, ClusterStatusSchema, renderStatusText } from "@/lib/pacemaker";
import { FIXTURES, fixtureDirs, loadFixture, read, withoutLastUpdated } from "./helpers";

describe.each(fixtureDirs().map((d) => [basename(d), d]))("fixture %s", { timeout: 30_000 }, (_name, dir) => {
  it("builds a status that satisfies ClusterStatusSchema", () => {
    const s = loadFixture(dir);
    expect(() => ClusterStatusSchema.parse(s)).not.toThrow();
    expect(s.configuration).not.toBeNull();
    expect(s.cib?.epoch).toBeGreaterThan(0);
    expect(s.unknown).toEqual([]);
    expect(s.configuration?.unknown).toEqual([]);
  });

  it("renders exactly what crm_mon printed (but the Last updated line)", () => {
    const s = loadFixture(dir);
    // the fixtures hold crm_mon -1 -r -A -f
    expect(withoutLastUpdated(renderStatusText(s, { inactive: true }))).toBe(withoutLastUpdated(read(join(dir, "crm_mon.txt"))));
  });

  it("renders exactly what crm_mon -1 -A -f printed (Active Resources, the default view)", () => {
    const s = loadFixture(dir);
    expect(withoutLastUpdated(renderStatusText(s))).toBe(withoutLastUpdated(read(join(dir, "crm_mon-active.txt"))));
  });

  it("parses crm_mon.xml (without node attributes) and the same without a CIB", () => {
    const plain = buildStatus({ crmMonXml: read(join(dir, "crm_mon.xml")) });
    expect(() => ClusterStatusSchema.parse(plain)).not.toThrow();
    expect(plain.configuration).toBeNull();
    expect(plain.cib).toBeNull();
    const full = loadFixture(dir);
    expect(plain.nodes.map((n) => n.name)).toEqual(full.nodes.map((n) => n.name));
    expect(plain.resources.length).toBe(full.resources.length);
  });
});

describe("large generated clusters", () => {
  it.each(["3x10", "8x100"])("%s parses and validates", (size) => {
    const s = buildStatus({
      crmMonXml: read(join(FIXTURES, `large/crm_mon-${size}.xml`)),
      cibXml: read(join(FIXTURES, `large/cib-${size}.xml`)),
    });
    expect(() => ClusterStatusSchema.parse(s)).not.toThrow();
    const [nodes] = size.split("x").map(Number);
    expect(s.nodes.length).toBe(nodes);
    expect(s.failures.length).toBe(3);
    expect(s.failures[0]?.exitreason).toBe("not running");
  });
});
