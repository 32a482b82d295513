"use client";
/**
 * "Why is it here?" in the resource details: per node, the allocation score crm_simulate gives it
 * (resources.scores) and what makes it up, in words (./explain.ts), then its fail counts per node
 * and operation with a cleanup right there. Thin on purpose: the reasoning is in explain.ts.
 */
import { useQuery } from "@tanstack/react-query";
import clsx from "clsx";
import { LoaderCircle, RefreshCw } from "lucide-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { commandPreview, useActionRunner, useRunningChange } from "@/components/actions/action-runner";
import { useClusterLive } from "@/components/live/cluster-live";
import { Badge } from "@/components/ui/badge";
import type { Tone } from "@/components/ui/tone";
import { useTRPC } from "@/trpc/react";
import { explainPlacement, failcountsOf, formatScore, INF, scoreInputs, type FailcountRow, type NodeExplanation } from "./explain";

export function WhyHere({ id }: { id: string }) {
  const live = useClusterLive();
  const status = live.status;
  const trpc = useTRPC();
  const scores = useQuery(
    trpc.resources.scores.queryOptions({ cluster: live.name, rsc: id }, { retry: false, refetchOnWindowFocus: false, staleTime: Number.POSITIVE_INFINITY }),
  );

  // Scores change with the configuration (epoch) and with where things run or fail: ask again
  // then, not on every status update (crm_simulate is seconds on a big cluster).
  const inputs = useMemo(() => {
    if (!status) return "";
    const ids = new Set(scoreInputs(status, id));
    const placed = placementOf(status, ids);
    const fails = (status.nodeHistory ?? []).flatMap((h) => h.resources.filter((r) => ids.has(r.id.replace(/:\d+$/, ""))).map((r) => `${h.node}:${r.id}:${r.failCount}`));
    const nodes = status.nodes.map((n) => `${n.name}:${n.online}:${n.standby}:${n.maintenance}`);
    return `${status.cib?.adminEpoch ?? ""}.${status.cib?.epoch ?? ""}|${nodes.join(",")}|${fails.join(",")}|${placed}`;
  }, [status, id]);
  const refetch = scores.refetch;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (inputs) void refetch();
  }, [inputs, refetch]);

  const explanation = useMemo(() => (status && scores.data ? explainPlacement(status, id, scores.data.scores) : null), [status, scores.data, id]);
  const failcounts = useMemo(() => (status ? failcountsOf(status, id) : []), [status, id]);

  return (
    <section data-test="why-here" aria-labelledby="why-here-title">
      <div className="mb-1.5 flex items-center gap-2">
        <h3 id="why-here-title" className="text-[11px] font-semibold uppercase tracking-wide text-muted">
          Why is it here?
        </h3>
        <button
          type="button"
          data-test="why-refresh"
          onClick={() => void refetch()}
          disabled={scores.isFetching}
          aria-label="Ask crm_simulate for the scores again"
          className="ml-auto rounded p-0.5 text-muted hover:text-fg focus-visible:outline-2 focus-visible:outline-info disabled:opacity-50"
        >
          <RefreshCw aria-hidden className={clsx("size-3.5", scores.isFetching && "animate-spin")} />
        </button>
      </div>
      {scores.isPending ? (
        <p className="flex items-center gap-2 text-muted" data-test="why-loading">
          <LoaderCircle aria-hidden className="size-4 animate-spin" /> Asking crm_simulate for the allocation scores…
        </p>
      ) : scores.isError ? (
        <p className="rounded border-l-4 border-err bg-err-soft px-2 py-1" data-test="why-error">
          The scores could not be read: {scores.error.message}
        </p>
      ) : explanation && explanation.nodes.length ? (
        <>
          <p className="mb-2 text-xs text-muted">
            Allocation scores from <span className="font-mono">crm_simulate -s</span>
            {explanation.scoredAs && explanation.scoredAs !== id ? ` (of ${explanation.scoredAs}, which places it)` : ""}; the highest node that can run it wins.
          </p>
          <ul className="space-y-2">
            {explanation.nodes.map((n) => (
              <NodeRow key={n.node} n={n} />
            ))}
          </ul>
        </>
      ) : (
        <p className="text-muted" data-test="why-none">
          crm_simulate printed no score for {id}.
        </p>
      )}
      <Failcounts id={id} cluster={live.name} rows={failcounts} />
    </section>
  );
}

function scoreTone(n: NodeExplanation): Tone {
  if (!n.canRun || (n.value ?? 0) <= -INF) return "err";
  if ((n.value ?? 0) < 0) return "warn";
  if ((n.value ?? 0) > 0) return "ok";
  return "neutral";
}

