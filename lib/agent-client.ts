/**
 * Client of one Vigil agent (used by `vigil status --agent` and by the console's hub).
 *
 *   const c = new AgentClient({ url: "ws://node2:7480", token, reconnect: true });
 *   c.on("status", ({ status, patch, seq }) => ...);   // full snapshot (patch null) or a patch applied
 *   c.on("state", ({ state, detail }) => ...);          // connecting | open | closed | refused
 *   c.connect();
 *   await c.request("resource.move", { rsc: "WebService1", node: "node3" });
 *   c.close();
 *
 * It keeps the agent's hello and the current status; on a seq gap it subscribes again for a full
 * snapshot. A refused token (close 4401) is final: no reconnect, state "refused".
 */
import { isIP } from "node:net";
import { connect as tlsConnect, type TLSSocket } from "node:tls";
import WebSocket from "ws";
import { applyStatusPatch, ClusterStatusSchema, StatusPatchSchema, type ClusterStatus, type StatusPatch } from "@/lib/pacemaker";
import {
  AgentMessageSchema,
  CLOSE_UNAUTHORIZED,
  MAX_AGENT_FRAME_BYTES,
  type ActionName,
  type ActionParams,
  type AgentMessage,
  type HelloMessage,
  type CommandRun,
  type RequestErrorCode,
} from "@/lib/protocol";

export type ConnectionState = "connecting" | "open" | "closed" | "refused";

export interface AgentClientOptions {
  url: string;
  token: string;
  /** Reconnect after a lost connection, with exponential backoff and jitter. Default false. */
  reconnect?: boolean | { minMs?: number; maxMs?: number };
  /** Subscribe to status on connect. Default true. */
  subscribe?: boolean;
  connectTimeoutMs?: number;
  /**
   * For wss:// agents with their own certificate: trust a CA, or pin the agent's certificate by its
   * SHA-256 fingerprint (as `openssl x509 -fingerprint -sha256` or fetchCertificateFingerprint print it).
   * With a pin the token is sent only after the certificate matched (as an auth message, not a header).
   */
  tls?: { ca?: string | Buffer; rejectUnauthorized?: boolean; fingerprint256?: string };
  /**
   * The agent pings every 30 s; with no ping or message for this long the connection is taken as
   * dead (a vanished host sends no FIN) and closed, which triggers a reconnect. Default 75 s.
   */
  heartbeatTimeoutMs?: number;
}

export interface StatusEvent {
  status: ClusterStatus;
  /** null for a full snapshot */
  patch: StatusPatch | null;
  seq: number;
}

export interface AgentClientEvents {
  hello: HelloMessage;
  status: StatusEvent;
  /** The agent cannot read the cluster (the last status is kept, growing stale); null when it can again. */
  statusError: { message: string; at: string } | null;
  state: { state: ConnectionState; detail: string };
  /** A protocol `error` frame or an invalid frame from the agent. */
  protocolError: { code: string; message: string };
}

export class AgentRequestError extends Error {
  override name = "AgentRequestError";
  constructor(
    readonly code: RequestErrorCode,
    message: string,
    /** what the agent ran before it failed (audited) */
    readonly commands: CommandRun[] = [],
  ) {
    super(message);
  }
}

type Listener<K extends keyof AgentClientEvents> = (ev: AgentClientEvents[K]) => void;
type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };

export class AgentClient {
  hello: HelloMessage | null = null;
  status: ClusterStatus | null = null;
  seq: number | null = null;
  statusError: { message: string; at: string } | null = null;
  state: ConnectionState = "closed";
  /** Date.now() of the last frame or ping from the agent: how fresh "no news" is. */
  lastHeardAt: number | null = null;

  private ws: WebSocket | null = null;
  private closedByUser = false;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private nextId = 1;
  private readonly pending = new Map<string, Pending>();
  private readonly listeners = new Map<keyof AgentClientEvents, Set<(ev: never) => void>>();

  constructor(private readonly opts: AgentClientOptions) {}

  on<K extends keyof AgentClientEvents>(event: K, fn: Listener<K>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    const stored = fn as (ev: never) => void;
    set.add(stored);
    return () => set.delete(stored);
  }

  private emit<K extends keyof AgentClientEvents>(event: K, ev: AgentClientEvents[K]): void {
    for (const fn of this.listeners.get(event) ?? []) (fn as Listener<K>)(ev);
  }

  private setState(state: ConnectionState, detail: string): void {
    this.state = state;
    this.emit("state", { state, detail });
  }

  /** Starts connecting (no-op while a connection is open or being made). */
  connect(): this {
    this.closedByUser = false;
    if (this.ws === null && this.retryTimer === null) this.open();
    return this;
  }

