"use client";
import { useQuery } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { applyStatusPatch, type ClusterStatus } from "@/lib/pacemaker";
import type { StatusWatchEvent } from "@/server/api/routers/status";
import { useTRPC } from "@/trpc/react";
import type { LinkState } from "./freshness";
import { fetchClusterSnapshot } from "./snapshot";
import { parseStatusJson } from "./status-json";

type ServerFreshness = Extract<StatusWatchEvent, { type: "full" }>["freshness"];
type ServerHealth = Extract<StatusWatchEvent, { type: "full" }>["health"];

export interface ClusterLive {
  name: string;
  status: ClusterStatus | null;
  version: number;
  link: LinkState;
  /** when an agent last confirmed the shown status (server clock), else when the browser got it */
  updatedAt: number | null;
  freshness: ServerFreshness | null;
  health: ServerHealth | null;
  detail: string | null;
  removed: boolean;
}

const Ctx = createContext<ClusterLive | null>(null);

export function useClusterLive(): ClusterLive {
  const v = useContext(Ctx);
  if (!v) throw new Error("useClusterLive outside ClusterLiveProvider");
  return v;
}

interface Held {
  status: ClusterStatus | null;
  version: number;
  freshness: ServerFreshness | null;
  health: ServerHealth | null;
  receivedAt: number | null;
  removed: boolean;
}

/** How long a snapshot may stand for live data while the stream makes its first connection. */
const SNAPSHOT_GRACE_MS = 3_000;

/** A full state as held, from the snapshot or the stream's `full` event. */
function fullState(full: { status: ClusterStatus | null; version: number; freshness: ServerFreshness; health: ServerHealth }): Held {
  // Lets the bench (and devtools) split first paint into transfer and render; one mark only.
  performance.clearMarks("vigil:status-full");
  performance.mark("vigil:status-full");
  return { status: full.status, version: full.version, freshness: full.freshness, health: full.health, receivedAt: Date.now(), removed: false };
}

const initial: Held = { status: null, version: -1, freshness: null, health: null, receivedAt: null, removed: false };

function errorCode(err: unknown): string | null {
  if (typeof err !== "object" || err === null || !("data" in err)) return null;
  const data = (err as { data: unknown }).data;
  return typeof data === "object" && data !== null && "code" in data && typeof data.code === "string" ? data.code : null;
}

/**
 * Holds one cluster's live status for every view under it (overview, by node, attributes), so
 * switching views keeps the subscription and shows the current state at once.
 *
 * First paint comes from `status.snapshot`, a plain request (a 4 MB status arrives several times
 * faster that way than as one SSE event); the subscription then resumes from the snapshot's event
 * id and carries only patches, applied here in order. A gap (should one ever happen) restarts the
 * subscription without an event id, for a fresh full state rather than a wrong one.
 */
