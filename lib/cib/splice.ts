/**
 * For the agent: the CIB without its status section (what a draft is based on), and a CIB's
 * version. (A draft applied to the live CIB keeps the live status: applyEdits copies only the
 * configuration, so no splice is needed for crm_diff, crm_verify and crm_simulate.)
 */
import { PacemakerParseError } from "@/lib/pacemaker/errors";
import { parseXml, toXml, type XNode } from "@/lib/pacemaker/xml";

/** The `<cib>` root of a CIB's XML (anything else is refused with a clear message). */
export function parseCibRoot(xml: string, what: string): XNode {
  const root = parseXml(xml, what);
  if (root.tag !== "cib") throw new PacemakerParseError(`${what} has root element <${root.tag}>, expected <cib>`, { source: what, line: 1 });
  return root;
}

/** The `<cib>` element with its attributes and configuration; epoch is "admin_epoch.epoch", version "admin_epoch.epoch.num_updates". */
export function withoutStatus(cibXml: string): { xml: string; epoch: string; version: string } {
  const root = parseCibRoot(cibXml, "CIB XML");
  const kept: XNode = { ...root, children: root.children.filter((c) => c.tag !== "status") };
  return { xml: toXml(kept), ...cibVersion(root) };
}

/** epoch "admin_epoch.epoch" (the configuration's version) and version "admin_epoch.epoch.num_updates". */
export function cibVersion(root: XNode): { epoch: string; version: string } {
  const a = root.attrs;
  const epoch = `${a.admin_epoch ?? "0"}.${a.epoch ?? "0"}`;
  return { epoch, version: `${epoch}.${a.num_updates ?? "0"}` };
}
