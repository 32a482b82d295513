/**
 * Pacemaker's own ACLs, end to end through the console: a real sim agent over a CIB with
 * enable-acl=true (ACLs written with cibadmin, as an admin would), the console's hub connected to it,
 * and tRPC callers as the browser's. The console picks CIB_user from the user's record (set by an
 * admin with users.setAclTarget); Pacemaker itself refuses or allows. Nothing is faked. The same
 * again on the live single-node lab cluster (scripts/lab.sh; run under flock /tmp/vigil-lab.lock),
 * where the cib daemon, not a CIB file, enforces the ACLs.
 */
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startAgent, type RunningAgent } from "@/agent/agent";
import { runPacemaker } from "@/agent/run";
import { LoginRateLimiter } from "@/server/auth/rate-limit";
import { AgentHub } from "@/server/hub/hub";
import { agentClientLinkFactory } from "@/server/hub/link-factory";
import { addUser, createTestDb, expectTrpcError, TestClient, type TestDb } from "../unit/server/helpers";
import { freePorts, pcmk, waitFor } from "./agent-helpers";
import { startLab, stopLab } from "./live-lab";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 90_000 });

const TOKEN = "console-acl-console-acl-console-";
let t: TestDb;
let agent: RunningAgent;
let cibFile: string;
const hub = new AgentHub(agentClientLinkFactory, () => {});
const limiter = new LoginRateLimiter();
/** Every line the agent logs: a request it answered is logged with its action and CIB_user. */
const agentLog: string[] = [];
const users: Record<string, string> = {};

async function as(username: string) {
  const c = new TestClient({ db: t.db, hub, limiter });
  await c.login(username);
  return c.caller();
}

/** Pacemaker ACLs as the lab notes verified them: viewer1 reads only; op1 may also write standby nvpairs. */
const ACLS =
  '<acls>' +
  '<acl_role id="ro"><acl_permission id="ro-read" kind="read" xpath="/cib"/></acl_role>' +
  '<acl_role id="node-standby"><acl_permission id="node-standby-read" kind="read" xpath="/cib"/>' +
  "<acl_permission id=\"node-standby-write\" kind=\"write\" xpath=\"//nvpair[@name='standby']\"/></acl_role>" +
  '<acl_target id="viewer1"><role id="ro"/></acl_target>' +
  '<acl_target id="op1"><role id="node-standby"/></acl_target>' +
  "</acls>";

const standbyOf = async (node: string): Promise<string> => {
  const r = await pcmk(cibFile, "crm_attribute", ["--type=nodes", `--node=${node}`, "--name=standby", "--query", "--quiet"]);
  return r.code === 0 ? r.stdout.trim() : "(not set)";
};


beforeAll(async () => {
  t = await createTestDb();
  await addUser(t.db, "ada", "admin");
  for (const name of ["olga", "otto", "uma"]) users[name] = (await addUser(t.db, name, "operator")).id;

  const dir = mkdtempSync(join(tmpdir(), "vigil-console-acl-"));
  cibFile = join(dir, "cib.xml");
  copyFileSync(join(process.cwd(), "tests/fixtures/demo/cib.xml"), cibFile); // nodes node2-4, status section
  // The ACLs and enable-acl, written by Pacemaker's own tools (as root: no CIB_user).
  expect((await pcmk(cibFile, "cibadmin", ["--create", "--scope", "configuration", "--xml-text", ACLS])).code).toBe(0);
  expect((await pcmk(cibFile, "crm_attribute", ["--type=crm_config", "--name=enable-acl", "--update=true"])).code).toBe(0);

  const [port] = await freePorts(1);
  agent = await startAgent({
    mode: "sim",
    port: port!,
    host: "127.0.0.1",
    token: TOKEN,
    node: "node2",
    cibFile,
    log: (_level, msg) => void agentLog.push(msg),
  });
});
afterAll(async () => {
  hub.close();
  await agent?.stop();
  await t?.cleanup();
});

