// The first paint of a cluster page, served by the console's own HTTP server ahead of Next:
// `status.snapshot` (role check and all, through the one tRPC router) as one JSON document whose
// `status` is the snapshot's JSON text spliced in as it is, gzipped once per snapshot.
//
// Why not a Next route handler: Next drops a handler's Content-Encoding and gzips the body itself,
// streaming 4 MB through level 6 in small chunks (140 ms for a 32×2000 cluster). Why not tRPC: the
// status would be escaped into a string and parsed twice. Here the browser parses it once, and the
// page starts this request from an inline script while its own scripts still load.
import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip as gzipCb } from "node:zlib";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { createContext, type ContextDeps } from "./context";
import { createCaller } from "./root";

const gzip = promisify(gzipCb);

export const SNAPSHOT_PATH = /^\/api\/clusters\/([^/?#]+)\/snapshot$/;

/** Bodies smaller than this go out as they are: compressing them costs more than it saves. */
const GZIP_MIN_BYTES = 32_768;

/**
 * The newest compressed body per cluster: one level-3 pass off the event loop (~25 ms for 4 MB),
 * shared by every browser that opens the page before the cluster changes (a NOC wall of screens).
 */
const compressed = new Map<string, { head: string; gz: Promise<Buffer> }>();

/** `head` holds the event id (feed generation and version), so it names the status too. */
function gzipOnce(cluster: string, head: string, body: string): Promise<Buffer> {
  const hit = compressed.get(cluster);
  if (hit && hit.head === head) return hit.gz;
  const gz = gzip(body, { level: 3 });
  compressed.set(cluster, { head, gz });
  gz.catch(() => compressed.delete(cluster));
  return gz;
}

export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return (acceptEncoding ?? "")
    .split(",")
    .some((e) => /^\s*gzip\s*(;\s*q=(?!0(\.0*)?\s*$)[\d.]+\s*)?$/i.test(e));
}

function toHeaders(req: IncomingMessage): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (typeof v === "string") h.set(k, v);
    else if (Array.isArray(v)) for (const x of v) h.append(k, x);
  }
  return h;
}

/** Answers GET /api/clusters/<name>/snapshot; `deps` replaces the process-wide database and hub (tests). */
export async function serveSnapshot(req: IncomingMessage, res: ServerResponse, encodedName: string, deps: ContextDeps = {}): Promise<void> {
  const cookies: string[] = [];
  const send = (status: number, body: string | Buffer, extra: Record<string, string> = {}): void => {
    res.writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      vary: "accept-encoding",
      ...(cookies.length ? { "set-cookie": cookies } : {}),
      ...extra,
    });
    res.end(req.method === "HEAD" ? undefined : body);
  };
  if (req.method !== "GET" && req.method !== "HEAD") {
    send(405, JSON.stringify({ error: { code: "METHOD_NOT_SUPPORTED", message: "GET only" } }), { allow: "GET, HEAD" });
    return;
  }
  let cluster: string;
  try {
    cluster = decodeURIComponent(encodedName);
  } catch {
    send(400, JSON.stringify({ error: { code: "BAD_REQUEST", message: "the cluster name in the address is not valid" } }));
    return;
  }
  try {
    const ctx = await createContext(toHeaders(req), (cookie) => cookies.push(cookie), deps);
    const s = await createCaller(ctx).status.snapshot({ cluster });
    const head = JSON.stringify({ version: s.version, eventId: s.eventId, freshness: s.freshness, health: s.health });
    const body = `${head.slice(0, -1)},"status":${s.statusJson ?? "null"}}`;
    if (body.length < GZIP_MIN_BYTES || !acceptsGzip(req.headers["accept-encoding"])) send(200, body);
    else send(200, await gzipOnce(cluster, head, body), { "content-encoding": "gzip" });
  } catch (err) {
    if (err instanceof TRPCError) {
      send(getHTTPStatusCodeFromError(err), JSON.stringify({ error: { code: err.code, message: err.message } }));
      return;
    }
    console.error("[vigil] snapshot:", err);
    if (!res.headersSent) send(500, JSON.stringify({ error: { code: "INTERNAL_SERVER_ERROR", message: "the console could not read this cluster's state" } }));
    else res.destroy();
  }
}
