// The raw view's text: the CIB one element per line through lib/pacemaker/xml.ts, and text that
// does not parse shown as it came, with the parser's words.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { prettyXml } from "@/components/raw/pretty";

describe("prettyXml", () => {
  it("puts every element of the demo CIB on its own line, indented by depth", () => {
    const xml = readFileSync(join(__dirname, "../../fixtures/demo/cib.xml"), "utf8").replace(/>\s+</g, "><");
    const { text, error } = prettyXml(xml, "the demo CIB");
    expect(error).toBeNull();
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^<cib /);
    expect(lines).toContain("  <configuration>");
    expect(lines.some((l) => /^ {8}<nvpair id="cib-bootstrap-options-no-quorum-policy" name="no-quorum-policy" value="stop"\/>$/.test(l))).toBe(true);
    expect(lines.at(-1)).toBe("</cib>");
  });

  it("keeps text that does not parse and says why", () => {
    const r = prettyXml("<cib><configuration>", "the draft");
    expect(r.text).toBe("<cib><configuration>");
    expect(r.error).toMatch(/draft/);
  });
});
