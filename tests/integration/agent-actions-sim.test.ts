/**
 * Every action in sim mode, on the real demo CIB (scripts/demo-cib.sh), with the real Pacemaker tools
 * and crm_simulate settling after each change. The effect is read back independently of the agent:
 * crm_mon's XML on the file, parsed by buildStatus.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildStatus, CRM_MON_ARGS, type ClusterStatus, type Resource } from "@/lib/pacemaker";
import {
  ChangeResultSchema,
  RequestErrorSchema,
  SimulateMoveResultSchema,
  SimulateScoresResultSchema,
  type ChangeResult,
  type SimulateMoveResult,
} from "@/lib/protocol";
import { createActionHandler } from "@/agent/actions";
import { startAgent } from "@/agent/agent";
import { seedDemoCib } from "@/agent/demo";
import { createStatusSource } from "@/agent/status-source";
import { AgentRequestError } from "@/lib/agent-client";
import { attr, connected, freePorts, instances, pcmk, whereIs } from "./agent-helpers";

let base = "";
let template = "";

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), "vigil-actions-sim-"));
  template = join(base, "demo.xml");
  await seedDemoCib(template);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** A fresh copy of the demo CIB with an agent's action handler on it (its own settle after each change). */
async function cluster() {
  const dir = mkdtempSync(join(base, "c-"));
  const cib = join(dir, "cib.xml");
  copyFileSync(template, cib);
  const logs: string[] = [];
  const log = (_l: string, m: string) => void logs.push(m);
  const source = createStatusSource({ env: { CIB_file: cib }, cibFile: cib, log });
  await source.refresh();
  const handler = createActionHandler({ source, log, cibFile: cib });
  /** A change that must succeed: its ChangeResult. */
  const act = async (action: string, params: Record<string, unknown>, cibUser?: string): Promise<ChangeResult> => {
    const r = await handler(action, params, cibUser ? { cibUser } : undefined);
    expect(r.ok, `${action} ${JSON.stringify(params)}: ${JSON.stringify(r)}`).toBe(true);
    return ChangeResultSchema.parse((r as { result: unknown }).result);
  };
  const fail = async (action: string, params: Record<string, unknown>, cibUser?: string) => {
    const r = await handler(action, params, cibUser ? { cibUser } : undefined);
    expect(r.ok, `${action} should fail: ${JSON.stringify(r)}`).toBe(false);
    return RequestErrorSchema.parse((r as { error: unknown }).error);
  };
  const query = async (action: string, params: Record<string, unknown>): Promise<unknown> => {
    const r = await handler(action, params);
    expect(r.ok, `${action} ${JSON.stringify(params)}: ${JSON.stringify(r)}`).toBe(true);
    return (r as { result: unknown }).result;
  };
  /** The truth: crm_mon on the file, parsed. */
  const status = async (): Promise<ClusterStatus> => {
    const mon = await pcmk(cib, "crm_mon", [...CRM_MON_ARGS]);
    expect(mon.code, mon.stderr).toBe(0);
    return buildStatus({ crmMonXml: mon.stdout, cibXml: readFileSync(cib, "utf8") });
  };
  return { dir, cib, act, fail, query, status, logs, tool: (t: string, args: string[]) => pcmk(cib, t, args) };
}

const roleOf = (s: ClusterStatus, id: string): string[] => {
  const roles: string[] = [];
  const walk = (r: Resource): void => {
    if (r.kind === "primitive") return void (r.id === id && roles.push(r.role));
    if (r.kind === "group" || r.kind === "clone") r.children.forEach((c) => walk(c as Resource));
  };
  s.resources.forEach(walk);
  return roles;
};
const node = (s: ClusterStatus, name: string) => s.nodes.find((n) => n.name === name)!;
const failCount = (s: ClusterStatus, n: string, rsc: string): string | null =>
  s.nodeHistory?.find((h) => h.node === n)?.resources.find((r) => r.id === rsc)?.failCount ?? null;
