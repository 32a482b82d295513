/** Requests made as a Pacemaker ACL user (CIB_user): Pacemaker itself enforces the user's ACLs. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startAgent, type RunningAgent } from "@/agent/agent";
import type { AgentClient } from "@/lib/agent-client";
import { connected, freePorts, whereIs } from "./agent-helpers";

const TOKEN = "acl-acl-acl-acl-acl-acl-acl-acl-";
let agent: RunningAgent;
let client: AgentClient;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "vigil-acl-"));
  // enable-acl=true; viewer1 may only read, oper1 may also write constraints and target-role
  copyFileSync(join(process.cwd(), "tests/fixtures/variants/acl/cib.xml"), join(dir, "cib.xml"));
  const [port] = await freePorts(1);
  agent = await startAgent({ mode: "sim", port: port!, host: "127.0.0.1", token: TOKEN, node: "node2", cibFile: join(dir, "cib.xml"), log: () => undefined });
  client = await connected(agent.server.url, TOKEN);
});
afterAll(async () => {
  client?.close();
  await agent?.stop();
});

describe("requests as an ACL user", () => {
  it("refuses a read-only user's write with not_permitted", async () => {
    await expect(client.request("node.standby", { node: "node3", on: true }, 30_000, "viewer1")).rejects.toMatchObject({
      code: "not_permitted",
      message: expect.stringMatching(/exited 4/),
    });
    expect(agent.source.status()!.nodes.find((n) => n.name === "node3")!.standby).toBe(false);
  });

  it("lets an operator move a resource (a constraint write), and the cluster follows", async () => {
    await client.request("resource.move", { rsc: "WebService3", node: "node2" }, 30_000, "oper1");
    await client.waitForStatus((s) => whereIs(s, "WebService3").join() === "node2", 10_000);
  });

  it("refuses an ACL user name that is not an id", async () => {
    await expect(client.request("refresh", {}, 5000, "--root")).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("cibUser") });
  });
});
