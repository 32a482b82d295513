import type { ClusterStatus } from "@/lib/pacemaker";

/**
 * The outline of a ClusterStatus, checked on the full state the console sends as JSON (the
 * snapshot document, or `statusJson` of status.watch). The console already validated the status
 * against the whole ClusterStatusSchema when its agent sent it (lib/agent-client.ts); repeating
 * that walk over a 32×2000 cluster here would cost the browser hundreds of milliseconds before
 * first paint, so this checks only that the value is a status and not something else. By hand, not
 * with zod: this is the only zod the cluster pages would load (113 KB of script to compile).
 */
function outlineProblem(value: unknown): string | null {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isObject(value)) return "not an object";
  if (!isObject(value.summary)) return "summary: not an object";
  if (!Array.isArray(value.nodes)) return "nodes: not a list";
  const badNode = value.nodes.findIndex((n) => !isObject(n) || typeof n.name !== "string");
  if (badNode >= 0) return `nodes[${badNode}]: no name`;
  if (!Array.isArray(value.resources)) return "resources: not a list";
  return null;
}

export class StatusJsonError extends Error {}

/** Checks that an already parsed value is a cluster status (its outline; see above). */
export function checkStatusOutline(value: unknown): ClusterStatus {
  const problem = outlineProblem(value);
  if (problem !== null) throw new StatusJsonError(`full state is not a cluster status: ${problem}`);
  // The outline holds; the rest was validated by the console (see above).
  return value as ClusterStatus;
}

/** Parses the `statusJson` of a full status.watch event (null: no status yet). */
export function parseStatusJson(json: string | null): ClusterStatus | null {
  if (json === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    throw new StatusJsonError(`full state is not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  return value === null ? null : checkStatusOutline(value);
}
