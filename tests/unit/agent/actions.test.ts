import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildStatus, type ClusterStatus } from "@/lib/pacemaker";
import { ChangeResultSchema, commandLine, liveCommands, RequestErrorSchema, type ActionParams, type ChangeActionName, type OperationActionName } from "@/lib/protocol";
import { createActionHandler } from "@/agent/actions";
import { overrideToolPath, type PacemakerTool } from "@/agent/run";
import { withCibLock } from "@/agent/sim";
import type { StatusSource } from "@/agent/status-source";

const FIX = join(process.cwd(), "tests/fixtures/variants/ticket");
let dir: string;
let status: ClusterStatus;
const STUBBED: PacemakerTool[] = ["crm_resource", "crm_attribute", "crm_ticket", "stonith_admin", "cibadmin"];

/** A source that only knows the fixture's status: the handler checks ids against it. */
const fakeSource = (): StatusSource => ({
  refresh: async () => undefined,
  status: () => status,
  current: () => ({ seq: 7, status }),
  lastError: () => null,
  lastTimings: () => null,
  subscribe: () => () => undefined,
});

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "vigil-act-"));
  // The demo with tickets (ticketA granted, ticketB revoked; a ticket constraint on ticketA).
  status = buildStatus({ crmMonXml: readFileSync(join(FIX, "crm_mon.xml"), "utf8"), cibXml: readFileSync(join(FIX, "cib.xml"), "utf8") });
  // Each stub records its argv (one per line) and CIB_user, and answers as Pacemaker does when asked
  // to fail: 105 no such object, 4 an ACL refusal. cibadmin answers the epoch query with a <cib> tag
  // whose num_updates counts up.
  mkdirSync(join(dir, "bin"));
  for (const tool of STUBBED) {
    const stub = join(dir, "bin", tool);
    const body =
      tool === "cibadmin"
        ? `n=$(cat "${dir}/n" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "${dir}/n"; echo "<cib admin_epoch=\\"0\\" epoch=\\"5\\" num_updates=\\"$n\\"/>"\n`
        : `printf '%s\\n' "$@" > "${dir}/argv"; echo "$CIB_user" > "${dir}/user"\n` +
          `if [ "$FAIL" = 105 ]; then echo "Error performing operation: No such object" >&2; exit 105; fi\n` +
          `if [ "$FAIL" = 4 ]; then echo "${tool}: Error performing operation: Insufficient privileges" >&2; exit 4; fi\n` +
          `echo "did it"\n`;
    writeFileSync(stub, `#!/bin/sh\n${body}`);
    chmodSync(stub, 0o755);
    overrideToolPath(tool, stub);
  }
});
afterAll(() => {
  for (const tool of STUBBED) overrideToolPath(tool, null);
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  writeFileSync(join(dir, "argv"), "untouched");
  delete process.env.FAIL;
});

const handler = () => createActionHandler({ source: fakeSource(), log: () => undefined });
const argv = () => readFileSync(join(dir, "argv"), "utf8").trim().split("\n");

/** One request per change action, each with params a user could send. */
const CASES: { [A in OperationActionName]: ActionParams<A> } = {
  "node.standby": { node: "node4", on: false },
  "node.maintenance": { node: "node3", on: true },
  "node.fence": { node: "node2" },
  "node.attribute.set": { node: "node2", name: "x", value: "; touch /tmp/pwned", lifetime: "reboot" },
  "node.attribute.delete": { node: "node2", name: "x", lifetime: "forever" },
  "resource.start": { rsc: "WebService1" },
  "resource.stop": { rsc: "WebService1" },
  "resource.restart": { rsc: "WebService1", node: "node2" },
  "resource.promote": { rsc: "pgsql-clone" },
  "resource.demote": { rsc: "pgsql" },
  "resource.manage": { rsc: "balanceGroup" },
  "resource.unmanage": { rsc: "virtual_ip" },
  "resource.cleanup": { rsc: "WebService2", node: "node3" },
  "resource.refresh": {},
  "resource.move": { rsc: "WebService1", node: "node3", lifetime: "PT1H" },
  "resource.ban": { rsc: "pgsql-clone", promoted: true },
  "resource.clear": { rsc: "balanceGroup", node: "node4" },
  "cluster.maintenance": { on: true },
  "cluster.stopAll": { on: false },
  "ticket.grant": { ticket: "ticketA" },
  "ticket.revoke": { ticket: "ticketB" },
  "ticket.standby": { ticket: "ticketA" },
  "ticket.activate": { ticket: "ticketA" },
};