const lines = (r: { commands: { line: string }[] }) => r.commands.map((c) => c.line);
/** The call-id of the last start of rsc on node in the CIB's status section (a restart makes a new one). */
function lastStartCall(cib: string, rsc: string, onNode: string): number {
  const text = readFileSync(cib, "utf8");
  const state = new RegExp(`<node_state [^>]*uname="${onNode}"[\\s\\S]*?</node_state>`).exec(text)?.[0] ?? "";
  const calls = [...state.matchAll(new RegExp(`<lrm_rsc_op [^>]*operation_key="${rsc}_start_0"[^>]*call-id="(\\d+)"`, "g"))].map((m) => Number(m[1]));
  return Math.max(-1, ...calls);
}
/** last-rc-change (seconds) of the last start of rsc on node: crm_simulate stamps the time it ran it. */
function lastStartTime(cib: string, rsc: string, onNode: string): number {
  const text = readFileSync(cib, "utf8");
  const state = new RegExp(`<node_state [^>]*uname="${onNode}"[\\s\\S]*?</node_state>`).exec(text)?.[0] ?? "";
  const op = new RegExp(`<lrm_rsc_op [^>]*operation_key="${rsc}_start_0"[^>]*>`).exec(state)?.[0] ?? "";
  return Number(/last-rc-change="(\d+)"/.exec(op)?.[1] ?? -1);
}

describe("node actions", () => {
  it("standby on and off: the node's resources leave it and may come back", async () => {
    const c = await cluster();
    expect(whereIs(await c.status(), "WebService2")).toEqual(["node3"]);
    const r = await c.act("node.standby", { node: "node3", on: true });
    expect(lines(r)).toEqual(["crm_attribute --type=nodes --node=node3 --name=standby --update=on"]);
    expect(r.commands[0]!.code).toBe(0);
    expect(r.epochBefore).toMatch(/^\d+\.\d+\.\d+$/);
    expect(r.epochAfter).not.toBe(r.epochBefore);
    let s = await c.status();
    expect(node(s, "node3").standby).toBe(true);
    expect(node(s, "node3").resourcesRunning).toBe(0);
    expect(whereIs(s, "WebService2")).toHaveLength(1);
    expect(whereIs(s, "WebService2")).not.toContain("node3");
    await c.act("node.standby", { node: "node3", on: false });
    s = await c.status();
    expect(node(s, "node3").standby).toBe(false);
    expect(node(s, "node3").resourcesRunning).toBeGreaterThan(0); // its clone instances start again
  });

  it("node maintenance on and off", async () => {
    const c = await cluster();
    await c.act("node.maintenance", { node: "node4", on: true });
    expect(node(await c.status(), "node4").maintenance).toBe(true);
    await c.act("node.maintenance", { node: "node4", on: false });
    expect(node(await c.status(), "node4").maintenance).toBe(false);
  });

  it("fence: the node goes OFFLINE as after a successful fence, its resources recovered elsewhere", async () => {
    const c = await cluster();
    expect(whereIs(await c.status(), "WebService3")).toEqual(["node4"]);
    const r = await c.act("node.fence", { node: "node4" });
    expect(lines(r)).toHaveLength(1);
    expect(lines(r)[0]).toMatch(/^crm_simulate -x \S+ -q true --node-fail=node4 -S -O \S+$/);
    expect(r.output).toContain("Fence (reboot) node4");
    const s = await c.status();
    expect(node(s, "node4").online).toBe(false);
    expect(node(s, "node4").unclean).toBe(false);
    expect(whereIs(s, "WebService3")).toHaveLength(1);
    expect(whereIs(s, "WebService3")).not.toContain("node4");
    expect(whereIs(s, "ping")).toEqual(["node2", "node3"]);
    // no scratch file left next to the CIB
    expect(readdirSync(c.dir).filter((f) => f.includes(".fence."))).toEqual([]);
  });

  it("fence of the DC: another node becomes DC, as after an election", async () => {
    const c = await cluster();
    expect((await c.status()).summary.dc?.name).toBe("node2");
    const r = await c.act("node.fence", { node: "node2" });
    expect(lines(r)[1]).toBe(`cibadmin --modify '--xml-text=<cib dc-uuid="2"/>'`);
    const s = await c.status();
    expect(node(s, "node2").online).toBe(false);
    expect(s.summary.dc?.name).toBe("node3");
    expect(whereIs(s, "WebService1")).toHaveLength(1);
    expect(whereIs(s, "WebService1")).not.toContain("node2");
    expect(instances(s, "pgsql").filter((i) => i.role === "Promoted")).toHaveLength(1);
  });

  it("attributes: set and delete, permanent (nodes section) and transient (status section)", async () => {
    const c = await cluster();
    await c.act("node.attribute.set", { node: "node2", name: "rack", value: "r 12; $(x)", lifetime: "forever" });
    await c.act("node.attribute.set", { node: "node3", name: "vigil-t", value: "7", lifetime: "reboot" });
    let s = await c.status();
    const rack = s.nodeAttributes.find((n) => n.node === "node2")!.attributes.find((a) => a.name === "rack")!;
    expect(rack).toMatchObject({ value: "r 12; $(x)", permanent: "r 12; $(x)", transient: null });
    const t = s.nodeAttributes.find((n) => n.node === "node3")!.attributes.find((a) => a.name === "vigil-t")!;
    expect(t).toMatchObject({ value: "7", transient: "7", permanent: null });
    await c.act("node.attribute.delete", { node: "node2", name: "rack", lifetime: "forever" });
    await c.act("node.attribute.delete", { node: "node3", name: "vigil-t", lifetime: "reboot" });
    s = await c.status();
    expect(attr(s, "node2", "rack")).toBeNull();
    expect(attr(s, "node3", "vigil-t")).toBeNull();
    expect(attr(s, "node3", "pgsql-status")).toBe("HS:sync"); // the others are untouched
  });
});

