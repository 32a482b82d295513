// The demo's database content: three users, one per role, and the demo cluster registered.
// Idempotent: existing users keep their passwords, an existing cluster is left as it is.
import { readFileSync } from "node:fs";
import { env } from "@/env";
import { recordAudit } from "@/server/audit/audit";
import { hashPassword } from "@/server/auth/password";
import type { Role } from "@/server/auth/roles";
import { getDb, type Db } from "@/server/db/client";
import { deployMigrations } from "@/server/db/migration-engine";

export const DEMO_CLUSTER_NAME = "democluster";

/** Printed by the demo: not secrets, this database is for trying the console out. */
export const DEMO_USERS: readonly { username: string; password: string; role: Role }[] = [
  { username: "admin", password: "demo-admin", role: "admin" },
  { username: "operator", password: "demo-operator", role: "operator" },
  { username: "viewer", password: "demo-viewer", role: "viewer" },
];

export interface SeedDemoOptions {
  agentUrls: string[];
  tokenFile: string;
  /** default: the process's client on env.DATABASE_URL (migrated first when needed) */
  db?: Db;
}

export interface SeedDemoResult {
  users: { username: string; password: string; role: Role; created: boolean }[];
  cluster: { name: string; created: boolean };
}

export async function seedDemo(opts: SeedDemoOptions): Promise<SeedDemoResult> {
  if (opts.db === undefined) await deployMigrations(env.DATABASE_URL);
  const db = opts.db ?? getDb();
  const actor = { userId: null, username: "demo", role: "admin" };
  const users: SeedDemoResult["users"] = [];
  for (const u of DEMO_USERS) {
    const exists = await db.user.findUnique({ where: { username: u.username } });
    if (!exists) {
      await db.user.create({ data: { username: u.username, role: u.role, passwordHash: await hashPassword(u.password) } });
      await recordAudit(db, actor, { action: "users.add", target: u.username, params: { role: u.role, via: "demo" } }, "ok", "");
    }
    users.push({ ...u, created: !exists });
  }

  const token = readFileSync(opts.tokenFile, "utf8").trim();
  let cluster = await db.cluster.findUnique({ where: { name: DEMO_CLUSTER_NAME } });
  const created = cluster === null;
  if (!cluster) {
    cluster = await db.cluster.create({
      data: {
        name: DEMO_CLUSTER_NAME,
        token,
        agents: { create: opts.agentUrls.map((url, position) => ({ url, position })) },
      },
    });
    await recordAudit(
      db,
      actor,
      { action: "clusters.register", target: DEMO_CLUSTER_NAME, params: { agents: opts.agentUrls, via: "demo" }, clusterId: cluster.id },
      "ok",
      "",
    );
  }
  // The demo makes a new token when its token file is missing, and may run on other ports: follow it.
  const saved = await db.clusterAgent.findMany({ where: { clusterId: cluster.id }, orderBy: { position: "asc" } });
  const changed = cluster.token !== token || saved.map((a) => a.url).join(" ") !== opts.agentUrls.join(" ");
  if (changed) {
    await db.$transaction([
      db.cluster.update({ where: { id: cluster.id }, data: { token } }),
      db.clusterAgent.deleteMany({ where: { clusterId: cluster.id } }),
      db.clusterAgent.createMany({ data: opts.agentUrls.map((url, position) => ({ clusterId: cluster.id, url, position })) }),
    ]);
  }

  // In the console's own process, the running hub picks the cluster up at once.
  const hub = globalThis.__vigilHub ? await globalThis.__vigilHub : null;
  if (hub && (created || changed || !hub.feed(cluster.id))) {
    hub.addCluster({ id: cluster.id, name: cluster.name, token, tlsFingerprint: cluster.tlsFingerprint, agents: opts.agentUrls });
  }
  return { users, cluster: { name: DEMO_CLUSTER_NAME, created } };
}
