/**
 * Every family of actions against the REAL single-node lab cluster (scripts/lab.sh: corosync +
 * pacemakerd), through the agent's action handler in live mode: it runs liveCommands() as they are
 * shown to users. Effects are read back independently: after `crm_resource --wait`, crm_mon's XML
 * and the CIB, parsed by buildStatus.
 *
 * One lab per machine: run as `flock /tmp/vigil-lab.lock npx vitest run --project integration tests/integration/agent-actions-live.test.ts`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildStatus, CIB_QUERY_ARGS, CRM_MON_ARGS, type ClusterStatus, type Resource } from "@/lib/pacemaker";
import {
  ChangeResultSchema,
  commandLine,
  liveCommands,
  RequestErrorSchema,
  SimulateMoveResultSchema,
  SimulateScoresResultSchema,
  type ChangeResult,
} from "@/lib/protocol";
import { createActionHandler } from "@/agent/actions";
import type { ActionHandler } from "@/agent/feed";
import { runPacemaker } from "@/agent/run";
import { createStatusSource } from "@/agent/status-source";
import { sleep, startLab, stopLab } from "./live-lab";
import { instances } from "./agent-helpers";

let handler: ActionHandler;

async function pcmk(tool: string, args: string[], env?: Record<string, string>): Promise<string> {
  const r = await runPacemaker(tool, args, { timeoutMs: 90_000, env });
  expect(r.code, `${tool} ${args.join(" ")}: ${r.stderr}`).toBe(0);
  return r.stdout;
}
/** Until the cluster has nothing left to do. */
const settle = () => pcmk("crm_resource", ["--wait", "--timeout=60s"]);

async function status(): Promise<ClusterStatus> {
  await settle();
  const [mon, cib] = await Promise.all([pcmk("crm_mon", [...CRM_MON_ARGS]), pcmk("cibadmin", [...CIB_QUERY_ARGS])]);
  return buildStatus({ crmMonXml: mon, cibXml: cib });
}

async function act(action: string, params: Record<string, unknown>, cibUser?: string): Promise<ChangeResult> {
  const r = await handler(action, params, cibUser ? { cibUser } : undefined);
  expect(r.ok, `${action} ${JSON.stringify(params)}: ${JSON.stringify(r)}`).toBe(true);
  const result = ChangeResultSchema.parse((r as { result: unknown }).result);
  // Live, the agent runs exactly what the console showed.
  if (action !== "refresh") expect(result.commands.map((c) => c.line)).toEqual(liveCommands(action as never, params as never).map(commandLine));
  return result;
}
async function fail(action: string, params: Record<string, unknown>, cibUser?: string) {
  const r = await handler(action, params, cibUser ? { cibUser } : undefined);
  expect(r.ok, `${action} should fail: ${JSON.stringify(r)}`).toBe(false);
  return RequestErrorSchema.parse((r as { error: unknown }).error);
}
async function query(action: string, params: Record<string, unknown>): Promise<unknown> {
  const r = await handler(action, params);
  expect(r.ok, `${action} ${JSON.stringify(params)}: ${JSON.stringify(r)}`).toBe(true);
  return (r as { result: unknown }).result;
}

const roles = (s: ClusterStatus, id: string) => instances(s, id).map((i) => i.role);
const primitive = (s: ClusterStatus, id: string) => s.resources.find((r) => r.id === id) as Extract<Resource, { kind: "primitive" }>;
const node1 = (s: ClusterStatus) => s.nodes.find((n) => n.name === "node1")!;
const failCount = (s: ClusterStatus, rsc: string): string | null =>
  s.nodeHistory?.find((h) => h.node === "node1")?.resources.find((r) => r.id === rsc)?.failCount ?? null;
/** last-rc-change of d1's start on node1 in the live CIB (a restart makes a new one). */
async function lastStart(rsc: string): Promise<number> {
  const cib = await pcmk("cibadmin", ["--query", `--xpath=//node_state[@uname='node1']//lrm_resource[@id='${rsc}']`]);
  const op = new RegExp(`<lrm_rsc_op [^>]*operation_key="${rsc}_start_0"[^>]*>`).exec(cib)?.[0] ?? "";
  return Number(/last-rc-change="(\d+)"/.exec(op)?.[1] ?? -1);
}