describe("resource actions", () => {
  it("stop and start", async () => {
    const c = await cluster();
    const r = await c.act("resource.stop", { rsc: "WebService1" });
    expect(lines(r)).toEqual(["crm_resource --resource=WebService1 --meta --set-parameter=target-role --parameter-value=Stopped"]);
    expect(r.output).toContain("target-role");
    expect(roleOf(await c.status(), "WebService1")).toEqual(["Stopped"]);
    await c.act("resource.start", { rsc: "WebService1" });
    expect(instances(await c.status(), "WebService1")).toEqual([{ node: "node2", role: "Started" }]);
  });

  it("restart: stopped and started again where it ran, target-role as before", async () => {
    const c = await cluster();
    const before = lastStartCall(c.cib, "WebService1", "node2");
    expect(before).toBeGreaterThan(0);
    const r = await c.act("resource.restart", { rsc: "WebService1" });
    expect(lines(r)).toEqual([
      "crm_resource --resource=WebService1 --meta --set-parameter=target-role --parameter-value=Stopped",
      "crm_resource --resource=WebService1 --meta --delete-parameter=target-role",
    ]);
    expect(lastStartCall(c.cib, "WebService1", "node2")).toBeGreaterThan(before);
    const s = await c.status();
    expect(instances(s, "WebService1")).toEqual([{ node: "node2", role: "Started" }]);
    expect(readFileSync(c.cib, "utf8")).not.toMatch(/WebService1-meta_attributes-target-role/);
    // A resource with a target-role of its own gets it back.
    await c.act("resource.start", { rsc: "WebService2" });
    const r2 = await c.act("resource.restart", { rsc: "WebService2" });
    expect(lines(r2)[1]).toBe("crm_resource --resource=WebService2 --meta --set-parameter=target-role --parameter-value=Started");
    expect(instances(await c.status(), "WebService2")).toEqual([{ node: "node3", role: "Started" }]);
  });

  it("restart of one clone instance (node given): a ban from that node, then clearing it", async () => {
    const c = await cluster();
    const before = lastStartCall(c.cib, "ping", "node3");
    const r = await c.act("resource.restart", { rsc: "ping-clone", node: "node3" });
    expect(lines(r)).toEqual(["crm_resource --ban --resource=ping-clone --node=node3", "crm_resource --clear --resource=ping-clone --node=node3"]);
    expect(lastStartCall(c.cib, "ping", "node3")).toBeGreaterThan(before);
    const s = await c.status();
    expect(whereIs(s, "ping")).toEqual(["node2", "node3", "node4"]);
    expect(s.bans).toEqual([]);
  });

  it("promote and demote a promotable clone (target-role Promoted / Unpromoted)", async () => {
    const c = await cluster();
    expect(instances(await c.status(), "pgsql").filter((i) => i.role === "Promoted")).toEqual([{ node: "node2", role: "Promoted" }]);
    const r = await c.act("resource.demote", { rsc: "pgsql-clone" });
    expect(lines(r)).toEqual(["crm_resource --resource=pgsql-clone --meta --set-parameter=target-role --parameter-value=Unpromoted"]);
    let s = await c.status();
    expect(instances(s, "pgsql").map((i) => i.role)).toEqual(["Unpromoted", "Unpromoted", "Unpromoted"]);
    await c.act("resource.promote", { rsc: "pgsql" }); // the child: crm_resource hands it to the clone
    s = await c.status();
    expect(instances(s, "pgsql").filter((i) => i.role === "Promoted")).toEqual([{ node: "node2", role: "Promoted" }]);
    expect((await c.fail("resource.promote", { rsc: "WebService1" })).code).toBe("invalid_params");
  });

  it("unmanage and manage", async () => {
    const c = await cluster();
    await c.act("resource.unmanage", { rsc: "WebService3" });
    const p = (s: ClusterStatus) => s.resources.find((r) => r.id === "WebService3") as Extract<Resource, { kind: "primitive" }>;
    expect(p(await c.status()).managed).toBe(false);
    await c.act("resource.manage", { rsc: "WebService3" });
    expect(p(await c.status()).managed).toBe(true);
  });

  it("cleanup after an injected failure: the failcount is back to 0 and the failure gone", async () => {
    const c = await cluster();
    const inj = await c.tool("crm_simulate", ["-x", c.cib, "-q", "true", "-i", "WebService2_monitor_30000@node3=7", "-S", "-O", c.cib]);
    expect(inj.code, inj.stderr).toBe(0);
    let s = await c.status();
    expect(failCount(s, "node3", "WebService2")).toBe("1");
    expect(s.failures.map((f) => f.opKey)).toEqual(["WebService2_monitor_30000"]);
    const r = await c.act("resource.cleanup", { rsc: "WebService2" });
    expect(lines(r)).toEqual([
      "cibadmin --delete-all --force '--xpath=/cib/status/node_state/lrm/lrm_resources/lrm_resource[@id='\\''WebService2'\\'' or starts-with(@id,'\\''WebService2:'\\'')][lrm_rsc_op[contains(@id,'\\''_last_failure_'\\'')]]'",
      "cibadmin --delete-all --force '--xpath=/cib/status/node_state/transient_attributes/instance_attributes/nvpair[starts-with(@name,'\\''fail-count-WebService2#'\\'') or starts-with(@name,'\\''fail-count-WebService2:'\\'') or starts-with(@name,'\\''last-failure-WebService2#'\\'') or starts-with(@name,'\\''last-failure-WebService2:'\\'')]'",
    ]);
    s = await c.status();
    expect(failCount(s, "node3", "WebService2") ?? "0").toBe("0");
    expect(s.failures).toEqual([]);
    expect(instances(s, "WebService2")).toEqual([{ node: "node3", role: "Started" }]);
    // everyone else's history is untouched: WebService1 still runs, not restarted
    expect(whereIs(s, "WebService1")).toEqual(["node2"]);
  });

  it("cleanup of everything on one node, and with nothing failed (a no-op)", async () => {
    const c = await cluster();
    await c.tool("crm_simulate", ["-x", c.cib, "-q", "true", "-i", "WebService3_monitor_30000@node4=1", "-i", "ping_monitor_10000@node2=1", "-S", "-O", c.cib]);
    let s = await c.status();
    expect(s.failures.map((f) => `${f.opKey}@${f.node}`).sort()).toEqual(["WebService3_monitor_30000@node4", "ping_monitor_10000@node2"]);
    await c.act("resource.cleanup", { node: "node4" });
    s = await c.status();
    expect(s.failures.map((f) => `${f.opKey}@${f.node}`)).toEqual(["ping_monitor_10000@node2"]);
    await c.act("resource.cleanup", {});
    s = await c.status();
    expect(s.failures).toEqual([]);
    const again = await c.act("resource.cleanup", {});
    expect(again.epochAfter).toBe(again.epochBefore);
  });

  it("refresh: the history is forgotten and re-probed; the resource runs where it did", async () => {
    const c = await cluster();
    const before = lastStartTime(c.cib, "WebService1", "node2");
    expect(before).toBeGreaterThan(0);
    await new Promise((res) => setTimeout(res, 1100)); // the stamp has a one-second resolution
    const r = await c.act("resource.refresh", { rsc: "WebService1", node: "node2" });
    expect(lines(r)[0]).toContain("/cib/status/node_state[@uname='\\''node2'\\'']/lrm/lrm_resources/lrm_resource[@id='\\''WebService1'\\''");
    const s = await c.status();
    expect(instances(s, "WebService1")).toEqual([{ node: "node2", role: "Started" }]);
    // A fresh history: crm_simulate's probe answers "not running", so the cluster starts it again there.
    expect(lastStartTime(c.cib, "WebService1", "node2")).toBeGreaterThan(before);
    // the other nodes' history of it, and other resources' history on node2, are kept
    expect(readFileSync(c.cib, "utf8")).toMatch(/<node_state [^>]*uname="node3"[\s\S]*?operation_key="WebService1_monitor_0"/);
    expect(lastStartTime(c.cib, "my_ping_fence_device", "node2")).toBe(lastStartTime(template, "my_ping_fence_device", "node2"));
  });

  it("move with lifetime, ban, clear", async () => {
    const c = await cluster();
    let r = await c.act("resource.move", { rsc: "WebService1", node: "node3", lifetime: "PT1H" });
    expect(lines(r)).toEqual(["crm_resource --move --resource=WebService1 --node=node3 --lifetime=PT1H"]);
    let s = await c.status();
    expect(whereIs(s, "WebService1")).toEqual(["node3"]);
    const prefer = s.configuration!.constraints.find((k) => k.id === "cli-prefer-WebService1");
    expect(prefer).toMatchObject({ kind: "rsc_location", rsc: "WebService1" });
    expect(JSON.stringify(prefer)).toMatch(/date_expression|lt/); // the lifetime is a date rule
    r = await c.act("resource.ban", { rsc: "WebService1" }); // from where it runs now
    expect(r.output).toContain("cli-ban-WebService1-on-node3");
    s = await c.status();
    expect(s.bans.map((b) => `${b.resource}@${b.node}`)).toEqual(["WebService1@node3"]);
    expect(whereIs(s, "WebService1")).not.toContain("node3");
    await c.act("resource.clear", { rsc: "WebService1" });
    s = await c.status();
    expect(s.bans).toEqual([]);
    expect(s.configuration!.constraints.filter((k) => k.id.startsWith("cli-"))).toEqual([]);
    expect(whereIs(s, "WebService1")).toEqual(["node2"]);
    await c.act("resource.ban", { rsc: "WebService3", node: "node4", lifetime: "P1D" });
    expect(whereIs(await c.status(), "WebService3")).not.toContain("node4");
    await c.act("resource.clear", { rsc: "WebService3", node: "node4" });
    s = await c.status();
    expect(s.bans).toEqual([]);
    expect(whereIs(s, "WebService3")).toHaveLength(1); // stickiness keeps it where the ban sent it
  });

  it("move, ban and clear of the promoted instance", async () => {
    const c = await cluster();
    await c.act("resource.move", { rsc: "pgsql-clone", node: "node3", promoted: true });
    let s = await c.status();
    expect(instances(s, "pgsql").filter((i) => i.role === "Promoted").map((i) => i.node)).toEqual(["node3"]);
    expect(instances(s, "pgsql")).toHaveLength(3);
    await c.act("resource.clear", { rsc: "pgsql-clone", promoted: true });
    await c.act("resource.ban", { rsc: "pgsql-clone", node: "node3", promoted: true });
    s = await c.status();
    expect(s.bans).toEqual([expect.objectContaining({ resource: "pgsql-clone", node: "node3", promotedOnly: true })]);
    expect(instances(s, "pgsql").filter((i) => i.role === "Promoted").map((i) => i.node)).not.toContain("node3");
    expect(whereIs(s, "pgsql")).toContain("node3"); // still runs there, unpromoted
  });
});

