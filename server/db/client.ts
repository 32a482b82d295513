import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/env";

export type Db = PrismaClient;

export function createDb(url: string): Db {
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url, timeout: 5000 }) });
}

/** WAL lets the many readers (requests, subscriptions) run beside the one writer; it persists in the file. */
export async function enableWal(db: Db): Promise<void> {
  await db.$queryRawUnsafe("PRAGMA journal_mode=WAL");
}

declare global {
  var __vigilDb: Db | undefined;
}

/**
 * One client per process: Next bundles route handlers separately from the modules server.ts
 * loads, so a module-level singleton would open a second connection pool.
 */
export function getDb(): Db {
  globalThis.__vigilDb ??= createDb(env.DATABASE_URL);
  return globalThis.__vigilDb;
}
