// Fencing levels grouped the way the page shows them: one entry per node of the configuration (with
// or without levels), then the levels that target a name pattern or a node attribute. Pure.
import type { FencingLevel } from "@/lib/pacemaker";

export interface TargetGroup {
  /** node name, or "pattern:…" / "attribute:name=value" */
  key: string;
  label: string;
  /** the node, when the group is one */
  node: string | null;
  /** sorted by index */
  levels: FencingLevel[];
}

export function targetLabel(l: FencingLevel): string {
  if (l.target !== null) return l.target;
  if (l.targetPattern !== null) return `nodes matching ${l.targetPattern}`;
  if (l.targetAttribute !== null) return `nodes with ${l.targetAttribute}=${l.targetValue ?? ""}`;
  return "no target";
}

const keyOf = (l: FencingLevel): string =>
  l.target !== null ? l.target : l.targetPattern !== null ? `pattern:${l.targetPattern}` : l.targetAttribute !== null ? `attribute:${l.targetAttribute}=${l.targetValue ?? ""}` : "none";

export function byTarget(levels: readonly FencingLevel[], nodes: readonly string[]): TargetGroup[] {
  const groups = new Map<string, TargetGroup>();
  for (const n of nodes) groups.set(n, { key: n, label: n, node: n, levels: [] });
  for (const l of levels) {
    const k = keyOf(l);
    let g = groups.get(k);
    if (!g) {
      g = { key: k, label: targetLabel(l), node: l.target, levels: [] };
      groups.set(k, g);
    }
    g.levels.push(l);
  }
  for (const g of groups.values()) g.levels.sort((a, b) => a.index - b.index);
  return [...groups.values()];
}

/** The level indexes still free for a target (1..9). */
export function freeIndexes(levels: readonly FencingLevel[], target: string): number[] {
  const used = new Set(levels.filter((l) => l.target === target).map((l) => l.index));
  return [1, 2, 3, 4, 5, 6, 7, 8, 9].filter((i) => !used.has(i));
}

/** A level id from its target and index (fl-node2-1), as pcs names them; made unique against `taken`. */
export function levelId(target: string, index: number, taken: ReadonlySet<string>): string {
  const base = `fl-${target.replace(/[^A-Za-z0-9_.-]/g, "_")}-${index}`;
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** Moves the entry at `from` by `by` places (−1 up, +1 down), for the devices' order. */
export function move<T>(list: readonly T[], from: number, by: number): T[] {
  const to = from + by;
  if (to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [x] = out.splice(from, 1);
  out.splice(to, 0, x!);
  return out;
}
