"use client";
// The audit history page: filters in the address bar, pages by cursor ("Load more"), a plain
// <table> on wide screens and cards on a phone. A plain table, not a grid library: the rows are
// read, not edited or re-sorted (the order is the history's), and native table semantics give
// screen readers headers for free; @tanstack/react-table is not installed and would add nothing here.
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { ChevronDown, ChevronRight, Download, RotateCcw, Search } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Fragment, useEffect, useId, useMemo, useState, type FormEvent, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { AppRouter } from "@/server/api/root";
import { useTRPC } from "@/trpc/react";
import { AuditTime, Commands, Duration, Epochs, OutcomeBadge, TargetLink } from "./audit-bits";
import { commitParams, ConfigCommitDetails } from "./config-commit";
import {
  AUDIT_OUTCOMES,
  EMPTY_FILTER,
  exportHref,
  filterFromSearch,
  filterToInput,
  filterToSearch,
  formatAuditTime,
  fromLocalInput,
  OUTCOME_FILTER_LABEL,
  TARGET_KINDS,
  toLocalInput,
  type AuditFilterState,
  type AuditOutcome,
} from "./audit-filter";

type AuditItem = inferRouterOutputs<AppRouter>["audit"]["list"]["items"][number];

const PAGE = 50;

const inputClass =
  "mt-1 block h-9 w-full rounded-md border border-line bg-surface px-2.5 text-sm outline-none focus:border-accent focus:ring-2 focus:ring-accent/30";
const buttonClass =
  "inline-flex h-9 items-center justify-center gap-1.5 rounded-md px-3 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:opacity-50";

export function AuditView({ isAdmin }: { isAdmin: boolean }) {
  const sp = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const search = sp.toString();
  const applied = useMemo(() => filterFromSearch(new URLSearchParams(search)), [search]);
  const [draft, setDraft] = useState<AuditFilterState>(applied);
  useEffect(() => setDraft(applied), [applied]);

  const apply = (f: AuditFilterState) => {
    const qs = filterToSearch(f).toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };

  const trpc = useTRPC();
  const input = useMemo(() => ({ filter: filterToInput(applied), limit: PAGE }), [applied]);
  const list = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(input, {
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      placeholderData: keepPreviousData,
    }),
  );
  const facets = useQuery(trpc.audit.facets.queryOptions());
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const lastPage = list.data?.pages.at(-1);
  const showsAddress = list.data?.pages[0]?.showsAddress ?? isAdmin;

  return (
    <div className="space-y-4">
      <FilterForm
        draft={draft}
        setDraft={setDraft}
        onApply={() => apply(draft)}
        onReset={() => apply(EMPTY_FILTER)}
        onToggleOutcome={(o) => {
          const status = draft.status.includes(o) ? draft.status.filter((s) => s !== o) : [...draft.status, o];
          const next = { ...draft, status };
          setDraft(next);
          apply(next);
        }}
        facets={facets.data}
        applied={applied}
      />

      <section className="rounded-lg border border-line bg-surface" data-test="audit-results" aria-labelledby="audit-results-title">
        <header className="flex flex-wrap items-center gap-2 border-b border-line px-4 py-2.5">
          <h2 id="audit-results-title" className="text-sm font-semibold">
            History
          </h2>
          <span className="tabular text-xs text-muted" aria-live="polite" data-test="audit-count">
            {list.isPending ? "loading…" : `${rows.length}${list.hasNextPage ? "+" : ""} ${rows.length === 1 ? "row" : "rows"}`}
            {list.isFetching && !list.isPending ? " · updating…" : ""}
          </span>
          <span className="ml-auto flex flex-wrap items-center gap-2">
            <a href={exportHref(applied, "csv")} download data-test="audit-export-csv" className={`${buttonClass} border border-line bg-surface hover:bg-surface-2`}>
              <Download aria-hidden className="size-4" /> CSV
            </a>
            <a href={exportHref(applied, "json")} download data-test="audit-export-json" className={`${buttonClass} border border-line bg-surface hover:bg-surface-2`}>
              <Download aria-hidden className="size-4" /> JSON
            </a>
          </span>
        </header>

        {list.error ? (
          <p role="alert" data-test="audit-error" className="m-4 rounded-md bg-err-soft px-3 py-2 text-sm text-err">
            {list.error.message}
          </p>
        ) : null}

        {!list.isPending && rows.length === 0 && !list.error ? (
          <p className="px-4 py-6 text-sm text-muted" data-test="audit-empty">
            Nothing in the history matches this filter.
          </p>
        ) : null}

        {rows.length > 0 ? (
          <>
            <AuditTable rows={rows} showsAddress={showsAddress} isAdmin={isAdmin} />
            <AuditCards rows={rows} showsAddress={showsAddress} isAdmin={isAdmin} />
          </>
        ) : null}

        <footer className="flex flex-wrap items-center gap-3 border-t border-line px-4 py-3 text-sm">
          {lastPage?.searchedTo ? (
            <span className="text-muted" data-test="audit-searched-to">
              Searched back to {formatAuditTime(lastPage.searchedTo)} so far.
            </span>
          ) : null}
          {list.hasNextPage ? (
            <button
              type="button"
              data-test="audit-more"
              onClick={() => void list.fetchNextPage()}
              disabled={list.isFetchingNextPage}
              className={`${buttonClass} border border-line bg-surface hover:bg-surface-2`}
            >
              {list.isFetchingNextPage ? "Loading…" : lastPage?.searchedTo ? "Search further" : "Load more"}
            </button>
          ) : rows.length > 0 ? (
            <span className="text-muted">End of the history for this filter.</span>
          ) : null}
        </footer>
      </section>
    </div>
  );
}

