/**
 * Every edit kind checked by the real Pacemaker tools: the draft passes crm_verify, and the patch
 * crm_diff makes from it, applied with cibadmin --patch to a copy of the original, gives that copy
 * the draft's configuration.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { applyEdits, CibEditError, describeEdit, withoutStatus } from "@/lib/cib";
import { parseCib } from "@/lib/pacemaker/parse-cib";
import { DEMO_CIB, edit } from "../unit/cib/helpers";
import { SCENARIOS } from "../unit/cib/scenarios";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "vigil-cib-verify-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function tool(cmd: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(cmd, args, { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof x.code === "number" ? x.code : -1, stdout: x.stdout ?? "", stderr: x.stderr ?? "" };
  }
}

const configOf = (xml: string) => parseCib(xml).configuration;

describe("edits against crm_verify and crm_diff/cibadmin --patch", () => {
  SCENARIOS.forEach((s, i) => {
    it(s.name, async () => {
      // applyEdits keeps the status: the draft is the live CIB with its configuration edited
      const draft = applyEdits(DEMO_CIB, s.edits.map(edit)).xml;
      const draftFile = join(dir, `draft-${i}.xml`);
      const liveFile = join(dir, `live-${i}.xml`);
      const copyFile = join(dir, `copy-${i}.xml`);
      const patchFile = join(dir, `patch-${i}.xml`);
      writeFileSync(draftFile, draft);
      writeFileSync(liveFile, DEMO_CIB);
      writeFileSync(copyFile, DEMO_CIB);

      // the configuration alone must be clean; with the demo's status section, the scheduler may
      // warn about what it would do (an orphan still running after a delete or rename), never err
      const bare = join(dir, `bare-${i}.xml`);
      writeFileSync(bare, withoutStatus(draft).xml);
      const v = await tool("crm_verify", ["-x", bare]);
      expect(v.code, `crm_verify: ${v.stderr}${v.stdout}`).toBe(0);
      const full = await tool("crm_verify", ["-x", draftFile]);
      expect(full.stderr + full.stdout).not.toMatch(/error/i);
      expect([0, 78]).toContain(full.code);

      const d = await tool("crm_diff", ["--original", liveFile, "--new", draftFile, "--no-version"]);
      // crm_diff exits 1 when the documents differ (and writes the patch)
      expect(d.code, d.stderr).toBe(1);
      writeFileSync(patchFile, d.stdout);
      const p = await tool("cibadmin", ["--patch", "--xml-file", patchFile], { CIB_file: copyFile });
      expect(p.code, `cibadmin --patch: ${p.stderr}`).toBe(0);
      expect(configOf(readFileSync(copyFile, "utf8"))).toEqual(configOf(draft));
    });
  });
});

/** A small deterministic generator (mulberry32): the same sequences on every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("edits of every kind in random orders", () => {
  it("whatever applies passes crm_verify", async () => {
    const all = SCENARIOS.flatMap((s) => s.edits).map(edit);
    const next = rng(11);
    let verified = 0;
    for (let run = 0; run < 200; run++) {
      const edits = Array.from({ length: 1 + Math.floor(next() * 10) }, () => all[Math.floor(next() * all.length)]!);
      let xml: string;
      try {
        xml = applyEdits(DEMO_CIB, edits).xml;
      } catch (e) {
        if (e instanceof CibEditError) continue;
        throw e;
      }
      const file = join(dir, `random-${run}.xml`);
      writeFileSync(file, withoutStatus(xml).xml);
      const v = await tool("crm_verify", ["-x", file]);
      expect(v.code, `${edits.map(describeEdit).join(" | ")}\n${v.stderr}`).toBe(0);
      verified++;
    }
    expect(verified).toBeGreaterThan(30);
  });
});
