import { Search, X } from "lucide-react";
import type { Node } from "@/lib/pacemaker";
import type { ResourceFilter } from "./resource-rows";

/** Search, failed-only, node and type filters; every control is labelled for screen readers and e2e. */
export function ResourceToolbar({
  filter,
  onChange,
  nodes,
  typeOptions,
  failedCount,
}: {
  filter: ResourceFilter;
  onChange: (f: ResourceFilter) => void;
  nodes: Node[];
  typeOptions: { value: string; label: string }[];
  failedCount: number;
}) {
  const field = "h-8 rounded-md border border-line bg-surface px-2 text-sm outline-none focus:border-accent";
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="relative">
        <span className="sr-only">Search resources</span>
        <Search aria-hidden className="pointer-events-none absolute left-2 top-2 size-4 text-muted" />
        <input
          data-test="resource-search"
          type="search"
          placeholder="Search id, agent, node…"
          value={filter.text}
          onChange={(e) => onChange({ ...filter, text: e.target.value })}
          className={`${field} w-56 pl-7`}
        />
      </label>
      <label className="flex h-8 cursor-pointer items-center gap-1.5 rounded-md border border-line px-2 text-sm">
        <input
          data-test="filter-failed"
          type="checkbox"
          checked={filter.failedOnly}
          onChange={(e) => onChange({ ...filter, failedOnly: e.target.checked })}
          className="accent-[var(--color-err)]"
        />
        Failed only
        <span className="tabular text-xs text-muted">({failedCount})</span>
      </label>
      <label>
        <span className="sr-only">Node</span>
        <select data-test="filter-node" value={filter.node} onChange={(e) => onChange({ ...filter, node: e.target.value })} className={field}>
          <option value="">All nodes</option>
          {nodes.map((n) => (
            <option key={n.name} value={n.name}>
              {n.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="sr-only">Type</span>
        <select data-test="filter-type" value={filter.type} onChange={(e) => onChange({ ...filter, type: e.target.value })} className={`${field} max-w-56`}>
          <option value="">All types</option>
          {typeOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      {filter.text || filter.failedOnly || filter.node || filter.type ? (
        <button
          type="button"
          data-test="filter-clear"
          onClick={() => onChange({ text: "", failedOnly: false, node: "", type: "" })}
          className="inline-flex h-8 items-center gap-1 rounded-md px-2 text-sm text-muted hover:bg-surface-2 hover:text-fg"
        >
          <X aria-hidden className="size-4" /> Clear
        </button>
      ) : null}
    </div>
  );
}
