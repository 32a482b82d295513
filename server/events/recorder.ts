// Turns the hub's snapshots into ClusterEvent rows. It listens to the hub's bus, keeps the last
// summary per cluster, derives events (derive.ts) from each new snapshot against the one before,
// and stores them idempotently: ClusterEvent is unique on (cluster, kind, subject, statusEpoch)
// and the epoch is the snapshot's CIB version, so two consoles on one database, or one console
// seeing a snapshot twice, store each event once (the second insert's unique violation is
// expected, and swallowed).
//
// What it never does:
// - block the hub: the bus handler only queues the status; deriving and writing happen later,
//   in order, off the emitting call;
// - crash on a database error: it logs it and goes on with the next snapshot;
// - invent history: the first snapshot after a cluster is (re)registered, or after the console
//   starts, is a baseline, not a change. A console restart therefore adds no "node joined" for
//   every node; the price is that what changed while no console was watching is not recorded.
import { Prisma } from "@/generated/prisma/client";
import type { ClusterStatus } from "@/lib/pacemaker";
import type { Db } from "@/server/db/client";
import type { AgentHub } from "@/server/hub/hub";
import { ANY_CLUSTER_EVENT, type HubEvent } from "@/server/hub/types";
import { cibVersion, compareSummaries, nocibEpoch, summarize, type DerivedEvent, type StatusSummary } from "./derive";

interface Seen {
  /** the feed's generation: a new one is a (re)registration, whose first snapshot is a baseline */
  generation: string;
  status: ClusterStatus;
  summary: StatusSummary;
  /** when this recorder got it */
  at: Date;
}

type Pending = Observed | { removed: true; clusterId: string };

interface Observed {
  removed?: false;
  clusterId: string;
  clusterName: string;
  generation: string;
  status: ClusterStatus;
  at: Date;
}

export interface RecorderStats {
  stored: number;
  duplicates: number;
  errors: number;
}

export interface EventRecorderOptions {
  log?: (msg: string) => void;
  now?: () => Date;
}

export class EventRecorder {
  private readonly seen = new Map<string, Seen>();
  private readonly pending: Pending[] = [];
  private draining: ReturnType<typeof setImmediate> | null = null;
  private writes: Promise<void> = Promise.resolve();
  private running = false;
  readonly stats: RecorderStats = { stored: 0, duplicates: 0, errors: 0 };
  private readonly log: (msg: string) => void;
  private readonly now: () => Date;

  constructor(
    private readonly hub: AgentHub,
    private readonly db: Db,
    opts: EventRecorderOptions = {},
  ) {
    this.log = opts.log ?? ((msg) => console.log(`[events] ${msg}`));
    this.now = opts.now ?? (() => new Date());
  }

  start(): this {
    if (this.running) return this;
    this.running = true;
    // Clusters the hub already holds a status for: that status is the baseline.
    for (const snap of this.hub.snapshots()) {
      const feed = this.hub.feed(snap.id);
      const status = feed?.current();
      if (feed && status) this.seen.set(snap.id, { generation: feed.generation, status, summary: summarize(status), at: this.now() });
    }
    this.hub.bus.on(ANY_CLUSTER_EVENT, this.onHubEvent);
    return this;
  }

  private readonly onHubEvent = (event: HubEvent): void => {
    try {
      if (event.kind === "removed") {
        this.pending.push({ removed: true, clusterId: event.clusterId });
      } else if (event.kind === "snapshot") {
        const feed = this.hub.feed(event.clusterId);
        const status = feed?.current();
        if (!feed || !status) return;
        this.pending.push({ clusterId: event.clusterId, clusterName: feed.record.name, generation: feed.generation, status, at: this.now() });
      } else return;
      this.draining ??= setImmediate(this.drain);
    } catch (err) {
      this.log(`cannot queue a snapshot: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  private readonly drain = (): void => {
    this.draining = null;
    for (const item of this.pending.splice(0)) {
      try {
        if (item.removed) this.seen.delete(item.clusterId);
        else this.observe(item);
      } catch (err) {
        this.stats.errors += 1;
        this.log(`cluster ${item.removed ? item.clusterId : item.clusterName}: cannot derive events: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  };

  private observe(item: Observed): void {
    const before = this.seen.get(item.clusterId);
    if (before?.status === item.status) return;
    const summary = summarize(item.status);
    this.seen.set(item.clusterId, { generation: item.generation, status: item.status, summary, at: item.at });
    if (!before || before.generation !== item.generation) return; // a baseline, not a change
    const events = compareSummaries(before.summary, summary, { prevAt: before.at });
    if (!events.length) return;
    const epoch = cibVersion(item.status) ?? nocibEpoch(before.summary, summary);
    this.writes = this.writes.then(() => this.store(item, epoch, events));
  }

  private async store(item: Observed, statusEpoch: string, events: DerivedEvent[]): Promise<void> {
    for (const e of events) {
      const data = {
        time: item.at,
        clusterName: item.clusterName,
        kind: e.kind,
        subject: e.subject,
        message: e.message,
        details: JSON.stringify(e.details),
        statusEpoch: e.epochKey ? `${statusEpoch}+${e.epochKey}` : statusEpoch,
      };
      try {
        await this.db.clusterEvent.create({ data: { ...data, clusterId: item.clusterId } });
        this.stats.stored += 1;
      } catch (err) {
        if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
          this.stats.duplicates += 1; // another console (or an earlier look at this snapshot) stored it
        } else if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2003") {
          // The cluster was removed meanwhile: the event is kept by name, like audit rows.
          await this.db.clusterEvent.create({ data: { ...data, clusterId: null } }).then(
            () => void (this.stats.stored += 1),
            (e2: unknown) => this.failed(item, e2),
          );
        } else {
          this.failed(item, err);
        }
      }
    }
  }

  private failed(item: Observed, err: unknown): void {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      this.stats.duplicates += 1;
      return;
    }
    this.stats.errors += 1;
    this.log(`cluster ${item.clusterName}: cannot store an event: ${err instanceof Error ? err.message.split("\n").slice(-1)[0] : String(err)}`);
  }

  /** Resolves when every snapshot seen so far is derived and its events are written. */
  async flush(): Promise<void> {
    if (this.draining) {
      clearImmediate(this.draining);
      this.drain();
    }
    await this.writes;
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.hub.bus.off(ANY_CLUSTER_EVENT, this.onHubEvent);
    await this.flush();
  }
}

export function startEventRecorder(hub: AgentHub, db: Db, log?: (msg: string) => void): EventRecorder {
  return new EventRecorder(hub, db, log ? { log } : {}).start();
}