function NodeRow({ n }: { n: NodeExplanation }) {
  return (
    <li data-test={`why:${n.node}`} data-score={n.score ?? ""} data-summary={n.summary} className="rounded border border-line px-2 py-1.5">
      <div className="flex flex-wrap items-center gap-1.5">
        <span className="font-medium">{n.node}</span>
        <Badge tone={scoreTone(n)} test="why-score">
          {n.value === null ? "no score" : formatScore(n.value)}
        </Badge>
        {n.promotion ? <Badge tone="promoted">promotion {n.promotion}</Badge> : null}
        {n.runsHere ? <Badge tone="info">runs here</Badge> : null}
        {!n.canRun ? <span className="text-xs text-err">cannot run here</span> : null}
      </div>
      {n.parts.length ? (
        <ul className="mt-1 space-y-0.5 text-xs">
          {n.parts.map((p, i) => (
            <li key={`${p.source}-${p.id ?? ""}-${i}`} className="flex gap-1.5" data-test={`why-part:${p.source}`}>
              <span className={clsx("tabular w-[4.5rem] shrink-0 text-right font-mono", p.value !== null && p.value < 0 ? "text-err" : "text-muted")}>
                {p.value === null ? (p.blocks ? "blocks" : "·") : formatScore(p.value, true)}
              </span>
              <span className="min-w-0 break-words">{p.text}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-xs text-muted">No constraint, stickiness or failure touches it here.</p>
      )}
    </li>
  );
}

function Failcounts({ id, cluster, rows }: { id: string; cluster: string; rows: FailcountRow[] }) {
  const runner = useActionRunner();
  const denied = runner.deniedReason("resource.cleanup");
  const nodes = [...new Set(rows.map((r) => r.node))];
  return (
    <div className="mt-3" data-test="why-failcounts">
      <h4 className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-muted">Fail counts</h4>
      {rows.length === 0 ? (
        <p className="text-xs text-muted">No failures counted on any node.</p>
      ) : (
        <ul className="space-y-1.5">
          {nodes.map((node) => (
            <li key={node} data-test={`why-failcount:${node}`} className="flex flex-wrap items-start gap-2">
              <div className="min-w-0 flex-1">
                <span className="font-medium">{node}</span>
                <ul className="text-xs">
                  {rows
                    .filter((r) => r.node === node)
                    .map((r) => (
                      <li key={`${r.resource}-${r.op}-${r.interval}`}>
                        <span className="font-mono">{r.resource}</span> {r.op ? `${r.op}${r.interval ? ` (${r.interval})` : ""}` : "all operations"}:{" "}
                        <strong className="text-warn">{r.count}</strong>
                        {r.threshold !== null ? <span className="text-muted"> of migration-threshold {formatScore(r.threshold)}</span> : null}
                        {r.lastFailure ? <span className="text-muted"> · last {r.lastFailure.replace("T", " ").replace(/\.\d{3}Z$/, "Z")}</span> : null}
                      </li>
                    ))}
                </ul>
              </div>
              <CleanupButton id={id} cluster={cluster} node={node} denied={denied} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function CleanupButton({ id, cluster, node, denied }: { id: string; cluster: string; node: string; denied: string | null }) {
  const runner = useActionRunner();
  const [outcome, setOutcome] = useState<{ state: string; message: string } | null>(null);
  const running = useRunningChange((c) => c.cluster === cluster && c.action === "resource.cleanup" && c.params.rsc === id && c.params.node === node);
  const command = commandPreview("resource.cleanup", { rsc: id, node }).join("\n");
  return (
    <div className="flex shrink-0 flex-col items-end">
      <button
        type="button"
        data-test="why-cleanup"
        disabled={denied !== null || running !== null}
        title={denied ?? command}
        onClick={() =>
          void runner.run(cluster, "resource.cleanup", { rsc: id, node }, `Clean up ${id} on ${node}`).then((r) => setOutcome({ state: r.state, message: r.message }))
        }
        className="shrink-0 rounded border border-line px-2 py-0.5 text-xs font-medium hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-info disabled:cursor-not-allowed disabled:opacity-50"
      >
        {running ? "cleaning up…" : "Cleanup"}
      </button>
      {outcome && outcome.state !== "done" ? (
        <p role="status" data-test="why-cleanup-outcome" data-state={outcome.state} className={clsx("mt-0.5 max-w-48 text-right text-xs", outcome.state === "failed" ? "text-err" : "text-warn")}>
          {outcome.message}
        </p>
      ) : null}
    </div>
  );
}

/** Where these resources' instances run, as one short string (its changes are what re-asks crm_simulate). */
function placementOf(status: NonNullable<ReturnType<typeof useClusterLive>["status"]>, ids: ReadonlySet<string>): string {
  const out: string[] = [];
  const visit = (p: { id: string; role: string; nodes: { name: string }[] }) => {
    if (ids.has(p.id.replace(/:\d+$/, ""))) out.push(`${p.id}@${p.nodes.map((n) => n.name).join("+")}:${p.role}`);
  };
  for (const top of status.resources) {
    if (top.kind === "primitive") visit(top);
    else if (top.kind === "group") top.children.forEach(visit);
    else if (top.kind === "clone") for (const c of top.children) (c.kind === "primitive" ? [c] : c.children).forEach(visit);
    else for (const rep of top.replicas) rep.resources.forEach(visit);
  }
  return out.join(",");
}
