/**
 * Time from a CIB change (a transient node attribute written with crm_attribute, as a resource agent
 * would) to a connected AgentClient holding it, through a real sim agent on `cibFile`.
 */
import { randomBytes } from "node:crypto";
import { startAgent } from "@/agent/agent";
import { runPacemaker } from "@/agent/run";
import { AgentClient } from "@/lib/agent-client";
import type { ClusterStatus } from "@/lib/pacemaker";

const ATTR = "vigil-bench";

function attrValue(status: ClusterStatus, node: string): string | null {
  const n = status.nodeAttributes.find((a) => a.node === node);
  return n?.attributes.find((a) => a.name === ATTR)?.transient ?? null;
}

export async function measureChangeToClient(cibFile: string, node: string, samples: number): Promise<number[]> {
  const token = randomBytes(24).toString("hex");
  const agent = await startAgent({ mode: "sim", port: 0, host: "127.0.0.1", token, node, cibFile, log: () => {} });
  const client = new AgentClient({ url: agent.server.url, token });
  let waiter: { value: string; resolve: (t: number) => void } | null = null;
  const first = new Promise<void>((resolve) => {
    client.on("status", ({ status }) => {
      resolve();
      if (waiter && attrValue(status, node) === waiter.value) waiter.resolve(performance.now());
    });
  });
  client.connect();
  await first;
  // Let the start-up settle (crm_simulate carrying the generated cluster to its steady state) finish.
  await new Promise((r) => setTimeout(r, 3000));
  const out: number[] = [];
  try {
    for (let i = 0; i < samples; i++) {
      const value = `v${i}-${Date.now()}`;
      const seen = new Promise<number>((resolve) => (waiter = { value, resolve }));
      const t0 = performance.now();
      const r = await runPacemaker("crm_attribute", ["-N", node, "-n", ATTR, "-v", value, "-l", "reboot"], {
        env: { CIB_file: cibFile },
      });
      if (r.code !== 0) throw new Error(`crm_attribute failed: ${r.stderr}`);
      const t1 = await Promise.race([seen, new Promise<number>((_, fail) => setTimeout(() => fail(new Error("change not seen within 120 s")), 120_000))]);
      out.push(t1 - t0);
      waiter = null;
      await new Promise((r2) => setTimeout(r2, 50));
    }
  } finally {
    client.close();
    await agent.stop();
  }
  return out;
}
