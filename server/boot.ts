// Console start-up, in order: migrations, audit recovery, the agent hub, then HTTP. Used by
// server.ts; the demo and tests may call startConsole directly.
import { createServer, type IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import next from "next";
import { env } from "@/env";
import { CLIENT_IP_HEADER } from "@/server/api/context";
import { serveSnapshot, SNAPSHOT_PATH } from "@/server/api/snapshot-http";
import { markPendingUnknown } from "@/server/audit/audit";
import { purgeExpiredSessions } from "@/server/auth/session";
import { enableWal, getDb } from "@/server/db/client";
import { deployMigrations } from "@/server/db/migration-engine";
import { startEventRecorder } from "@/server/events/recorder";
import { linkFactory, startHub, stopHub } from "@/server/hub/instance";

export interface ConsoleOptions {
  port?: number;
  host?: string;
  dev?: boolean;
  log?: (msg: string) => void;
}

export interface RunningConsole {
  url: string;
  close(): Promise<void>;
}

/** The socket's own address, replacing anything a client sent under our header name. */
function stampClientIp(req: IncomingMessage): void {
  req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? "unknown";
}

export async function prepareDatabase(log: (msg: string) => void): Promise<void> {
  const applied = await deployMigrations(env.DATABASE_URL);
  if (applied.length) log(`database: applied ${applied.join(", ")}`);
  const db = getDb();
  await enableWal(db);
  const unknown = await markPendingUnknown(db);
  if (unknown) log(`audit: ${unknown} action(s) were cut off by the last stop; marked "outcome unknown"`);
  await purgeExpiredSessions(db);
}

export async function startConsole(opts: ConsoleOptions = {}): Promise<RunningConsole> {
  const log = opts.log ?? ((msg: string) => console.log(`[vigil] ${msg}`));
  const port = opts.port ?? env.PORT;
  const host = opts.host ?? env.HOST;
  const dev = opts.dev ?? env.NODE_ENV !== "production";

  await prepareDatabase(log);
  globalThis.__vigilHub = startHub(getDb(), linkFactory());
  const hub = await globalThis.__vigilHub;
  log(`hub: watching ${hub.snapshots().length} cluster(s)`);
  // Cluster events (node lost, resource moved…) from the hub's snapshots, for the timeline.
  const recorder = startEventRecorder(hub, getDb(), (msg) => log(`events: ${msg}`));

  // Expired sessions are refused on sight; this only keeps the table from growing.
  const purge = setInterval(() => void purgeExpiredSessions(getDb()).catch(() => {}), 3_600_000);
  purge.unref();

  const app = next({ dev, hostname: host, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const upgrade = app.getUpgradeHandler(); // HMR in dev

  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    stampClientIp(req);
    const snapshot = SNAPSHOT_PATH.exec(req.url?.split("?")[0] ?? "");
    if (snapshot?.[1]) void serveSnapshot(req, res, snapshot[1]);
    else void handle(req, res);
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  server.on("upgrade", (req, socket, head) => {
    stampClientIp(req);
    void upgrade(req, socket, head);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const url = `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`;
  log(`console on ${url} (${dev ? "development" : "production"})`);

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      clearInterval(purge);
      await recorder.stop();
      await stopHub();
      // Open SSE streams would hold server.close() forever; browsers reconnect when we are back.
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeIdleConnections();
      setTimeout(() => sockets.forEach((s) => s.destroy()), 1_000).unref();
      await closed;
      await app.close().catch(() => {});
      await getDb().$disconnect();
    })();
    return closing;
  };
  return { url, close };
}
