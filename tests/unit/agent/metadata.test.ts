/**
 * agent/metadata.ts where the real tools cannot show it: the cache's age and size limits, and answers
 * to a tool that misbehaves (bad XML, a hang) or is present where this machine has none (crmsh).
 * Stand-in tools are shell scripts put in place with overrideToolPath, as in run.test.ts; the real
 * tools are exercised in tests/integration/agent-metadata.test.ts.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AgentMetadataResultSchema, ClusterMetadataResultSchema, ConfigShowResultSchema } from "@/lib/protocol";
import { Steps } from "@/agent/actions/steps";
import { clearMetadataCache, runMetadataQuery, TtlCache } from "@/agent/metadata";
import { overrideToolPath, type PacemakerTool } from "@/agent/run";

let dir: string;
const stub = (tool: PacemakerTool, body: string): void => {
  const path = join(dir, tool);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  overrideToolPath(tool, path);
};
const steps = (timeoutMs = 10_000) => new Steps({ env: {}, timeoutMs, maxBytes: 1024 * 1024 });
const ipaddr2 = { agent: { class: "ocf" as const, provider: "heartbeat", type: "IPaddr2" } };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "vigil-metadata-"));
});
afterEach(() => {
  for (const t of ["crm_resource", "crm", "pacemaker-based"] as const) overrideToolPath(t, null);
  clearMetadataCache();
});

describe("TtlCache", () => {
  it("forgets an entry after its time", () => {
    let now = 0;
    const c = new TtlCache<string>(10, 1000, () => now);
    c.set("a", "A");
    now = 999;
    expect(c.get("a")).toBe("A");
    now = 1000;
    expect(c.get("a")).toBeUndefined();
    expect(c.size).toBe(0);
  });

  it("holds at most max entries, dropping the least recently used", () => {
    const c = new TtlCache<number>(2, 60_000);
    c.set("a", 1);
    c.set("b", 2);
    expect(c.get("a")).toBe(1); // a is now the most recently used
    c.set("c", 3);
    expect(c.size).toBe(2);
    expect(c.get("b")).toBeUndefined();
    expect(c.get("a")).toBe(1);
    expect(c.get("c")).toBe(3);
  });
});

describe("meta.agent when the tool misbehaves", () => {
  it("bad XML: metadata null and the parser's words, not cached", async () => {
    stub("crm_resource", `echo '<resource-agent name="IPaddr2"><parameters>'`);
    const s = steps();
    const r = AgentMetadataResultSchema.parse(await runMetadataQuery("meta.agent", ipaddr2, { steps: s }));
    expect(r.metadata).toBeNull();
    expect(r.error).toMatch(/the metadata of ocf:heartbeat:IPaddr2 is (truncated|not well-formed)/);
    expect(r.commands).toEqual([expect.objectContaining({ line: "crm_resource --show-metadata=ocf:heartbeat:IPaddr2", code: 0 })]);
    const again = AgentMetadataResultSchema.parse(await runMetadataQuery("meta.agent", ipaddr2, { steps: steps() }));
    expect(again.commands).toHaveLength(1);
  });

  it("a hang: metadata null and the timeout, never a throw", async () => {
    stub("crm_resource", "sleep 30");
    const r = AgentMetadataResultSchema.parse(await runMetadataQuery("meta.agent", ipaddr2, { steps: steps(300) }));
    expect(r.metadata).toBeNull();
    expect(r.error).toMatch(/^ocf:heartbeat:IPaddr2: crm_resource did not finish within 300 ms/);
    expect(r.commands[0]?.code).toBeNull();
  });

  it("a daemon that fails leaves the others: null for it and an error line, not cached", async () => {
    stub("pacemaker-based", "echo 'cannot do that' >&2; exit 2");
    const r = ClusterMetadataResultSchema.parse(await runMetadataQuery("meta.cluster", {}, { steps: steps() }));
    expect(r.daemons["pacemaker-based"]).toBeNull();
    expect(r.errors).toEqual(["pacemaker-based: cannot do that"]);
    expect(r.daemons["pacemaker-schedulerd"]?.parameters.length).toBeGreaterThan(0);
    overrideToolPath("pacemaker-based", null);
    const again = ClusterMetadataResultSchema.parse(await runMetadataQuery("meta.cluster", {}, { steps: steps() }));
    expect(again.errors).toEqual([]);
    expect(again.commands).toHaveLength(4);
  });
});

describe("config.show with crmsh present", () => {
  it("runs crm configure show with the demo's CIB_file and answers its text", async () => {
    stub("crm", `echo "args: $*"; echo "cib: $CIB_file"`);
    const r = ConfigShowResultSchema.parse(await runMetadataQuery("config.show", {}, { steps: steps(), cibFile: "/tmp/demo-cib.xml" }));
    expect(r).toMatchObject({ text: "args: -D plain configure show\ncib: /tmp/demo-cib.xml\n", reason: null });
    expect(r.commands).toEqual([expect.objectContaining({ line: "crm -D plain configure show", code: 0 })]);
  });
});