describe("Pacemaker ACLs through the console", () => {
  it("an admin registers the cluster and maps users to ACL targets (audited, listed)", async () => {
    const admin = await as("ada");
    const reg = await admin.clusters.register({ name: "aclcluster", agents: [agent.server.url], token: TOKEN });
    expect(reg.agents.map((a) => a.outcome)).toEqual(["ok"]);
    // the console's view must hold the ACL setting before a change can be sent as the right user
    await waitFor(() => hub.feedByName("aclcluster")?.current()?.configuration?.properties["enable-acl"] === "true");

    expect(await admin.users.setAclTarget({ id: users.olga!, aclTarget: "viewer1" })).toMatchObject({ username: "olga", aclTarget: "viewer1" });
    expect(await admin.users.setAclTarget({ id: users.otto!, aclTarget: "op1" })).toMatchObject({ username: "otto", aclTarget: "op1" });
    // set and cleared again: uma ends with no mapping
    await admin.users.setAclTarget({ id: users.uma!, aclTarget: "op1" });
    expect(await admin.users.setAclTarget({ id: users.uma!, aclTarget: null })).toMatchObject({ username: "uma", aclTarget: null });

    const listed = Object.fromEntries((await admin.users.list()).map((u) => [u.username, u.aclTarget]));
    expect(listed).toEqual({ ada: null, olga: "viewer1", otto: "op1", uma: null });
    const rows = await t.db.auditEvent.findMany({ where: { action: "users.setAclTarget" }, orderBy: { time: "asc" } });
    expect(rows.map((r) => [r.target, r.status, r.summary])).toEqual([
      ["olga", "ok", "ACL target (none) → viewer1"],
      ["otto", "ok", "ACL target (none) → op1"],
      ["uma", "ok", "ACL target (none) → op1"],
      ["uma", "ok", "ACL target op1 → (none)"],
    ]);

    const err = await expectTrpcError(admin.users.setAclTarget({ id: "no-such-user", aclTarget: "op1" }));
    expect(err).toEqual({ code: "NOT_FOUND", message: "No user with id no-such-user" });
  });

  it("an operator mapped to a read-only ACL target is refused by Pacemaker itself (exit 4), shown and audited", async () => {
    const olga = await as("olga");
    const err = await expectTrpcError(olga.nodes.standby({ cluster: "aclcluster", node: "node3", on: true }));
    expect(err.code).toBe("FORBIDDEN");
    expect(err.message).toMatch(/^denied by the cluster's ACL \(ACL target viewer1, role ro\): /);
    expect(err.message).toMatch(/exited 4/);
    expect(err.message).toMatch(/Permission denied|Insufficient privileges/); // Pacemaker's own words

    // The agent ran it as viewer1, because the console said so from olga's record.
    expect(agentLog.some((l) => l.includes("node.standby") && l.includes(" as viewer1 ") && l.includes("not_permitted"))).toBe(true);

    const row = await t.db.auditEvent.findFirstOrThrow({ where: { action: "cluster.node.standby", username: "olga" } });
    expect(row.status).toBe("acl_denied");
    expect(row.message).toBe(err.message);
    expect(row.clusterName).toBe("aclcluster");
    expect(JSON.parse(row.params)).toEqual({ node: "node3", on: true, cibUser: "viewer1" });
    const commands = JSON.parse(row.commands) as string[];
    expect(commands.length).toBeGreaterThan(0);
    expect(commands.join("\n")).toMatch(/crm_attribute .*--node=node3.*--name=standby/);

    // Nothing changed in the cluster.
    expect(await standbyOf("node3")).toBe("(not set)");
    expect(hub.feedByName("aclcluster")!.current()!.nodes.find((n) => n.name === "node3")!.standby).toBe(false);
  });

  it("an operator mapped to a target allowed to write standby succeeds, and the cluster shows it", async () => {
    const otto = await as("otto");
    const out = await otto.nodes.standby({ cluster: "aclcluster", node: "node3", on: true });
    expect(out).toMatchObject({ state: "done", message: "done: the cluster's status shows it", node: "node2", auditWritten: true });
    expect(out.commands.join("\n")).toMatch(/crm_attribute .*--node=node3.*--name=standby/);
    expect(agentLog.some((l) => l.includes("node.standby") && l.includes(" as op1 ") && l.includes("→ ok"))).toBe(true);
    expect(await standbyOf("node3")).toBe("on");
    expect(hub.feedByName("aclcluster")!.current()!.nodes.find((n) => n.name === "node3")!.standby).toBe(true);
    const row = await t.db.auditEvent.findUniqueOrThrow({ where: { id: out.auditId } });
    expect(row).toMatchObject({ status: "ok", username: "otto", epochBefore: out.epochBefore, epochAfter: out.epochAfter });
    expect(out.epochAfter).not.toBe(out.epochBefore);
    expect(JSON.parse(row.params)).toEqual({ node: "node3", on: true, cibUser: "op1" });

    // and back online, as op1 again
    expect(await otto.nodes.standby({ cluster: "aclcluster", node: "node3", on: false })).toMatchObject({ state: "done" });
    expect(await standbyOf("node3")).toBe("off");
  });

  it("an operator mapped to no ACL target is told so clearly, and the agent is never asked", async () => {
    const uma = await as("uma");
    const asked = agentLog.filter((l) => l.includes("node.standby")).length;
    const err = await expectTrpcError(uma.nodes.standby({ cluster: "aclcluster", node: "node4", on: true }));
    expect(err).toEqual({
      code: "FORBIDDEN",
      message: "aclcluster enforces Pacemaker ACLs (enable-acl=true) and uma is mapped to no ACL target; an admin can set one on the users page",
    });
    expect(agentLog.filter((l) => l.includes("node.standby")).length).toBe(asked);
    expect(await t.db.auditEvent.findFirstOrThrow({ where: { action: "cluster.node.standby", username: "uma" } })).toMatchObject({
      status: "acl_denied",
      message: err.message,
    });
    expect(await standbyOf("node4")).toBe("(not set)");
  });

  it("the browser cannot choose the ACL user: a cibUser in the input is refused", async () => {
    const olga = await as("olga");
    const err = await expectTrpcError(
      olga.nodes.standby({ cluster: "aclcluster", node: "node3", on: true, cibUser: "op1" } as unknown as { cluster: string; node: string; on: boolean }),
    );
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.message).toMatch(/cibUser/);
    expect(await standbyOf("node3")).toBe("off");
  });
});