describe("cluster and tickets", () => {
  it("cluster maintenance and stop-all", async () => {
    const c = await cluster();
    await c.act("cluster.maintenance", { on: true });
    let s = await c.status();
    expect(s.summary.clusterOptions?.maintenanceMode).toBe(true);
    expect(s.warnings.map((w) => w.code)).toContain("maintenance-mode");
    await c.act("cluster.maintenance", { on: false });
    expect((await c.status()).summary.clusterOptions?.maintenanceMode).toBe(false);
    await c.act("cluster.stopAll", { on: true });
    s = await c.status();
    expect(s.summary.clusterOptions?.stopAllResources).toBe(true);
    expect(whereIs(s, "WebService1")).toEqual([]);
    expect(whereIs(s, "ping")).toEqual([]);
    await c.act("cluster.stopAll", { on: false });
    s = await c.status();
    expect(whereIs(s, "WebService1")).toEqual(["node2"]);
    expect(whereIs(s, "ping")).toEqual(["node2", "node3", "node4"]);
  });

  it("tickets: grant, standby, activate, revoke, with a ticket constraint", async () => {
    const c = await cluster();
    const mk = await c.tool("cibadmin", ["-C", "-o", "constraints", "-X", '<rsc_ticket id="WebService1-needs-tA" rsc="WebService1" ticket="tA" loss-policy="stop"/>']);
    expect(mk.code, mk.stderr).toBe(0);
    await c.act("refresh", {}); // the agent learns of the constraint (and so of the ticket)
    await c.act("node.attribute.set", { node: "node2", name: "settle-me", value: "1", lifetime: "forever" }); // a settle: it stops without the ticket
    expect(whereIs(await c.status(), "WebService1")).toEqual([]);
    const g = await c.act("ticket.grant", { ticket: "tA" });
    expect(lines(g)).toEqual(["crm_ticket --ticket=tA --grant --force"]);
    let s = await c.status();
    expect(s.tickets).toEqual([expect.objectContaining({ id: "tA", status: "granted", standby: false })]);
    expect(whereIs(s, "WebService1")).toEqual(["node2"]);
    await c.act("ticket.standby", { ticket: "tA" });
    s = await c.status();
    expect(s.tickets?.[0]).toMatchObject({ id: "tA", standby: true });
    expect(whereIs(s, "WebService1")).toEqual([]);
    await c.act("ticket.activate", { ticket: "tA" });
    s = await c.status();
    expect(s.tickets?.[0]).toMatchObject({ standby: false });
    expect(whereIs(s, "WebService1")).toEqual(["node2"]);
    await c.act("ticket.revoke", { ticket: "tA" });
    s = await c.status();
    expect(s.tickets?.[0]).toMatchObject({ status: "revoked" });
    expect(whereIs(s, "WebService1")).toEqual([]);
    expect((await c.fail("ticket.grant", { ticket: "nope" })).code).toBe("not_found");
  });
});

