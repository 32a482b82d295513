import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { buildStatus, type ClusterStatus } from "@/lib/pacemaker";

export const FIXTURES = join(process.cwd(), "tests/fixtures");

/** demo plus every variant: each holds cib.xml, crm_mon.xml, crm_mon-attrs.xml, crm_mon.txt (-r) and crm_mon-active.txt (default view) */
export function fixtureDirs(): string[] {
  const variants = readdirSync(join(FIXTURES, "variants")).map((d) => join(FIXTURES, "variants", d));
  return [join(FIXTURES, "demo"), ...variants].filter((d) => existsSync(join(d, "crm_mon.txt")));
}

export const read = (path: string): string => readFileSync(path, "utf8");

export function loadFixture(dir: string, crmMon = "crm_mon-attrs.xml"): ClusterStatus {
  return buildStatus({ crmMonXml: read(join(dir, crmMon)), cibXml: read(join(dir, "cib.xml")) });
}

/** crm_mon's text without the line that changes every run */
export const withoutLastUpdated = (text: string): string =>
  text
    .split("\n")
    .filter((l) => !l.startsWith("  * Last updated:"))
    .join("\n");

/** JSON round trip: what a client receiving the model over the wire holds */
export const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
