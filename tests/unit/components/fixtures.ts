import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildStatus, type ClusterStatus } from "@/lib/pacemaker";

const ROOT = join(process.cwd(), "tests", "fixtures");

/** The demo, or one of its variants, as the console receives it (status + configuration). */
export function fixtureStatus(variant: string | null = null): ClusterStatus {
  const dir = variant ? join(ROOT, "variants", variant) : join(ROOT, "demo");
  return buildStatus({
    crmMonXml: readFileSync(join(dir, "crm_mon-attrs.xml"), "utf8"),
    cibXml: readFileSync(join(dir, "cib.xml"), "utf8"),
  });
}
