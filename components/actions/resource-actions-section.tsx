"use client";
// A resource's changes, for its details panel: state (start/stop, restart, promote/demote,
// manage/unmanage), failures (cleanup/refresh, on all nodes or one) and placement (move to / ban
// from a node with an optional lifetime and the promoted-role option, clear those constraints).
// Which of them apply is planResourceActions' call (resource-actions.ts, unit-tested).
import { Ban, Crown, Eraser, Hand, MoveRight, Play, RefreshCw, RotateCcw, Square, Undo2 } from "lucide-react";
import { useId, useState } from "react";
import type { Node } from "@/lib/pacemaker";
import { ActionButton } from "./action-button";
import { checkLifetime } from "./lifetime";
import { LifetimeField } from "./lifetime-field";
import { NodePicker } from "./node-picker";
import type { ResourceActionPlan } from "./resource-actions";

export function ResourceActionsSection({
  cluster,
  plan,
  nodes,
  unavailable,
}: {
  cluster: string;
  plan: ResourceActionPlan;
  nodes: readonly Node[];
  unavailable: string | null;
}) {
  const { rsc } = plan;
  const runningText = plan.running ? `runs on ${plan.runningOn.join(", ")}` : "runs nowhere now";
  return (
    <div className="space-y-4" data-test="resource-actions">
      <div className="flex flex-wrap gap-1.5" role="group" aria-label={`State of ${rsc}`}>
        {plan.disabled ? (
          <ActionButton cluster={cluster} action="resource.start" params={{ rsc }} target={rsc} label="Start" describe={`start ${rsc}`} icon={Play} disabledReason={unavailable} />
        ) : (
          <ActionButton
            cluster={cluster}
            action="resource.stop"
            params={{ rsc }}
            target={rsc}
            label="Stop"
            describe={`stop ${rsc}`}
            icon={Square}
            variant="danger"
            disabledReason={unavailable}
            confirm={{
              title: `Stop ${rsc}?`,
              body: (
                <p>
                  target-role is set to Stopped: Pacemaker stops <strong>{rsc}</strong> (it {runningText}) and keeps it
                  stopped until it is started again.
                </p>
              ),
              danger: true,
              confirmLabel: `Stop ${rsc}`,
            }}
          />
        )}
        <ActionButton
          cluster={cluster}
          action="resource.restart"
          params={{ rsc }}
          target={rsc}
          label="Restart"
          describe={`restart ${rsc}`}
          icon={RotateCcw}
          disabledReason={unavailable ?? (plan.canRestart ? null : `${rsc} is not running`)}
          confirm={{
            title: `Restart ${rsc}?`,
            body: (
              <p>
                <strong>{rsc}</strong> is stopped and started again where it {runningText.replace("runs on", "runs:")}; its
                service is briefly down.
              </p>
            ),
            confirmLabel: "Restart",
          }}
        />
        {plan.promotable ? (
          <>
            <ActionButton
              cluster={cluster}
              action="resource.promote"
              params={{ rsc }}
              target={rsc}
              label="Promote"
              describe={`promote ${rsc}`}
              icon={Crown}
              disabledReason={unavailable}
            />
            <ActionButton
              cluster={cluster}
              action="resource.demote"
              params={{ rsc }}
              target={rsc}
              label="Demote"
              describe={`demote ${rsc}`}
              disabledReason={unavailable}
              confirm={{
                title: `Demote ${rsc}?`,
                body: (
                  <p>
                    target-role is set to Unpromoted: no instance of <strong>{rsc}</strong> stays promoted
                    {plan.promotedOn.length ? ` (promoted on ${plan.promotedOn.join(", ")} now)` : ""}.
                  </p>
                ),
                confirmLabel: "Demote",
              }}
            />
          </>
        ) : null}
        {plan.managed ? (
          <ActionButton
            cluster={cluster}
            action="resource.unmanage"
            params={{ rsc }}
            target={rsc}
            label="Unmanage"
            describe={`unmanage ${rsc}`}
            icon={Hand}
            disabledReason={unavailable}
            confirm={{
              title: `Unmanage ${rsc}?`,
              body: <p>is-managed=false: Pacemaker leaves {rsc} as it is — it neither starts, stops nor recovers it.</p>,
              confirmLabel: "Unmanage",
            }}
          />
        ) : (
          <ActionButton cluster={cluster} action="resource.manage" params={{ rsc }} target={rsc} label="Manage" describe={`manage ${rsc}`} icon={Hand} disabledReason={unavailable} />
        )}
      </div>
      <FailureActions cluster={cluster} rsc={rsc} nodes={nodes} unavailable={unavailable} />
      <PlacementActions cluster={cluster} plan={plan} nodes={nodes} unavailable={unavailable} />
    </div>
  );
}

