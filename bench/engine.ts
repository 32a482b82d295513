/**
 * Engine benchmark (issue 4): for generated clusters of 3x10, 8x100, 32x500 and 32x2000 (nodes x
 * resources) prints crm_mon's own run time, Vigil's parse (buildStatus of crm_mon XML + CIB) and diff
 * times for a one-resource change, the bytes of a full snapshot and of that change's patch, and the
 * time from a CIB change to a connected client having it (a real sim agent, real Pacemaker tools).
 *
 *   npx tsx bench/engine.ts [--sizes 3x10,8x100] [--samples 30]
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { runPacemaker } from "@/agent/run";
import { buildStatus, CIB_QUERY_ARGS, CRM_MON_ARGS, diffStatus, type ClusterStatus } from "@/lib/pacemaker";
import { BENCH_DIR, failMonitor, generatedCib, percentile } from "./generate";
import { measureChangeToClient } from "./change-latency";

const { values } = parseArgs({
  options: { sizes: { type: "string", default: "3x10,8x100,32x500,32x2000" }, samples: { type: "string", default: "30" } },
});
const sizes = values.sizes.split(",").map((s) => s.split("x").map(Number) as [number, number]);
const maxSamples = Number(values.samples);

const ms = (n: number): string => (Number.isFinite(n) ? `${n.toFixed(n < 10 ? 2 : 0)} ms` : "n/a");
const kb = (n: number): string => (n < 10_000 ? `${n} B` : `${(n / 1024).toFixed(0)} KB`);

async function crmMon(cibFile: string): Promise<{ xml: string; ms: number }> {
  const r = await runPacemaker("crm_mon", CRM_MON_ARGS, { env: { CIB_file: cibFile }, timeoutMs: 300_000 });
  if (r.code !== 0) throw new Error(`crm_mon failed: ${r.stderr}`);
  return { xml: r.stdout, ms: r.ms };
}

function timeBest<T>(runs: number, fn: () => T): { value: T; ms: number } {
  let best = Infinity;
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = fn();
    best = Math.min(best, performance.now() - t0);
  }
  return { value, ms: best };
}

for (const [nodes, resources] of sizes) {
  const label = `${nodes}x${resources}`;
  const cibFile = generatedCib(nodes, resources);
  const cibXml = readFileSync(cibFile, "utf8");
  const big = nodes * resources >= 16_000;
  const repeats = big ? 1 : 5;

  // crm_mon's own time: best of a few runs (what an admin waits for at the prompt).
  let monBest = Infinity;
  let mon = await crmMon(cibFile);
  for (let i = 1; i < (big ? 1 : 3); i++) mon = await crmMon(cibFile);
  monBest = Math.min(mon.ms, monBest);

  const parse = timeBest(repeats, () => buildStatus({ crmMonXml: mon.xml, cibXml }));
  const before: ClusterStatus = parse.value;

  // The same cluster after one resource's monitor failed, as crm_mon reports it.
  const changedFile = path.join(BENCH_DIR, `changed-${label}.xml`);
  const victim = before.resources.find((r) => r.kind === "primitive")?.id ?? "r1";
  writeFileSync(changedFile, failMonitor(cibXml, victim));
  const changedMon = await crmMon(changedFile);
  const changedCib = readFileSync(changedFile, "utf8");
  const parse2 = timeBest(repeats, () => buildStatus({ crmMonXml: changedMon.xml, cibXml: changedCib }));
  const diff = timeBest(repeats, () => diffStatus(before, parse2.value));
  const fullBytes = Buffer.byteLength(JSON.stringify({ type: "status.full", seq: 0, status: before }));
  const patchBytes = Buffer.byteLength(JSON.stringify({ type: "status.patch", seq: 1, baseSeq: 0, patch: diff.value }));

  // Change -> client, through a real sim agent on a copy of the CIB.
  const liveCopy = path.join(BENCH_DIR, `agent-${label}.xml`);
  copyFileSync(cibFile, liveCopy);
  const samples = big ? Math.min(2, maxSamples) : nodes * resources >= 10_000 ? Math.min(5, maxSamples) : maxSamples;
  const latency = await measureChangeToClient(liveCopy, `n1`, samples);

  const cibQuery = await runPacemaker("cibadmin", CIB_QUERY_ARGS, { env: { CIB_file: cibFile }, timeoutMs: 300_000 });
  const update = parse2.ms + diff.ms;
  console.log(`\n== ${label} (CIB ${kb(cibXml.length)}, crm_mon XML ${kb(mon.xml.length)})`);
  console.log(`  crm_mon --one-shot (own run)         ${ms(monBest)}   cibadmin --query ${ms(cibQuery.ms)}`);
  console.log(`  parse (buildStatus, mon XML + CIB)   ${ms(parse.ms)}`);
  console.log(`  diff (one-resource change)           ${ms(diff.ms)}   (${diff.value.ops.length} ops)`);
  console.log(`  parse+diff of an update              ${ms(update)}   = ${(update / monBest).toFixed(2)} x crm_mon (target < 0.5)`);
  console.log(`  update cost incl. crm_mon            ${ms(update + changedMon.ms)}   = ${((update + changedMon.ms) / monBest).toFixed(2)} x crm_mon (target <= 1.5)`);
  console.log(`  full snapshot on the wire            ${kb(fullBytes)}`);
  console.log(`  one-resource change on the wire      ${kb(patchBytes)}   (target < 2 KB)`);
  console.log(
    `  CIB change -> client (${latency.length} changes)  p50 ${ms(percentile(latency, 50))}  p95 ${ms(percentile(latency, 95))}  max ${ms(Math.max(...latency))}` +
      (label === "3x10" ? "   (target p95 < 300 ms)" : ""),
  );
}
process.exit(0);
