"use client";
// Which agent a new resource runs: class (crm_resource --list-standards), provider for OCF
// (--list-ocf-providers), then the agent from --list-agents, searchable. Fencing devices are the
// stonith class. The lists come from the cluster's own node (what is installed there).
import { useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { RESOURCE_CLASSES } from "@/lib/cib/edits";
import { fieldClass } from "@/components/actions/field";
import { useTRPC } from "@/trpc/react";
import type { AgentChoice } from "./resource-model";

const CLASS_HELP: Record<string, string> = {
  ocf: "OCF resource agents (ocf:provider:type): the usual choice",
  lsb: "init scripts in /etc/init.d",
  systemd: "systemd units",
  service: "systemd or lsb, whichever the node has",
  stonith: "fencing devices",
  upstart: "upstart jobs",
  nagios: "Nagios plugins",
};

export function AgentPicker({ cluster, value, onChange }: { cluster: string; value: AgentChoice; onChange: (v: AgentChoice) => void }) {
  const trpc = useTRPC();
  const ids = { cls: useId(), prov: useId(), search: useId(), list: useId() };
  const [search, setSearch] = useState("");
  const standards = useQuery({ ...trpc.config.standards.queryOptions({ cluster }), staleTime: 600_000 });
  const known = RESOURCE_CLASSES as readonly string[];
  const classes = (standards.data?.standards ?? []).filter((s) => known.includes(s));
  const classList = classes.length ? classes : known;
  const ocf = value.class === "ocf";
  const ready = value.class !== "" && (!ocf || value.provider !== "");
  const agents = useQuery({
    ...trpc.config.agents.queryOptions({ cluster, class: (value.class || "ocf") as (typeof RESOURCE_CLASSES)[number], ...(ocf && value.provider ? { provider: value.provider } : {}) }),
    enabled: ready,
    staleTime: 600_000,
  });
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (agents.data?.agents ?? []).filter((a) => q === "" || a.toLowerCase().includes(q));
  }, [agents.data, search]);

  return (
    <fieldset className="grid gap-3 sm:grid-cols-2" data-test="agent-picker">
      <legend className="mb-1 text-sm font-semibold">Agent</legend>
      <div className="text-sm">
        <label htmlFor={ids.cls} className="font-medium">
          Class
        </label>
        <select id={ids.cls} className={fieldClass} value={value.class} data-test="agent-class" onChange={(e) => onChange({ class: e.target.value, provider: e.target.value === "ocf" ? value.provider : "", type: "" })}>
          <option value="">choose…</option>
          {classList.map((c) => (
            <option key={c} value={c}>
              {c} — {CLASS_HELP[c] ?? c}
            </option>
          ))}
        </select>
        {standards.error ? <span className="mt-1 block text-xs text-err">The node's classes could not be listed: {standards.error.message}</span> : null}
      </div>
      {ocf ? (
        <div className="text-sm">
          <label htmlFor={ids.prov} className="font-medium">
            Provider
          </label>
          <select id={ids.prov} className={fieldClass} value={value.provider} data-test="agent-provider" onChange={(e) => onChange({ ...value, provider: e.target.value, type: "" })}>
            <option value="">choose…</option>
            {(standards.data?.providers ?? []).map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {ready ? (
        <div className="text-sm sm:col-span-2">
          <label htmlFor={ids.search} className="font-medium">
            Search agents
          </label>
          <input id={ids.search} type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="e.g. IPaddr2" className={fieldClass} data-test="agent-search" aria-controls={ids.list} />
          <label htmlFor={ids.list} className="mt-2 block font-medium">
            Agent {agents.data ? <span className="font-normal text-muted">({shown.length} of {agents.data.agents.length})</span> : null}
          </label>
          <select
            id={ids.list}
            size={Math.min(8, Math.max(3, shown.length))}
            className="mt-1 block w-full rounded-md border border-line bg-surface p-1 font-mono text-sm outline-none focus:border-accent focus:ring-2 focus:ring-accent/30"
            value={value.type}
            data-test="agent-list"
            onChange={(e) => onChange({ ...value, type: e.target.value })}
          >
            {shown.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
          {agents.isLoading ? <span className="mt-1 block text-xs text-muted">Listing the agents on the node…</span> : null}
          {agents.error ? <span className="mt-1 block text-xs text-err">The agents could not be listed: {agents.error.message}</span> : null}
        </div>
      ) : null}
    </fieldset>
  );
}
