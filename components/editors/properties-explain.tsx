// The seeds' topics in plain words, shown inline beside the option they are about, and the short
// "cluster models" box: what the same few options mean for active/passive, active/active and N+M.
import { Info } from "lucide-react";
import type { ReactNode } from "react";

function Note({ children, test }: { children: ReactNode; test: string }) {
  return (
    <div data-test={test} className="mt-2 space-y-1.5 rounded-md border border-info/30 bg-info-soft/40 px-3 py-2 text-xs leading-relaxed text-fg">
      {children}
    </div>
  );
}

const Q = ({ v, children }: { v: string; children: ReactNode }) => (
  <li>
    <code className="font-mono font-semibold">{v}</code> — {children}
  </li>
);

/** Plain-word explanations, by section and option name. */
export const EXPLAINED: Record<string, ReactNode> = {
  "crm_config:stonith-enabled": (
    <>
      <p>
        <strong>Fencing (STONITH) protects your data.</strong> When a node stops answering, the cluster cannot tell a crashed node from one that is
        still running but cut off. Fencing powers the silent node off (or cuts it from storage) before its resources are started elsewhere, so two
        nodes never write the same disk or hold the same IP address at once.
      </p>
      <p>
        With <code className="font-mono">false</code>, an unresponsive node is simply assumed dead and its resources are started on another node:
        if it was alive, both copies run (split brain) and shared data can be corrupted. Pacemaker also refuses to start resources that need
        fencing when no fencing device is configured. Turn it off only on test clusters.
      </p>
    </>
  ),
  "crm_config:no-quorum-policy": (
    <>
      <p>What a partition does when it has lost quorum (it holds half of the votes or fewer):</p>
      <ul className="list-disc space-y-0.5 pl-5">
        <Q v="stop">stop every resource in the partition (the default): the majority side takes over.</Q>
        <Q v="freeze">keep running what already runs, but start nothing new and recover nothing.</Q>
        <Q v="ignore">carry on as if the partition had quorum: safe only with reliable fencing.</Q>
        <Q v="demote">demote promoted instances and stop everything else (a promotable clone keeps its copies).</Q>
        <Q v="suicide">fence every node of the partition (itself included).</Q>
      </ul>
      <p>
        <strong>Two-node clusters:</strong> one node alone never has a majority, so set Corosync&apos;s <code className="font-mono">two_node: 1</code>{" "}
        (votequorum) and keep <code className="font-mono">stop</code>, with fencing enabled — fencing decides which node survives. The older
        answer, <code className="font-mono">ignore</code>, works only when fencing is reliable.
      </p>
    </>
  ),
  "crm_config:symmetric-cluster": (
    <>
      <p>
        <code className="font-mono">true</code> (opt-out cluster): every resource may run on every node unless a location constraint says
        otherwise — you ban the nodes it must avoid.
      </p>
      <p>
        <code className="font-mono">false</code> (opt-in cluster): a resource may run nowhere until a location constraint allows a node — every
        resource needs a positive location constraint to run anywhere. Useful when nodes are specialised.
      </p>
    </>
  ),
  "rsc_defaults:resource-stickiness": (
    <>
      <p>
        Stickiness is a score for staying put. After a failover, the failed node comes back: with stickiness <code className="font-mono">0</code> the
        cluster moves the resource back to its preferred node at once (a failback, with a short outage); with a stickiness higher than the
        location score (for example 100 against a preference of 50), the resource stays where it is until you move it in a quiet moment.
      </p>
    </>
  ),
};

/** The inline note for an option, when it has one. */
export function Explained({ section, name }: { section: string; name: string }) {
  const text = EXPLAINED[`${section}:${name}`];
  return text ? <Note test={`explain:${name}`}>{text}</Note> : null;
}

/** What the seeds' options mean for the usual shapes of cluster. */
export function ClusterModels() {
  return (
    <aside data-test="cluster-models" aria-labelledby="cluster-models-title" className="rounded-lg border border-line bg-surface p-4 text-sm">
      <h2 id="cluster-models-title" className="flex items-center gap-2 font-semibold">
        <Info aria-hidden className="size-4 text-info" /> Cluster models
      </h2>
      <dl className="mt-2 grid gap-3 text-xs leading-relaxed md:grid-cols-3">
        <div>
          <dt className="font-semibold">Active/passive (one node serves, one waits)</dt>
          <dd>
            Fencing on; a two-node pair uses Corosync&apos;s two_node quorum with no-quorum-policy=stop. A resource-stickiness above the location
            preference avoids a second outage when the failed node returns (no automatic failback).
          </dd>
        </div>
        <div>
          <dt className="font-semibold">Active/active (every node serves)</dt>
          <dd>
            Services run as clones or spread by location scores. Stickiness keeps instances from moving when a node rejoins; symmetric-cluster=true
            lets every node take any instance; no-quorum-policy=stop (or demote for promotable clones) keeps the minority side from serving.
          </dd>
        </div>
        <div>
          <dt className="font-semibold">N+M (N serving nodes, M spares)</dt>
          <dd>
            Often symmetric-cluster=false (opt-in) with location constraints naming the nodes each service may use, spares included; stickiness
            keeps a service on the spare after a failover; placement-strategy=utilization when the spares have limited capacity.
          </dd>
        </div>
      </dl>
    </aside>
  );
}