beforeAll(async () => {
  const ms = await startLab();
  console.log(`lab start: ${ms.toFixed(0)} ms until node1 online`);
  const create = (xml: string) => pcmk("cibadmin", ["--create", "-o", "resources", "-X", xml]);
  await create('<primitive id="d1" class="ocf" provider="pacemaker" type="Dummy"/>');
  await create(
    '<group id="g1"><primitive id="g1a" class="ocf" provider="pacemaker" type="Dummy"/><primitive id="g1b" class="ocf" provider="pacemaker" type="Dummy"/></group>',
  );
  await create(
    '<clone id="st-clone"><meta_attributes id="st-clone-meta"><nvpair id="st-clone-promotable" name="promotable" value="true"/>' +
      '<nvpair id="st-clone-pmax" name="promoted-max" value="1"/></meta_attributes>' +
      '<primitive id="st" class="ocf" provider="pacemaker" type="Stateful"><operations>' +
      '<op id="st-mon-p" name="monitor" interval="10s" role="Promoted"/><op id="st-mon-u" name="monitor" interval="11s" role="Unpromoted"/>' +
      "</operations></primitive></clone>",
  );
  // A second node the cluster knows of but that never joined: somewhere to move to (it stays offline).
  await pcmk("cibadmin", ["--create", "-o", "nodes", "-X", '<node id="2" uname="node2"/>']);
  const source = createStatusSource({ log: () => undefined });
  await settle();
  await source.refresh();
  handler = createActionHandler({ source, log: (l, m) => console.log(`agent ${l}: ${m}`) });
});

afterAll(async () => {
  await stopLab();
});

describe("live: nodes", () => {
  it("standby on and off", async () => {
    expect(roles(await status(), "d1")).toEqual(["Started"]);
    const r = await act("node.standby", { node: "node1", on: true });
    expect(r.commands[0]!.code).toBe(0);
    expect(r.epochBefore).toMatch(/^\d+\.\d+\.\d+$/);
    expect(r.epochAfter).toMatch(/^\d+\.\d+\.\d+$/);
    expect(r.epochAfter).not.toBe(r.epochBefore);
    let s = await status();
    expect(node1(s).standby).toBe(true);
    expect(instances(s, "d1")).toEqual([]);
    await act("node.standby", { node: "node1", on: false });
    s = await status();
    expect(node1(s).standby).toBe(false);
    expect(roles(s, "d1")).toEqual(["Started"]);
  });

  it("maintenance on and off", async () => {
    await act("node.maintenance", { node: "node1", on: true });
    expect(node1(await status()).maintenance).toBe(true);
    await act("node.maintenance", { node: "node1", on: false });
    expect(node1(await status()).maintenance).toBe(false);
  });

  it("attributes, permanent and transient, set and deleted", async () => {
    await act("node.attribute.set", { node: "node1", name: "rack", value: "r 7", lifetime: "forever" });
    await act("node.attribute.set", { node: "node1", name: "vigil-t", value: "x; y", lifetime: "reboot" });
    let s = await status();
    const attrs = s.nodeAttributes.find((n) => n.node === "node1")!.attributes;
    expect(attrs.find((a) => a.name === "rack")).toMatchObject({ permanent: "r 7", transient: null });
    expect(attrs.find((a) => a.name === "vigil-t")).toMatchObject({ transient: "x; y", permanent: null });
    await act("node.attribute.delete", { node: "node1", name: "rack", lifetime: "forever" });
    await act("node.attribute.delete", { node: "node1", name: "vigil-t", lifetime: "reboot" });
    s = await status();
    const after = s.nodeAttributes.find((n) => n.node === "node1")?.attributes ?? [];
    expect(after.filter((a) => a.name === "rack" || a.name === "vigil-t")).toEqual([]);
  });

  it("fence: stonith_admin runs, and its refusal (no fencing device in the lab) comes back in Pacemaker's words", async () => {
    const e = await fail("node.fence", { node: "node2" });
    expect(e.code).toBe("command_failed");
    console.log(`live fence refusal: ${e.message}`);
    expect(e.message).toMatch(/^node\.fence: stonith_admin exited 105: .*No such device/);
    expect(e.commands).toEqual([expect.objectContaining({ line: "stonith_admin --fence=node2" })]);
    expect(e.commands![0]!.code).not.toBe(0);
  });
});

