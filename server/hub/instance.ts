// The process-wide hub. Kept on globalThis because Next bundles route handlers separately from
// the modules server.ts loads: both must see the same connections and the same event bus.
import type { Db } from "@/server/db/client";
import { getDb } from "@/server/db/client";
import type { AgentLinkFactory } from "./agent-link";
import { AgentHub } from "./hub";
import { agentClientLinkFactory } from "./link-factory";
import type { ClusterRecord } from "./types";

declare global {
  var __vigilHub: Promise<AgentHub> | undefined;
  var __vigilLinkFactory: AgentLinkFactory | undefined;
}

export async function loadClusterRecords(db: Db): Promise<ClusterRecord[]> {
  const rows = await db.cluster.findMany({ include: { agents: { orderBy: { position: "asc" } } }, orderBy: { name: "asc" } });
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    token: c.token,
    tlsFingerprint: c.tlsFingerprint,
    agents: c.agents.map((a) => a.url),
  }));
}

export async function startHub(db: Db, factory: AgentLinkFactory): Promise<AgentHub> {
  const hub = new AgentHub(factory);
  for (const record of await loadClusterRecords(db)) hub.addCluster(record);
  return hub;
}

export function linkFactory(): AgentLinkFactory {
  return globalThis.__vigilLinkFactory ?? agentClientLinkFactory;
}

/** Started by server.ts at boot; created on first use when Next runs without it (next dev). */
export function getHub(): Promise<AgentHub> {
  globalThis.__vigilHub ??= startHub(getDb(), linkFactory());
  return globalThis.__vigilHub;
}

export async function stopHub(): Promise<void> {
  const hub = globalThis.__vigilHub;
  globalThis.__vigilHub = undefined;
  if (hub) (await hub).close();
}
