import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { overrideToolPath } from "@/agent/run";
import { createStatusSource } from "@/agent/status-source";
import type { FeedEvent } from "@/agent/feed";

// crm_mon and cibadmin are replaced by scripts that print files we control, to make them hang,
// vanish or print broken XML; the agent's real-tool behaviour is covered by the integration tests.
const FIX = join(process.cwd(), "tests/fixtures");
let dir: string;
const monOut = () => join(dir, "crm_mon.xml");
const cibOut = () => join(dir, "cib.xml");

function stub(name: string, body: string): string {
  const p = join(dir, name);
  writeFileSync(p, `#!/bin/sh\n${body}\n`);
  chmodSync(p, 0o755);
  return p;
}
function source(timeoutMs = 5000) {
  const events: FeedEvent[] = [];
  const logs: string[] = [];
  const s = createStatusSource({ env: { STUB_DIR: dir }, timeoutMs, retryDelayMs: 10, log: (_l, m) => logs.push(m) });
  s.subscribe((e) => events.push(e));
  return { s, events, logs };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "vigil-src-"));
  copyFileSync(join(FIX, "demo/crm_mon.xml"), monOut());
  copyFileSync(join(FIX, "demo/cib.xml"), cibOut());
  overrideToolPath("crm_mon", stub("crm_mon", 'echo x >> "$STUB_DIR/count"; cat "$STUB_DIR/crm_mon.xml"'));
  overrideToolPath("cibadmin", stub("cibadmin", 'cat "$STUB_DIR/cib.xml"'));
});
afterAll(() => {
  overrideToolPath("crm_mon", null);
  overrideToolPath("cibadmin", null);
});

describe("status source", () => {
  it("emits a full status, then patches, and keeps the last good status on malformed XML", async () => {
    const { s, events } = source();
    await s.refresh();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "full", seq: 0 });
    expect(s.status()!.nodes.map((n) => n.name)).toEqual(["node2", "node3", "node4"]);

    const good = readFileSync(monOut(), "utf8");
    writeFileSync(monOut(), good.slice(0, Math.floor(good.length / 3)));
    await s.refresh();
    expect(events[1]).toMatchObject({ type: "error", message: expect.stringMatching(/cannot read the cluster status/) });
    expect(s.current()!.seq).toBe(0);
    expect(s.status()!.nodes).toHaveLength(3);

    // the same failure again is not repeated to clients
    await s.refresh();
    expect(events).toHaveLength(2);

    copyFileSync(join(FIX, "variants/standby/crm_mon.xml"), monOut());
    copyFileSync(join(FIX, "variants/standby/cib.xml"), cibOut());
    await s.refresh();
    expect(events[2]).toMatchObject({ type: "patch", seq: 1, baseSeq: 0 });
    expect(s.lastError()).toBeNull();
    expect(s.status()!.nodes.find((n) => n.name === "node3")!.standby).toBe(true);
    copyFileSync(join(FIX, "demo/crm_mon.xml"), monOut());
    copyFileSync(join(FIX, "demo/cib.xml"), cibOut());
  });

  it("sends nothing when only the query time moved (an idle cluster)", async () => {
    overrideToolPath("crm_mon", stub("crm_mon_clock", `sed "s/<last_update time=\\"[^\\"]*\\"/<last_update time=\\"$(date +%s%N)\\"/" "$STUB_DIR/crm_mon.xml"`));
    try {
      const { s, events } = source();
      await s.refresh();
      await s.refresh();
      await s.refresh();
      expect(events.map((e) => e.type)).toEqual(["full"]);
      expect(s.current()!.seq).toBe(0);
    } finally {
      overrideToolPath("crm_mon", join(dir, "crm_mon"));
    }
  });

  it("coalesces a burst into at most two runs", async () => {
    const { s } = source();
    await s.refresh();
    writeFileSync(join(dir, "count"), "");
    await Promise.all(Array.from({ length: 20 }, () => s.refresh()));
    const runs = readFileSync(join(dir, "count"), "utf8").trim().split("\n").length;
    expect(runs).toBeLessThanOrEqual(2);
  });

  it("reports a hanging crm_mon as a timeout and keeps serving the last status", async () => {
    const { s, events } = source(300);
    await s.refresh();
    overrideToolPath("crm_mon", stub("crm_mon_hang", "sleep 30"));
    await s.refresh();
    expect(events.at(-1)).toMatchObject({ type: "error", message: expect.stringContaining("did not finish within 300 ms") });
    expect(s.status()).not.toBeNull();
    overrideToolPath("crm_mon", join(dir, "crm_mon"));
  });

  it("reports a missing crm_mon (ENOENT)", async () => {
    const { s, events } = source();
    overrideToolPath("crm_mon", join(dir, "no-such-crm_mon"));
    await s.refresh();
    expect(events).toEqual([{ type: "error", message: expect.stringContaining("crm_mon is not installed"), at: expect.any(String) }]);
    overrideToolPath("crm_mon", join(dir, "crm_mon"));
    await s.refresh();
    expect(events.at(-1)).toMatchObject({ type: "full", seq: 0 });
  });

  it("reports crm_mon's own <errors> block (a missing CIB_file) clearly", async () => {
    const { s, events } = source();
    copyFileSync(join(FIX, "errors/crm_mon-missing-cib.stdout"), monOut());
    await s.refresh();
    expect(events[0]).toMatchObject({ type: "error", message: expect.stringContaining("Could not connect to the CIB") });
    copyFileSync(join(FIX, "demo/crm_mon.xml"), monOut());
  });
});