describe("simulate.* (read-only)", () => {
  it("simulate.move: the impact, group members included, and the CIB untouched", async () => {
    const c = await cluster();
    const before = readFileSync(c.cib, "utf8");
    const m = SimulateMoveResultSchema.parse(await c.query("simulate.move", { rsc: "WebService1", node: "node3" }));
    expect(m.blocked).toBeNull();
    expect(m.changes).toEqual([{ resource: "WebService1", change: "move", from: "node2", to: "node3" }]);
    expect(m.actions).toContainEqual({ task: "start", resource: "WebService1", node: "node3", interval: null });
    expect(m.commands.map((x) => x.line)).toEqual([
      expect.stringMatching(/^CIB_file=\S+\/cib\.xml crm_resource --move --resource=WebService1 --node=node3$/),
      expect.stringMatching(/^crm_simulate -x \S+ -q true -S -s --output-as=xml$/),
    ]);
    const g = SimulateMoveResultSchema.parse(await c.query("simulate.move", { rsc: "my_lvs", node: "node2" }));
    expect(g.changes).toEqual([
      { resource: "virtual_ip", change: "move", from: "node3", to: "node2" },
      { resource: "my_lvs", change: "move", from: "node3", to: "node2" },
    ]);
    const p = SimulateMoveResultSchema.parse(await c.query("simulate.move", { rsc: "pgsql-clone", node: "node4", promoted: true }));
    expect(p.changes).toEqual(expect.arrayContaining([expect.objectContaining({ change: "promote", to: "node4" }), expect.objectContaining({ change: "demote", from: "node2" })]));
    expect(p.blocked).toBeNull();
    expect(readFileSync(c.cib, "utf8")).toBe(before);
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith("vigil-simulate-"))).toEqual([]);
  });

  it("simulate.move to a node that cannot take it says why: standby, a -INFINITY constraint; to where it runs: a clear error", async () => {
    const c = await cluster();
    await c.act("node.standby", { node: "node4", on: true });
    let m: SimulateMoveResult = SimulateMoveResultSchema.parse(await c.query("simulate.move", { rsc: "WebService1", node: "node4" }));
    expect(m.blocked).toBe("node4 is in standby");
    expect(m.changes).toEqual([]);
    await c.act("node.standby", { node: "node4", on: false });
    const mk = await c.tool("cibadmin", ["-C", "-o", "constraints", "-X", '<rsc_location id="WebService1-never-node3" rsc="WebService1" node="node3" score="-INFINITY"/>']);
    expect(mk.code).toBe(0);
    await c.act("refresh", {});
    m = SimulateMoveResultSchema.parse(await c.query("simulate.move", { rsc: "WebService1", node: "node3" }));
    expect(m.blocked).toBe("WebService1 is banned from node3 (constraint WebService1-never-node3, score -INFINITY)");
    const e = await c.fail("simulate.move", { rsc: "WebService1", node: "node2" });
    expect(e.code).toBe("invalid_params");
    expect(e.message).toContain("WebService1 already runs on node2");
    expect(e.message).toContain("Requested item already exists");
    expect(e.commands?.[0]?.code).toBe(108);
  });

  it("simulate.scores: all, or one resource with its instances", async () => {
    const c = await cluster();
    const all = SimulateScoresResultSchema.parse(await c.query("simulate.scores", {}));
    expect(all.commands.map((x) => x.line)).toEqual([expect.stringMatching(/^crm_simulate -s -x \S+ -q true$/)]);
    expect(all.scores).toContainEqual({ kind: "pcmk__primitive_assign", resource: "WebService1", node: "node2", score: "200" });
    expect(all.scores.some((s) => s.kind === "promotion")).toBe(true);
    const pg = SimulateScoresResultSchema.parse(await c.query("simulate.scores", { rsc: "pgsql-clone" }));
    expect(new Set(pg.scores.map((s) => s.resource))).toEqual(new Set(["pgsql-clone", "pgsql:0", "pgsql:1", "pgsql:2"]));
    await c.act("resource.ban", { rsc: "WebService2", node: "node3" });
    const ws = SimulateScoresResultSchema.parse(await c.query("simulate.scores", { rsc: "WebService2" }));
    expect(ws.scores.map((s) => s.resource)).toEqual(["WebService2", "WebService2", "WebService2"]);
    expect(ws.scores.find((s) => s.node === "node3")?.score).toBe("-INFINITY");
  });
});

