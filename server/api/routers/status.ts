import { on } from "node:events";
import { TRPCError, tracked } from "@trpc/server";
import { z } from "zod";
import type { StatusPatch } from "@/lib/pacemaker";
import type { ClusterFeed } from "@/server/hub/cluster-feed";
import type { ClusterHealth } from "@/server/hub/health";
import { clusterEvent, type Freshness, type HubEvent } from "@/server/hub/types";
import { ClusterNameSchema, ClusterRefSchema } from "../schemas";
import { endOfStream, subscriptionGuard } from "../subscription";
import { createTRPCRouter, viewerProcedure } from "../trpc";

/**
 * What `status.watch` sends, each wrapped as `{ id, data }` (tracked id `<generation>:<version>`
 * of the status the client holds after it). Apply a patch with applyStatusPatch from
 * @/lib/pacemaker on the status you hold at `version - 1`.
 *
 * A patch stays small whatever the cluster size (the bytes-per-change budget): it does not repeat
 * the agents' list. It carries the new `receivedAt` (set it on the freshness you hold) and the
 * health only when that changed (`healthUpdate`, null when unchanged). Agent connection changes
 * arrive as `freshness` events with the whole freshness.
 *
 * The full state's status travels as `statusJson`, the `JSON.stringify` of the ClusterStatus
 * (null before the first one): made once per snapshot and shared by every subscriber, where a
 * multi-megabyte object through superjson cost each of them seconds. Read it with
 * `parseStatusJson` (components/live/status-json.ts).
 */
export type StatusWatchEvent =
  | { type: "full"; version: number; statusJson: string | null; freshness: Freshness; health: ClusterHealth }
  | { type: "patch"; version: number; patch: StatusPatch; receivedAt: Date | null; healthUpdate: ClusterHealth | null }
  | { type: "freshness"; freshness: Freshness; health: ClusterHealth }
  | { type: "removed" };

function feedOrThrow(feed: ClusterFeed | undefined, name: string): ClusterFeed {
  if (!feed) throw new TRPCError({ code: "NOT_FOUND", message: `No cluster named ${name}` });
  return feed;
}

const eventId = (feed: ClusterFeed, version: number): string => `${feed.generation}:${version}`;

/** The version a Last-Event-ID points at, or null when it belongs to another feed (or restart). */
function resumeVersion(feed: ClusterFeed, lastEventId: string | null | undefined): number | null {
  if (!lastEventId) return null;
  const [gen, v] = lastEventId.split(":");
  if (gen !== feed.generation || !v || !/^\d+$/.test(v)) return null;
  return Number(v);
}

export const statusRouter = createTRPCRouter({
  /** Viewer: the newest snapshot, its version and how fresh it is. */
  get: viewerProcedure.input(ClusterRefSchema).query(({ ctx, input }) => {
    const s = feedOrThrow(ctx.hub.feedByName(input.cluster), input.cluster).snapshot();
    return { name: s.name, status: s.status, version: s.version, freshness: s.freshness, health: s.health };
  }),

  /**
   * Viewer: what a browser paints first — the newest snapshot with its status as JSON text (the
   * string made once per snapshot, see StatusWatchEvent) and the event id to resume `watch` from,
   * so the stream that follows carries only patches. A plain request, fetched while the page
   * hydrates, brings a 4 MB status several times faster than the same bytes as one SSE event.
   */
  snapshot: viewerProcedure.input(ClusterRefSchema).query(({ ctx, input }) => {
    const feed = feedOrThrow(ctx.hub.feedByName(input.cluster), input.cluster);
    const s = feed.snapshot();
    return { version: s.version, eventId: eventId(feed, s.version), statusJson: feed.statusJson(), freshness: s.freshness, health: s.health };
  }),

  /**
   * Viewer: SSE stream — the full state once, then only patches, plus freshness changes.
   * On reconnect the client sends lastEventId; missed patches are replayed when still in the
   * log, otherwise a full state is sent again.
   */
  watch: viewerProcedure
    .input(z.object({ cluster: ClusterNameSchema, lastEventId: z.string().max(64).nullish() }))
    .subscription(async function* ({ ctx, input, signal }) {
      const feed = feedOrThrow(ctx.hub.feedByName(input.cluster), input.cluster);
      const guard = subscriptionGuard(ctx, signal);
      // Listen before reading the snapshot so that no change falls between the two.
      const events = on(ctx.hub.bus, clusterEvent(feed.record.id), { signal: guard.signal });
      try {
        let sent = -1;
        let sentHealth = "";
        const healthUpdate = (health: ClusterHealth): ClusterHealth | null => {
          const key = JSON.stringify(health);
          if (key === sentHealth) return null;
          sentHealth = key;
          return health;
        };
        const full = () => {
          const s = feed.snapshot();
          sent = s.version;
          sentHealth = JSON.stringify(s.health);
          const event: StatusWatchEvent = { type: "full", version: s.version, statusJson: feed.statusJson(), freshness: s.freshness, health: s.health };
          return tracked(eventId(feed, s.version), event);
        };

        const freshnessEvent = (): StatusWatchEvent => {
          const s = feed.snapshot();
          sentHealth = JSON.stringify(s.health);
          return { type: "freshness", freshness: s.freshness, health: s.health };
        };

        const from = resumeVersion(feed, input.lastEventId);
        const replay = from === null ? null : feed.patchesSince(from);
        if (from === null || replay === null) {
          yield full();
        } else {
          const s = feed.snapshot();
          for (const p of replay) {
            const event: StatusWatchEvent = { type: "patch", version: p.version, patch: p.patch, receivedAt: s.freshness.receivedAt, healthUpdate: null };
            yield tracked(eventId(feed, p.version), event);
          }
          sent = from + replay.length;
          yield tracked(eventId(feed, sent), freshnessEvent());
        }

        for await (const [raw] of events) {
          const ev = raw as HubEvent;
          if (ev.kind === "removed") {
            const removed: StatusWatchEvent = { type: "removed" };
            yield tracked(eventId(feed, sent), removed);
            return;
          }
          if (ev.kind === "freshness") {
            yield tracked(eventId(feed, sent), freshnessEvent());
            continue;
          }
          const s = feed.snapshot();
          if (ev.version <= sent) continue;
          if (ev.patch && ev.version === sent + 1) {
            sent = ev.version;
            const event: StatusWatchEvent = {
              type: "patch",
              version: ev.version,
              patch: ev.patch,
              receivedAt: s.freshness.receivedAt,
              healthUpdate: healthUpdate(s.health),
            };
            yield tracked(eventId(feed, ev.version), event);
          } else {
            yield full();
          }
        }
      } catch (err) {
        endOfStream(guard, err);
      } finally {
        guard.dispose();
      }
    }),
});
