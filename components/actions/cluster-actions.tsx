"use client";
// Cluster-wide switches: maintenance mode in one click (it changes nothing that runs: Pacemaker
// just stops acting), stop-all / start-all behind the cluster's name typed to confirm; and the
// banner every page of the cluster shows while either is on.
import { CirclePause, CirclePlay, Power, PowerOff, Wrench, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import type { ClusterStatus } from "@/lib/pacemaker";
import { ActionButton } from "./action-button";

type Options = ClusterStatus["summary"]["clusterOptions"];

export function ClusterActions({ cluster, options, unavailable }: { cluster: string; options: Options; unavailable: string | null }) {
  if (!options) return null;
  const maintenance = options.maintenanceMode;
  const stopAll = options.stopAllResources;
  return (
    <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Cluster actions" data-test="cluster-actions">
      <ActionButton
        cluster={cluster}
        action="cluster.maintenance"
        params={{ on: !maintenance }}
        label={maintenance ? "End maintenance mode" : "Maintenance mode"}
        describe={maintenance ? `end maintenance mode of ${cluster}` : `put ${cluster} in maintenance mode`}
        icon={maintenance ? CirclePlay : CirclePause}
        variant={maintenance ? "primary" : "default"}
        disabledReason={unavailable}
      />
      <StopAllButton cluster={cluster} stopAll={stopAll} unavailable={unavailable} />
    </div>
  );
}

function StopAllButton({ cluster, stopAll, unavailable }: { cluster: string; stopAll: boolean; unavailable: string | null }) {
  return stopAll ? (
    <ActionButton
      cluster={cluster}
      action="cluster.stopAll"
      params={{ on: false }}
      label="Start all"
      describe={`start every resource of ${cluster} (stop-all-resources off)`}
      icon={Power}
      disabledReason={unavailable}
      confirm={{
        title: `Start every resource of ${cluster}?`,
        body: <p>stop-all-resources is turned off: Pacemaker starts every resource that is not otherwise disabled.</p>,
        confirmLabel: "Start all",
        typed: cluster,
      }}
    />
  ) : (
    <ActionButton
      cluster={cluster}
      action="cluster.stopAll"
      params={{ on: true }}
      label="Stop all"
      describe={`stop every resource of ${cluster}`}
      icon={PowerOff}
      variant="danger"
      disabledReason={unavailable}
      confirm={{
        title: `Stop every resource of ${cluster}?`,
        body: (
          <p>
            stop-all-resources is turned on: Pacemaker stops <strong>every resource on every node</strong> and keeps them
            stopped until it is turned off again. Services are down meanwhile.
          </p>
        ),
        confirmLabel: "Stop all resources",
        danger: true,
        typed: cluster,
      }}
    />
  );
}

/** Impossible to miss while Pacemaker is told to keep its hands off (or everything down). */
export function ClusterModeBanner({ cluster, options, unavailable }: { cluster: string; options: Options; unavailable: string | null }) {
  if (!options || (!options.maintenanceMode && !options.stopAllResources)) return null;
  return (
    <div className="space-y-2">
      {options.maintenanceMode ? (
        <ModeBanner test="maintenance-banner" tone="warn" icon={Wrench}>
          <p className="min-w-0 flex-1">
            <strong>Maintenance mode is ON for {cluster}.</strong> Pacemaker does not start, stop, monitor or recover any
            resource until it is turned off (<code className="font-mono text-xs">maintenance-mode=true</code>).
          </p>
          <ActionButton
            cluster={cluster}
            action="cluster.maintenance"
            params={{ on: false }}
            test="action:cluster.maintenance:banner"
            label="Turn maintenance off"
            describe={`end maintenance mode of ${cluster}`}
            icon={CirclePlay}
            variant="primary"
            disabledReason={unavailable}
          />
        </ModeBanner>
      ) : null}
      {options.stopAllResources ? (
        <ModeBanner test="stop-all-banner" tone="err" icon={PowerOff}>
          <p className="min-w-0 flex-1">
            <strong>Every resource of {cluster} is kept stopped</strong> (<code className="font-mono text-xs">stop-all-resources=true</code>).
          </p>
        </ModeBanner>
      ) : null}
    </div>
  );
}

const BANNER_TONE = {
  warn: { box: "border-warn bg-warn-soft", icon: "text-warn" },
  err: { box: "border-err bg-err-soft", icon: "text-err" },
} as const;

/** One cluster-wide mode that is on: its icon, what it means, and what ends it. */
function ModeBanner({ test, tone, icon: Icon, children }: { test: string; tone: keyof typeof BANNER_TONE; icon: LucideIcon; children: ReactNode }) {
  return (
    <div role="status" data-test={test} className={`flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border-2 px-4 py-2.5 text-sm ${BANNER_TONE[tone].box}`}>
      <Icon aria-hidden className={`size-5 shrink-0 ${BANNER_TONE[tone].icon}`} />
      {children}
    </div>
  );
}
