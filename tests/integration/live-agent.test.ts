/**
 * End to end on a REAL cluster: scripts/lab.sh starts corosync + pacemakerd, a `vigil agent --mode live`
 * process serves it, an AgentClient connects. The status the client holds must match what the real
 * `crm_mon --one-shot --inactive --output-as=xml` says (parsed here independently of lib/pacemaker), and a
 * change made with crm_resource must reach the client (latency measured; target p95 < 300 ms).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPacemaker } from "@/agent/run";
import { AgentClient } from "@/lib/agent-client";
import type { ClusterStatus, Primitive, Resource } from "@/lib/pacemaker";
import { loadFactor, percentile, startLab, stopLab } from "./live-lab";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const TOKEN = "live-agent-test-token-0123456789abcdef";

let tmp = "";
let agent: ChildProcess | null = null;
let agentLog = "";
let client: AgentClient | null = null;

async function pcmk(tool: string, args: string[]): Promise<string> {
  const r = await runPacemaker(tool, args, { timeoutMs: 60_000 });
  expect(r.code, `${tool} ${args.join(" ")}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

/** Until Pacemaker has nothing left to do, so one crm_mon run is a stable truth to compare against. */
const settle = () => pcmk("crm_resource", ["--wait", "--timeout", "60s"]);

// ---- the truth, from crm_mon's XML, parsed here so the test does not trust the code it checks ----
interface NodeFacts {
  name: string;
  online: boolean;
  standby: boolean;
  maintenance: boolean;
  isDc: boolean;
  resourcesRunning: number;
}
interface PrimitiveFacts {
  id: string;
  agent: string;
  role: string;
  targetRole: string | null;
  active: boolean;
  managed: boolean;
  failed: boolean;
  nodes: string[];
}
interface Facts {
  dc: string | null;
  withQuorum: boolean;
  nodes: NodeFacts[];
  primitives: PrimitiveFacts[];
  bans: string[];
}

type XmlNode = Record<string, unknown>;
const asList = (v: unknown): XmlNode[] => (Array.isArray(v) ? (v as XmlNode[]) : v ? [v as XmlNode] : []);
const str = (n: XmlNode, k: string): string => String(n[`@_${k}`] ?? "");
const bool = (n: XmlNode, k: string): boolean => n[`@_${k}`] === "true";

function factsFromCrmMon(xml: string): Facts {
  const doc = new XMLParser({ ignoreAttributes: false, parseAttributeValue: false }).parse(xml) as XmlNode;
  const root = doc["pacemaker-result"] as XmlNode;
  const summary = root["summary"] as XmlNode;
  const dc = summary["current_dc"] as XmlNode;
  const nodes = asList((root["nodes"] as XmlNode | undefined)?.["node"]).map((n) => ({
    name: str(n, "name"),
    online: bool(n, "online"),
    standby: bool(n, "standby"),
    maintenance: bool(n, "maintenance"),
    isDc: bool(n, "is_dc"),
    resourcesRunning: Number(str(n, "resources_running")),
  }));
  const primitives: PrimitiveFacts[] = [];
  const walk = (container: XmlNode | undefined): void => {
    if (!container) return;
    for (const r of asList(container["resource"])) {
      primitives.push({
        id: str(r, "id"),
        agent: str(r, "resource_agent"),
        role: str(r, "role"),
        targetRole: r["@_target_role"] === undefined ? null : str(r, "target_role"),
        active: bool(r, "active"),
        managed: bool(r, "managed"),
        failed: bool(r, "failed"),
        nodes: asList(r["node"]).map((n) => str(n, "name")).sort(),
      });
    }
    for (const g of asList(container["group"])) walk(g);
    for (const c of asList(container["clone"])) walk(c);
  };
  walk(root["resources"] as XmlNode | undefined);
  const bans = asList((root["bans"] as XmlNode | undefined)?.["ban"]).map((b) => `${str(b, "resource")}@${str(b, "node")}`);
  return {
    dc: bool(dc, "present") ? str(dc, "name") : null,
    withQuorum: bool(dc, "with_quorum"),
    nodes: nodes.sort((a, b) => a.name.localeCompare(b.name)),
    primitives: primitives.sort(byPrimitive),
    bans: bans.sort(),
  };
}

const byPrimitive = (a: PrimitiveFacts, b: PrimitiveFacts): number =>
  `${a.id}|${a.nodes.join(",")}|${a.role}`.localeCompare(`${b.id}|${b.nodes.join(",")}|${b.role}`);

function primitivesOf(resources: Resource[]): Primitive[] {
  return resources.flatMap((r): Primitive[] => {
    if (r.kind === "primitive") return [r];
    if (r.kind === "group") return r.children;
    if (r.kind === "clone") return primitivesOf(r.children);
    return r.replicas.flatMap((rep) => rep.resources);
  });
}

