// One registered cluster: a link to every agent, one of them serving (the DC's when it can), the
// newest snapshot, and a short log of patches so a browser that reconnects can resume.
import { randomBytes } from "node:crypto";
import { AgentRequestError } from "@/lib/agent-client";
import type { HelloMessage } from "@/lib/protocol";
import { diffStatus, type ClusterStatus, type StatusPatch } from "@/lib/pacemaker";
import type { AgentLink, AgentLinkFactory, AgentLinkState, AgentStatusEvent } from "./agent-link";
import { computeHealth, type ClusterHealth } from "./health";
import { pickServing } from "./serving";
import type { AgentInfo, ClusterRecord, ClusterSnapshot, Freshness, HubEvent } from "./types";

const PATCH_LOG_SIZE = 256;

interface LinkEntry {
  url: string;
  link: AgentLink;
  state: AgentLinkState;
  detail: string;
  hello: HelloMessage | null;
  latest: AgentStatusEvent | null;
  statusError: string | null;
}

export class ClusterFeed {
  readonly generation = randomBytes(6).toString("base64url");
  private readonly links: LinkEntry[];
  private status: ClusterStatus | null = null;
  private version = 0;
  private receivedAt: Date | null = null;
  private serving: LinkEntry | null = null;
  /** seq of the serving link's status we hold: its next patch applies only on top of that */
  private servingSeq = -1;
  private readonly patchLog: { version: number; patch: StatusPatch }[] = [];
  private closed = false;
  /** waitForStatus callers, checked after every new status */
  private readonly waiters = new Set<() => void>();
  /** health walks every resource: computed once per (version, stale), not per subscriber */
  private healthMemo: { key: string; health: ClusterHealth } | null = null;
  /**
   * The status as JSON, made once per status held (a 32×2000 cluster is ~3.6 MB): every browser
   * that opens the page gets this string, so N subscribers cost one serialisation, not N.
   */
  private jsonMemo: { status: ClusterStatus | null; json: string | null } | null = null;

  constructor(
    readonly record: ClusterRecord,
    factory: AgentLinkFactory,
    private readonly emit: (event: HubEvent) => void,
    private readonly log: (msg: string) => void = () => {},
  ) {
    this.links = record.agents.map((url) => this.connect(url, factory));
  }

  private connect(url: string, factory: AgentLinkFactory): LinkEntry {
    const link = factory(url, { token: this.record.token, reconnect: true, tlsFingerprint: this.record.tlsFingerprint });
    const entry: LinkEntry = { url, link, state: "connecting", detail: "", hello: null, latest: null, statusError: null };
    // A misbehaving agent must never take the hub down: every callback is fenced.
    link.onHello((hello) => this.guard(() => {
      entry.hello = hello;
      this.reselect();
      this.emit({ kind: "freshness", clusterId: this.record.id });
    }));
    link.onStatus((event) => this.guard(() => this.onStatus(entry, event)));
    link.onStatusError?.((message) => this.guard(() => {
      entry.statusError = message;
      this.reselect();
      this.emit({ kind: "freshness", clusterId: this.record.id });
    }));
    link.onState((state, detail) => this.guard(() => {
      entry.state = state;
      entry.detail = state === "open" ? "" : detail;
      if (state !== "open") {
        entry.latest = null;
        entry.statusError = null;
      }
      this.reselect();
      this.emit({ kind: "freshness", clusterId: this.record.id });
    }));
    return entry;
  }

