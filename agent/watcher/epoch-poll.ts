import { runPacemaker } from "@/agent/run";
import type { OnChange } from "./types";

/** The lab notes measured ~13 ms per query: once a second costs ~1% of a core while idle. */
const POLL_MS = 1000;

/** Runs `cibadmin --query --xpath /cib --no-children`; resolves to its stdout or null on any failure. */
export type CibHeaderQuery = () => Promise<string | null>;

export const defaultHeaderQuery: CibHeaderQuery = async () => {
  try {
    const r = await runPacemaker("cibadmin", ["--query", "--xpath", "/cib", "--no-children"], {
      timeoutMs: 5000,
      maxBytes: 64 * 1024,
    });
    return r.code === 0 ? r.stdout : null;
  } catch {
    // Missing tool or timeout: treated like an unreachable cluster; the next tick tries again.
    return null;
  }
};

/** The version triple identifies a CIB revision; anything else on <cib> (e.g. cib-last-written) is noise. */
export function cibVersion(headerXml: string): string | null {
  const tag = /<cib\b[^>]*>/.exec(headerXml)?.[0];
  if (tag === undefined) return null;
  const attr = (n: string): string => new RegExp(`\\s${n}="([^"]*)"`).exec(tag)?.[1] ?? "?";
  return `${attr("admin_epoch")} ${attr("epoch")} ${attr("num_updates")}`;
}

export interface EpochPoller {
  stop(): void;
}

/**
 * Polls the CIB version. Losing the cluster (query fails) and getting it back both count as a change,
 * so the consumer refreshes and shows the outage.
 */
export function pollCibVersion(onChange: OnChange, query: CibHeaderQuery = defaultHeaderQuery): EpochPoller {
  let last: string | null | undefined;
  let stopped = false;
  let inFlight = false;
  const tick = async (): Promise<void> => {
    if (inFlight || stopped) return;
    inFlight = true;
    try {
      const out = await query();
      const v = out === null ? null : cibVersion(out);
      // The first answer counts too (changes since the consumer's own first read would be lost), unless
      // it is "unreachable": nothing to refresh then.
      if (!stopped && v !== last && !(last === undefined && v === null)) onChange();
      last = v;
    } finally {
      inFlight = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), POLL_MS);
  return {
    stop(): void {
      stopped = true;
      clearInterval(timer);
    },
  };
}