  private open(): void {
    this.setState("connecting", this.opts.url);
    const pin = this.opts.tls?.fingerprint256 ? normalizeFingerprint(this.opts.tls.fingerprint256) : null;
    const ws = new WebSocket(this.opts.url, {
      // With a pinned certificate the CA chain does not matter (self-signed is the usual case); the
      // token then waits until the pin is checked.
      headers: pin ? {} : { authorization: `Bearer ${this.opts.token}` },
      maxPayload: MAX_AGENT_FRAME_BYTES,
      handshakeTimeout: this.opts.connectTimeoutMs ?? 10_000,
      perMessageDeflate: false,
      ca: this.opts.tls?.ca,
      rejectUnauthorized: pin ? false : this.opts.tls?.rejectUnauthorized,
    });
    this.ws = ws;
    this.pinMismatch = null;
    if (pin) {
      ws.on("upgrade", (res) => {
        const socket = res.socket as TLSSocket;
        const got = typeof socket.getPeerCertificate === "function" ? normalizeFingerprint(socket.getPeerCertificate().fingerprint256 ?? "") : "";
        if (got !== pin) {
          this.pinMismatch = `certificate fingerprint ${got || "(none: not TLS)"} does not match the pinned ${pin}`;
          ws.terminate();
        }
      });
      ws.on("open", () => {
        if (this.pinMismatch === null) ws.send(JSON.stringify({ type: "auth", token: this.opts.token }));
      });
    }
    const heard = (): void => {
      this.lastHeardAt = Date.now();
      if (this.heartbeat) clearTimeout(this.heartbeat);
      this.heartbeat = setTimeout(() => ws.terminate(), this.opts.heartbeatTimeoutMs ?? 75_000);
      this.heartbeat.unref?.();
    };
    ws.on("open", heard);
    ws.on("ping", heard);
    ws.on("message", (data) => {
      heard();
      this.onFrame(data.toString());
    });
    ws.on("error", (e) => {
      // "close" follows with the details that matter; keep the reason for it.
      this.lastSocketError = e.message;
    });
    ws.on("close", (code, reason) => this.onClose(ws, code, reason.toString()));
  }

  private lastSocketError = "";
  private pinMismatch: string | null = null;