export function ClusterLiveProvider({ name, children }: { name: string; children: ReactNode }) {
  const trpc = useTRPC();
  const router = useRouter();
  const held = useRef<Held>(initial);
  const [state, setState] = useState<Held>(initial);
  // The event id the stream resumes from: the snapshot's, or null to ask the stream for a full state.
  const [resumeFrom, setResumeFrom] = useState<{ id: string | null } | null>(null);
  const restartRef = useRef<() => void>(() => {});

  const snapshot = useQuery({
    queryKey: ["vigil", "cluster-snapshot", name],
    queryFn: () => fetchClusterSnapshot(name),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const snap = snapshot.data;
  useEffect(() => {
    if (!snap || resumeFrom !== null) return;
    const next = fullState(snap);
    held.current = next;
    setState(next);
    setResumeFrom({ id: snap.eventId });
  }, [snap, resumeFrom]);
  // Without a snapshot (it failed) the stream's own full state is the way in.
  useEffect(() => {
    if (snapshot.isError && resumeFrom === null) setResumeFrom({ id: null });
  }, [snapshot.isError, resumeFrom]);

  const onData = useCallback((envelope: { id: string; data: StatusWatchEvent }) => {
    const ev = envelope.data;
    const prev = held.current;
    let next: Held = prev;
    const now = Date.now();
    switch (ev.type) {
      case "full":
        next = fullState({ ...ev, status: parseStatusJson(ev.statusJson) });
        break;
      case "patch":
        // For the bench's re-render timing; one mark only, so a page open for days keeps no trail.
        performance.clearMarks("vigil:patch");
        performance.mark("vigil:patch");
        // Already held (replayed after the snapshot that included it): nothing to do.
        if (prev.status !== null && ev.version <= prev.version) return;
        if (prev.status === null || ev.version !== prev.version + 1) {
          restartRef.current();
          return;
        }
        next = {
          ...prev,
          status: applyStatusPatch(prev.status, ev.patch),
          version: ev.version,
          // Patches stay small: only the confirmation time, and the health when it changed.
          freshness: prev.freshness ? { ...prev.freshness, receivedAt: ev.receivedAt } : prev.freshness,
          health: ev.healthUpdate ?? prev.health,
          receivedAt: now,
        };
        break;
      case "freshness":
        next = { ...prev, freshness: ev.freshness, health: ev.health };
        break;
      case "removed":
        next = { ...prev, removed: true };
        break;
    }
    held.current = next;
    setState(next);
  }, []);

  const onError = useCallback(
    (err: unknown) => {
      if (errorCode(err) === "UNAUTHORIZED") router.replace(`/login?next=${encodeURIComponent(window.location.pathname)}`);
    },
    [router],
  );
  useEffect(() => {
    if (snapshot.isError) onError(snapshot.error);
  }, [snapshot.isError, snapshot.error, onError]);

  const sub = useSubscription(
    trpc.status.watch.subscriptionOptions(
      { cluster: name, lastEventId: resumeFrom?.id ?? null },
      { enabled: resumeFrom !== null, onData, onError },
    ),
  );
  // A new input starts a new stream; the same input (already asking for a full state) needs a reset.
  restartRef.current = resumeFrom?.id === null ? sub.reset : () => setResumeFrom({ id: null });

  // The snapshot was fetched a moment ago with its freshness: until the stream first opens, show it
  // as the snapshot says (live or stale), not greyed as "reconnecting". A few seconds at most: a
  // stream that cannot connect must not leave a snapshot looking live.
  const [snapshotGrace, setSnapshotGrace] = useState(true);
  const snapshotApplied = resumeFrom !== null && resumeFrom.id !== null;
  useEffect(() => {
    if (sub.status === "pending") setSnapshotGrace(false);
  }, [sub.status]);
  useEffect(() => {
    if (!snapshotApplied) return;
    const t = setTimeout(() => setSnapshotGrace(false), SNAPSHOT_GRACE_MS);
    return () => clearTimeout(t);
  }, [snapshotApplied]);
  const fromSnapshot = snapshotApplied && snapshotGrace;

  const value = useMemo<ClusterLive>(() => {
    const f = state.freshness;
    let link: LinkState;
    let detail: string | null = null;
    if (sub.status === "error") {
      link = "error";
      detail = sub.error?.message ?? "subscription failed";
    } else if (snapshot.isError && state.receivedAt === null && sub.status === "idle") {
      link = "error";
      detail = snapshot.error.message;
    } else if ((sub.status === "connecting" || sub.status === "idle") && !fromSnapshot) {
      link = state.receivedAt === null ? "connecting" : "reconnecting";
    } else if (f && (f.stale || !f.reachable)) {
      link = "stale";
      detail = f.agents.map((a) => `${a.url}: ${a.detail || a.state}`).join("; ") || null;
    } else link = state.status ? "live" : "connecting";
    const confirmed = f?.receivedAt ? new Date(f.receivedAt).getTime() : null;
    return {
      name,
      status: state.status,
      version: state.version,
      link,
      updatedAt: confirmed ?? state.receivedAt,
      freshness: f,
      health: state.health,
      detail,
      removed: state.removed,
    };
  }, [name, state, sub.status, sub.error, snapshot.isError, snapshot.error, fromSnapshot]);

  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}