describe("live: resources", () => {
  it("stop and start", async () => {
    await act("resource.stop", { rsc: "d1" });
    expect(roles(await status(), "d1")).toEqual([]);
    expect(primitive(await status(), "d1").targetRole).toBe("Stopped");
    await act("resource.start", { rsc: "d1" });
    expect(roles(await status(), "d1")).toEqual(["Started"]);
  });

  it("restart (crm_resource --restart): a new start", async () => {
    const before = await lastStart("d1");
    await sleep(1100); // last-rc-change has a one-second resolution
    const r = await act("resource.restart", { rsc: "d1" });
    expect(r.commands[0]!.line).toBe("crm_resource --restart --resource=d1");
    expect(await lastStart("d1")).toBeGreaterThan(before);
    expect(roles(await status(), "d1")).toEqual(["Started"]);
  });

  it("demote and promote a promotable Stateful clone", async () => {
    expect(roles(await status(), "st")).toEqual(["Promoted"]);
    await act("resource.demote", { rsc: "st-clone" });
    expect(roles(await status(), "st")).toEqual(["Unpromoted"]);
    await act("resource.promote", { rsc: "st-clone" });
    expect(roles(await status(), "st")).toEqual(["Promoted"]);
  });

  it("unmanage and manage", async () => {
    await act("resource.unmanage", { rsc: "d1" });
    expect(primitive(await status(), "d1").managed).toBe(false);
    await act("resource.manage", { rsc: "d1" });
    expect(primitive(await status(), "d1").managed).toBe(true);
  });

  it("cleanup after a failure injected with crm_resource --fail: failcount back to 0", async () => {
    await pcmk("crm_resource", ["--fail", "--resource=d1", "--node=node1"]);
    let s = await status();
    expect(Number(failCount(s, "d1"))).toBeGreaterThanOrEqual(1);
    expect(s.failures.some((f) => f.opKey.startsWith("d1_"))).toBe(true);
    const r = await act("resource.cleanup", { rsc: "d1" });
    expect(r.output).toMatch(/Cleaned up d1 on node1/);
    s = await status();
    expect(failCount(s, "d1") ?? "0").toBe("0");
    expect(s.failures).toEqual([]);
    expect(roles(s, "d1")).toEqual(["Started"]);
  });

  it("refresh: history forgotten, re-probed, still running", async () => {
    const r = await act("resource.refresh", { rsc: "d1", node: "node1" });
    expect(r.output).toMatch(/Cleaned up d1 on node1/);
    expect(roles(await status(), "d1")).toEqual(["Started"]);
    await act("resource.refresh", {});
    expect(roles(await status(), "g1a")).toEqual(["Started"]);
  });

  it("move with lifetime, ban with lifetime, clear", async () => {
    await act("resource.move", { rsc: "d1", node: "node2", lifetime: "PT1H" });
    let s = await status();
    const prefer = s.configuration!.constraints.find((c) => c.id === "cli-prefer-d1");
    expect(prefer).toMatchObject({ kind: "rsc_location", rsc: "d1" });
    expect(JSON.stringify(prefer)).toMatch(/date/); // the lifetime: a date rule
    expect(roles(s, "d1")).toEqual(["Started"]); // node2 is offline: it stays
    const b = await act("resource.ban", { rsc: "d1", lifetime: "PT10M" }); // from where it runs
    expect(b.output).toContain("cli-ban-d1-on-node1");
    s = await status();
    expect(s.bans.map((x) => `${x.resource}@${x.node}`)).toEqual(["d1@node1"]);
    expect(roles(s, "d1")).toEqual([]);
    await act("resource.clear", { rsc: "d1" });
    s = await status();
    expect(s.bans).toEqual([]);
    expect(s.configuration!.constraints.filter((c) => c.id.startsWith("cli-"))).toEqual([]);
    expect(roles(s, "d1")).toEqual(["Started"]);
  });

  it("move, ban and clear of the promoted instance", async () => {
    await act("resource.move", { rsc: "st-clone", node: "node2", promoted: true });
    let s = await status();
    expect(s.configuration!.constraints.find((c) => c.id === "cli-prefer-st-clone")).toMatchObject({ role: "Promoted" });
    await act("resource.ban", { rsc: "st-clone", node: "node1", promoted: true });
    s = await status();
    expect(s.bans).toEqual([expect.objectContaining({ resource: "st-clone", node: "node1", promotedOnly: true })]);
    expect(roles(s, "st")).toEqual(["Unpromoted"]);
    await act("resource.clear", { rsc: "st-clone", promoted: true });
    s = await status();
    expect(s.bans).toEqual([]);
    expect(roles(s, "st")).toEqual(["Promoted"]);
  });
});

