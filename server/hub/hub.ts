// The agent hub: one ClusterFeed per registered cluster, and a bus that tells subscribers when a
// cluster's snapshot or freshness changed.
import { EventEmitter } from "node:events";
import type { AgentLinkFactory } from "./agent-link";
import { ClusterFeed } from "./cluster-feed";
import { ANY_CLUSTER_EVENT, clusterEvent, type ClusterRecord, type ClusterSnapshot, type HubEvent } from "./types";

export class AgentHub {
  /** Many browsers subscribe at once; the default limit of 10 listeners would warn falsely. */
  readonly bus = new EventEmitter().setMaxListeners(0);
  private readonly feeds = new Map<string, ClusterFeed>();

  constructor(
    /** also used to probe agents before a cluster is registered */
    readonly factory: AgentLinkFactory,
    private readonly log: (msg: string) => void = (msg) => console.log(`[hub] ${msg}`),
  ) {}

  private publish = (event: HubEvent): void => {
    this.bus.emit(clusterEvent(event.clusterId), event);
    this.bus.emit(ANY_CLUSTER_EVENT, event);
  };

  addCluster(record: ClusterRecord): void {
    this.removeCluster(record.id, false);
    this.feeds.set(record.id, new ClusterFeed(record, this.factory, this.publish, this.log));
    this.publish({ kind: "freshness", clusterId: record.id });
  }

  removeCluster(id: string, announce = true): void {
    const feed = this.feeds.get(id);
    if (!feed) return;
    feed.close();
    this.feeds.delete(id);
    if (announce) this.publish({ kind: "removed", clusterId: id });
  }

  feed(id: string): ClusterFeed | undefined {
    return this.feeds.get(id);
  }

  feedByName(name: string): ClusterFeed | undefined {
    for (const feed of this.feeds.values()) if (feed.record.name === name) return feed;
    return undefined;
  }

  snapshots(): ClusterSnapshot[] {
    return [...this.feeds.values()].map((f) => f.snapshot()).sort((a, b) => a.name.localeCompare(b.name));
  }

  close(): void {
    for (const id of [...this.feeds.keys()]) this.removeCluster(id, false);
    this.bus.removeAllListeners();
  }
}