function factsFromModel(s: ClusterStatus): Facts {
  return {
    dc: s.summary.dc?.name ?? null,
    withQuorum: s.summary.dc?.withQuorum ?? false,
    nodes: s.nodes
      .map((n) => ({
        name: n.name,
        online: n.online,
        standby: n.standby,
        maintenance: n.maintenance,
        isDc: n.isDc,
        resourcesRunning: n.resourcesRunning,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    primitives: primitivesOf(s.resources)
      .map((p) => ({
        id: p.id,
        agent: p.resourceAgent,
        role: p.role,
        targetRole: p.targetRole,
        active: p.active,
        managed: p.managed,
        failed: p.failed,
        nodes: p.nodes.map((n) => n.name).sort(),
      }))
      .sort(byPrimitive),
    bans: s.bans.map((b) => `${b.resource}@${b.node}`).sort(),
  };
}

async function crmMonFacts(): Promise<Facts> {
  return factsFromCrmMon(await pcmk("crm_mon", ["--one-shot", "--inactive", "--output-as=xml"]));
}

/** The client converges on crm_mon's truth (it may lag by one refresh); on timeout show the difference. */
async function expectClientMatchesCrmMon(c: AgentClient): Promise<Facts> {
  const truth = await crmMonFacts();
  const same = (s: ClusterStatus) => JSON.stringify(factsFromModel(s)) === JSON.stringify(truth);
  try {
    await c.waitForStatus(same, 5000);
  } catch {
    expect(c.status ? factsFromModel(c.status) : null).toEqual(truth);
  }
  return truth;
}

// ---- lab + agent lifecycle ----
async function startAgentProcess(): Promise<string> {
  const tokenFile = path.join(tmp, "token");
  writeFileSync(tokenFile, `${TOKEN}\n`, { mode: 0o600 });
  const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
  const args = ["agent/main.ts", "--mode", "live", "--token-file", tokenFile, "--port", "0", "--host", "127.0.0.1"];
  const proc = spawn(tsx, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  agent = proc;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`agent did not start in 30 s:\n${agentLog}`)), 30_000);
    const onData = (b: Buffer): void => {
      agentLog += b.toString();
      const m = /listening on (ws:\/\/\S+?)[\s)]/.exec(agentLog);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    proc.stdout?.on("data", onData);
    proc.stderr?.on("data", onData);
    proc.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`agent exited (${code}) before listening:\n${agentLog}`));
    });
  });
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), "vigil-live-agent-"));
  const ms = await startLab();
  console.log(`lab start: ${ms.toFixed(0)} ms until node1 online`);
  await pcmk("cibadmin", ["--create", "-o", "resources", "-X", '<primitive id="d1" class="ocf" provider="pacemaker" type="Dummy"/>']);
  await pcmk("cibadmin", [
    "--create",
    "-o",
    "resources",
    "-X",
    '<group id="g1"><primitive id="g1a" class="ocf" provider="pacemaker" type="Dummy"/>' +
      '<primitive id="g1b" class="ocf" provider="pacemaker" type="Dummy"/></group>',
  ]);
  await pcmk("cibadmin", [
    "--create",
    "-o",
    "resources",
    "-X",
    '<clone id="c1"><primitive id="cd" class="ocf" provider="pacemaker" type="Dummy"/></clone>',
  ]);
  await settle();
});

afterAll(async () => {
  client?.close();
  if (agent && agent.exitCode === null) {
    const gone = new Promise((r) => agent?.once("exit", r));
    agent.kill("SIGTERM");
    await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
    if (agent.exitCode === null) agent.kill("SIGKILL");
  }
  await stopLab();
  rmSync(tmp, { recursive: true, force: true });
});

