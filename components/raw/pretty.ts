// The CIB as the agent and the draft hand it over is one long line; shown one element per line
// (two-space indent) through the one XML library (lib/pacemaker/xml.ts). Text that does not parse
// is shown as it came, with the parser's words, rather than not at all.
import { parseXml, toXmlPretty } from "@/lib/pacemaker/xml";

export function prettyXml(xml: string, what: string): { text: string; error: string | null } {
  try {
    return { text: toXmlPretty(parseXml(xml, what)).xml, error: null };
  } catch (e) {
    return { text: xml, error: e instanceof Error ? e.message : String(e) };
  }
}
