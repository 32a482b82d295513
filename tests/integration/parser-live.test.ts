import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildStatus, CIB_QUERY_ARGS, ClusterStatusSchema, CRM_MON_ARGS, renderStatusText } from "@/lib/pacemaker";
import { havePacemaker, TEXT_ARGS, withoutLastUpdated } from "../unit/pacemaker/lab";

/**
 * The parser against a live single-node cluster (scripts/lab.sh, in its own dir): what file mode
 * cannot show — a real DC, pacemakerd's state on the Stack line, "Last updated ... on node1".
 */
const ROOT = path.resolve(import.meta.dirname, "..", "..");
const LAB = ["scripts/lab.sh"];
const DIR = ["--dir", path.join(ROOT, "var", "lab-parser")];
const canRun = havePacemaker() && spawnSync("which", ["corosync"]).status === 0 && process.getuid?.() === 0;

function sh(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: "utf8", cwd: ROOT, timeout: 150_000 });
}
function compare(): ReturnType<typeof buildStatus> {
  // crm_mon and cibadmin race a cluster that may be moving: retry until two reads agree
  for (let attempt = 0; ; attempt++) {
    const xml = sh("crm_mon", [...CRM_MON_ARGS]);
    const cib = sh("cibadmin", [...CIB_QUERY_ARGS]);
    const text = sh("crm_mon", TEXT_ARGS);
    const status = buildStatus({ crmMonXml: xml, cibXml: cib });
    const ours = withoutLastUpdated(renderStatusText(status, { inactive: true }));
    if (ours === withoutLastUpdated(text) || attempt >= 5) {
      expect(ours).toBe(withoutLastUpdated(text));
      expect(() => ClusterStatusSchema.parse(status)).not.toThrow();
      return status;
    }
    execFileSync("sleep", ["1"]);
  }
}
function waitFor(pred: (s: ReturnType<typeof buildStatus>) => boolean): void {
  const end = Date.now() + 30_000;
  while (Date.now() < end) {
    if (pred(buildStatus({ crmMonXml: sh("crm_mon", [...CRM_MON_ARGS]) }))) return;
    execFileSync("sleep", ["0.3"]);
  }
  throw new Error("cluster did not reach the expected state in 30 s");
}

describe("parser against a live cluster", () => {
  beforeAll(() => {
    // A live cluster needs root, corosync and Pacemaker: a machine without them fails here, never skips.
    if (!canRun) throw new Error("a live lab cluster needs root, corosync and pacemaker: run scripts/setup.sh as root");
    sh("bash", [...LAB, "stop", ...DIR]);
    sh("bash", [...LAB, "start", ...DIR, "--wait", "120"]);
  }, 180_000);
  afterAll(() => {
    sh("bash", [...LAB, "stop", ...DIR]);
  }, 120_000);

  it("reads the live cluster as crm_mon shows it", () => {
    const s = compare();
    expect(s.summary.dc?.name).toBe("node1");
    expect(s.nodes[0]).toMatchObject({ name: "node1", online: true, isDc: true, type: "member" });
  });

  it("follows resources, attributes and standby on the live cluster", () => {
    sh("cibadmin", ["-C", "-o", "resources", "-X", '<primitive id="live-d1" class="ocf" provider="pacemaker" type="Dummy"><operations><op id="live-d1-mon" name="monitor" interval="10s"/></operations></primitive>']);
    sh("cibadmin", ["-C", "-o", "resources", "-X", '<clone id="live-c1"><primitive id="live-c1p" class="ocf" provider="pacemaker" type="Dummy"/></clone>']);
    waitFor((s) => s.resources.some((r) => r.id === "live-d1" && r.kind === "primitive" && r.role === "Started"));
    sh("crm_attribute", ["-N", "node1", "-n", "live-attr", "-v", "42", "-l", "reboot"]);
    sh("crm_attribute", ["-t", "nodes", "-N", "node1", "-n", "rack", "-v", "r7"]);
    waitFor((s) => s.nodeAttributes.some((n) => n.attributes.some((a) => a.name === "live-attr")));
    let s = compare();
    const attrs = s.nodeAttributes.find((n) => n.node === "node1")?.attributes ?? [];
    expect(attrs.find((a) => a.name === "live-attr")).toMatchObject({ value: "42", transient: "42" });
    expect(attrs.find((a) => a.name === "rack")).toMatchObject({ value: "r7", permanent: "r7" });
    sh("crm_standby", ["-N", "node1", "-v", "on"]);
    waitFor((s2) => s2.nodes[0]?.standby === true && s2.resources.every((r) => r.kind !== "primitive" || r.role === "Stopped"));
    s = compare();
    expect(s.nodes[0]?.standby).toBe(true);
  });
});