// ---- filters ----

function FilterForm({
  draft,
  setDraft,
  onApply,
  onReset,
  onToggleOutcome,
  facets,
  applied,
}: {
  draft: AuditFilterState;
  setDraft: (f: AuditFilterState) => void;
  onApply: () => void;
  onReset: () => void;
  onToggleOutcome: (o: AuditOutcome) => void;
  facets: { users: string[]; clusters: string[]; actions: string[] } | undefined;
  applied: AuditFilterState;
}) {
  const id = useId();
  const set = (k: keyof Omit<AuditFilterState, "status">) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply();
  };
  const active = JSON.stringify(applied) !== JSON.stringify(EMPTY_FILTER);
  return (
    <form onSubmit={submit} role="search" aria-label="Filter the audit history" data-test="audit-filters" className="space-y-3 rounded-lg border border-line bg-surface p-4">
      <div className="flex flex-wrap items-end gap-2">
        <label className="block min-w-0 flex-1 text-sm font-medium">
          Search
          <span className="relative block">
            <Search aria-hidden className="pointer-events-none absolute left-2.5 top-1/2 mt-0.5 size-4 -translate-y-1/2 text-muted" />
            <input
              type="search"
              data-test="audit-q"
              value={draft.q}
              onChange={set("q")}
              maxLength={200}
              placeholder="Words of a user, target, command or message (webservice1 node3)"
              className={`${inputClass} pl-8`}
            />
          </span>
        </label>
        <button type="submit" data-test="audit-apply" className={`${buttonClass} bg-accent text-canvas hover:opacity-90`}>
          Apply
        </button>
        <button type="button" data-test="audit-reset" onClick={onReset} disabled={!active} className={`${buttonClass} border border-line bg-surface hover:bg-surface-2`}>
          <RotateCcw aria-hidden className="size-4" /> Reset
        </button>
      </div>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-6">
        <Field label="User">
          <input list={`${id}-users`} data-test="audit-user" value={draft.user} onChange={set("user")} maxLength={64} className={inputClass} autoComplete="off" />
          <datalist id={`${id}-users`}>{facets?.users.map((u) => <option key={u} value={u} />)}</datalist>
        </Field>
        <Field label="Cluster">
          <input list={`${id}-clusters`} data-test="audit-cluster" value={draft.cluster} onChange={set("cluster")} maxLength={128} className={inputClass} autoComplete="off" />
          <datalist id={`${id}-clusters`}>{facets?.clusters.map((c) => <option key={c} value={c} />)}</datalist>
        </Field>
        <Field label="Action" hint="a prefix: cluster.node. matches every node action">
          <input list={`${id}-actions`} data-test="audit-action" value={draft.action} onChange={set("action")} maxLength={64} className={inputClass} autoComplete="off" />
          <datalist id={`${id}-actions`}>{facets?.actions.map((a) => <option key={a} value={a} />)}</datalist>
        </Field>
        <Field label="Target">
          <span className="mt-1 flex gap-1">
            <select
              aria-label="Target kind"
              data-test="audit-target-kind"
              value={draft.targetKind}
              onChange={set("targetKind")}
              className="h-9 rounded-md border border-line bg-surface px-1.5 text-sm focus:border-accent focus:ring-2 focus:ring-accent/30"
            >
              <option value="">any</option>
              {TARGET_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
            <input
              aria-label="Target name"
              data-test="audit-target-name"
              value={draft.target}
              onChange={set("target")}
              maxLength={256}
              className="block h-9 w-full min-w-0 rounded-md border border-line bg-surface px-2.5 text-sm outline-none focus:border-accent focus:ring-2 focus:ring-accent/30"
            />
          </span>
        </Field>
        <Field label="From">
          <input
            type="datetime-local"
            data-test="audit-from"
            value={toLocalInput(draft.from)}
            onChange={(e) => setDraft({ ...draft, from: fromLocalInput(e.target.value) })}
            className={inputClass}
          />
        </Field>
        <Field label="To">
          <input
            type="datetime-local"
            data-test="audit-to"
            value={toLocalInput(draft.to)}
            onChange={(e) => setDraft({ ...draft, to: fromLocalInput(e.target.value) })}
            className={inputClass}
          />
        </Field>
      </div>
      <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm" data-test="audit-outcomes">
        <legend className="mb-1 font-medium">Outcome</legend>
        {AUDIT_OUTCOMES.map((o) => (
          <label key={o} className="inline-flex items-center gap-1.5">
            <input
              type="checkbox"
              data-test={`audit-outcome-${o}`}
              checked={draft.status.includes(o)}
              onChange={() => onToggleOutcome(o)}
              className="size-4 accent-accent focus-visible:outline-2 focus-visible:outline-accent"
            />
            {OUTCOME_FILTER_LABEL[o]}
          </label>
        ))}
        <span className="text-xs text-muted">(none checked: every outcome)</span>
      </fieldset>
    </form>
  );
}