  private onClose(ws: WebSocket, code: number, reason: string): void {
    if (this.ws !== ws) return;
    this.ws = null;
    if (this.heartbeat) clearTimeout(this.heartbeat);
    this.heartbeat = null;
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new AgentRequestError("unavailable", "connection to the agent closed before it answered"));
      this.pending.delete(id);
    }
    const detail = `${code}${reason ? ` ${reason}` : ""}${this.lastSocketError ? ` (${this.lastSocketError})` : ""}`;
    this.lastSocketError = "";
    if (this.pinMismatch !== null) {
      // Possibly someone else's server: never retry it with our token.
      this.setState("refused", this.pinMismatch);
      return;
    }
    if (code === CLOSE_UNAUTHORIZED) {
      this.setState("refused", `agent refused the token: ${reason || "unauthorized"}`);
      return;
    }
    this.setState("closed", detail);
    const rc = this.opts.reconnect;
    if (!rc || this.closedByUser) return;
    const minMs = (typeof rc === "object" && rc.minMs) || 250;
    const maxMs = (typeof rc === "object" && rc.maxMs) || 10_000;
    const base = Math.min(maxMs, minMs * 2 ** this.attempt++);
    // Jitter spreads reconnects of many consoles/agents after an outage.
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.open();
    }, base / 2 + Math.random() * (base / 2));
  }

  private send(msg: unknown): boolean {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(msg));
    return true;
  }

  private onFrame(text: string): void {
    let msg: AgentMessage;
    try {
      const parsed = AgentMessageSchema.safeParse(JSON.parse(text));
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "invalid");
      msg = parsed.data;
    } catch (e) {
      this.emit("protocolError", { code: "bad_frame", message: `invalid frame from agent: ${(e as Error).message}` });
      return;
    }
    switch (msg.type) {
      case "hello":
        this.hello = msg;
        this.attempt = 0;
        this.setState("open", `${msg.node} (${msg.mode}, protocol ${msg.protocol})`);
        this.emit("hello", msg);
        if (this.opts.subscribe !== false) this.send({ type: "subscribe" });
        return;
      case "status.full": {
        const status = ClusterStatusSchema.safeParse(msg.status);
        if (!status.success) {
          this.emit("protocolError", { code: "bad_status", message: `agent sent an invalid status: ${status.error.issues[0]?.message}` });
          return;
        }
        this.status = status.data;
        this.seq = msg.seq;
        this.clearStatusError();
        this.emit("status", { status: status.data, patch: null, seq: msg.seq });
        return;
      }
      case "status.patch": {
        if (this.status === null || this.seq !== msg.baseSeq) {
          // Missed something: a patch would not apply; ask for the whole state again.
          this.send({ type: "subscribe" });
          return;
        }
        const patch = StatusPatchSchema.safeParse(msg.patch);
        if (!patch.success) {
          this.send({ type: "subscribe" });
          return;
        }
        this.clearStatusError();
        if (patch.data.ops.length === 0) return;
        let next: ClusterStatus;
        try {
          next = applyStatusPatch(this.status, patch.data);
        } catch {
          this.send({ type: "subscribe" });
          return;
        }
        this.status = next;
        this.seq = msg.seq;
        this.emit("status", { status: next, patch: patch.data, seq: msg.seq });
        return;
      }
      case "status.error":
        this.statusError = { message: msg.message, at: msg.at };
        this.emit("statusError", this.statusError);
        return;
      case "response": {
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        clearTimeout(p.timer);
        if (msg.ok) p.resolve(msg.result);
        else p.reject(new AgentRequestError(msg.error.code, msg.error.message, msg.error.commands ?? []));
        return;
      }
      case "error":
        this.emit("protocolError", { code: msg.code, message: msg.message });
        return;
    }
  }

  private clearStatusError(): void {
    if (this.statusError === null) return;
    this.statusError = null;
    this.emit("statusError", null);
  }

  /**
   * Sends a request; resolves with the agent's result, rejects with AgentRequestError.
   * `cibUser` makes Pacemaker apply that ACL user's permissions to the change.
   */
  request<A extends ActionName>(action: A, params: ActionParams<A>, timeoutMs?: number, cibUser?: string): Promise<unknown>;
  request(action: string, params: Record<string, unknown>, timeoutMs?: number, cibUser?: string): Promise<unknown>;
  request(action: string, params: Record<string, unknown>, timeoutMs = 60_000, cibUser?: string): Promise<unknown> {
    const id = String(this.nextId++);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new AgentRequestError("timeout", `${action}: no answer from the agent within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      if (!this.send({ type: "request", id, action, params, ...(cibUser ? { cibUser } : {}) })) {
        clearTimeout(timer);
        this.pending.delete(id);
        reject(new AgentRequestError("unavailable", `not connected to the agent (${this.state})`));
      }
    });
  }

  /** Resolves with the first status (current or coming) that satisfies the predicate. */
  waitForStatus(predicate: (s: ClusterStatus) => boolean, timeoutMs = 10_000): Promise<ClusterStatus> {
    if (this.status && predicate(this.status)) return Promise.resolve(this.status);
    return new Promise((resolve, reject) => {
      const off = this.on("status", ({ status }) => {
        if (!predicate(status)) return;
        clearTimeout(timer);
        off();
        resolve(status);
      });
      const timer = setTimeout(() => {
        off();
        reject(new Error(`status condition not met within ${timeoutMs} ms`));
      }, timeoutMs);
    });
  }

  close(): void {
    this.closedByUser = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.ws) this.ws.close(1000, "client closing");
  }
}

/** Connects, takes one full status, disconnects (for `vigil status --agent`). */
export function fetchStatusOnce(
  url: string,
  token: string,
  timeoutMs = 10_000,
  tls?: AgentClientOptions["tls"],
): Promise<{ hello: HelloMessage; status: ClusterStatus; seq: number }> {
  const client = new AgentClient({ url, token, connectTimeoutMs: timeoutMs, tls });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`no status from ${url} within ${timeoutMs} ms`)), timeoutMs);
    const done = (err: Error | null, value?: { hello: HelloMessage; status: ClusterStatus; seq: number }): void => {
      clearTimeout(timer);
      client.close();
      if (err) reject(err);
      else if (value) resolve(value);
    };
    client.on("status", ({ status, seq }) => client.hello && done(null, { hello: client.hello, status, seq }));
    client.on("statusError", (e) => {
      // Without any status yet, the agent's error is the answer.
      if (e && client.status === null) done(new Error(`agent ${url} cannot read the cluster: ${e.message}`));
    });
    client.on("state", ({ state, detail }) => {
      if (state === "refused") done(new Error(`agent ${url} refused the token`));
      else if (state === "closed" && client.status === null) done(new Error(`connection to ${url} closed: ${detail}`));
    });
    client.connect();
  });
}

function normalizeFingerprint(f: string): string {
  return f.replace(/[^0-9a-fA-F]/g, "").toUpperCase();
}

/** The SHA-256 fingerprint of a wss:// agent's certificate, to pin it (trust on first use, shown to an admin). */
export function fetchCertificateFingerprint(url: string, timeoutMs = 5000): Promise<string> {
  const u = new URL(url);
  if (u.protocol !== "wss:") return Promise.reject(new Error(`${url} is not a wss:// URL`));
  return new Promise((resolve, reject) => {
    // SNI takes host names only; Node warns when given an IP address.
    const servername = isIP(u.hostname) ? undefined : u.hostname;
    const socket = tlsConnect({ host: u.hostname, port: Number(u.port || 443), servername, rejectUnauthorized: false }, () => {
      const fp = socket.getPeerCertificate().fingerprint256;
      socket.destroy();
      if (fp) resolve(fp);
      else reject(new Error(`${url} presented no certificate`));
    });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no TLS handshake with ${url} within ${timeoutMs} ms`)));
    socket.on("error", reject);
  });
}
