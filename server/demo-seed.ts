// The demo's database content: three users, one per role, and the demo cluster registered.
// Idempotent: existing users keep their passwords, an existing cluster is left as it is.
import { readFileSync } from "node:fs";
import { env } from "@/env";
import { recordAudit } from "@/server/audit/audit";
import { hashPassword } from "@/server/auth/password";
import type { Role } from "@/server/auth/roles";
import { createDb, type Db } from "@/server/db/client";
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
  /** default: a client on env.DATABASE_URL, migrated first */
  db?: Db;
}

export interface SeedDemoResult {
  users: { username: string; password: string; role: Role; created: boolean }[];
  cluster: { name: string; created: boolean };
}

export async function seedDemo(opts: SeedDemoOptions): Promise<SeedDemoResult> {
  const own = opts.db === undefined;
  if (own) await deployMigrations(env.DATABASE_URL);
  const db = opts.db ?? createDb(env.DATABASE_URL);
  const actor = { userId: null, username: "demo", role: "admin" };
  try {
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
    const tokenChanged = cluster.token !== token;
    if (tokenChanged) {
      // The demo makes a new token when its token file is missing; follow it.
      await db.cluster.update({ where: { id: cluster.id }, data: { token } });
    }

    // In the console's own process, the running hub picks the cluster up at once.
    const hub = globalThis.__vigilHub ? await globalThis.__vigilHub : null;
    if (hub && (created || tokenChanged || !hub.feed(cluster.id))) {
      const agents = await db.clusterAgent.findMany({ where: { clusterId: cluster.id }, orderBy: { position: "asc" } });
      hub.addCluster({ id: cluster.id, name: cluster.name, token, tlsFingerprint: cluster.tlsFingerprint, agents: agents.map((a) => a.url) });
    }
    return { users, cluster: { name: DEMO_CLUSTER_NAME, created } };
  } finally {
    if (own) await db.$disconnect();
  }
}