  private guard(fn: () => void): void {
    if (this.closed) return;
    try {
      fn();
    } catch (err) {
      this.log(`cluster ${this.record.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private onStatus(entry: LinkEntry, event: AgentStatusEvent): void {
    // AgentClient validated it against the model's schema; this only fences off a link that did
    // not, as cheaply as a large status allows.
    const st: unknown = event.status;
    if (typeof st !== "object" || st === null || !("summary" in st) || !("nodes" in st) || !("resources" in st)) {
      this.log(`cluster ${this.record.name}: ignoring a malformed status from ${entry.url}`);
      return;
    }
    const previousSeq = entry.latest?.seq;
    const wasPartitioned = this.partitioned(entry);
    entry.latest = event;
    if (entry === this.serving) {
      const patchUsable = event.patch !== null && previousSeq === this.servingSeq;
      this.accept(entry, patchUsable ? event.patch : null);
      return;
    }
    const before = this.serving;
    this.reselect();
    if (this.serving === before && this.partitioned(entry) !== wasPartitioned) {
      this.emit({ kind: "freshness", clusterId: this.record.id });
    }
  }

  /** The agent whose view is shown (pickServing: the quorate side, the DC's agent first). */
  private pick(): LinkEntry | null {
    const ready = this.links.filter((l) => l.state === "open" && l.latest !== null && l.statusError === null);
    return pickServing(ready, (l) => ({ node: l.hello?.node ?? null, status: l.latest!.status }), this.serving);
  }

  /** This agent sees another cluster than the one served (another DC, or no quorum): a partition. */
  private partitioned(l: LinkEntry): boolean {
    const served = this.serving?.latest?.status.summary.dc ?? null;
    const own = l.latest?.status.summary.dc ?? null;
    if (l === this.serving || l.state !== "open" || !l.latest || !this.serving?.latest) return false;
    if ((own?.name ?? null) !== (served?.name ?? null)) return true;
    return served?.withQuorum === true && own?.withQuorum !== true;
  }

  private reselect(): void {
    const next = this.pick();
    if (next === this.serving) return;
    this.serving = next;
    if (next) {
      this.log(`cluster ${this.record.name}: serving from ${next.url}`);
      this.accept(next, null);
    }
  }

  private accept(entry: LinkEntry, agentPatch: StatusPatch | null): void {
    const incoming = entry.latest;
    if (!incoming) return;
    this.servingSeq = incoming.seq;
    this.receivedAt = new Date();
    const prev = this.status;
    let patch: StatusPatch | null = agentPatch;
    if (prev && !patch) {
      try {
        patch = diffStatus(prev, incoming.status);
      } catch {
        patch = null; // subscribers get a full snapshot instead
      }
    }
    this.status = incoming.status;
    if (prev && patch && patch.ops.length === 0) {
      this.emit({ kind: "freshness", clusterId: this.record.id });
      return;
    }
    this.version += 1;
    if (prev && patch) {
      this.patchLog.push({ version: this.version, patch });
      if (this.patchLog.length > PATCH_LOG_SIZE) this.patchLog.shift();
    } else {
      this.patchLog.length = 0; // a full replacement: older patches no longer lead here
    }
    this.emit({ kind: "snapshot", clusterId: this.record.id, version: this.version, patch: prev ? patch : null });
    for (const check of [...this.waiters]) check();
  }

  /**
   * Sends a request to the agent whose view is shown (the quorate side, the DC's agent first): a
   * change must go to the partition that holds the cluster, never to the far side of a split.
   * Returns the agent's node with its answer so the caller can say where it ran.
   */
  async request(
    action: string,
    params: Record<string, unknown>,
    options: { timeoutMs?: number; cibUser?: string } = {},
  ): Promise<{ node: string | null; url: string; result: unknown }> {
    const target = this.serving && this.serving.state === "open" ? this.serving : null;
    if (!target) {
      const why = this.links.map((l) => `${l.url}: ${l.state}${l.detail ? ` (${l.detail})` : ""}`).join(", ");
      throw new AgentRequestError("unavailable", `no agent of ${this.record.name} can take the request (${why || "no agents"})`);
    }
    const result = await target.link.request(action, params, options);
    return { node: target.hello?.node ?? null, url: target.url, result };
  }

  /** Resolves with the first status held that satisfies pred (now or later), or null after timeoutMs. */
  waitForStatus(pred: (s: ClusterStatus) => boolean, timeoutMs: number): Promise<ClusterStatus | null> {
    if (this.status && pred(this.status)) return Promise.resolve(this.status);
    return new Promise((resolve) => {
      const check = (): void => {
        if (this.status && pred(this.status)) done(this.status);
      };
      const done = (s: ClusterStatus | null): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(s);
      };
      const timer = setTimeout(() => done(null), timeoutMs);
      this.waiters.add(check);
    });
  }

  /** The status held now (null before the first). */
  current(): ClusterStatus | null {
    return this.status;
  }

  /** Patches after `version` up to now, or null when the log no longer reaches back that far. */
  patchesSince(version: number): { version: number; patch: StatusPatch }[] | null {
    if (version === this.version) return [];
    if (version > this.version) return null;
    const first = this.patchLog[0];
    if (!first || first.version > version + 1) return null;
    return this.patchLog.filter((p) => p.version > version);
  }

  freshness(): Freshness {
    const reachable = this.links.some((l) => l.state === "open");
    const dc = this.status?.summary.dc?.name ?? null;
    const agents: AgentInfo[] = this.links.map((l) => ({
      url: l.url,
      state: l.state,
      detail: l.detail,
      node: l.hello?.node ?? null,
      isDc: l.hello !== null && l.hello.node === dc,
      statusError: l.statusError,
      serving: l === this.serving && l.state === "open",
      partitioned: this.partitioned(l),
    }));
    const src = this.serving && this.serving.state === "open" ? this.serving : null;
    return {
      reachable,
      stale: !reachable || src === null,
      receivedAt: this.receivedAt,
      source: src ? { url: src.url, node: src.hello?.node ?? null } : null,
      agents,
    };
  }

  snapshot(): ClusterSnapshot {
    const freshness = this.freshness();
    return {
      id: this.record.id,
      name: this.record.name,
      status: this.status,
      version: this.version,
      generation: this.generation,
      freshness,
      health: this.health(!freshness.stale),
    };
  }

  /** `JSON.stringify(status)` of the status held now, or null before the first one; cached. */
  statusJson(): string | null {
    if (this.jsonMemo?.status !== this.status) {
      this.jsonMemo = { status: this.status, json: this.status === null ? null : JSON.stringify(this.status) };
    }
    return this.jsonMemo.json;
  }

  private health(live: boolean): ClusterHealth {
    const key = `${this.version}:${live}`;
    if (this.healthMemo?.key !== key) this.healthMemo = { key, health: computeHealth(this.status, live) };
    return this.healthMemo.health;
  }

  close(): void {
    this.closed = true;
    for (const l of this.links) l.link.close();
  }
}