function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <label className="block min-w-0 text-sm font-medium">
      {label}
      {children}
      {hint ? <span className="mt-1 block text-xs font-normal text-muted">{hint}</span> : null}
    </label>
  );
}

// ---- rows ----

function Who({ row }: { row: AuditItem }) {
  return (
    <span className="flex flex-wrap items-center gap-1">
      <span className="font-medium">{row.username}</span>
      {row.role ? <Badge tone="neutral">{row.role}</Badge> : null}
    </span>
  );
}

function Outcome({ row }: { row: AuditItem }) {
  return (
    <div className="space-y-1">
      <OutcomeBadge status={row.status} action={row.action} />
      {row.message && row.status !== "ok" ? (
        <p className="line-clamp-3 max-w-[28rem] break-words text-xs text-muted" data-test="audit-message">
          {row.message}
        </p>
      ) : null}
    </div>
  );
}

function Details({ row }: { row: AuditItem }) {
  const commit = commitParams(row.action, row.params);
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm md:grid-cols-[max-content_minmax(0,1fr)]" data-test="audit-details">
      <dt className="text-xs font-semibold uppercase tracking-wide text-muted">Request</dt>
      <dd>
        <pre className="overflow-x-auto whitespace-pre-wrap break-all rounded bg-surface-2 px-2 py-1.5 font-mono text-xs" data-test="audit-params">
          {JSON.stringify(commit ? commit.rest : row.params, null, 2)}
        </pre>
      </dd>
      {commit ? <ConfigCommitDetails commit={commit} /> : null}
      {row.message ? (
        <>
          <dt className="text-xs font-semibold uppercase tracking-wide text-muted">Message</dt>
          <dd className="whitespace-pre-wrap break-words">{row.message}</dd>
        </>
      ) : null}
      {row.summary ? (
        <>
          <dt className="text-xs font-semibold uppercase tracking-wide text-muted">Summary</dt>
          <dd>{row.summary}</dd>
        </>
      ) : null}
      <dt className="text-xs font-semibold uppercase tracking-wide text-muted">Commands</dt>
      <dd>
        <Commands lines={row.commands} />
      </dd>
      <dt className="text-xs font-semibold uppercase tracking-wide text-muted">Row</dt>
      <dd className="font-mono text-xs text-muted">{row.id}</dd>
    </dl>
  );
}

function ExpandButton({ open, onClick, controls, label }: { open: boolean; onClick: () => void; controls: string; label: string }) {
  const Icon = open ? ChevronDown : ChevronRight;
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-controls={controls}
      onClick={onClick}
      data-test="audit-expand"
      className="rounded p-1 text-muted hover:bg-surface-2 hover:text-fg focus-visible:outline-2 focus-visible:outline-accent"
    >
      <Icon aria-hidden className="size-4" />
      <span className="sr-only">{open ? `Hide the details of ${label}` : `Show the details of ${label}`}</span>
    </button>
  );
}

function useOpenRows() {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  return { open, toggle };
}

const th = "px-2.5 py-2 text-left text-[11px] font-semibold uppercase tracking-wide text-muted";
const td = "px-2.5 py-2 align-top";

