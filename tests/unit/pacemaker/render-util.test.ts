import { describe, expect, it } from "vitest";
import { ctime, isoToCtime, numericStrcasecmp, parseOpKey, readableInterval } from "@/lib/pacemaker/render-util";

describe("Pacemaker's formatting helpers", () => {
  it("writes intervals as pcmk__readable_interval (2.1.5) does", () => {
    expect(readableInterval(0)).toBe("0s");
    expect(readableInterval(500)).toBe("500ms");
    expect(readableInterval(1000)).toBe("1000ms");
    expect(readableInterval(30000)).toBe("30s");
    expect(readableInterval(60000)).toBe("60s");
    expect(readableInterval(61500)).toBe("1m1.500s");
    expect(readableInterval(3_600_000)).toBe("60m");
    expect(readableInterval(90_061_001)).toBe("1d1h1m1.001s");
  });

  it("sorts node names naturally and case-insensitively", () => {
    expect(["node10", "Node2", "node1", "a"].sort(numericStrcasecmp)).toEqual(["a", "node1", "Node2", "node10"]);
  });

  it("prints epochs like ctime", () => {
    expect(ctime(new Date(2026, 10, 4, 3, 5, 9))).toBe("Wed Nov  4 03:05:09 2026");
    expect(isoToCtime("not a date")).toBe("not a date");
    expect(isoToCtime("2026-11-04 03:05:09")).toBe("Wed Nov  4 03:05:09 2026");
  });

  it("splits operation keys, underscores in ids included", () => {
    expect(parseOpKey("my_rsc_monitor_30000")).toEqual({ rsc: "my_rsc", task: "monitor", intervalMs: 30000 });
    expect(parseOpKey("vm_migrate_to_0")).toEqual({ rsc: "vm", task: "migrate_to", intervalMs: 0 });
    expect(parseOpKey("nonsense")).toBeNull();
  });
});

describe("fencing sections", () => {
  it("lists failed and pending fencing actions", async () => {
    const { renderStatusText, buildStatus } = await import("@/lib/pacemaker");
    const mon = `<pacemaker-result api-version="2.25"><summary/><nodes/><resources/><fence_history>
      <fence_event status="failed" action="reboot" target="n3" client="pacemaker-controld.1" origin="n1" delegate="n2" completed="2026-11-04 03:05:09Z" exit-reason="timed out"/>
      <fence_event status="pending" action="off" target="n4" client="stonith_admin.9" origin="n1"/>
      </fence_history><status code="0" message="OK"/></pacemaker-result>`;
    const text = renderStatusText(buildStatus({ crmMonXml: mon }));
    expect(text).toContain("Failed Fencing Actions:\n  * reboot of n3 failed (timed out): delegate=n2, client=pacemaker-controld.1, origin=n1, last-failed='");
    expect(text).toContain("Pending Fencing Actions:\n  * off of n4 pending: client=stonith_admin.9, origin=n1");
    expect(isoToCtime("2026-11-04 03:05:09 +0000")).toBe(ctime(new Date(Date.UTC(2026, 10, 4, 3, 5, 9))));
  });
});
