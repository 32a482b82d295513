// A clone row names the nodes its stopped instances could run on, as crm_mon does ("Stopped:
// [ node4 ]"), on real fixtures whose crm_mon.txt says it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildResourceRows, emptyFilter, type CloneRow } from "@/components/cluster/resource-rows";
import { cloneStoppedLists } from "@/lib/pacemaker";
import { fixtureStatus } from "./fixtures";

function cloneRoles(variant: string, clone: string): string[] {
  const s = fixtureStatus(variant);
  const { rows } = buildResourceRows({ ...s, stoppedLists: (c) => cloneStoppedLists(s, c) }, emptyFilter, new Set());
  const row = rows.find((r): r is CloneRow => r.kind === "clone" && r.clone.id === clone);
  if (!row) throw new Error(`no row for ${clone}`);
  return row.roles.map((r) => `${r.role}: [ ${r.nodes.join(" ")} ]`);
}

/** crm_mon's own lines for the clone, from the fixture's crm_mon.txt */
function crmMonLines(variant: string, clone: string): string[] {
  const text = readFileSync(`tests/fixtures/variants/${variant}/crm_mon.txt`, "utf8").split("\n");
  const at = text.findIndex((l) => l.includes(`Clone Set: ${clone} `));
  const out: string[] = [];
  for (const l of text.slice(at + 1)) {
    const m = /^\s+\* ((?:Started|Stopped|Promoted|Unpromoted)[^:]*: \[ .* \])$/.exec(l);
    if (!m) break;
    out.push(m[1]!);
  }
  return out;
}

describe("clone rows' role lists", () => {
  for (const [variant, clone] of [
    ["offline", "ping-clone"],
    ["standby", "ping-clone"],
    ["no-quorum", "ping-clone"],
    ["bundle-remote", "ping-clone"],
    ["offline", "pgsql-clone"],
    ["bundle-remote", "pgsql-clone"],
  ] as const) {
    it(`${variant}: ${clone} lists what crm_mon lists`, () => {
      const ours = cloneRoles(variant, clone);
      const theirs = crmMonLines(variant, clone);
      expect(theirs.some((l) => l.startsWith("Stopped"))).toBe(true);
      expect([...ours].sort()).toEqual([...theirs].sort());
    });
  }

  it("without the lists (no status to compute them), a count of instances without a node", () => {
    const s = fixtureStatus("offline");
    const { rows } = buildResourceRows(s, emptyFilter, new Set());
    const row = rows.find((r): r is CloneRow => r.kind === "clone" && r.clone.id === "ping-clone")!;
    expect(row.roles.find((r) => r.role === "Stopped")).toMatchObject({ nodes: [], count: 1 });
  });
});