describe("live agent on a real Pacemaker cluster", () => {
  it("serves a status that matches the real crm_mon", async () => {
    const url = await startAgentProcess();
    const c = new AgentClient({ url, token: TOKEN });
    client = c;
    c.connect();
    await c.waitForStatus(() => true, 15_000);
    expect(c.hello?.mode).toBe("live");
    expect(c.hello?.node).toBe("node1");
    expect(c.hello?.watch).toBe("notify");
    // The controller copies corosync's cluster_name into the CIB; scripts/lab.sh names the lab cluster.
    expect(c.status?.summary.clusterName).toBe("vigil-lab");
    const truth = await expectClientMatchesCrmMon(c);
    // Sanity: the truth is not trivially empty.
    expect(truth.dc).toBe("node1");
    expect(truth.nodes.map((n) => n.online)).toEqual([true]);
    expect(truth.primitives.filter((p) => p.active && p.nodes.includes("node1")).map((p) => p.id).sort()).toEqual(
      ["cd", "d1", "g1a", "g1b"],
    );
  });

  // The bar is "well under a second" (bench/ holds the 300 ms p95 target at 3×10, on a quiet machine).
  // Measured from the command's start (the tool's own run included) and from its exit (the agent's share).
  it("pushes a crm_resource change to the client well under a second later", async () => {
    const c = client!;
    const toClient: number[] = [];
    const afterExit: number[] = [];
    const toRole: number[] = [];
    for (let i = 0; i < 10; i++) {
      const want = i % 2 === 0 ? "Stopped" : "Started";
      const seen = c.waitForStatus((s) => primitivesOf(s.resources).find((p) => p.id === "d1")?.targetRole === want, 10_000);
      const settled = c.waitForStatus((s) => primitivesOf(s.resources).find((p) => p.id === "d1")?.role === want, 20_000);
      const t0 = performance.now();
      await pcmk("crm_resource", ["--resource", "d1", "--meta", "-p", "target-role", "-v", want]);
      const tEnd = performance.now();
      await seen;
      toClient.push(performance.now() - t0);
      afterExit.push(performance.now() - tEnd);
      await settled;
      toRole.push(performance.now() - t0);
    }
    console.log(
      `live agent: crm_resource → client (target-role seen) from command start p50 ${percentile(toClient, 50).toFixed(0)} ms, ` +
        `p95 ${percentile(toClient, 95).toFixed(0)} ms; from command exit p50 ${percentile(afterExit, 50).toFixed(0)} ms, ` +
        `p95 ${percentile(afterExit, 95).toFixed(0)} ms; → resource actually stopped/started as seen by the client ` +
        `p50 ${percentile(toRole, 50).toFixed(0)} ms, p95 ${percentile(toRole, 95).toFixed(0)} ms (n=${toClient.length}, load ${loadavg()[0]?.toFixed(1)})`,
    );
    expect(percentile(toClient, 50)).toBeLessThan(1000 * loadFactor());
    expect(percentile(toClient, 95)).toBeLessThan(2000 * loadFactor());
    await settle();
    await expectClientMatchesCrmMon(c);
  });

  it("shows a ban (crm_resource --ban) and its clearing, matching crm_mon", async () => {
    const c = client!;
    const banned = c.waitForStatus((s) => s.bans.some((b) => b.resource === "g1" && b.node === "node1"), 5000);
    await pcmk("crm_resource", ["--ban", "--resource", "g1", "--node", "node1"]);
    await banned;
    await settle();
    const truth = await expectClientMatchesCrmMon(c);
    expect(truth.primitives.filter((p) => p.id.startsWith("g1")).map((p) => p.role)).toEqual(["Stopped", "Stopped"]);

    const cleared = c.waitForStatus((s) => s.bans.length === 0, 5000);
    await pcmk("crm_resource", ["--clear", "--resource", "g1"]);
    await cleared;
    await settle();
    const after = await expectClientMatchesCrmMon(c);
    expect(after.primitives.filter((p) => p.id.startsWith("g1")).map((p) => p.role)).toEqual(["Started", "Started"]);
  });

  it("reports a transient node attribute set with crm_attribute", async () => {
    const c = client!;
    const t0 = performance.now();
    const seen = c.waitForStatus(
      (s) =>
        s.nodeAttributes.some((na) => na.node === "node1" && na.attributes.some((a) => a.name === "vigil-live" && a.value === "yes")),
      5000,
    );
    await pcmk("crm_attribute", ["-n", "vigil-live", "-v", "yes", "-l", "reboot", "-N", "node1"]);
    await seen;
    console.log(`live agent: transient attribute → client ${(performance.now() - t0).toFixed(0)} ms`);
  });

  it("keeps serving across a Pacemaker restart: error while down, fresh status when back", async () => {
    const c = client!;
    const down = new Promise<string>((resolve) => {
      const off = c.on("statusError", (e) => {
        if (e) {
          off();
          resolve(e.message);
        }
      });
    });
    await stopLab();
    const message = await Promise.race([down, new Promise<string>((r) => setTimeout(() => r("(no statusError)"), 15_000))]);
    expect(message).not.toBe("(no statusError)");
    expect(c.state).toBe("open");
    await startLab();
    const online = performance.now();
    // A fresh cluster (lab.sh seeds an empty CIB): the client must see it without reconnecting.
    await c.waitForStatus((s) => primitivesOf(s.resources).length === 0 && s.nodes.some((n) => n.name === "node1" && n.online), 20_000);
    console.log(`live agent: status of the restarted cluster reached the client ${(performance.now() - online).toFixed(0)} ms after node1 was online`);
    expect(c.statusError).toBeNull();
    await expectClientMatchesCrmMon(c);
  });
});