describe("actions on a live node", () => {
  for (const [action, params] of Object.entries(CASES) as [OperationActionName, ActionParams<OperationActionName>][]) {
    it(`${action} runs exactly liveCommands() and answers a ChangeResult`, async () => {
      const cmds = liveCommands(action, params);
      expect(cmds).toHaveLength(1);
      const r = await handler()(action, params as Record<string, unknown>);
      expect(r.ok, JSON.stringify(r)).toBe(true);
      expect(argv()).toEqual(cmds[0]!.args);
      const result = ChangeResultSchema.parse((r as { result: unknown }).result);
      expect(result.seq).toBe(7);
      expect(result.output).toBe("did it");
      expect(result.commands.map((c) => c.line)).toEqual([commandLine(cmds[0]!)]);
      expect(result.commands[0]!.code).toBe(0);
      expect(result.commands[0]!.ms).toBeGreaterThan(0);
      // Two epoch reads (before, after): num_updates counted up by the stub between them.
      expect(result.epochBefore).toMatch(/^0\.5\.\d+$/);
      expect(result.epochAfter).toMatch(/^0\.5\.\d+$/);
      expect(Number(result.epochAfter!.split(".")[2])).toBe(Number(result.epochBefore!.split(".")[2]) + 1);
    });
  }

  it("keeps values literal: an attribute value is one argument, never a shell word", async () => {
    await handler()("node.attribute.set", { node: "node2", name: "x", value: "; touch /tmp/pwned", lifetime: "reboot" });
    expect(argv()).toEqual(["--node=node2", "--name=x", "--update=; touch /tmp/pwned", "--lifetime=reboot"]);
    expect(existsSync("/tmp/pwned")).toBe(false);
  });

  it("knows group members and clone children as resources", async () => {
    expect(await handler()("resource.move", { rsc: "virtual_ip", node: "node4" })).toMatchObject({ ok: true });
    expect(await handler()("resource.clear", { rsc: "pgsql" })).toMatchObject({ ok: true });
  });

  it("runs the tools as the caller's CIB_user, and maps an ACL refusal (exit 4) to not_permitted with Pacemaker's words", async () => {
    await handler()("resource.stop", { rsc: "WebService1" }, { cibUser: "oper1" });
    expect(readFileSync(join(dir, "user"), "utf8").trim()).toBe("oper1");
    await handler()("resource.stop", { rsc: "WebService1" });
    expect(readFileSync(join(dir, "user"), "utf8").trim()).toBe("");
    process.env.FAIL = "4";
    const r = await handler()("resource.stop", { rsc: "WebService1" }, { cibUser: "viewer1" });
    expect(r.ok).toBe(false);
    const error = RequestErrorSchema.parse((r as { error: unknown }).error);
    expect(error.code).toBe("not_permitted");
    expect(error.message).toContain("crm_resource: Error performing operation: Insufficient privileges");
    // The failed command is in the answer, for the audit history.
    expect(error.commands).toEqual([{ line: "crm_resource --resource=WebService1 --meta --set-parameter=target-role --parameter-value=Stopped", code: 4, ms: expect.any(Number) }]);
  });

  it("maps Pacemaker's exit 105 to not_found", async () => {
    process.env.FAIL = "105";
    const r = await handler()("resource.clear", { rsc: "WebService2" });
    expect(r).toMatchObject({ ok: false, error: { code: "not_found", message: expect.stringContaining("No such object"), commands: [{ code: 105 }] } });
  });

  it("answers stonith_admin's 105 (no device can fence the node) as command_failed, not as an unknown id", async () => {
    process.env.FAIL = "105";
    const r = await handler()("node.fence", { node: "node2" });
    expect(r).toMatchObject({ ok: false, error: { code: "command_failed", message: expect.stringMatching(/^node\.fence: stonith_admin exited 105: /) } });
  });

  it("refuses unknown actions, bad params and unknown ids before running anything, one message per bad value", async () => {
    const h = handler();
    expect(await h("resource.delete", {})).toMatchObject({ ok: false, error: { code: "unknown_action" } });
    expect(await h("node.standby", { node: "node3" })).toMatchObject({ ok: false, error: { code: "invalid_params", message: expect.stringContaining("on") } });
    const bad = await h("resource.move", { rsc: "--force", node: "no de", lifetime: "1h", extra: 1 });
    expect(bad.ok).toBe(false);
    const msg = (bad as { error: { message: string } }).error.message;
    expect(msg).toMatch(/rsc: resource id must not start with "-"/);
    expect(msg).toMatch(/node: node name is not a valid node name/);
    expect(msg).toMatch(/lifetime: lifetime must be an ISO 8601 duration/);
    expect(msg).toMatch(/extra/);
    expect(await h("resource.move", { rsc: "WebService1", node: "nodeX" })).toMatchObject({ ok: false, error: { code: "not_found", message: expect.stringContaining('unknown node "nodeX"') } });
    expect(await h("resource.stop", { rsc: "NoSuch" })).toMatchObject({ ok: false, error: { code: "not_found", message: expect.stringContaining('unknown resource "NoSuch"') } });
    expect(await h("ticket.grant", { ticket: "ticketZ" })).toMatchObject({ ok: false, error: { code: "not_found", message: expect.stringContaining("ticketA") } });
    expect(await h("resource.promote", { rsc: "WebService1" })).toMatchObject({ ok: false, error: { code: "invalid_params", message: expect.stringContaining("not a promotable clone") } });
    expect(await h("cluster.maintenance", null as unknown as Record<string, unknown>)).toMatchObject({ ok: false, error: { code: "invalid_params" } });
    expect(readFileSync(join(dir, "argv"), "utf8")).toBe("untouched");
  });

  it("answers a missing tool as unavailable and a hung one as timeout, with the command in the answer", async () => {
    overrideToolPath("crm_ticket", join(dir, "bin", "no-such-tool"));
    try {
      const r = await handler()("ticket.grant", { ticket: "ticketA" });
      expect(r).toMatchObject({ ok: false, error: { code: "unavailable", commands: [{ code: null }] } });
    } finally {
      overrideToolPath("crm_ticket", join(dir, "bin", "crm_ticket"));
    }
    const slow = join(dir, "bin", "slow");
    writeFileSync(slow, "#!/bin/sh\nsleep 5\n");
    chmodSync(slow, 0o755);
    overrideToolPath("crm_attribute", slow);
    try {
      const r = await createActionHandler({ source: fakeSource(), log: () => undefined, timeoutMs: 300 })("cluster.stopAll", { on: true });
      expect(r).toMatchObject({ ok: false, error: { code: "timeout", message: expect.stringContaining("did not finish within 300 ms") } });
    } finally {
      overrideToolPath("crm_attribute", join(dir, "bin", "crm_attribute"));
    }
  });
});

describe("CIB lock", () => {
  it("serialises holders and takes over a lock left by a dead process", async () => {
    const cib = join(dir, "cib.xml");
    const order: string[] = [];
    await Promise.all(
      ["a", "b", "c"].map((n) =>
        withCibLock(cib, async () => {
          order.push(`${n}+`);
          await new Promise((r) => setTimeout(r, 20));
          order.push(`${n}-`);
        }),
      ),
    );
    for (let i = 0; i < order.length; i += 2) expect(order[i]!.slice(0, 1)).toBe(order[i + 1]!.slice(0, 1));

    mkdirSync(`${cib}.lock`);
    writeFileSync(`${cib}.lock/owner`, "999999\n"); // no such pid
    expect(await withCibLock(cib, async () => "got it", 2000)).toBe("got it");

    mkdirSync(`${cib}.lock`);
    writeFileSync(`${cib}.lock/owner`, `${process.ppid}\n`); // alive: must wait, then time out
    await expect(withCibLock(cib, async () => "never", 200)).rejects.toThrow(/could not lock/);
  });
});
