import type { ClusterStatus } from "@/lib/pacemaker";
import type { StatusWatchEvent } from "@/server/api/routers/status";
import { checkStatusOutline, StatusJsonError } from "./status-json";

type Full = Extract<StatusWatchEvent, { type: "full" }>;

/** What /api/clusters/[name]/snapshot answers: status.snapshot with the status parsed once. */
export interface ClusterSnapshotDoc {
  version: number;
  /** resume status.watch from here: the stream then carries only patches */
  eventId: string;
  status: ClusterStatus | null;
  freshness: Full["freshness"];
  health: Full["health"];
}

/** A failed snapshot request, with the tRPC error code the console answered (UNAUTHORIZED, NOT_FOUND…). */
export class SnapshotError extends Error {
  constructor(
    message: string,
    readonly data: { code: string },
  ) {
    super(message);
  }
}

export const snapshotUrl = (cluster: string): string => `/api/clusters/${encodeURIComponent(cluster)}/snapshot`;

const STASH = "__vigilSnapshot";
/** A request started by the page's inline script is used only while this young. */
const STASH_MAX_AGE_MS = 20_000;

/**
 * The inline script the cluster layout puts in the HTML: it starts the snapshot request as soon as
 * the browser parses it, and reads and parses the body in the gaps while the page's scripts load
 * and hydrate (on a 32×2000 cluster that is 4 MB of JSON the page would otherwise parse after).
 */
export function snapshotPreloadScript(cluster: string): string {
  // JSON.stringify alone would let "</script>" through; \u003c cannot close the tag.
  const url = JSON.stringify(snapshotUrl(cluster)).replace(/</g, "\\u003c");
  const name = JSON.stringify(cluster).replace(/</g, "\\u003c");
  return (
    `window.${STASH}={name:${name},at:Date.now(),result:fetch(${url},{credentials:"same-origin",headers:{accept:"application/json"}})` +
    `.then(function(r){return r.text().then(function(t){try{return{status:r.status,value:JSON.parse(t),error:null}}` +
    `catch(e){return{status:r.status,value:null,error:String(e&&e.message||e)}}})})` +
    // A failed request must not surface as an unhandled rejection when nothing takes the stash.
    `.catch(function(e){return{status:0,value:null,error:String(e&&e.message||e)}})};`
  );
}

/** A snapshot response read and parsed: the value, or why the body was not JSON. */
interface ReadSnapshot {
  status: number;
  value: unknown;
  error: string | null;
}

interface Stash {
  name: string;
  at: number;
  result: Promise<ReadSnapshot>;
}

function takeStashed(cluster: string): Promise<ReadSnapshot> | null {
  const w = window as unknown as Record<string, Stash | undefined>;
  const s = w[STASH];
  if (!s || s.name !== cluster || Date.now() - s.at > STASH_MAX_AGE_MS) return null;
  w[STASH] = undefined;
  return s.result;
}

async function readSnapshot(cluster: string): Promise<ReadSnapshot> {
  let r: Response;
  let text: string;
  try {
    r = await fetch(snapshotUrl(cluster), { credentials: "same-origin", headers: { accept: "application/json" } });
    text = await r.text();
  } catch (e) {
    return { status: 0, value: null, error: e instanceof Error ? e.message : String(e) };
  }
  try {
    return { status: r.status, value: JSON.parse(text) as unknown, error: null };
  } catch (e) {
    return { status: r.status, value: null, error: e instanceof Error ? e.message : String(e) };
  }
}

function errorOf(value: unknown): { code: string; message: string } | null {
  if (typeof value !== "object" || value === null || !("error" in value)) return null;
  const e = (value as { error: unknown }).error;
  if (typeof e !== "object" || e === null) return null;
  const code = "code" in e && typeof e.code === "string" ? e.code : "INTERNAL_SERVER_ERROR";
  const message = "message" in e && typeof e.message === "string" ? e.message : "the console could not send the cluster's state";
  return { code, message };
}

/** Reads a parsed snapshot response; throws SnapshotError or StatusJsonError on anything else. */
export function interpretSnapshot(read: ReadSnapshot): ClusterSnapshotDoc {
  const { status: httpStatus, value } = read;
  if (httpStatus === 0) throw new SnapshotError(`could not reach the console: ${read.error ?? "no answer"}`, { code: "UNREACHABLE" });
  if (read.error !== null) {
    throw new SnapshotError(`the console answered ${httpStatus} with something that is not JSON: ${read.error}`, { code: "BAD_RESPONSE" });
  }
  const err = errorOf(value);
  if (err || httpStatus >= 400) throw new SnapshotError(err?.message ?? `the console answered ${httpStatus}`, { code: err?.code ?? "BAD_RESPONSE" });
  if (typeof value !== "object" || value === null) throw new StatusJsonError("the snapshot is not an object");
  const doc = value as Record<string, unknown>;
  if (typeof doc.version !== "number" || typeof doc.eventId !== "string" || typeof doc.freshness !== "object" || doc.freshness === null) {
    throw new StatusJsonError("the snapshot has no version, event id or freshness");
  }
  const freshness = doc.freshness as Full["freshness"] & { receivedAt: string | Date | null };
  return {
    version: doc.version,
    eventId: doc.eventId,
    status: doc.status === null ? null : checkStatusOutline(doc.status),
    // JSON has no dates; the stream (superjson) sends Date, so the snapshot does the same.
    freshness: { ...freshness, receivedAt: freshness.receivedAt === null ? null : new Date(freshness.receivedAt) },
    health: doc.health as Full["health"],
  };
}

/** The cluster's snapshot: the one the page's inline script fetched and parsed, or a new one. */
export async function fetchClusterSnapshot(cluster: string): Promise<ClusterSnapshotDoc> {
  // Marks let the bench (and devtools) split first paint into its steps; one set only, so moving
  // between clusters all day leaves no trail.
  for (const m of ["stashed", "fetch", "body", "parsed"]) performance.clearMarks(`vigil:snapshot-${m}`);
  const stashed = takeStashed(cluster);
  performance.mark(stashed ? "vigil:snapshot-stashed" : "vigil:snapshot-fetch");
  const read = await (stashed ?? readSnapshot(cluster));
  performance.mark("vigil:snapshot-body");
  const doc = interpretSnapshot(read);
  performance.mark("vigil:snapshot-parsed");
  return doc;
}
