"use client";
import { useQuery } from "@tanstack/react-query";
import { AlertTriangle, ArrowRight, CircleCheck, LoaderCircle } from "lucide-react";
import { useId, useState } from "react";
import { commandPreview, useActionRunner } from "@/components/actions/action-runner";
import { useTRPC } from "@/trpc/react";
import type { DragSubject } from "./drag";
import { impactLines, lifetimeProblem } from "./impact";
import { CancelConfirm, CommandLines, Modal } from "@/components/ui/modal";
import { ConstraintLifetime } from "./confirm-dialogs";

export interface MoveOptions {
  lifetime: string | null;
  clearAfter: boolean;
}

/**
 * The impact preview of a move: before anything runs, crm_simulate on a copy of the CIB with the
 * move applied (resources.simulateMove) says what the cluster would do — what stops, starts,
 * moves, is promoted, the dragged resource and what goes with it — and whether the node can run
 * it at all. Then the command line, the options, and the user decides.
 */
export function MoveDialog({
  cluster,
  subject,
  node,
  onCancel,
  onConfirm,
}: {
  cluster: string;
  subject: DragSubject;
  node: string;
  onCancel: () => void;
  onConfirm: (o: MoveOptions) => void;
}) {
  const trpc = useTRPC();
  const denied = useActionRunner().deniedReason("resource.move");
  const input = { cluster, rsc: subject.rsc, node, ...(subject.promoted ? { promoted: true } : {}) };
  // Never cached: the cluster may have changed since the last look, and the preview must be of now.
  const sim = useQuery(trpc.resources.simulateMove.queryOptions(input, { retry: false, staleTime: 0, gcTime: 0, refetchOnWindowFocus: false }));
  const [lifetime, setLifetime] = useState("");
  const [clearAfter, setClearAfter] = useState(false);
  const lt = lifetime.trim();
  const problem = lifetimeProblem(lifetime);
  const clearId = useId();

  const params = { rsc: subject.rsc, node, ...(lt && !problem ? { lifetime: lt } : {}), ...(subject.promoted ? { promoted: true } : {}) };
  const commands = [
    ...commandPreview("resource.move", params),
    ...(clearAfter ? commandPreview("resource.clear", { rsc: subject.rsc, node, ...(subject.promoted ? { promoted: true } : {}) }) : []),
  ];
  const result = sim.data ?? null;
  const lines = result ? impactLines(result, subject) : [];
  const blocked = result?.blocked ?? null;
  const what = subject.promoted ? `the promoted role of ${subject.rsc}` : subject.rsc;

  return (
    <Modal
      title={
        <>
          Move {what} <ArrowRight aria-hidden className="inline size-4" /> {node}
        </>
      }
      onClose={onCancel}
      closeButton
      test="move-dialog"
      footer={
        <CancelConfirm
          onCancel={onCancel}
          cancelTest="move-cancel"
          label={blocked ? "Move anyway" : `Move to ${node}`}
          tone={blocked ? "warn" : "primary"}
          onConfirm={() => onConfirm({ lifetime: lt || null, clearAfter })}
          disabled={denied !== null || problem !== null || !result}
          title={denied ?? (blocked ? "The cluster would not run it there: the move constraint is made anyway" : undefined)}
          confirmTest="move-confirm"
        />
      }
    >
      <section aria-label="What the cluster would do" data-test="impact" data-state={sim.isPending ? "loading" : sim.isError ? "error" : blocked ? "blocked" : "ready"}>
        {sim.isPending ? (
          <p className="flex items-center gap-2 text-muted" data-test="impact-loading">
            <LoaderCircle aria-hidden className="size-4 animate-spin" /> Asking the cluster what it would do (crm_simulate on a copy of the CIB)…
          </p>
        ) : sim.isError ? (
          <p className="rounded border-l-4 border-err bg-err-soft px-3 py-2" data-test="impact-error">
            The preview failed: {sim.error.message}
          </p>
        ) : (
          <>
            {blocked ? (
              <p className="flex gap-2 rounded border-l-4 border-warn bg-warn-soft px-3 py-2" data-test="impact-blocked">
                <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0 text-warn" />
                <span>
                  <strong>{node} cannot run it:</strong> {blocked}
                </span>
              </p>
            ) : (
              <p className="flex items-center gap-2 text-ok" data-test="impact-can-run">
                <CircleCheck aria-hidden className="size-4 shrink-0" /> {node} can run it: crm_simulate places it there.
              </p>
            )}
            <p className="mb-1 mt-2 text-[11px] font-semibold uppercase tracking-wide text-muted">The cluster would</p>
            {lines.length === 0 ? (
              <p className="text-muted" data-test="impact-none">
                change nothing{blocked ? "" : " (crm_simulate plans no action)"}.
              </p>
            ) : (
              <ul className="space-y-1" data-test="impact-changes">
                {lines.map((l, i) => (
                  <li key={`${l.resource}-${l.change}-${i}`} data-test={`impact:${l.resource}`} data-change={l.change} className="flex items-baseline gap-2">
                    <span className={l.primary ? "font-medium" : ""}>{l.text}</span>
                    {!l.primary ? <span className="text-xs text-muted">goes with it (grouped or colocated)</span> : null}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
      <div className="grid gap-3 sm:grid-cols-2">
        <ConstraintLifetime
          value={lifetime}
          onChange={setLifetime}
          test="move-lifetime"
          hintTest="move-lifetime-hint"
          whenSet={(d) => `The move constraint ends ${d} after it is made.`}
          whenEmpty="Empty: the move constraint stays until cleared."
        />
        <div className="flex items-start gap-2 pt-4">
          <input
            id={clearId}
            type="checkbox"
            data-test="move-clear-after"
            checked={clearAfter}
            onChange={(e) => setClearAfter(e.target.checked)}
            className="mt-0.5 size-4 focus-visible:outline-2 focus-visible:outline-info"
          />
          <label htmlFor={clearId} className="text-sm">
            Clear the move constraint once it has moved
            <span className="block text-xs text-muted">It may then move back if it prefers another node.</span>
          </label>
        </div>
      </div>
      <CommandLines lines={commands} />
    </Modal>
  );
}
