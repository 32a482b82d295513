import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildStatus, type ClusterStatus } from "@/lib/pacemaker";
import { computeHealth } from "@/server/hub/health";

const fixture = (name: string): ClusterStatus => {
  const dir = path.join("tests/fixtures", name);
  return buildStatus({
    crmMonXml: readFileSync(path.join(dir, "crm_mon-attrs.xml"), "utf8"),
    cibXml: readFileSync(path.join(dir, "cib.xml"), "utf8"),
  });
};

describe("cluster health", () => {
  it("is ok for the demo", () => {
    expect(computeHealth(fixture("demo"), true).level).toBe("ok");
  });

  it("a failed action whose resource recovered is a warning, not an error", () => {
    const s = fixture("variants/failed-op");
    expect(s.failures).toHaveLength(1);
    const h = computeHealth(s, true);
    expect(h.level).toBe("warnings");
    expect(h.reasons.join("; ")).toMatch(/1 failed resource action/);
  });

  it("the same failed action while its resource is still failed is an error", () => {
    const s = fixture("variants/failed-op");
    const failedNow: ClusterStatus = {
      ...s,
      resources: s.resources.map((r) => (r.kind === "primitive" && r.id === "WebService2" ? { ...r, failed: true } : r)),
    };
    const h = computeHealth(failedNow, true);
    expect(h.level).toBe("errors");
    expect(h.reasons).toContain("1 failed action");
    expect(h.reasons).toContain("1 failed resource");
  });

  it("an offline node is an error; no agent is unreachable", () => {
    expect(computeHealth(fixture("variants/offline"), true).level).toBe("errors");
    expect(computeHealth(fixture("demo"), false).level).toBe("unreachable");
  });
});
