/**
 * The impact dialog's words for what crm_simulate says a move would do (resources.simulateMove):
 * one line per resource that changes, the dragged one first, then the ones that go with it
 * (group members, colocated resources, clone instances). Pure and zod-free.
 */
import type { PlacementChange, SimulateMoveResult } from "@/lib/protocol/actions";

export interface ImpactLine {
  resource: string;
  change: string;
  text: string;
  /** the resource dragged (or one of its members / instances) */
  primary: boolean;
}

const base = (id: string) => id.replace(/:\d+$/, "");

export function changeText(c: PlacementChange): string {
  const at = c.to ?? c.from ?? "?";
  switch (c.change) {
    case "move":
      return `moves ${c.from ?? "?"} → ${c.to ?? "?"}`;
    case "migrate":
      return `migrates live ${c.from ?? "?"} → ${c.to ?? "?"}`;
    case "start":
      return `starts on ${at}`;
    case "stop":
      return `stops on ${c.from ?? at}`;
    case "promote":
      return `is promoted on ${at}`;
    case "demote":
      return `is demoted on ${c.from ?? at}`;
    case "restart":
      return `restarts on ${at}`;
    case "recover":
      return `recovers on ${at}`;
    default:
      return `${c.change}${c.from || c.to ? ` (${[c.from, c.to].filter(Boolean).join(" → ")})` : ""}`;
  }
}

export function impactLines(result: Pick<SimulateMoveResult, "changes">, subject: { rsc: string; members: readonly string[] }): ImpactLine[] {
  const mine = new Set([subject.rsc, ...subject.members]);
  const lines = result.changes.map((c) => ({
    resource: c.resource,
    change: c.change,
    text: `${c.resource} ${changeText(c)}`,
    primary: mine.has(c.resource) || mine.has(base(c.resource)),
  }));
  return [...lines.filter((l) => l.primary), ...lines.filter((l) => !l.primary)];
}

/** "2 move, 1 stops" — the counts by kind of change, for the dialog's heading. */
export function impactCounts(result: Pick<SimulateMoveResult, "changes">): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of result.changes) out[c.change] = (out[c.change] ?? 0) + 1;
  return out;
}

// The same rule as lib/protocol/values.ts (which holds zod, kept out of this bundle).
const ISO_DURATION = /^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

/**
 * A lifetime as crm_resource takes it (ISO 8601 duration: PT30M, P1D, P1DT12H): null when fine,
 * else what is wrong. The server validates again; this is for a message before anything is sent.
 */
export function lifetimeProblem(value: string): string | null {
  const v = value.trim();
  if (v === "") return null;
  if (!ISO_DURATION.test(v)) return `"${v}" is not an ISO 8601 duration (e.g. PT30M, PT2H, P1D)`;
  return null;
}
