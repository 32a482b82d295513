// `vigil status --cluster NAME`: a cluster registered in the console, read straight from its agents
// with the token (and certificate pin) the console keeps, chosen as the hub chooses (pickServing:
// the quorate side, the DC's agent first). The console itself need not be running.
import { existsSync } from "node:fs";
import { env } from "@/env";
import { fetchStatusOnce } from "@/lib/agent-client";
import type { ClusterStatus } from "@/lib/pacemaker";
import { createDb } from "@/server/db/client";
import { sqliteFilePath } from "@/server/db/migration-engine";
import { pickServing } from "@/server/hub/serving";

export async function registeredClusterStatus(name: string, timeoutMs: number): Promise<ClusterStatus> {
  // Opening a missing SQLite file would create an empty one: a read must not leave that behind.
  const file = sqliteFilePath(env.DATABASE_URL);
  if (file !== null && !existsSync(file)) {
    throw new Error(`no console database at ${file} (run this where the console runs, or set DATABASE_URL)`);
  }
  const db = createDb(env.DATABASE_URL);
  let cluster;
  let known: string[] = [];
  try {
    cluster = await db.cluster.findUnique({ where: { name }, include: { agents: { orderBy: { position: "asc" } } } });
    if (!cluster) known = (await db.cluster.findMany({ select: { name: true }, orderBy: { name: "asc" } })).map((c) => c.name);
  } catch (e) {
    throw new Error(`cannot read the console's database (${env.DATABASE_URL}): ${(e as Error).message}`);
  } finally {
    await db.$disconnect();
  }
  if (!cluster) {
    throw new Error(`no cluster named ${name} is registered${known.length ? ` (registered: ${known.join(", ")})` : " (none is)"}`);
  }
  const tls = cluster.tlsFingerprint ? { fingerprint256: cluster.tlsFingerprint } : undefined;
  const answers = await Promise.allSettled(cluster.agents.map((a) => fetchStatusOnce(a.url, cluster.token, timeoutMs, tls)));
  const ok = answers.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const chosen = pickServing(ok, (a) => ({ node: a.hello.node, status: a.status }));
  if (chosen) return chosen.status;
  const why = answers.map((r, i) => `${cluster.agents[i]?.url}: ${r.status === "rejected" ? (r.reason as Error).message : "?"}`);
  throw new Error(`no agent of ${name} answered:\n  ${why.join("\n  ")}`);
}
