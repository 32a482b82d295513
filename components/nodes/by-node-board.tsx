"use client";
import clsx from "clsx";
import { useMemo } from "react";
import { useClusterLive } from "@/components/live/cluster-live";
import { NoStatus } from "@/components/cluster/no-status";
import { buildNodeColumns } from "./columns";
import { NodeColumnView } from "./node-column";

/** Where every resource runs: one column per node, plus the resources that run nowhere. */
export function ByNodeBoard() {
  const live = useClusterLive();
  const status = live.status;
  const nodes = status?.nodes;
  const resources = status?.resources;
  const columns = useMemo(() => (nodes && resources ? buildNodeColumns({ nodes, resources }) : null), [nodes, resources]);
  if (!columns) return <NoStatus />;
  return (
    <div
      data-test="by-node"
      data-live={live.link === "live"}
      className={clsx(
        "grid auto-cols-[minmax(15rem,1fr)] grid-flow-col gap-3 overflow-x-auto pb-2",
        live.link !== "live" && "stale-data",
      )}
    >
      {columns.map((c) => (
        <NodeColumnView key={c.name ?? "\u0000stopped"} column={c} />
      ))}
    </div>
  );
}