function AuditTable({ rows, showsAddress, isAdmin }: { rows: AuditItem[]; showsAddress: boolean; isAdmin: boolean }) {
  const { open, toggle } = useOpenRows();
  const cols = showsAddress ? 11 : 10;
  return (
    <div className="hidden overflow-x-auto md:block">
      <table className="w-full border-collapse text-sm" data-test="audit-table">
        <caption className="sr-only">Audit history, newest first</caption>
        <thead className="border-b border-line bg-surface-2/50">
          <tr>
            <th scope="col" className={th}>
              <span className="sr-only">Details</span>
            </th>
            <th scope="col" className={th}>Time</th>
            <th scope="col" className={th}>User</th>
            {showsAddress ? (
              <th scope="col" className={th} data-test="audit-address-header">
                Address
              </th>
            ) : null}
            <th scope="col" className={th}>Cluster</th>
            <th scope="col" className={th}>Action</th>
            <th scope="col" className={th}>Target</th>
            <th scope="col" className={th}>Outcome</th>
            <th scope="col" className={th}>Commands</th>
            <th scope="col" className={th}>CIB epoch</th>
            <th scope="col" className={th}>Duration</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const detailsId = `audit-details-${r.id}`;
            const isOpen = open.has(r.id);
            return (
              <Fragment key={r.id}>
                <tr className="border-b border-line hover:bg-surface-2/40" data-test="audit-row" data-status={r.status} data-action={r.action} data-id={r.id}>
                  <td className={td}>
                    <ExpandButton open={isOpen} onClick={() => toggle(r.id)} controls={detailsId} label={`${r.action} at ${formatAuditTime(r.time)}`} />
                  </td>
                  <td className={td}>
                    <AuditTime time={r.time} />
                  </td>
                  <td className={td}>
                    <Who row={r} />
                  </td>
                  {showsAddress ? (
                    <td className={`${td} font-mono text-xs`} data-test="audit-address">
                      {r.address || "—"}
                    </td>
                  ) : null}
                  <td className={td}>{r.clusterName || <span className="text-faint">—</span>}</td>
                  <td className={`${td} font-mono text-xs`}>{r.action}</td>
                  <td className={`${td} min-w-[8rem]`}>
                    <TargetLink row={r} isAdmin={isAdmin} />
                  </td>
                  <td className={td}>
                    <Outcome row={r} />
                  </td>
                  <td className={`${td} min-w-[14rem] max-w-[26rem]`}>
                    <Commands lines={r.commands} />
                  </td>
                  <td className={td}>
                    <Epochs before={r.epochBefore} after={r.epochAfter} />
                  </td>
                  <td className={td}>
                    <Duration ms={r.durationMs} />
                  </td>
                </tr>
                {isOpen ? (
                  <tr id={detailsId} className="border-b border-line bg-surface-2/30">
                    <td />
                    <td colSpan={cols - 1} className="px-3 py-3">
                      <Details row={r} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** A phone: one card per row, the key facts first (when, outcome, who, what, on what). */
function AuditCards({ rows, showsAddress, isAdmin }: { rows: AuditItem[]; showsAddress: boolean; isAdmin: boolean }) {
  const { open, toggle } = useOpenRows();
  return (
    <ul className="divide-y divide-line md:hidden" data-test="audit-cards" aria-label="Audit history, newest first">
      {rows.map((r) => {
        const detailsId = `audit-card-details-${r.id}`;
        const isOpen = open.has(r.id);
        return (
          <li key={r.id} className="space-y-1.5 px-4 py-3 text-sm" data-test="audit-card" data-status={r.status} data-id={r.id}>
            <div className="flex items-start gap-2">
              <div className="min-w-0 flex-1 space-y-1">
                <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted">
                  <AuditTime time={r.time} />
                  {showsAddress && r.address ? (
                    <span className="font-mono" data-test="audit-address">
                      {r.address}
                    </span>
                  ) : null}
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-mono text-xs font-semibold">{r.action}</span>
                  {r.clusterName ? <span className="text-xs text-muted">on {r.clusterName}</span> : null}
                </div>
              </div>
              <ExpandButton open={isOpen} onClick={() => toggle(r.id)} controls={detailsId} label={`${r.action} at ${formatAuditTime(r.time)}`} />
            </div>
            <Outcome row={r} />
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <Who row={r} />
              <TargetLink row={r} isAdmin={isAdmin} />
            </div>
            {r.commands.length ? <Commands lines={r.commands} /> : null}
            {r.epochBefore || r.epochAfter || r.durationMs !== null ? (
              <div className="flex flex-wrap gap-x-4 text-xs text-muted">
                <span>
                  CIB <Epochs before={r.epochBefore} after={r.epochAfter} />
                </span>
                <span>
                  took <Duration ms={r.durationMs} />
                </span>
              </div>
            ) : null}
            {isOpen ? (
              <div id={detailsId} className="pt-1">
                <Details row={r} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
