import { z } from "zod";
import type { ClusterStatus } from "@/lib/pacemaker";

/**
 * The outline of a ClusterStatus, checked on the full state the console sends as JSON text
 * (`statusJson` of status.watch). The console already validated the status against the whole
 * ClusterStatusSchema when its agent sent it (lib/agent-client.ts); repeating that walk over a
 * 32×2000 cluster here would cost the browser hundreds of milliseconds before first paint, so
 * this checks only that the text is a status and not something else.
 */
const StatusOutlineSchema = z.looseObject({
  summary: z.looseObject({}),
  nodes: z.array(z.looseObject({ name: z.string() })),
  resources: z.array(z.unknown()),
});

export class StatusJsonError extends Error {}

/** Checks that an already parsed value is a cluster status (its outline; see above). */
export function checkStatusOutline(value: unknown): ClusterStatus {
  const outline = StatusOutlineSchema.safeParse(value);
  if (!outline.success) throw new StatusJsonError(`full state is not a cluster status: ${outline.error.message}`);
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
