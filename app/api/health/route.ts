// Liveness for process supervisors and load balancers: no session needed, so it says nothing a
// stranger should not know (no names, no addresses), only whether the console can do its job.
import { getDb } from "@/server/db/client";
import { getHub } from "@/server/hub/instance";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(): Promise<Response> {
  let database = true;
  try {
    await getDb().$queryRawUnsafe("SELECT 1");
  } catch {
    database = false;
  }
  const clusters = (await getHub()).snapshots();
  const body = {
    ok: database,
    database,
    clusters: clusters.length,
    clustersReachable: clusters.filter((c) => c.freshness.reachable).length,
  };
  return Response.json(body, { status: database ? 200 : 503, headers: { "cache-control": "no-store" } });
}