describe("refusals", () => {
  it("bad params, unknown ids and an ACL refusal (CIB_user) get clear errors, and nothing changes", async () => {
    const c = await cluster();
    const before = readFileSync(c.cib, "utf8");
    expect((await c.fail("node.standby", { node: "node3", on: "yes" })).message).toMatch(/^node\.standby: on: /);
    expect((await c.fail("resource.move", { rsc: "WebService1", node: "node9" })).code).toBe("not_found");
    expect((await c.fail("resource.stop", { rsc: "-rf" })).code).toBe("invalid_params");
    expect(readFileSync(c.cib, "utf8")).toBe(before);
    // enable-acl, viewer1 may only read
    expect((await c.tool("cibadmin", ["-C", "-o", "configuration", "-X", '<acls><acl_role id="ro"><acl_permission id="ro-r" kind="read" xpath="/cib"/></acl_role><acl_target id="viewer1"><role id="ro"/></acl_target></acls>'])).code).toBe(0);
    expect((await c.tool("crm_attribute", ["--type=crm_config", "--name=enable-acl", "--update=true"])).code).toBe(0);
    const e = await c.fail("resource.stop", { rsc: "WebService1" }, "viewer1");
    expect(e.code).toBe("not_permitted");
    expect(e.message).toContain("Insufficient privileges");
    expect(e.commands).toEqual([expect.objectContaining({ code: 4 })]);
    await c.tool("crm_simulate", ["-x", c.cib, "-q", "true", "-i", "WebService2_monitor_30000@node3=7", "-S", "-O", c.cib]);
    const e2 = await c.fail("resource.cleanup", {}, "viewer1");
    expect(e2.code).toBe("not_permitted");
    expect(e2.message).toMatch(/Permission denied|Insufficient privileges/);
    const s = await c.status();
    expect(whereIs(s, "WebService1")).toEqual(["node2"]);
    expect(s.failures).toHaveLength(1);
    await c.act("resource.cleanup", {}); // the agent's own (root) privileges still work
    expect((await c.status()).failures).toEqual([]);
  });
});