describe("live: cluster and tickets", () => {
  it("cluster maintenance and stop-all", async () => {
    await act("cluster.maintenance", { on: true });
    expect((await status()).summary.clusterOptions?.maintenanceMode).toBe(true);
    await act("cluster.maintenance", { on: false });
    expect((await status()).summary.clusterOptions?.maintenanceMode).toBe(false);
    await act("cluster.stopAll", { on: true });
    let s = await status();
    expect([...roles(s, "d1"), ...roles(s, "g1a"), ...roles(s, "st")]).toEqual([]);
    await act("cluster.stopAll", { on: false });
    s = await status();
    expect(roles(s, "d1")).toEqual(["Started"]);
    expect(roles(s, "st")).toEqual(["Promoted"]);
  });

  it("tickets: grant, standby, activate, revoke with a ticket constraint", async () => {
    await pcmk("cibadmin", ["--create", "-o", "constraints", "-X", '<rsc_ticket id="d1-needs-tL" rsc="d1" ticket="tL" loss-policy="stop"/>']);
    await act("refresh", {});
    expect(roles(await status(), "d1")).toEqual([]);
    await act("ticket.grant", { ticket: "tL" });
    let s = await status();
    expect(s.tickets).toEqual([expect.objectContaining({ id: "tL", status: "granted", standby: false })]);
    expect(roles(s, "d1")).toEqual(["Started"]);
    await act("ticket.standby", { ticket: "tL" });
    s = await status();
    expect(s.tickets?.[0]).toMatchObject({ standby: true });
    expect(roles(s, "d1")).toEqual([]);
    await act("ticket.activate", { ticket: "tL" });
    expect(roles(await status(), "d1")).toEqual(["Started"]);
    await act("ticket.revoke", { ticket: "tL" });
    s = await status();
    expect(s.tickets?.[0]).toMatchObject({ status: "revoked" });
    expect(roles(s, "d1")).toEqual([]);
    await act("ticket.grant", { ticket: "tL" });
  });
});

describe("live: simulate.* (read-only)", () => {
  it("simulate.move to an offline node is blocked and says why; the CIB does not change", async () => {
    await act("refresh", {});
    const before = await pcmk("cibadmin", ["--query", "--xpath=/cib", "--no-children"]);
    const m = SimulateMoveResultSchema.parse(await query("simulate.move", { rsc: "g1a", node: "node2" }));
    expect(m.blocked).toBe("node2 is offline");
    expect(m.changes).toEqual([]);
    expect(m.commands.map((c) => c.line)).toEqual([
      "cibadmin --query",
      expect.stringMatching(/^CIB_file=\S+ crm_resource --move --resource=g1a --node=node2$/),
      expect.stringMatching(/^crm_simulate -x \S+ -q true -S -s --output-as=xml$/),
    ]);
    expect(await pcmk("cibadmin", ["--query", "--xpath=/cib", "--no-children"])).toBe(before);
    expect((await status()).configuration!.constraints.filter((c) => c.id.startsWith("cli-"))).toEqual([]);
  });

  it("simulate.scores (crm_simulate -s -L)", async () => {
    const r = SimulateScoresResultSchema.parse(await query("simulate.scores", {}));
    expect(r.commands.map((c) => c.line)).toEqual(["crm_simulate -s -L"]);
    expect(r.scores).toContainEqual(expect.objectContaining({ kind: "pcmk__primitive_assign", resource: "d1", node: "node1" }));
    expect(r.scores).toContainEqual(expect.objectContaining({ kind: "pcmk__group_assign", resource: "g1", node: "node1" }));
    const st = SimulateScoresResultSchema.parse(await query("simulate.scores", { rsc: "st-clone" }));
    expect(st.scores.length).toBeGreaterThan(0);
    expect(st.scores.every((s) => s.resource === "st-clone" || /^st:\d+$/.test(s.resource))).toBe(true);
    expect(st.scores.some((s) => s.kind === "promotion")).toBe(true);
  });
});

describe("live: ACLs", () => {
  it("a read-only acl_target's change is refused: not_permitted, with Pacemaker's message", async () => {
    await pcmk("cibadmin", [
      "--create",
      "-o",
      "configuration",
      "-X",
      '<acls><acl_role id="ro"><acl_permission id="ro-r" kind="read" xpath="/cib"/></acl_role><acl_target id="viewer1"><role id="ro"/></acl_target></acls>',
    ]);
    await pcmk("crm_attribute", ["--type=crm_config", "--name=enable-acl", "--update=true"]);
    const e = await fail("resource.stop", { rsc: "d1" }, "viewer1");
    expect(e.code).toBe("not_permitted");
    expect(e.message).toContain("Insufficient privileges");
    expect(e.commands).toEqual([expect.objectContaining({ line: "crm_resource --resource=d1 --meta --set-parameter=target-role --parameter-value=Stopped", code: 4 })]);
    const e2 = await fail("node.attribute.set", { node: "node1", name: "x", value: "1", lifetime: "forever" }, "viewer1");
    expect(e2.code).toBe("not_permitted");
    expect(roles(await status(), "d1")).toEqual(["Started"]);
    expect(primitive(await status(), "d1").targetRole).not.toBe("Stopped");
  });
});
