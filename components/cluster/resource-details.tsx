"use client";
import { X } from "lucide-react";
import { useEffect, useMemo, type ReactNode } from "react";
import type { NvSet, Operation } from "@/lib/pacemaker";
import { metaMap, planResourceActions } from "@/components/actions/resource-actions";
import { ResourceActionsSection } from "@/components/actions/resource-actions-section";
import { useClusterLive } from "@/components/live/cluster-live";
import { WhyHere } from "@/components/why/why-here";
import { ResourceHistory } from "@/components/audit/recent-history";
import { Badge } from "@/components/ui/badge";
import { resourceState } from "@/components/status/resource-state";
import { Flags, StateBadge } from "@/components/status/state-badge";
import { unavailableReason } from "./cluster-header";
import { describeConstraint } from "./constraint-text";
import type { ResourceDetails } from "./find-resource";

/** The panel a click on a resource opens: live state first, then its configuration and what names it. */
export function ResourceDetailsPanel({ details, onClose }: { details: ResourceDetails; onClose: () => void }) {
  useEffect(() => {
    // Esc in a confirm dialog of this panel closes the dialog, not the panel too.
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && !document.querySelector("dialog[open]") && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
  const { resource, config } = details;
  const agent =
    config && "class" in config && config.class
      ? [config.class, config.provider, config.type].filter(Boolean).join(":")
      : resource?.kind === "primitive"
        ? resource.resourceAgent
        : null;
  return (
    <aside
      data-test="resource-details"
      data-resource={details.id}
      aria-label={`Details of ${details.id}`}
      className="fixed inset-y-0 right-0 z-30 flex w-full max-w-[32rem] flex-col border-l border-line bg-surface shadow-2xl"
    >
      <header className="flex items-start gap-3 border-b border-line px-4 py-3">
        <div className="min-w-0">
          <h2 className="truncate text-lg font-semibold">{details.id}</h2>
          <p className="truncate text-xs text-muted">
            {resource?.kind ?? config?.kind ?? "resource"}
            {agent ? ` · ${agent}` : ""}
            {details.parents.length ? ` · in ${details.parents.join(" › ")}` : ""}
          </p>
        </div>
        <button
          type="button"
          data-test="details-close"
          onClick={onClose}
          aria-label="Close details"
          className="ml-auto rounded p-1 text-muted hover:bg-surface-2 hover:text-fg"
        >
          <X className="size-5" />
        </button>
      </header>
      <div className="flex-1 space-y-5 overflow-y-auto px-4 py-4 text-sm">
        {config?.description ? <p className="text-muted">{config.description}</p> : null}
        <Block title="Instances" test="details-instances">
          {details.instances.length === 0 ? (
            <p className="text-muted">Not in crm_mon&apos;s status.</p>
          ) : (
            <ul className="space-y-1">
              {details.instances.map((p, i) => {
                const s = resourceState(p, resource?.kind === "clone" ? resource.targetRole : null);
                return (
                  <li key={`${p.id}-${i}`} className="flex flex-wrap items-center gap-1.5">
                    <span className="font-mono text-xs">{p.id}</span>
                    <StateBadge label={s.label} tone={s.tone} />
                    <Flags flags={s.flags} />
                    <span className="text-muted">{p.nodes.map((n) => n.name).join(", ") || "no node"}</span>
                  </li>
                );
              })}
            </ul>
          )}
        </Block>
        <ResourceActions details={details} />
        {details.failures.length || details.failcounts.length ? (
          <Block title="Failures" test="details-failures">
            <ul className="space-y-1">
              {details.failcounts.map((f) => (
                <li key={`fc-${f.node}`}>
                  <Badge tone="warn">fail-count {f.failCount}</Badge> on {f.node}
                  {f.threshold !== null ? <span className="text-muted"> (threshold {f.threshold})</span> : null}
                </li>
              ))}
              {details.failures.map((f) => (
                <li key={`${f.opKey}@${f.node}`}>
                  <span className="font-mono text-xs">{f.opKey}</span> on {f.node}: {f.exitstatus}
                  {f.exitreason ? ` — ${f.exitreason}` : ""} <span className="text-muted">{f.lastRcChange}</span>
                </li>
              ))}
            </ul>
          </Block>
        ) : null}
        {/* Reserved: the "Why is it here?" (allocation scores) section goes on the line below. */}
        <WhyHere id={details.id} />
        {/* Reserved: the "Recent history" (audit rows naming it) section goes on the line below. */}
        <ResourceHistory id={details.id} />
        {config ? (
          <>
            <NvSets title="Instance attributes" sets={config.instanceAttributes} test="details-instance-attrs" />
            <NvSets title="Meta attributes" sets={config.metaAttributes} test="details-meta-attrs" />
            {"utilization" in config ? <NvSets title="Utilization" sets={config.utilization} /> : null}
            {"operations" in config ? <Operations ops={config.operations} /> : null}
          </>
        ) : (
          <p className="text-muted">No configuration in this snapshot (the agent sent status without the CIB).</p>
        )}
        <Block title={`Constraints (${details.constraints.length})`} test="details-constraints">
          {details.constraints.length === 0 ? (
            <p className="text-muted">No constraint names it.</p>
          ) : (
            <ul className="space-y-1.5">
              {details.constraints.map((c) => (
                <li key={c.id}>
                  <span>{describeConstraint(c)}</span>
                  <span className="block font-mono text-xs text-muted">
                    {c.kind} · {c.id}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Block>
      </div>
    </aside>
  );
}

/** The panel's changes (components/actions), for the resource the panel shows. */
function ResourceActions({ details }: { details: ResourceDetails }) {
  const live = useClusterLive();
  const nodes = live.status?.nodes;
  const { id, resource, instances, config, parents, constraints } = details;
  const plan = useMemo(
    () =>
      planResourceActions({
        id,
        resource,
        instances,
        meta: config ? metaMap(config.metaAttributes) : {},
        parents,
        constraints,
      }),
    [id, resource, instances, config, parents, constraints],
  );
  if (!nodes) return null;
  return (
    <Block title="Actions" test="details-actions">
      {/* Keyed: another resource's panel starts from its own defaults (node, lifetime), not the last one's. */}
      <ResourceActionsSection key={plan.rsc} cluster={live.name} plan={plan} nodes={nodes} unavailable={unavailableReason(live)} />
    </Block>
  );
}

function Block({ title, children, test }: { title: string; children: ReactNode; test?: string }) {
  return (
    <section data-test={test}>
      <h3 className="mb-1.5 text-[11px] font-semibold uppercase tracking-wide text-muted">{title}</h3>
      {children}
    </section>
  );
}

function NvSets({ title, sets, test }: { title: string; sets: NvSet[]; test?: string }) {
  const pairs = sets.flatMap((s) => s.nvpairs.map((p) => ({ set: s.id, ...p })));
  if (pairs.length === 0) return null;
  return (
    <Block title={title} test={test}>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1">
        {pairs.map((p) => (
          <div key={`${p.set}/${p.name}`} className="contents">
            <dt className="font-mono text-xs text-muted">{p.name}</dt>
            <dd className="break-words font-mono text-xs">{p.value ?? (p.idRef ? `→ ${p.idRef}` : "")}</dd>
          </div>
        ))}
      </dl>
    </Block>
  );
}

function Operations({ ops }: { ops: Operation[] }) {
  if (ops.length === 0) return null;
  return (
    <Block title="Operations" test="details-operations">
      <ul className="space-y-1">
        {ops.map((o) => (
          <li key={o.id ?? `${o.name}-${o.interval}`} className="font-mono text-xs">
            <span className="font-semibold">{o.name}</span> interval={o.interval}
            {Object.entries(o.attrs).map(([k, v]) => (
              <span key={k} className="text-muted">
                {" "}
                {k}={v}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </Block>
  );
}
