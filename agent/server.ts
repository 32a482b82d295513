/**
 * The agent's WebSocket server: authenticates each connection, then serves hello, status
 * (one full snapshot per subscriber, patches after) and requests.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import {
  AUTH_TIMEOUT_MS,
  CLOSE_AUTH_TIMEOUT,
  CLOSE_SHUTDOWN,
  CLOSE_TOO_LARGE,
  CLOSE_UNAUTHORIZED,
  MAX_CLIENT_FRAME_BYTES,
  parseClientFrame,
  type AgentMessage,
  type ClientMessage,
  type HelloMessage,
} from "@/lib/protocol";
import { bearerToken, tokensMatch } from "./auth";
import type { ActionHandler, FeedEvent, Logger, StatusFeed } from "./feed";

/** Each request may start processes: one connection cannot start more than this many at once. */
const MAX_REQUESTS_IN_FLIGHT = 16;
const PRE_AUTH_FRAME_BYTES = 64 * 1024;

export interface AgentServerOptions {
  port: number;
  host?: string;
  token: string;
  tls?: { cert: string | Buffer; key: string | Buffer };
  feed: StatusFeed;
  hello: () => HelloMessage;
  actions: ActionHandler;
  log: Logger;
  /** A client that cannot keep up with this much queued output is dropped rather than hoarding memory. */
  maxBufferedBytes?: number;
  pingIntervalMs?: number;
  /** How long an unauthenticated connection may stay open (default AUTH_TIMEOUT_MS). */
  authTimeoutMs?: number;
}

export interface AgentServer {
  port: number;
  url: string;
  close(): Promise<void>;
  clientCount(): number;
}

interface Client {
  ws: WebSocket;
  peer: string;
  authed: boolean;
  subscribed: boolean;
  /** seq of the last snapshot this client holds; patches are only sent on top of it. */
  seq: number | null;
  inFlight: number;
  alive: boolean;
}

