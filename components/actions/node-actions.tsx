"use client";
// A node's changes: standby / online, maintenance on / off, and (admins) fence with the node's name
// typed to confirm. Used by the node tiles; anything else that shows a node can use it too.
import { PauseCircle, PlayCircle, Wrench, Zap } from "lucide-react";
import type { Node } from "@/lib/pacemaker";
import { ActionButton } from "./action-button";

export function NodeActions({
  cluster,
  node,
  unavailable,
  size = "xs",
}: {
  cluster: string;
  node: Node;
  /** why no change can run now (no agent reachable), or null */
  unavailable: string | null;
  size?: "xs" | "sm";
}) {
  const n = node.name;
  const runs = `${node.resourcesRunning} resource${node.resourcesRunning === 1 ? "" : "s"} run there now`;
  return (
    <div className="flex flex-wrap items-center gap-1" role="group" aria-label={`Actions on ${n}`}>
      {node.standby ? (
        <ActionButton
          cluster={cluster}
          action="node.standby"
          params={{ node: n, on: false }}
          target={n}
          label="Online"
          describe={`bring ${n} online (standby off)`}
          icon={PlayCircle}
          size={size}
          disabledReason={unavailable}
        />
      ) : (
        <ActionButton
          cluster={cluster}
          action="node.standby"
          params={{ node: n, on: true }}
          target={n}
          label="Standby"
          describe={`put ${n} in standby`}
          icon={PauseCircle}
          size={size}
          disabledReason={unavailable}
          confirm={{
            title: `Put ${n} in standby?`,
            body: (
              <p>
                Pacemaker moves every resource off <strong>{n}</strong> to the other nodes ({runs}) and runs nothing
                there until it is online again.
              </p>
            ),
            confirmLabel: "Standby",
          }}
        />
      )}
      {node.maintenance ? (
        <ActionButton
          cluster={cluster}
          action="node.maintenance"
          params={{ node: n, on: false }}
          target={n}
          label="End maintenance"
          describe={`end maintenance of ${n}`}
          icon={Wrench}
          size={size}
          disabledReason={unavailable}
        />
      ) : (
        <ActionButton
          cluster={cluster}
          action="node.maintenance"
          params={{ node: n, on: true }}
          target={n}
          label="Maintenance"
          describe={`put ${n} in maintenance`}
          icon={Wrench}
          size={size}
          disabledReason={unavailable}
          confirm={{
            title: `Put ${n} in maintenance?`,
            body: (
              <p>
                Pacemaker stops managing and monitoring the resources on <strong>{n}</strong>: they keep running but
                are not restarted or recovered if they fail, until maintenance ends.
              </p>
            ),
            confirmLabel: "Maintenance on",
          }}
        />
      )}
      <ActionButton
        cluster={cluster}
        action="node.fence"
        params={{ node: n }}
        target={n}
        label="Fence"
        describe={`fence ${n}`}
        icon={Zap}
        size={size}
        variant="danger"
        disabledReason={unavailable ?? (!node.online && !node.unclean ? `${n} is offline and clean: nothing to fence` : null)}
        confirm={{
          title: `Fence ${n}?`,
          body: (
            <p>
              <strong>{n}</strong> is powered off or reset by its fencing device at once. Everything running there
              stops without a clean shutdown and is recovered on other nodes.
            </p>
          ),
          confirmLabel: `Fence ${n}`,
          danger: true,
          typed: n,
        }}
      />
    </div>
  );
}