describe("several agents on one CIB file", () => {
  it("concurrent requests from two agents' handlers never lose each other's writes", async () => {
    const c = await cluster();
    const otherSource = createStatusSource({ env: { CIB_file: c.cib }, cibFile: c.cib, log: () => undefined });
    await otherSource.refresh();
    const other = createActionHandler({ source: otherSource, log: () => undefined, cibFile: c.cib });
    // (this one never read a status: ids go unchecked and Pacemaker itself validates them)
    const mine = createActionHandler({ source: createStatusSource({ env: { CIB_file: c.cib }, cibFile: c.cib, log: () => undefined }), log: () => undefined, cibFile: c.cib });
    const results = await Promise.all([
      ...[0, 1, 2].map((i) => mine("node.attribute.set", { node: "node2", name: `a${i}`, value: String(i), lifetime: "forever" })),
      ...[0, 1, 2].map((i) => other("node.attribute.set", { node: "node3", name: `b${i}`, value: String(i), lifetime: "reboot" })),
      other("resource.restart", { rsc: "WebService3" }),
      mine("resource.move", { rsc: "WebService1", node: "node4" }),
    ]);
    expect(results.map((r) => r.ok)).toEqual(Array(8).fill(true));
    const s = await c.status();
    for (const i of [0, 1, 2]) {
      expect(attr(s, "node2", `a${i}`)).toBe(String(i));
      expect(attr(s, "node3", `b${i}`)).toBe(String(i));
    }
    expect(whereIs(s, "WebService1")).toEqual(["node4"]);
    expect(whereIs(s, "WebService3")).toEqual(["node4"]);
    expect(readFileSync(c.cib, "utf8")).not.toMatch(/WebService3-meta_attributes-target-role/);
  });
});

