/**
 * Draft preview latency (tsx bench/preview-latency.ts [--rounds N]): a draft change → its predicted
 * transition, through the console's own path — tRPC caller (as the browser's) → drafts.edit (the
 * edit validated and stored) → drafts.preview → the serving agent applies the edits to the live
 * CIB, runs crm_diff, crm_verify and crm_simulate on the copy → the answer with the transition.
 * On the demo CIB and on a generated 8 nodes × 100 resources cluster, each with a real sim agent.
 * Each round stages one edit (a location preference of a different resource for a node, alternating)
 * and previews it; the draft then holds 1, 2, … edits, as an admin's does while editing.
 */
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startAgent } from "@/agent/agent";
import { parseCib } from "@/lib/pacemaker/parse-cib";
import { readFileSync } from "node:fs";
import { LoginRateLimiter } from "@/server/auth/rate-limit";
import { AgentHub } from "@/server/hub/hub";
import { agentClientLinkFactory } from "@/server/hub/link-factory";
import { addUser, createTestDb, TestClient } from "@/tests/unit/server/helpers";
import { freePorts, waitFor } from "@/tests/integration/agent-helpers";
import { summary } from "./console/common";
import { generatedCib } from "./generate";

const args = process.argv.slice(2);
const ROUNDS = Math.max(5, Number(args.includes("--rounds") ? args[args.indexOf("--rounds") + 1] : 20) || 20);
const TOKEN = "preview-bench-preview-bench-prev";

async function bench(label: string, source: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "vigil-bench-preview-"));
  const cibFile = join(dir, "cib.xml");
  copyFileSync(source, cibFile);
  const config = parseCib(readFileSync(cibFile, "utf8")).configuration;
  const prims = config.resources.filter((r) => r.kind === "primitive" && r.class !== "stonith").map((r) => r.id);
  const nodes = config.nodes.map((n) => n.uname);
  const t = await createTestDb();
  await addUser(t.db, "bench", "admin");
  const [port] = await freePorts(1);
  const agent = await startAgent({ mode: "sim", port: port!, host: "127.0.0.1", token: TOKEN, node: nodes[0]!, cibFile, log: () => undefined });
  const hub = new AgentHub(agentClientLinkFactory, () => {});
  try {
    const c = new TestClient({ db: t.db, hub, limiter: new LoginRateLimiter() });
    await c.login("bench");
    const api = await c.caller();
    await api.clusters.register({ name: "bench", agents: [agent.server.url], token: TOKEN });
    await waitFor(() => hub.feedByName("bench")?.current()?.configuration !== undefined, 120_000);
    const stage: number[] = [];
    const preview: number[] = [];
    const total: number[] = [];
    let actions = 0;
    for (let i = 0; i < ROUNDS + 2; i++) {
      const rsc = prims[i % prims.length]!;
      const node = nodes[(i + 1) % nodes.length]!;
      const t0 = performance.now();
      await api.drafts.edit({ cluster: "bench", edit: { op: "constraint.put", constraint: { kind: "rsc_location", id: `bench-loc-${i}`, rsc, node, score: "50" } } });
      const t1 = performance.now();
      const p = await api.drafts.preview({ cluster: "bench" });
      const t2 = performance.now();
      if (!p.valid) throw new Error(`the draft is not valid: ${p.findings.map((f) => f.message).join("; ")}`);
      if (i < 2) continue; // warm-up
      actions += p.actions.length;
      stage.push(t1 - t0);
      preview.push(t2 - t1);
      total.push(t2 - t0);
    }
    await api.drafts.discard({ cluster: "bench" });
    console.log(`${label}: ${nodes.length} nodes, ${config.resources.length} top-level resources, ${ROUNDS} rounds (draft of 3..${ROUNDS + 2} edits), ${(actions / ROUNDS).toFixed(1)} transition actions per preview`);
    console.log(summary("  stage (drafts.edit)", stage));
    console.log(summary("  preview (verify + simulate)", preview));
    console.log(summary("  change → predicted transition", total));
  } finally {
    hub.close();
    await agent.stop();
    await t.cleanup();
  }
}

await bench("demo", "tests/fixtures/demo/cib.xml");
await bench("generated 8x100", generatedCib(8, 100));