describe("Pacemaker ACLs through the console, on the live lab cluster", () => {
  let live: RunningAgent | null = null;
  let node = "";
  const liveLog: string[] = [];
  const live_ = async (tool: string, args: string[]) => {
    const r = await runPacemaker(tool, args, { timeoutMs: 60_000 });
    expect(r.code, `${tool} ${args.join(" ")}: ${r.stderr}`).toBe(0);
    return r.stdout;
  };
  const liveStandby = async (): Promise<string> => {
    const r = await runPacemaker("crm_attribute", ["--type=nodes", `--node=${node}`, "--name=standby", "--query", "--quiet"], { timeoutMs: 30_000 });
    return r.code === 0 ? r.stdout.trim() : "(not set)";
  };

  beforeAll(async () => {
    await startLab();
    node = (await live_("crm_node", ["--name"])).trim();
    await live_("cibadmin", ["--create", "--scope", "configuration", "--xml-text", ACLS]);
    await live_("crm_attribute", ["--type=crm_config", "--name=enable-acl", "--update=true"]);
    const [port] = await freePorts(1);
    live = await startAgent({ mode: "live", port: port!, host: "127.0.0.1", token: TOKEN, log: (_l, msg) => void liveLog.push(msg) });
    const admin = await as("ada");
    await admin.clusters.register({ name: "acllive", agents: [live.server.url], token: TOKEN });
    await waitFor(() => hub.feedByName("acllive")?.current()?.configuration?.properties["enable-acl"] === "true", 30_000);
    await admin.users.setAclTarget({ id: users.olga!, aclTarget: "viewer1" });
    await admin.users.setAclTarget({ id: users.otto!, aclTarget: "op1" });
  }, 180_000);
  afterAll(async () => {
    await live?.stop();
    await stopLab();
  }, 120_000);

  it("viewer1 is refused by the live cluster's cib (exit 4), op1's standby lands, and both are audited", async () => {
    const olga = await as("olga");
    const err = await expectTrpcError(olga.nodes.standby({ cluster: "acllive", node, on: true }));
    expect(err.code).toBe("FORBIDDEN");
    expect(err.message).toMatch(/^denied by the cluster's ACL \(ACL target viewer1, role ro\): .*exited 4/);
    expect(err.message).toMatch(/Permission denied|Insufficient privileges/);
    expect(liveLog.some((l) => l.includes("node.standby") && l.includes(" as viewer1 ") && l.includes("not_permitted"))).toBe(true);
    expect(await liveStandby()).toBe("(not set)");
    const refused = await t.db.auditEvent.findFirstOrThrow({ where: { action: "cluster.node.standby", username: "olga", clusterName: "acllive" } });
    expect(refused).toMatchObject({ status: "acl_denied", message: err.message });
    expect((JSON.parse(refused.commands) as string[]).join("\n")).toMatch(new RegExp(`crm_attribute .*--node=${node}.*--name=standby`));

    const otto = await as("otto");
    const out = await otto.nodes.standby({ cluster: "acllive", node, on: true });
    expect(out).toMatchObject({ state: "done", node });
    expect(await liveStandby()).toBe("on");
    expect(await t.db.auditEvent.findUniqueOrThrow({ where: { id: out.auditId } })).toMatchObject({ status: "ok", username: "otto", clusterName: "acllive" });
    expect(await otto.nodes.standby({ cluster: "acllive", node, on: false })).toMatchObject({ state: "done" });
    expect(await liveStandby()).toBe("off");
  });
});
