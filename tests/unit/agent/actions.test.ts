import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildStatus, type ClusterStatus } from "@/lib/pacemaker";
import { createActionHandler } from "@/agent/actions";
import { overrideToolPath } from "@/agent/run";
import { withCibLock } from "@/agent/sim";
import type { StatusSource } from "@/agent/status-source";

const FIX = join(process.cwd(), "tests/fixtures/demo");
let dir: string;
let status: ClusterStatus;

/** A source that only knows the demo fixture's status: the handler checks ids against it. */
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
  status = buildStatus({ crmMonXml: readFileSync(join(FIX, "crm_mon.xml"), "utf8"), cibXml: readFileSync(join(FIX, "cib.xml"), "utf8") });
  // Records its argv, one per line, and answers like Pacemaker does for an unknown object.
  const rec = join(dir, "rec.sh");
  writeFileSync(rec, `#!/bin/sh\nprintf '%s\\n' "$@" > "${dir}/argv"\nif [ "$FAIL" = 105 ]; then echo "Error performing operation: No such object" >&2; exit 105; fi\n`);
  chmodSync(rec, 0o755);
  overrideToolPath("crm_resource", rec);
  overrideToolPath("crm_attribute", rec);
});
afterAll(() => {
  overrideToolPath("crm_resource", null);
  overrideToolPath("crm_attribute", null);
});

describe("actions", () => {
  const handler = () => createActionHandler({ source: fakeSource(), log: () => undefined });
  const argv = () => readFileSync(join(dir, "argv"), "utf8").trim().split("\n");

  it("builds argument arrays with attached values", async () => {
    expect(await handler()("resource.move", { rsc: "WebService1", node: "node3", lifetime: "PT1H" })).toMatchObject({ ok: true, result: { seq: 7 } });
    expect(argv()).toEqual(["--move", "--resource=WebService1", "--node=node3", "--lifetime=PT1H"]);
    await handler()("node.attribute.set", { node: "node2", name: "x", value: "; touch /tmp/pwned", lifetime: "reboot" });
    expect(argv()).toEqual(["--node=node2", "--name=x", "--update=; touch /tmp/pwned", "--lifetime=reboot"]);
    await handler()("node.standby", { node: "node4", on: false });
    expect(argv()).toEqual(["--type=nodes", "--node=node4", "--name=standby", "--update=off"]);
    await handler()("resource.clear", { rsc: "balanceGroup" });
    expect(argv()).toEqual(["--clear", "--resource=balanceGroup"]);
  });

  it("knows group members and clone children as resources", async () => {
    expect(await handler()("resource.move", { rsc: "virtual_ip", node: "node4" })).toMatchObject({ ok: true });
    expect(await handler()("resource.clear", { rsc: "pgsql" })).toMatchObject({ ok: true });
  });

  it("maps Pacemaker's exit 105 to not_found", async () => {
    process.env.FAIL = "105";
    try {
      const r = await handler()("resource.clear", { rsc: "WebService2" });
      expect(r).toMatchObject({ ok: false, error: { code: "not_found", message: expect.stringContaining("No such object") } });
    } finally {
      delete process.env.FAIL;
    }
  });

  it("refuses unknown actions and bad params before running anything", async () => {
    writeFileSync(join(dir, "argv"), "untouched");
    expect(await handler()("resource.delete", {})).toMatchObject({ ok: false, error: { code: "unknown_action" } });
    expect(await handler()("node.standby", { node: "node3" })).toMatchObject({ ok: false, error: { code: "invalid_params", message: expect.stringContaining("on") } });
    expect(await handler()("resource.move", { rsc: "WebService1", node: "nodeX" })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(readFileSync(join(dir, "argv"), "utf8")).toBe("untouched");
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
