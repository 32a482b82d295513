/**
 * The metadata queries through the agent's real request path (createActionHandler, sim mode on the
 * demo CIB), against the real Pacemaker tools and agents installed on this machine. Every answer is
 * validated with its protocol schema; what the agent says is compared with the tools run by hand.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import {
  AgentMetadataResultSchema,
  AgentsResultSchema,
  ClusterMetadataResultSchema,
  ConfigShowResultSchema,
  RequestErrorSchema,
  StandardsResultSchema,
} from "@/lib/protocol";
import { createActionHandler } from "@/agent/actions";
import { seedDemoCib } from "@/agent/demo";
import { CLUSTER_DAEMONS, clearMetadataCache } from "@/agent/metadata";
import { createStatusSource } from "@/agent/status-source";
import type { ActionHandler } from "@/agent/feed";
import { pcmk } from "./agent-helpers";

let base = "";
let cib = "";
let handler: ActionHandler;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), "vigil-metadata-"));
  cib = join(base, "cib.xml");
  await seedDemoCib(cib);
  const log = () => undefined;
  const source = createStatusSource({ env: { CIB_file: cib }, cibFile: cib, log });
  await source.refresh();
  handler = createActionHandler({ source, log, cibFile: cib });
});
afterAll(() => rmSync(base, { recursive: true, force: true }));
// each test sees the tools run (the cache has its own test below)
beforeEach(() => clearMetadataCache());

async function query(action: string, params: Record<string, unknown>): Promise<unknown> {
  const r = await handler(action, params);
  expect(r.ok, `${action} ${JSON.stringify(params)}: ${JSON.stringify(r)}`).toBe(true);
  return (r as { result: unknown }).result;
}
async function refused(action: string, params: Record<string, unknown>) {
  const r = await handler(action, params);
  expect(r.ok, `${action} should fail: ${JSON.stringify(r)}`).toBe(false);
  return RequestErrorSchema.parse((r as { error: unknown }).error);
}
/** A --list-* output, as an admin reads it by hand. */
async function listed(args: string[]): Promise<string[]> {
  const r = await pcmk(cib, "crm_resource", args);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.split("\n").map((l) => l.trim()).filter(Boolean);
}

describe("meta.standards", () => {
  it("lists the classes and OCF providers crm_resource knows", async () => {
    const r = StandardsResultSchema.parse(await query("meta.standards", {}));
    expect(r.standards).toEqual(expect.arrayContaining(["ocf", "lsb", "service", "stonith"]));
    // Pacemaker lists systemd only where systemd runs (it asks systemd over D-Bus); this container has none
    expect(r.standards.includes("systemd")).toBe(existsSync("/run/systemd/system"));
    expect(r.standards).toEqual(await listed(["--list-standards"]));
    expect(r.providers).toEqual(expect.arrayContaining(["heartbeat", "pacemaker"]));
    expect([...r.providers].sort()).toEqual((await listed(["--list-ocf-providers"])).sort());
    expect(r.commands.map((c) => [c.line, c.code])).toEqual([
      ["crm_resource --list-standards", 0],
      ["crm_resource --list-ocf-providers", 0],
    ]);
  });
});

describe("meta.agents", () => {
  it("lists a provider's agents, sorted, each once", async () => {
    const r = AgentsResultSchema.parse(await query("meta.agents", { class: "ocf", provider: "heartbeat" }));
    expect(r.agents).toContain("IPaddr2");
    expect(r.agents).toContain("Filesystem");
    expect(new Set(r.agents).size).toBe(r.agents.length);
    expect([...r.agents].sort()).toEqual([...new Set(await listed(["--list-agents=ocf:heartbeat"]))].sort());
    const lower = r.agents.map((a) => a.toLowerCase());
    expect(lower).toEqual([...lower].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));
    expect(r.commands.map((c) => c.line)).toEqual(["crm_resource --list-agents=ocf:heartbeat"]);
  });

  it("lists every provider's agents for ocf alone (Dummy, in heartbeat and pacemaker, once)", async () => {
    const r = AgentsResultSchema.parse(await query("meta.agents", { class: "ocf" }));
    expect(r.agents).toEqual(expect.arrayContaining(["IPaddr2", "Stateful", "Dummy"]));
    expect(r.agents.filter((a) => a === "Dummy")).toHaveLength(1);
  });

  it("lists lsb and stonith agents", async () => {
    const lsb = AgentsResultSchema.parse(await query("meta.agents", { class: "lsb" }));
    expect(lsb.agents).toContain("corosync");
    const stonith = AgentsResultSchema.parse(await query("meta.agents", { class: "stonith" }));
    expect(stonith.agents).toEqual(expect.arrayContaining(["fence_heuristics_ping", "fence_ipmilan"]));
  });

  it("refuses a provider for a class that has none, and an unknown provider with Pacemaker's words", async () => {
    const e = await refused("meta.agents", { class: "lsb", provider: "heartbeat" });
    expect(e.code).toBe("invalid_params");
    expect(e.message).toMatch(/only OCF agents have a provider/);
    const unknown = await refused("meta.agents", { class: "ocf", provider: "nosuchprovider" });
    expect(unknown.code).toBe("command_failed");
    expect(unknown.message).toMatch(/No agents found for standard 'ocf' and provider 'nosuchprovider'/);
    expect(unknown.commands?.map((c) => c.line)).toEqual(["crm_resource --list-agents=ocf:nosuchprovider"]);
  });
});

