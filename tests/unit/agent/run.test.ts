import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  BadArgument,
  CommandMissing,
  CommandNotAllowed,
  CommandTimeout,
  OutputTooLarge,
  overrideToolPath,
  resolveTool,
  runPacemaker,
} from "@/agent/run";

let dir: string;
const stub = (name: string, body: string): string => {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "vigil-run-"));
});
afterEach(() => {
  for (const t of ["crm_ticket", "crm_failcount", "crm_diff", "stonith_admin"] as const) overrideToolPath(t, null);
});

describe("runPacemaker", () => {
  it("refuses tools outside the allow-list, even by absolute path", async () => {
    await expect(runPacemaker("bash", ["-c", "true"])).rejects.toBeInstanceOf(CommandNotAllowed);
    await expect(runPacemaker("/usr/sbin/crm_mon", ["--version"])).rejects.toBeInstanceOf(CommandNotAllowed);
    await expect(runPacemaker("crm_mon; rm -rf /", [])).rejects.toThrow(/not allowed/);
  });

  it("resolves allowed tools to absolute system paths", () => {
    expect(resolveTool("crm_mon")).toMatch(/^\/usr\/s?bin\/crm_mon$/);
  });

  it("runs a real tool and reports code, output and time", async () => {
    const r = await runPacemaker("crm_mon", ["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Pacemaker 2\./);
    expect(r.ms).toBeGreaterThan(0);
  });

  it("types a missing binary (ENOENT) as CommandMissing", async () => {
    overrideToolPath("crm_ticket", join(dir, "does-not-exist"));
    await expect(runPacemaker("crm_ticket", ["-l"])).rejects.toBeInstanceOf(CommandMissing);
  });

  it("kills the whole process group on timeout", async () => {
    const marker = join(dir, "grandchild-survived");
    overrideToolPath("crm_failcount", stub("hang.sh", `(sleep 1; touch ${marker}) & sleep 30`));
    const t0 = Date.now();
    await expect(runPacemaker("crm_failcount", [], { timeoutMs: 200 })).rejects.toBeInstanceOf(CommandTimeout);
    expect(Date.now() - t0).toBeLessThan(2000);
    await new Promise((r) => setTimeout(r, 1300));
    expect(existsSync(marker)).toBe(false);
  });

  it("caps output and kills the tool", async () => {
    overrideToolPath("crm_diff", stub("flood.sh", "yes flood"));
    await expect(runPacemaker("crm_diff", [], { maxBytes: 100_000 })).rejects.toBeInstanceOf(OutputTooLarge);
  });

  it("passes arguments literally, never through a shell", async () => {
    const pwned = join(dir, "pwned");
    overrideToolPath("stonith_admin", stub("echo.sh", 'printf "%s\\n" "$@"'));
    const args = [`; touch ${pwned}`, `$(touch ${pwned})`, "`id`", "a b", "--foo"];
    const r = await runPacemaker("stonith_admin", args);
    expect(r.stdout.split("\n").slice(0, -1)).toEqual(args);
    expect(existsSync(pwned)).toBe(false);
  });

  it("refuses NUL bytes in arguments", async () => {
    await expect(runPacemaker("crm_mon", ["a\0b"])).rejects.toBeInstanceOf(BadArgument);
  });

  it("feeds input on stdin and sets env", async () => {
    overrideToolPath("crm_ticket", stub("cat.sh", 'cat; printf "%s" "$CIB_file"'));
    const r = await runPacemaker("crm_ticket", [], { input: "<cib/>", env: { CIB_file: "/x/cib.xml" } });
    expect(r.stdout).toBe("<cib/>/x/cib.xml");
  });

  it("reports a crash as 128+signal", async () => {
    overrideToolPath("crm_ticket", stub("segv.sh", "kill -SEGV $$"));
    const r = await runPacemaker("crm_ticket", []);
    expect(r.code).toBe(139);
    expect(readFileSync(join(dir, "segv.sh"), "utf8")).toContain("SEGV");
  });
});
