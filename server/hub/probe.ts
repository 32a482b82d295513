// Registration check: before a cluster is saved, every address is tried once with the token.
import type { AgentLinkFactory } from "./agent-link";

export type ProbeResult =
  | { url: string; outcome: "ok"; node: string; cluster: string | null; mode: string }
  | { url: string; outcome: "refused" | "unreachable"; detail: string };

export function probeAgent(
  factory: AgentLinkFactory,
  url: string,
  token: string,
  timeoutMs: number,
  tlsFingerprint: string | null = null,
): Promise<ProbeResult> {
  return new Promise((resolve) => {
    let done = false;
    let link: ReturnType<AgentLinkFactory> | null = null;
    const finish = (result: ProbeResult): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      link?.close();
      resolve(result);
    };
    const timer = setTimeout(
      () => finish({ url, outcome: "unreachable", detail: `no answer within ${Math.round(timeoutMs / 1000)} s` }),
      timeoutMs,
    );
    try {
      link = factory(url, { token, reconnect: false, tlsFingerprint });
      link.onHello((hello) => finish({ url, outcome: "ok", node: hello.node, cluster: hello.cluster, mode: hello.mode }));
      link.onState((state, detail) => {
        if (state === "refused") finish({ url, outcome: "refused", detail: detail || "token refused" });
        else if (state === "closed") finish({ url, outcome: "unreachable", detail: detail || "connection closed" });
      });
      if (done) link.close();
    } catch (err) {
      finish({ url, outcome: "unreachable", detail: err instanceof Error ? err.message : String(err) });
    }
  });
}

export function probeAgents(
  factory: AgentLinkFactory,
  urls: readonly string[],
  token: string,
  timeoutMs = 5_000,
  tlsFingerprint: string | null = null,
): Promise<ProbeResult[]> {
  return Promise.all(urls.map((url) => probeAgent(factory, url, token, timeoutMs, tlsFingerprint)));
}