function FailureActions({ cluster, rsc, nodes, unavailable }: { cluster: string; rsc: string; nodes: readonly Node[]; unavailable: string | null }) {
  const [node, setNode] = useState("");
  const params = node ? { rsc, node } : { rsc };
  const where = node ? `on ${node}` : "on every node";
  return (
    <div className="flex flex-wrap items-end gap-1.5" role="group" aria-label={`Failures of ${rsc}`}>
      <NodePicker label="Clean up / refresh on" nodes={nodes} value={node} onChange={setNode} allLabel="all nodes" test="cleanup-node" className="w-44" />
      <ActionButton
        cluster={cluster}
        action="resource.cleanup"
        params={params}
        target={rsc}
        label="Clean up"
        describe={`clean up ${rsc} ${where}`}
        icon={Eraser}
        disabledReason={unavailable}
        className="h-9"
      />
      <ActionButton
        cluster={cluster}
        action="resource.refresh"
        params={params}
        target={rsc}
        label="Refresh"
        describe={`refresh ${rsc} ${where}`}
        icon={RefreshCw}
        disabledReason={unavailable}
        className="h-9"
      />
    </div>
  );
}

function PlacementActions({ cluster, plan, nodes, unavailable }: { cluster: string; plan: ResourceActionPlan; nodes: readonly Node[]; unavailable: string | null }) {
  const rsc = plan.placeRsc;
  const elsewhere = nodes.find((n) => n.online && !n.standby && !plan.runningOn.includes(n.name))?.name ?? nodes[0]?.name ?? "";
  const [node, setNode] = useState(elsewhere);
  const [lifetime, setLifetime] = useState("");
  const [promoted, setPromoted] = useState(false);
  const promotedId = useId();
  const life = checkLifetime(lifetime);
  const lifetimeValue = life.ok ? life.value : undefined;
  const formError = !life.ok ? `fix the lifetime first: ${life.error}` : !node ? "choose a node" : null;
  const withRole = plan.promotable && promoted;
  const opts = { ...(lifetimeValue ? { lifetime: lifetimeValue } : {}), ...(withRole ? { promoted: true } : {}) };
  const lifeText = lifetimeValue ? ` for ${life.ok ? life.text : ""}` : " until the constraint is cleared";
  const role = withRole ? " (promoted role)" : "";
  return (
    <fieldset className="space-y-2 rounded-md border border-line px-3 pt-1 pb-3" data-test="placement-actions">
      <legend className="px-1 text-xs font-medium text-muted">Move or ban {rsc}</legend>
      {plan.placeNote ? <p className="text-xs text-muted">{plan.placeNote}</p> : null}
      <NodePicker label="Node" nodes={nodes} value={node} onChange={setNode} test="place-node" className="w-44" />
      <LifetimeField value={lifetime} onChange={setLifetime} test="place-lifetime" />
      {plan.promotable ? (
        <div className="flex items-center gap-2 text-sm">
          <input
            id={promotedId}
            type="checkbox"
            data-test="place-promoted"
            checked={promoted}
            onChange={(e) => setPromoted(e.target.checked)}
            className="size-4 accent-[var(--color-accent)]"
          />
          <label htmlFor={promotedId}>
            Promoted role only <span className="font-mono text-xs text-muted">--promoted</span>
          </label>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-1.5 pt-1">
        <ActionButton
          cluster={cluster}
          action="resource.move"
          params={{ rsc, node, ...opts }}
          target={rsc}
          label={node ? `Move to ${node}` : "Move"}
          describe={`move ${rsc}${role} to ${node}`}
          icon={MoveRight}
          disabledReason={unavailable ?? (plan.canMove ? formError : plan.moveNote)}
          confirm={{
            title: `Move ${rsc}${role} to ${node}?`,
            body: (
              <p>
                A location constraint (cli-prefer-{rsc}) makes <strong>{node}</strong> the preferred node{lifeText}.{" "}
                {plan.running ? `It ${plan.runningOn.join(", ") === node ? "already runs there" : `runs on ${plan.runningOn.join(", ")} now`}; ` : ""}
                what is colocated with it moves too.
              </p>
            ),
            confirmLabel: "Move",
          }}
        />
        <ActionButton
          cluster={cluster}
          action="resource.ban"
          params={{ rsc, node, ...opts }}
          target={rsc}
          label={node ? `Ban from ${node}` : "Ban"}
          describe={`ban ${rsc}${role} from ${node}`}
          icon={Ban}
          variant="danger"
          disabledReason={unavailable ?? formError}
          confirm={{
            title: `Ban ${rsc}${role} from ${node}?`,
            body: (
              <p>
                A -INFINITY location constraint (cli-ban-{rsc}-on-{node}) keeps it off <strong>{node}</strong>
                {lifeText}
                {plan.runningOn.includes(node) ? "; it stops there and starts elsewhere if it can" : ""}.
              </p>
            ),
            danger: true,
            confirmLabel: "Ban",
          }}
        />
        <ActionButton
          cluster={cluster}
          action="resource.clear"
          params={withRole ? { rsc, promoted: true } : { rsc }}
          target={rsc}
          label={`Clear moves & bans${plan.cliConstraints.length ? ` (${plan.cliConstraints.length})` : ""}`}
          describe={`clear the move and ban constraints of ${rsc}`}
          icon={Undo2}
          disabledReason={unavailable ?? (plan.cliConstraints.length ? null : `no move or ban constraint on ${rsc}`)}
        />
      </div>
    </fieldset>
  );
}
