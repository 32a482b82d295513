// Where the draft's predicted transition puts resources: one ghost per placement change, in the
// column of the node it would run on after the commit (the Stopped column for a stop). The card
// names the top-level resource (what the board's cards are), read from the preview's `after`
// (each primitive instance's enclosing group/clone/bundle, innermost first).
import type { PlacementChange } from "@/lib/protocol/actions-common";

export interface PlacedAfter {
  id: string;
  role: string;
  nodes: string[];
  parents: string[];
}

export interface Ghost {
  key: string;
  /** the board column: a node name, or null for Stopped */
  column: string | null;
  /** the top-level resource, as the board's cards name it */
  resourceId: string;
  /** the instance or member the change is about, when it is not the top-level resource */
  member: string | null;
  change: string;
  from: string | null;
  to: string | null;
  /** the role after the transition (Promoted, Unpromoted, Started…) when the preview knows it */
  role: string | null;
}

const baseId = (id: string): string => id.replace(/:\d+$/, "");

export function ghostsFrom(changes: readonly PlacementChange[], after: readonly PlacedAfter[]): Ghost[] {
  const out: Ghost[] = [];
  changes.forEach((c, i) => {
    const stop = c.change === "stop";
    const column = stop ? null : (c.to ?? c.from);
    if (!stop && column === null) return;
    const placed = after.find((a) => a.id === c.resource) ?? after.find((a) => baseId(a.id) === baseId(c.resource));
    const top = placed?.parents.at(-1) ?? baseId(c.resource);
    out.push({
      key: `${i}:${c.resource}`,
      column,
      resourceId: top,
      member: top === c.resource ? null : c.resource,
      change: c.change,
      from: c.from,
      to: c.to,
      role: placed && placed.role && !stop ? placed.role : null,
    });
  });
  return out;
}

/** "after commit: start", "after commit: move from node1" — the card's label. */
export function ghostLabel(g: Ghost): string {
  switch (g.change) {
    case "move":
    case "migrate":
      return `after commit: ${g.change === "migrate" ? "live-migrate" : "move"} here${g.from ? ` from ${g.from}` : ""}`;
    case "stop":
      return `after commit: stop${g.from ? ` on ${g.from}` : ""}`;
    default:
      return `after commit: ${g.change}`;
  }
}
