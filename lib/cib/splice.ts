/**
 * For the agent: the CIB without its status section (what a draft is based on), and a live CIB
 * with a draft's configuration put in (what crm_diff compares and crm_verify/crm_simulate read).
 */
import { PacemakerParseError } from "@/lib/pacemaker/errors";
import { parseXml, toXml, type XNode } from "@/lib/pacemaker/xml";

function cibRoot(xml: string, what: string): XNode {
  const root = parseXml(xml, what);
  if (root.tag !== "cib") throw new PacemakerParseError(`${what} has root element <${root.tag}>, expected <cib>`, { source: what, line: 1 });
  return root;
}

/** The `<cib>` element with its attributes and configuration; epoch is "admin_epoch.epoch", version "admin_epoch.epoch.num_updates". */
export function withoutStatus(cibXml: string): { xml: string; epoch: string; version: string } {
  const root = cibRoot(cibXml, "CIB XML");
  const a = root.attrs;
  const admin = a.admin_epoch ?? "0";
  const epoch = `${admin}.${a.epoch ?? "0"}`;
  const kept: XNode = { ...root, children: root.children.filter((c) => c.tag !== "status") };
  return { xml: toXml(kept), epoch, version: `${epoch}.${a.num_updates ?? "0"}` };
}

/** The live CIB (its attributes and status) with the draft's `<configuration>` in place of its own. */
export function withConfigurationOf(liveCibXml: string, draftXml: string): string {
  const live = cibRoot(liveCibXml, "the live CIB");
  const draft = cibRoot(draftXml, "the draft CIB");
  const conf = draft.children.find((c) => c.tag === "configuration");
  if (!conf) throw new PacemakerParseError("the draft CIB has no <configuration>", { source: "the draft CIB" });
  const at = live.children.findIndex((c) => c.tag === "configuration");
  const children = at < 0 ? [conf, ...live.children] : live.children.map((c, i) => (i === at ? conf : c));
  return toXml({ ...live, children });
}
