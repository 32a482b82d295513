/**
 * The demo: three sim agents over one CIB file, real Pacemaker tools (file mode + crm_simulate).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { startDemoCluster, type DemoCluster } from "@/agent/demo";
import { AgentClient, AgentRequestError } from "@/lib/agent-client";
import { attr, connected, freePorts, pcmk, whereIs } from "./agent-helpers";

let demo: DemoCluster;
let client: AgentClient;
let other: AgentClient;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "vigil-demo-"));
  demo = await startDemoCluster({ dir, ports: await freePorts(3) });
  client = await connected(demo.urls[1]!, demo.token); // node3
  other = await connected(demo.urls[2]!, demo.token); // node4
});
afterAll(async () => {
  client?.close();
  other?.close();
  await demo?.stop();
});

describe("demo cluster of three sim agents", () => {
  it("serves hello and the demo status", () => {
    expect(client.hello).toMatchObject({ node: "node3", cluster: "democluster", mode: "sim", watch: "fswatch", protocol: 1 });
    expect(client.hello?.pacemakerVersion).toMatch(/^2\./);
    const s = client.status!;
    expect(s.nodes.map((n) => n.name).sort()).toEqual(["node2", "node3", "node4"]);
    expect(s.nodes.every((n) => n.online)).toBe(true);
    const ids = s.resources.map((r) => r.id);
    for (const id of ["my_ping_fence_device", "balanceGroup", "WebService1", "WebService2", "WebService3", "ping-clone", "pgsql-clone"]) {
      expect(ids).toContain(id);
    }
    expect(whereIs(s, "WebService1")).toEqual(["node2"]);
    expect(whereIs(s, "ping")).toEqual(["node2", "node3", "node4"]);
    expect(attr(s, "node2", "pgsql-status")).toBe("PRI");
  });

  it("pushes a change made by hand with crm_attribute, fast", async () => {
    // Measured from the moment crm_attribute has written the file (its own run is not ours to count).
    const samples: number[] = [];
    for (let i = 0; i < 7; i++) {
      const value = `v${i}-${Date.now()}`;
      let written = 0;
      const seen = client.waitForStatus((s) => attr(s, "node3", "vigil-test") === value, 5000).then(() => performance.now());
      const r = await pcmk(demo.cibFile, "crm_attribute", ["-N", "node3", "-n", "vigil-test", "-v", value, "-l", "reboot"]);
      written = performance.now();
      expect(r.code).toBe(0);
      samples.push(Math.max(0, (await seen) - written));
      await new Promise((res) => setTimeout(res, 200));
    }
    samples.sort((a, b) => a - b);
    // crm_mon alone goes from ~25 ms to ~500 ms when the machine is overloaded (shared CI boxes):
    // hold the target on a machine with room, and only a sanity bound on one without.
    const loadPerCore = loadavg()[0]! / cpus().length;
    const bound = loadPerCore > 2 ? 3000 : 1000;
    console.log(`CIB change → client (after crm_attribute exits), sorted: ${samples.map((m) => m.toFixed(0)).join(", ")} ms (load/core ${loadPerCore.toFixed(1)}, median bound ${bound} ms)`);
    expect(samples[3]!).toBeLessThan(bound);
  });

  it("moves \"Last change\" after a change (file mode itself never does)", async () => {
    const before = client.status!.summary.lastChange?.time;
    await new Promise((r) => setTimeout(r, 1100)); // the stamp has a one-second resolution
    await pcmk(demo.cibFile, "crm_attribute", ["-N", "node4", "-n", "vigil-stamp", "-v", "1", "-l", "forever"]);
    const s = await client.waitForStatus((st) => st.summary.lastChange?.time !== before, 5000);
    expect(s.summary.lastChange?.time).toMatch(/\d\d:\d\d:\d\d/);
  });

  it("lets crm_simulate carry a move made by hand with crm_resource", async () => {
    const t0 = performance.now();
    const moved = client.waitForStatus((s) => whereIs(s, "WebService2").join() === "node4", 10_000);
    const r = await pcmk(demo.cibFile, "crm_resource", ["--move", "-r", "WebService2", "-N", "node4"]);
    expect(r.code).toBe(0);
    await moved;
    console.log(`crm_resource --move by hand → client sees it running on the target: ${(performance.now() - t0).toFixed(0)} ms`);
    // the other agents see the same cluster
    await other.waitForStatus((s) => whereIs(s, "WebService2").join() === "node4", 5000);
    await pcmk(demo.cibFile, "crm_resource", ["--clear", "-r", "WebService2"]);
  });

  it("moves a resource on request, and clears the move", async () => {
    const t0 = performance.now();
    const result = await client.request("resource.move", { rsc: "WebService1", node: "node4", lifetime: "PT1H" });
    expect(result).toMatchObject({ seq: expect.any(Number), settle: { skipped: expect.any(Boolean) } });
    await client.waitForStatus((s) => whereIs(s, "WebService1").join() === "node4", 5000);
    console.log(`resource.move request → status shows it on node4: ${(performance.now() - t0).toFixed(0)} ms`);
    expect(client.status!.bans.length + (client.status!.configuration?.constraints ? 1 : 0)).toBeGreaterThan(0);
    await client.request("resource.clear", { rsc: "WebService1" });
    // stickiness keeps it where it is after the clear; the constraint is gone
    const cfg = await pcmk(demo.cibFile, "cibadmin", ["--query", "-o", "constraints"]);
    expect(cfg.stdout).not.toContain("cli-prefer-WebService1");
  });

  it("puts a node in standby and back; the cluster moves resources off it", async () => {
    await client.request("node.standby", { node: "node4", on: true });
    const s = await client.waitForStatus((st) => st.nodes.find((n) => n.name === "node4")?.standby === true, 5000);
    expect(whereIs(s, "WebService3")).not.toContain("node4");
    await client.request("node.standby", { node: "node4", on: false });
    await client.waitForStatus((st) => st.nodes.find((n) => n.name === "node4")?.standby === false, 5000);
  });

  it("answers unknown ids clearly", async () => {
    await expect(client.request("resource.move", { rsc: "NoSuchThing", node: "node3" })).rejects.toMatchObject({ code: "not_found", message: expect.stringContaining("NoSuchThing") });
    await expect(client.request("node.standby", { node: "node9", on: true })).rejects.toMatchObject({ code: "not_found", message: expect.stringContaining("node9") });
    await expect(client.request("no.such.action", {})).rejects.toBeInstanceOf(AgentRequestError);
  });

  it("never loses a write when all three agents change the one CIB at once", async () => {
    const clients = [client, other, await connected(demo.urls[0]!, demo.token)];
    const writes = clients.flatMap((c, i) =>
      [0, 1, 2, 3].map((k) => c.request("node.attribute.set", { node: "node4", name: `race-${i}-${k}`, value: `${i}.${k}`, lifetime: "forever" })),
    );
    await Promise.all(writes);
    const s = await client.waitForStatus((st) => clients.every((_, i) => [0, 1, 2, 3].every((k) => attr(st, "node4", `race-${i}-${k}`) === `${i}.${k}`)), 10_000);
    expect(s.nodes).toHaveLength(3);
    clients[2]!.close();
    const check = await pcmk(demo.cibFile, "crm_verify", ["--live-check"]);
    expect(check.stderr).not.toMatch(/parse|syntax/i);
  });

  it("keeps serving when one agent dies", async () => {
    await demo.kill("node2");
    const value = `after-kill-${Date.now()}`;
    const seen = client.waitForStatus((s) => attr(s, "node2", "vigil-test") === value, 5000);
    await pcmk(demo.cibFile, "crm_attribute", ["-N", "node2", "-n", "vigil-test", "-v", value, "-l", "reboot"]);
    await seen;
    await other.waitForStatus((s) => attr(s, "node2", "vigil-test") === value, 5000);
  });
});
