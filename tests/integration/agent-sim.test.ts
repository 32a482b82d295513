/** sim mode's settle on real CIBs: crm_simulate carries the cluster, once, and never chases its own writes. */
import { describe, expect, it } from "vitest";
import { copyFileSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startAgent } from "@/agent/agent";
import { readCibHeader, settleCib, withCibLock } from "@/agent/sim";
import { connected, freePorts, pcmk, whereIs } from "./agent-helpers";

const FIXTURE = join(process.cwd(), "tests/fixtures/demo/cib.xml");
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), "vigil-sim-"));
  copyFileSync(FIXTURE, join(dir, "cib.xml"));
  return join(dir, "cib.xml");
};

describe("settleCib", () => {
  it("runs transitions until none remain, stamps Last change, and skips a version it settled", async () => {
    const cib = fresh();
    expect((await pcmk(cib, "crm_resource", ["--move", "-r", "WebService1", "-N", "node3"])).code).toBe(0);
    const before = await readCibHeader(cib);
    const r = await withCibLock(cib, () => settleCib(cib, () => undefined));
    expect(r).toMatchObject({ skipped: false, written: true });
    expect(r.actions).toBeGreaterThan(0);
    const mon = await pcmk(cib, "crm_mon", ["-1", "--output-as=xml"]);
    expect(mon.stdout).toMatch(/<resource id="WebService1"[^>]*role="Started"[^>]*>\s*<node name="node3"/);
    expect(readFileSync(cib, "utf8")).not.toContain('cib-last-written="Tue Nov 24 10:00:00 2026"');
    expect((await readCibHeader(cib))!.numUpdates).not.toBe(before!.numUpdates);
    const again = await withCibLock(cib, () => settleCib(cib, () => undefined));
    expect(again).toEqual({ rounds: 0, actions: 0, written: false, skipped: true });
  });

  it("leaves the file and Last change alone after a status-only change (a transient attribute), as a live cluster does", async () => {
    const cib = fresh();
    await withCibLock(cib, () => settleCib(cib, () => undefined));
    const stampedBefore = /cib-last-written="([^"]*)"/.exec(readFileSync(cib, "utf8"))?.[1];
    await new Promise((r) => setTimeout(r, 1100)); // the stamp has a one-second resolution
    expect((await pcmk(cib, "crm_attribute", ["-N", "node2", "-n", "vigil-t", "-v", "7", "-l", "reboot"])).code).toBe(0);
    const text = readFileSync(cib, "utf8");
    const r = await withCibLock(cib, () => settleCib(cib, () => undefined));
    expect(r).toMatchObject({ skipped: false, written: false, actions: 0 });
    expect(readFileSync(cib, "utf8")).toBe(text);
    expect(/cib-last-written="([^"]*)"/.exec(text)?.[1]).toBe(stampedBefore);
    // ...and that version counts as settled now.
    expect(await withCibLock(cib, () => settleCib(cib, () => undefined))).toMatchObject({ skipped: true });
    // A configuration change (a new epoch) does move it.
    expect((await pcmk(cib, "crm_attribute", ["-N", "node2", "-n", "vigil-p", "-v", "1", "-l", "forever"])).code).toBe(0);
    expect(await withCibLock(cib, () => settleCib(cib, () => undefined))).toMatchObject({ written: true });
    expect(/cib-last-written="([^"]*)"/.exec(readFileSync(cib, "utf8"))?.[1]).not.toBe(stampedBefore);
  });

  it("reports a CIB crm_simulate cannot read, and leaves it alone", async () => {
    const cib = fresh();
    const text = readFileSync(cib, "utf8");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(cib, text.replace("<configuration>", "<configuration><bogus"));
    await expect(withCibLock(cib, () => settleCib(cib, () => undefined))).rejects.toThrow(/crm_simulate failed/);
    expect(readFileSync(cib, "utf8")).toContain("<bogus");
  });
});

describe("a sim agent at rest", () => {
  it("does not chase its own writes: after a change it settles and then stays idle", async () => {
    const cib = fresh();
    const [port] = await freePorts(1);
    const logs: string[] = [];
    const agent = await startAgent({ mode: "sim", port: port!, host: "127.0.0.1", token: "q".repeat(32), node: "node2", cibFile: cib, log: (_l, m) => logs.push(m) });
    try {
      const client = await connected(agent.server.url, "q".repeat(32));
      await pcmk(cib, "crm_standby", ["-N", "node2", "-v", "on"]);
      const s = await client.waitForStatus((st) => !whereIs(st, "WebService1").includes("node2") && whereIs(st, "WebService1").length === 1, 10_000);
      expect(s.nodes.find((n) => n.name === "node2")!.standby).toBe(true);
      await new Promise((r) => setTimeout(r, 800)); // let the last settle write land
      const mtime = statSync(cib).mtimeMs;
      const seq = client.seq;
      await new Promise((r) => setTimeout(r, 2500));
      expect(statSync(cib).mtimeMs).toBe(mtime);
      expect(client.seq).toBe(seq);
      client.close();
    } finally {
      await agent.stop();
    }
  });
});
