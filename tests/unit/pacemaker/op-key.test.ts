import { describe, expect, it } from "vitest";
import { failureResource, parseOpKey } from "@/lib/pacemaker/op-key";
import { crmMonExitReason } from "@/lib/pacemaker/parse-crm-mon";

/** parse_op_key (lib/common/operations.c, 2.1.5) case by case: the one op key parser every view uses. */
describe("parseOpKey as Pacemaker splits op keys", () => {
  it("keeps underscores in resource ids and in migrate/notify operation names", () => {
    expect(parseOpKey("my_rsc_monitor_30000")).toEqual({ rsc: "my_rsc", task: "monitor", intervalMs: 30000 });
    expect(parseOpKey("test-vm_migrate_to_0")).toEqual({ rsc: "test-vm", task: "migrate_to", intervalMs: 0 });
    expect(parseOpKey("my_vm_migrate_from_0")).toEqual({ rsc: "my_vm", task: "migrate_from", intervalMs: 0 });
    expect(parseOpKey("rsc1:1_pre_notify_start_0")).toEqual({ rsc: "rsc1:1", task: "pre_notify_start", intervalMs: 0 });
    // Pacemaker's regex gives the resource the longest match, so this notify reads as a migrate_to
    expect(parseOpKey("r_post_notify_migrate_to_0")).toEqual({ rsc: "r_post_notify", task: "migrate_to", intervalMs: 0 });
    expect(parseOpKey("pgsql:1_promote_0")).toEqual({ rsc: "pgsql:1", task: "promote", intervalMs: 0 });
  });

  it("fails where Pacemaker fails, and reads intervals as strtoul does", () => {
    expect(parseOpKey("nonsense")).toBeNull();
    expect(parseOpKey("a_b")).toBeNull();
    expect(parseOpKey("")).toBeNull();
    // two underscores: the fast split, whatever follows; no digits is interval 0
    expect(parseOpKey("a_start_x")).toEqual({ rsc: "a", task: "start", intervalMs: 0 });
    expect(parseOpKey("a_b_monitor_10000ms")).toEqual({ rsc: "a_b", task: "monitor", intervalMs: 10000 });
  });

  it("names the resource of a failure without its clone instance", () => {
    expect(failureResource("test-vm_migrate_to_0")).toBe("test-vm");
    expect(failureResource("my_ping_fence_device_monitor_60000")).toBe("my_ping_fence_device");
    expect(failureResource("pgsql:1_promote_0")).toBe("pgsql");
    expect(failureResource("rsc:0_pre_notify_stop_0")).toBe("rsc");
  });
});

describe("crm_mon's exitreason attribute", () => {
  it("none is no exit reason", () => {
    expect(crmMonExitReason("none")).toBeNull();
    expect(crmMonExitReason(undefined)).toBeNull();
    expect(crmMonExitReason("")).toBeNull();
  });
  it("undoes crm_xml_escape's second escaping, up to the first multibyte character", () => {
    expect(crmMonExitReason("local node &lt;node1&gt; is started &amp; &quot;x&quot; &apos;y&apos;")).toBe(
      `local node <node1> is started & "x" 'y'`,
    );
    expect(crmMonExitReason("a &lt; b é &lt; c")).toBe("a < b é &lt; c");
  });
});