describe("through a running sim agent", () => {
  it("answers a ChangeResult over the wire, and an error with the commands it ran", async () => {
    const dir = mkdtempSync(join(base, "agent-"));
    const cib = join(dir, "cib.xml");
    copyFileSync(template, cib);
    const [port] = await freePorts(1);
    const token = "t".repeat(32);
    const agent = await startAgent({ mode: "sim", port: port!, host: "127.0.0.1", token, node: "node3", cibFile: cib, log: () => undefined });
    try {
      const client = await connected(agent.server.url, token);
      for (const a of ["node.fence", "resource.cleanup", "simulate.move", "simulate.scores"]) expect(client.hello?.capabilities).toContain(`action:${a}`);
      const moved = client.waitForStatus((s) => whereIs(s, "WebService2").join() === "node4", 20_000);
      const r = ChangeResultSchema.parse(await client.request("resource.move", { rsc: "WebService2", node: "node4" }));
      expect(r.commands[0]!.line).toBe("crm_resource --move --resource=WebService2 --node=node4");
      expect(r.seq).toBeGreaterThan(0);
      await moved;
      const err = await client.request("resource.move", { rsc: "WebService2", node: "node4" }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AgentRequestError);
      expect((err as AgentRequestError).code).toBe("command_failed");
      expect((err as AgentRequestError).message).toContain("Requested item already exists");
      client.close();
    } finally {
      await agent.stop();
    }
  });
});
