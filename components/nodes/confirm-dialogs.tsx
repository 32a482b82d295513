"use client";
import { useId, useState } from "react";
import { commandPreview, useActionRunner } from "@/components/actions/action-runner";
import type { DragSubject } from "./drag";
import { lifetimeProblem } from "./impact";
import { CancelConfirm, CommandLines, Modal } from "@/components/ui/modal";

/** Stop (a drop on the Stopped column, or the card's menu): says what stopping means, then the command. */
export function StopDialog({ subject, onCancel, onConfirm }: { subject: DragSubject; onCancel: () => void; onConfirm: () => void }) {
  const denied = useActionRunner().deniedReason("resource.stop");
  const whole =
    subject.kind === "clone" ? ` This stops every instance of ${subject.rsc}, on every node.` : subject.kind === "group" ? ` This stops all of group ${subject.rsc}: ${subject.members.join(", ")}.` : "";
  return (
    <Modal
      title={`Stop ${subject.rsc}?`}
      onClose={onCancel}
      closeButton
      test="stop-dialog"
      footer={
        <CancelConfirm
          onCancel={onCancel}
          cancelTest="stop-cancel"
          label={`Stop ${subject.rsc}`}
          tone="danger"
          onConfirm={onConfirm}
          disabled={denied !== null}
          title={denied ?? undefined}
          confirmTest="stop-confirm"
        />
      }
    >
      <p>
        Sets target-role=Stopped: the cluster stops it and keeps it stopped until it is started again.{whole} Resources that depend on it (ordered or
        colocated after it) may stop too.
      </p>
      <CommandLines lines={commandPreview("resource.stop", { rsc: subject.rsc })} />
    </Modal>
  );
}

/** Ban from a node: a -INFINITY location constraint (cli-ban-…) until cleared or its lifetime ends. */
export function BanDialog({
  subject,
  node,
  onCancel,
  onConfirm,
}: {
  subject: DragSubject;
  node: string;
  onCancel: () => void;
  onConfirm: (lifetime: string | null) => void;
}) {
  const denied = useActionRunner().deniedReason("resource.ban");
  const [lifetime, setLifetime] = useState("");
  const problem = lifetimeProblem(lifetime);
  const lt = lifetime.trim();
  return (
    <Modal
      title={`Ban ${subject.promoted ? `the promoted role of ${subject.rsc}` : subject.rsc} from ${node}?`}
      onClose={onCancel}
      closeButton
      test="ban-dialog"
      footer={
        <CancelConfirm
          onCancel={onCancel}
          cancelTest="ban-cancel"
          label={`Ban from ${node}`}
          tone="warn"
          onConfirm={() => onConfirm(lt || null)}
          disabled={denied !== null || problem !== null}
          title={denied ?? undefined}
          confirmTest="ban-confirm"
        />
      }
    >
      <p>
        Adds a -INFINITY location constraint: {subject.rsc} leaves {node} and does not come back until the ban is cleared
        {lt ? " or its lifetime ends" : ""}.
      </p>
      <ConstraintLifetime
        value={lifetime}
        onChange={setLifetime}
        test="ban-lifetime"
        whenSet={(d) => `The ban ends ${d} after it is made.`}
        whenEmpty="Empty: until cleared."
      />
      <CommandLines
        lines={commandPreview("resource.ban", { rsc: subject.rsc, node, ...(lt && !problem ? { lifetime: lt } : {}), ...(subject.promoted ? { promoted: true } : {}) })}
      />
    </Modal>
  );
}

/** A move's or a ban's constraint lifetime (ISO 8601, optional), with what it means or what is wrong with it. */
export function ConstraintLifetime({
  value,
  onChange,
  test,
  hintTest,
  whenSet,
  whenEmpty,
}: {
  value: string;
  onChange: (text: string) => void;
  test: string;
  hintTest?: string;
  whenSet: (duration: string) => string;
  whenEmpty: string;
}) {
  const hintId = useId();
  const inputId = useId();
  const problem = lifetimeProblem(value);
  const lt = value.trim();
  return (
    <div>
      <label htmlFor={inputId} className="block text-xs font-medium">
        Lifetime (optional, ISO 8601 duration)
      </label>
      <input
        id={inputId}
        data-test={test}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder="PT1H"
        aria-invalid={problem !== null}
        aria-describedby={hintId}
        className="mt-1 w-40 rounded border border-line bg-surface px-2 py-1 font-mono text-sm focus-visible:outline-2 focus-visible:outline-info"
      />
      <p id={hintId} className={problem ? "mt-1 text-xs text-err" : "mt-1 text-xs text-muted"} data-test={hintTest}>
        {problem ?? (lt ? whenSet(lt) : whenEmpty)}
      </p>
    </div>
  );
}
