"use client";
// One section of options (crm_config, rsc_defaults or op_defaults): the common options first, the
// rest after them, expert and deprecated ones folded, names the metadata does not describe last;
// a search narrows all of them. Admins also get a name/value form for any other name.
import { ChevronRight } from "lucide-react";
import type { ReactNode } from "react";
import type { NvSet } from "@/lib/pacemaker";
import { Section } from "@/components/ui/card";
import { effectiveValues, groupOptions, ruledSets, type OptionDef, type OptionRow as Row, type OptionSection } from "./properties-catalog";
import { RawPropertyForm } from "./properties-raw";
import { OptionRow, type RowProps } from "./properties-row";

export function OptionsSection({
  title,
  section,
  defs,
  common,
  sets,
  liveSets,
  query,
  canEdit,
  stage,
  intro,
  test,
}: {
  title: string;
  section: OptionSection;
  defs: readonly OptionDef[];
  common: readonly string[];
  sets: readonly NvSet[];
  /** the live sets when a draft is shown */
  liveSets?: readonly NvSet[];
  query: string;
  canEdit: boolean;
  stage: RowProps["stage"];
  intro?: ReactNode;
  test: string;
}) {
  const values = effectiveValues(sets);
  const live = liveSets ? effectiveValues(liveSets) : null;
  const g = groupOptions(defs, values, query, common);
  const total = g.common.length + g.more.length + g.advanced.length + g.unknown.length;
  const ruled = ruledSets(sets);
  const rows = (list: Row[]) => (
    <ul className="divide-y divide-line">
      {list.map((r) => (
        <OptionRow
          key={r.def.name}
          section={section}
          def={r.def}
          value={r.value}
          liveValue={live ? (live[r.def.name] ?? null) : undefined}
          canEdit={canEdit}
          stage={stage}
        />
      ))}
    </ul>
  );
  return (
    <Section title={title} count={`${Object.keys(values).length} set`} test={test}>
      {intro ? <div className="border-b border-line px-4 py-2 text-xs text-muted">{intro}</div> : null}
      {ruled > 0 ? (
        <p className="border-b border-line px-4 py-2 text-xs text-muted">
          {ruled} more set{ruled === 1 ? "" : "s"} in this section apply only when their rule does; they are not edited here (see the Raw XML tab).
        </p>
      ) : null}
      {total === 0 ? <p className="px-4 py-3 text-sm text-muted">No option matches “{query}”.</p> : null}
      {g.common.length ? rows(g.common) : null}
      {g.more.length ? (
        <>
          <h3 className="border-y border-line bg-surface-2/40 px-4 py-1.5 text-xs font-semibold text-muted">More options</h3>
          {rows(g.more)}
        </>
      ) : null}
      {g.advanced.length ? (
        // Open while searching: a match must not hide in a folded block.
        <details open={query.trim() !== "" || undefined} className="group border-t border-line" data-test={`${test}-advanced`}>
          <summary className="flex cursor-pointer select-none items-center gap-1 px-4 py-2 text-xs font-semibold text-muted hover:text-fg">
            <ChevronRight aria-hidden className="size-4 transition-transform group-open:rotate-90" />
            Advanced and deprecated ({g.advanced.length})
          </summary>
          {rows(g.advanced)}
        </details>
      ) : null}
      {g.unknown.length ? (
        <>
          <h3 className="border-y border-line bg-surface-2/40 px-4 py-1.5 text-xs font-semibold text-muted">Set here, not described by Pacemaker&apos;s metadata</h3>
          {rows(g.unknown)}
        </>
      ) : null}
      {canEdit ? <RawPropertyForm section={section} stage={stage} known={defs} open={defs.length === 0} /> : null}
    </Section>
  );
}
