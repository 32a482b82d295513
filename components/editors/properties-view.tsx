"use client";
// The properties page: cluster properties from Pacemaker's own metadata, then the resource and
// operation defaults, all searchable, with the value in force beside the default. Admins stage
// changes in their draft; everyone else reads.
import { useQuery } from "@tanstack/react-query";
import { Search, TriangleAlert } from "lucide-react";
import { useId, useMemo, useState } from "react";
import { fieldClass } from "@/components/actions/field";
import { useTRPC } from "@/trpc/react";
import { COMMON_OP_DEFAULTS, COMMON_RSC_DEFAULTS, OP_DEFAULTS, RSC_DEFAULTS } from "./defaults-catalog";
import { clusterOptions, COMMON_PROPERTIES, daemonLabel, missingDaemons } from "./properties-catalog";
import { ClusterModels } from "./properties-explain";
import { OptionsSection } from "./properties-section";
import { useShownConfiguration } from "./properties-shown";

export function PropertiesView() {
  const trpc = useTRPC();
  const { cluster, shown, live, fromDraft, canEdit, stage } = useShownConfiguration();
  const meta = useQuery({ ...trpc.config.clusterMetadata.queryOptions({ cluster }), staleTime: 10 * 60_000, retry: 1 });
  const defs = useMemo(() => (meta.data ? clusterOptions(meta.data.daemons) : []), [meta.data]);
  const missing = meta.data ? missingDaemons(meta.data.daemons) : [];
  const [query, setQuery] = useState("");
  const searchId = useId();

  if (!shown) return <p className="text-sm text-muted">Waiting for the cluster&apos;s configuration…</p>;
  const metaFailed = meta.isError || (meta.data !== undefined && defs.length === 0);
  const liveOf = (k: "crmConfig" | "rscDefaults" | "opDefaults") => (fromDraft && live ? live[k] : undefined);

  return (
    <div className="space-y-4" data-test="properties-view">
      <ClusterModels />
      <div className="space-y-3">
        <p className="text-sm text-muted">
          {fromDraft ? "Values of your draft (not committed yet); a badge marks what differs from the live cluster." : "Values of the live configuration."}{" "}
          {canEdit ? "Changes are staged in your draft: nothing reaches the cluster until you commit it." : "Read-only: only admins change the configuration."}
        </p>
        <div className="relative max-w-md">
          <label htmlFor={searchId} className="sr-only">
            Search options
          </label>
          <Search aria-hidden className="pointer-events-none absolute left-2.5 top-1/2 mt-0.5 size-4 -translate-y-1/2 text-muted" />
          <input
            id={searchId}
            type="search"
            data-test="properties-search"
            placeholder="Search options (name or description)"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            className={`${fieldClass} pl-8`}
          />
        </div>
        {meta.isLoading ? <p className="text-sm text-muted">Loading Pacemaker&apos;s option metadata…</p> : null}
        {metaFailed ? (
          <p role="alert" data-test="properties-meta-error" className="flex items-start gap-2 rounded-md bg-warn-soft px-3 py-2 text-sm text-warn">
            <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
            <span>
              Pacemaker&apos;s option metadata could not be loaded ({meta.error?.message ?? meta.data?.errors.join("; ") ?? "no options"}): the properties are
              shown as plain names and values, without types, defaults or checks.
            </span>
          </p>
        ) : missing.length > 0 && meta.data ? (
          <p role="status" className="flex items-start gap-2 rounded-md bg-warn-soft px-3 py-2 text-sm text-warn">
            <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
            <span>
              The options of the {missing.map(daemonLabel).join(", ")} could not be read ({meta.data.errors.join("; ")}); their properties are listed as plain names.
            </span>
          </p>
        ) : null}
      </div>
      <OptionsSection
        title="Cluster properties"
        section="crm_config"
        test="properties-crm_config"
        defs={defs}
        common={COMMON_PROPERTIES}
        sets={shown.crmConfig}
        liveSets={liveOf("crmConfig")}
        query={query}
        canEdit={canEdit}
        stage={stage}
        intro={
          <>
            From <code className="font-mono">pacemaker-schedulerd</code>, <code className="font-mono">pacemaker-controld</code> and{" "}
            <code className="font-mono">pacemaker-based metadata</code>. The fence daemon&apos;s options (pcmk_host_list…) belong to each fencing device.
          </>
        }
      />
      <OptionsSection
        title="Resource defaults (rsc_defaults)"
        section="rsc_defaults"
        test="properties-rsc_defaults"
        defs={RSC_DEFAULTS}
        common={COMMON_RSC_DEFAULTS}
        sets={shown.rscDefaults}
        liveSets={liveOf("rscDefaults")}
        query={query}
        canEdit={canEdit}
        stage={stage}
        intro="Meta attributes every resource takes unless it sets its own."
      />
      <OptionsSection
        title="Operation defaults (op_defaults)"
        section="op_defaults"
        test="properties-op_defaults"
        defs={OP_DEFAULTS}
        common={COMMON_OP_DEFAULTS}
        sets={shown.opDefaults}
        liveSets={liveOf("opDefaults")}
        query={query}
        canEdit={canEdit}
        stage={stage}
        intro="Properties every operation (monitor, start, stop…) takes unless it sets its own."
      />
    </div>
  );
}