describe("meta.agent", () => {
  it("reads IPaddr2's metadata: ip is required and unique", async () => {
    const r = AgentMetadataResultSchema.parse(await query("meta.agent", { agent: { class: "ocf", provider: "heartbeat", type: "IPaddr2" } }));
    expect(r.error).toBeNull();
    const ip = r.metadata?.parameters.find((p) => p.name === "ip");
    expect(ip).toMatchObject({ required: true, unique: true, type: "string" });
    expect(r.metadata?.name).toBe("IPaddr2");
    expect(r.metadata?.actions.find((a) => a.name === "monitor")?.interval).toBe("10s");
    expect(r.commands).toEqual([expect.objectContaining({ line: "crm_resource --show-metadata=ocf:heartbeat:IPaddr2", code: 0 })]);
  });

  it("answers a second request from the cache, without running the agent", async () => {
    const params = { agent: { class: "ocf", provider: "pacemaker", type: "Stateful" } };
    const first = AgentMetadataResultSchema.parse(await query("meta.agent", params));
    expect(first.commands).toHaveLength(1);
    const second = AgentMetadataResultSchema.parse(await query("meta.agent", params));
    expect(second.commands).toEqual([]);
    expect(second.metadata).toEqual(first.metadata);
    // two at once share one run
    clearMetadataCache();
    const both = await Promise.all([query("meta.agent", params), query("meta.agent", params)]);
    const runs = both.map((b) => AgentMetadataResultSchema.parse(b).commands.length).sort();
    expect(runs).toEqual([0, 1]);
  });

  it("reads a fence agent's metadata with its deprecated aliases", async () => {
    const r = AgentMetadataResultSchema.parse(await query("meta.agent", { agent: { class: "stonith", type: "fence_ipmilan" } }));
    expect(r.error).toBeNull();
    const p = (n: string) => r.metadata?.parameters.find((x) => x.name === n);
    expect(p("ipaddr")).toMatchObject({ deprecated: true, replacedWith: "ip" });
    expect(p("ip")).toMatchObject({ deprecated: false });
    expect(p("action")).toMatchObject({ deprecated: true, required: false });
    expect(r.metadata?.shortdesc).toBe("Fence agent for IPMI");
  });

  it("reads the metadata Pacemaker generates for an LSB init script", async () => {
    const r = AgentMetadataResultSchema.parse(await query("meta.agent", { agent: { class: "lsb", type: "corosync" } }));
    expect(r.metadata).toMatchObject({ name: "corosync", parameters: [] });
    expect(r.metadata?.actions.map((a) => a.name)).toContain("monitor");
  });

  it("answers an unknown agent with metadata null and Pacemaker's error, and does not cache it", async () => {
    const params = { agent: { class: "ocf", provider: "heartbeat", type: "NoSuchAgent" } };
    const r = AgentMetadataResultSchema.parse(await query("meta.agent", params));
    expect(r.metadata).toBeNull();
    expect(r.error).toMatch(/Metadata query for ocf:heartbeat:NoSuchAgent failed/);
    expect(r.commands).toEqual([expect.objectContaining({ line: "crm_resource --show-metadata=ocf:heartbeat:NoSuchAgent", code: 105 })]);
    const again = AgentMetadataResultSchema.parse(await query("meta.agent", params));
    expect(again.commands).toHaveLength(1);
  });

  it("refuses an agent reference that is not one", async () => {
    const e = await refused("meta.agent", { agent: { class: "ocf", type: "IPaddr2" } });
    expect(e.code).toBe("invalid_params");
    const bad = await refused("meta.agent", { agent: { class: "ocf", provider: "heartbeat", type: "--help" } });
    expect(bad.code).toBe("invalid_params");
  });
});

describe("meta.cluster", () => {
  it("reads the options of the four daemons", async () => {
    const r = ClusterMetadataResultSchema.parse(await query("meta.cluster", {}));
    expect(r.errors).toEqual([]);
    expect(Object.keys(r.daemons).sort()).toEqual([...CLUSTER_DAEMONS].sort());
    for (const d of CLUSTER_DAEMONS) expect(r.daemons[d]?.name).toBe(d);
    const nqp = r.daemons["pacemaker-schedulerd"]?.parameters.find((p) => p.name === "no-quorum-policy");
    expect(nqp).toMatchObject({ type: "select", default: "stop", options: ["stop", "freeze", "ignore", "demote", "suicide"] });
    expect(r.daemons["pacemaker-based"]?.parameters.map((p) => p.name)).toContain("enable-acl");
    expect(r.daemons["pacemaker-fenced"]?.parameters.find((p) => p.name === "pcmk_host_list")).toBeDefined();
    expect(r.commands).toHaveLength(4);
    for (const c of r.commands) {
      expect(c.code).toBe(0);
      expect(c.line).toMatch(/^\/usr\/lib(exec)?\/pacemaker\/pacemaker-[a-z]+ metadata$/);
    }
  });
});

describe("config.show", () => {
  it("shows the configuration in crm shell syntax where crmsh is installed, else says it is not", async () => {
    const r = ConfigShowResultSchema.parse(await query("config.show", {}));
    if (existsSync("/usr/sbin/crm") || existsSync("/usr/bin/crm")) {
      expect(r.reason).toBeNull();
      expect(r.text).toMatch(/^primitive /m);
    } else {
      expect(r).toMatchObject({ text: null, reason: `crmsh is not installed on ${hostname()}`, commands: [] });
    }
  });
});
