// Adapts engineer B's AgentClient (lib/agent-client.ts) to the hub's AgentLink.
import { AgentClient } from "@/lib/agent-client";
import type { AgentLinkFactory } from "./agent-link";

export const agentClientLinkFactory: AgentLinkFactory = (url, options) => {
  const client = new AgentClient({
    url,
    token: options.token,
    // The hub outlives any agent outage; a registration probe must answer within seconds.
    reconnect: options.reconnect ? { minMs: 250, maxMs: 5_000 } : false,
    connectTimeoutMs: options.reconnect ? 10_000 : 4_000,
    // A pinned certificate replaces CA checks (agents usually have self-signed ones); the client
    // sends the token only after the pin matched.
    tls: options.tlsFingerprint ? { fingerprint256: options.tlsFingerprint } : undefined,
  });
  let started = false;
  // Connect once the hub has attached its listeners, so no early event is lost.
  const start = (): void => {
    if (started) return;
    started = true;
    queueMicrotask(() => client.connect());
  };
  return {
    url,
    onHello: (listener) => {
      client.on("hello", listener);
      start();
    },
    onStatus: (listener) => {
      client.on("status", listener);
      start();
    },
    onState: (listener) => {
      client.on("state", ({ state, detail }) => listener(state, detail));
      start();
    },
    onStatusError: (listener) => {
      client.on("statusError", (e) => listener(e ? e.message : null));
      start();
    },
    request: (action, params, o = {}) => client.request(action, params, o.timeoutMs, o.cibUser),
    close: () => {
      started = true; // a link closed before connecting must never connect
      client.close();
    },
  };
};
