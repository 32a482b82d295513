/**
 * Generated clusters for the benchmarks: a CIB of N nodes x R resources with a realistic status
 * section (tests/fixtures/large/generate.py, which runs cibadmin for the feature set), cached in var/bench.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

export const BENCH_DIR = path.resolve("var/bench");

export function generatedCib(nodes: number, resources: number): string {
  mkdirSync(BENCH_DIR, { recursive: true });
  const file = path.join(BENCH_DIR, `cib-${nodes}x${resources}.xml`);
  if (!existsSync(file)) {
    execFileSync("python3", ["tests/fixtures/large/generate.py", String(nodes), String(resources), file, "--failures", "3"], {
      stdio: "inherit",
    });
  }
  return file;
}

/**
 * A one-resource change as a live cluster would record it: the recurring monitor of `rsc` on its
 * node now returns 7 (not running). Done on the XML text because crm_simulate takes minutes at 32x2000.
 */
export function failMonitor(cibXml: string, rsc: string): string {
  const key = `operation_key="${rsc}_monitor_30000"`;
  const at = cibXml.indexOf(key);
  if (at < 0) throw new Error(`no monitor of ${rsc} in the generated CIB`);
  const start = cibXml.lastIndexOf("<lrm_rsc_op", at);
  const end = cibXml.indexOf("/>", at);
  const op = cibXml.slice(start, end)
    .replace(/transition-magic="0:0;/, 'transition-magic="0:7;')
    .replace(/rc-code="0"/, 'rc-code="7"')
    .replace(/ id="([^"]+)_monitor_30000_0"/, ' id="$1_last_failure_0"');
  return cibXml.slice(0, start) + op + ' exit-reason="bench: not running"' + cibXml.slice(end);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
