import { describe, expect, it } from "vitest";
import { applyEdits, CibEditError } from "@/lib/cib";
import { parseCib } from "@/lib/pacemaker/parse-cib";
import { DEMO_CIB, edit } from "./helpers";
import { SCENARIOS } from "./scenarios";

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

const ALL = SCENARIOS.flatMap((s) => s.edits).map(edit);

describe("edits in any order", () => {
  it("either apply (and parse) or fail with a CibEditError, never anything else", () => {
    const next = rng(42);
    let applied = 0;
    let refused = 0;
    for (let run = 0; run < 150; run++) {
      const edits = Array.from({ length: 1 + Math.floor(next() * 8) }, () => ALL[Math.floor(next() * ALL.length)]!);
      try {
        const { xml } = applyEdits(DEMO_CIB, edits, { checkIds: true });
        expect(() => parseCib(xml)).not.toThrow();
        applied++;
      } catch (e) {
        if (!(e instanceof CibEditError)) throw e;
        expect(e.index).not.toBeNull();
        expect(e.message.length).toBeGreaterThan(10);
        refused++;
      }
    }
    // both outcomes are exercised
    expect(applied).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
  }, 60_000);
});