export async function startAgentServer(opts: AgentServerOptions): Promise<AgentServer> {
  const { feed, log } = opts;
  const maxBuffered = opts.maxBufferedBytes ?? 512 * 1024 * 1024;
  const http: Server = opts.tls ? createHttpsServer({ cert: opts.tls.cert, key: opts.tls.key }) : createHttpServer();
  http.on("request", (_req, res) => {
    res.writeHead(426, { "content-type": "text/plain" }).end("Vigil agent: connect with a WebSocket\n");
  });
  // ws enforces a hard cap without a close reason; below it we check the protocol's own limit
  // ourselves so the client learns why it was disconnected.
  const wss = new WebSocketServer({ server: http, maxPayload: MAX_CLIENT_FRAME_BYTES * 4, perMessageDeflate: false });
  // ws re-emits the HTTP server's errors (e.g. EADDRINUSE); listen() below reports those to the caller.
  wss.on("error", (e) => log("error", `server: ${e.message}`));
  const clients = new Set<Client>();

  /** Accepts a message or its JSON text, so one broadcast serializes once, not once per client. */
  const send = (c: Client, msg: AgentMessage | string): void => {
    if (c.ws.readyState !== c.ws.OPEN) return;
    if (c.ws.bufferedAmount > maxBuffered) {
      log("warn", `${c.peer}: client too slow (${c.ws.bufferedAmount} bytes queued), dropping it`);
      c.ws.terminate();
      return;
    }
    c.ws.send(typeof msg === "string" ? msg : JSON.stringify(msg));
  };

  // A snapshot can be megabytes: serialize it once per seq however many clients subscribe.
  let fullCache: { seq: number; status: unknown; text: string } | null = null;
  const fullText = (snap: { seq: number; status: unknown }): string => {
    if (fullCache?.seq !== snap.seq || fullCache.status !== snap.status) {
      fullCache = { seq: snap.seq, status: snap.status, text: JSON.stringify({ type: "status.full", seq: snap.seq, status: snap.status }) };
    }
    return fullCache.text;
  };

  const sendFull = (c: Client): void => {
    const snap = feed.current();
    if (snap) {
      send(c, fullText(snap));
      c.seq = snap.seq;
    }
    const err = feed.lastError();
    if (err) send(c, { type: "status.error", message: err.message, at: err.at, lastGoodSeq: snap?.seq ?? null });
  };

  const onFeed = (ev: FeedEvent): void => {
    let patchText: string | null = null;
    for (const c of clients) {
      if (!c.authed || !c.subscribed) continue;
      if (ev.type === "error") {
        send(c, { type: "status.error", message: ev.message, at: ev.at, lastGoodSeq: c.seq });
      } else if (ev.type === "patch" && c.seq === ev.baseSeq) {
        patchText ??= JSON.stringify({ type: "status.patch", seq: ev.seq, baseSeq: ev.baseSeq, patch: ev.patch });
        send(c, patchText);
        c.seq = ev.seq;
      } else {
        // The client holds nothing or something else: a patch would not apply, give it the whole state.
        sendFull(c);
      }
    }
  };
  const unsubscribeFeed = feed.subscribe(onFeed);

  const authenticate = (c: Client, token: string): boolean => {
    if (tokensMatch(opts.token, token)) {
      c.authed = true;
      log("info", `${c.peer}: authenticated`);
      send(c, opts.hello());
      return true;
    }
    log("warn", `${c.peer}: refused, wrong token`);
    c.ws.close(CLOSE_UNAUTHORIZED, "invalid token");
    return false;
  };

  const handle = async (c: Client, msg: ClientMessage): Promise<void> => {
    switch (msg.type) {
      case "auth":
        if (!c.authed) authenticate(c, msg.token);
        return;
      case "subscribe":
        c.subscribed = true;
        c.seq = null;
        sendFull(c);
        return;
      case "unsubscribe":
        c.subscribed = false;
        c.seq = null;
        return;
      case "request": {
        if (c.inFlight >= MAX_REQUESTS_IN_FLIGHT) {
          send(c, { type: "response", id: msg.id, ok: false, error: { code: "unavailable", message: `more than ${MAX_REQUESTS_IN_FLIGHT} requests in flight; wait for answers` } });
          return;
        }
        const started = performance.now();
        let outcome;
        c.inFlight++;
        try {
          outcome = await opts.actions(msg.action, msg.params, { cibUser: msg.cibUser });
        } catch (e) {
          log("error", `${c.peer}: request ${msg.action} crashed: ${(e as Error).stack ?? String(e)}`);
          outcome = { ok: false as const, error: { code: "internal" as const, message: (e as Error).message } };
        } finally {
          c.inFlight--;
        }
        const ms = Math.round(performance.now() - started);
        log(outcome.ok ? "info" : "warn", `${c.peer}: ${msg.action} ${JSON.stringify(msg.params)}${msg.cibUser ? ` as ${msg.cibUser}` : ""} → ${outcome.ok ? "ok" : `${outcome.error.code}: ${outcome.error.message}`} (${ms} ms)`);
        send(c, outcome.ok ? { type: "response", id: msg.id, ok: true, result: outcome.result } : { type: "response", id: msg.id, ok: false, error: outcome.error });
        return;
      }
    }
  };

  wss.on("connection", (ws: WebSocket, req: IncomingMessage) => {
    const c: Client = {
      ws,
      peer: `${req.socket.remoteAddress ?? "?"}:${req.socket.remotePort ?? "?"}`,
      authed: false,
      subscribed: false,
      seq: null,
      inFlight: 0,
      alive: true,
    };
    clients.add(c);
    ws.on("pong", () => (c.alive = true));
    ws.on("error", (e) => {
      // ws raises e.g. "Max payload size exceeded" here and closes with 1009; the agent goes on.
      log("warn", `${c.peer}: ${e.message}`);
    });
    ws.on("close", (code, reason) => {
      clients.delete(c);
      clearTimeout(authTimer);
      if (c.authed) log("info", `${c.peer}: disconnected (${code}${reason.length ? ` ${reason.toString()}` : ""})`);
    });

    const header = bearerToken(req.headers.authorization);
    const authTimeoutMs = opts.authTimeoutMs ?? AUTH_TIMEOUT_MS;
    const authTimer = setTimeout(() => {
      if (!c.authed) {
        log("warn", `${c.peer}: no credentials within ${authTimeoutMs} ms, closing`);
        ws.close(CLOSE_AUTH_TIMEOUT, "authentication timeout");
      }
    }, authTimeoutMs);
    if (header !== null && !authenticate(c, header)) return;

    ws.on("message", (data: RawData, isBinary: boolean) => {
      if (ws.readyState !== ws.OPEN) return;
      const size = rawSize(data);
      // Before the token, only the small hello fits: an unknown peer cannot make the agent hold megabytes.
      const limit = c.authed ? MAX_CLIENT_FRAME_BYTES : PRE_AUTH_FRAME_BYTES;
      if (size > limit) {
        log("warn", `${c.peer}: frame of ${size} bytes exceeds ${limit}, closing`);
        ws.close(CLOSE_TOO_LARGE, `frame larger than ${limit} bytes`);
        return;
      }
      const text = isBinary ? null : rawToString(data);
      const parsed = text === null ? null : parseClientFrame(text);
      if (!c.authed) {
        // Before authentication only a valid auth frame is answered; anything else ends the connection.
        if (parsed?.ok && parsed.message.type === "auth") authenticate(c, parsed.message.token);
        else {
          log("warn", `${c.peer}: refused, sent ${parsed?.ok ? parsed.message.type : "garbage"} before authenticating`);
          ws.close(CLOSE_UNAUTHORIZED, "authenticate first");
        }
        return;
      }
      if (parsed === null) {
        send(c, { type: "error", code: "bad_message", message: "binary frames are not part of the protocol; send JSON text" });
        return;
      }
      if (!parsed.ok) {
        log("warn", `${c.peer}: ${parsed.error.message}`);
        if (parsed.requestId !== undefined) {
          send(c, { type: "response", id: parsed.requestId, ok: false, error: { code: "bad_request", message: parsed.error.message } });
        } else send(c, parsed.error);
        return;
      }
      void handle(c, parsed.message);
    });
  });

  const pinger = setInterval(() => {
    for (const c of clients) {
      if (!c.alive) {
        c.ws.terminate();
        continue;
      }
      c.alive = false;
      c.ws.ping();
    }
  }, opts.pingIntervalMs ?? 30_000);
  pinger.unref();

  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(opts.port, opts.host ?? "0.0.0.0", () => {
      http.off("error", reject);
      resolve();
    });
  });
  const port = (http.address() as AddressInfo).port;
  const hostForUrl = !opts.host || opts.host === "0.0.0.0" || opts.host === "::" ? "127.0.0.1" : opts.host;
  return {
    port,
    url: `${opts.tls ? "wss" : "ws"}://${hostForUrl}:${port}`,
    clientCount: () => clients.size,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(pinger);
        unsubscribeFeed();
        for (const c of clients) c.ws.close(CLOSE_SHUTDOWN, "agent shutting down");
        wss.close();
        http.close(() => resolve());
        // Sockets that do not finish their close handshake must not hold the shutdown.
        setTimeout(() => {
          for (const c of clients) c.ws.terminate();
          http.closeAllConnections?.();
        }, 1000).unref();
      }),
  };
}

function rawSize(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((n, b) => n + b.length, 0);
  return data.byteLength;
}

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString("utf8");
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString("utf8");
  return data.toString("utf8");
}
