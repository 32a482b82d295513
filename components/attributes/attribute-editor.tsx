"use client";
// Add, change or delete one node attribute, permanent (CIB nodes section, --lifetime=forever) or
// transient (status section, --lifetime=reboot). One dialog for all three: the command lines it
// will run are shown as the fields change, and every field says what is wrong with it at once.
import { Trash2 } from "lucide-react";
import { useId, useMemo, useState } from "react";
import type { Node, NodeAttribute } from "@/lib/pacemaker";
import { actionButtonClass } from "@/components/actions/action-button";
import { commandPreview, useActionRunner } from "@/components/actions/action-runner";
import { attrNameError, attrValueError } from "@/components/actions/attribute-input";
import { ExactInput } from "@/components/actions/field";
import { ConfirmDialog } from "@/components/actions/confirm-dialog";
import { NodePicker } from "@/components/actions/node-picker";

export type Lifetime = "reboot" | "forever";

export interface EditTarget {
  /** null: a new attribute (node and name are chosen in the dialog) */
  node: string | null;
  name: string | null;
  attr: NodeAttribute | null;
}

/** Which value an edit starts from: the transient one wins, as it does in crm_mon's view. */
export function initialLifetime(attr: NodeAttribute | null): Lifetime {
  if (!attr) return "reboot";
  return attr.transient !== null ? "reboot" : attr.permanent !== null ? "forever" : "reboot";
}

export function AttributeEditor({
  cluster,
  nodes,
  target,
  onClose,
}: {
  cluster: string;
  nodes: readonly Node[];
  target: EditTarget | null;
  onClose: () => void;
}) {
  // Keyed by the parent on the target, so each opening starts from that attribute's values.
  const runner = useActionRunner();
  const adding = target?.name == null;
  const [node, setNode] = useState(target?.node ?? nodes[0]?.name ?? "");
  const [name, setName] = useState(target?.name ?? "");
  const [lifetime, setLifetime] = useState<Lifetime>(initialLifetime(target?.attr ?? null));
  const current = target?.attr ? (lifetime === "forever" ? target.attr.permanent : target.attr.transient) : null;
  const [value, setValue] = useState(current ?? target?.attr?.value ?? "");
  const nameId = useId();
  const valueId = useId();

  const nameError = adding ? attrNameError(name) : null;
  const valueError = attrValueError(value);
  const blocked = !node ? "choose a node" : (nameError ?? valueError);
  const params = { node, name: name || "NAME", value, lifetime };
  const commands = useMemo(() => commandPreview("node.attribute.set", params), [params.node, params.name, params.value, params.lifetime]); // eslint-disable-line react-hooks/exhaustive-deps
  const deletable = !adding && current !== null && current !== undefined;
  const deleteParams = { node, name, lifetime };
  const where = lifetime === "forever" ? "permanent" : "transient";
  const denied = runner.deniedReason("node.attribute.set");

  const save = () => {
    if (blocked || denied) return;
    onClose();
    void runner.run(cluster, "node.attribute.set", { node, name, value, lifetime }, `set ${name}=${value} on ${node} (${where})`);
  };
  const del = () => {
    if (denied) return;
    onClose();
    void runner.run(cluster, "node.attribute.delete", deleteParams, `delete the ${where} ${name} of ${node}`);
  };

  return (
    <ConfirmDialog
      open={target !== null}
      title={adding ? "Add a node attribute" : `${name} on ${node}`}
      commands={commands}
      commandsLabel="Save runs"
      confirmLabel={adding ? "Add" : "Save"}
      blocked={denied ?? (adding && name === "" ? null : blocked)}
      incomplete={adding && name === ""}
      onConfirm={save}
      onCancel={onClose}
      test="attribute-editor"
      extraActions={
        deletable ? (
          <button
            type="button"
            data-test="action:node.attribute.delete"
            data-action="node.attribute.delete"
            title={`Runs: ${commandPreview("node.attribute.delete", deleteParams).join("\n")}`}
            onClick={del}
            className={actionButtonClass("danger")}
          >
            <Trash2 aria-hidden className="size-3.5" /> Delete {where} value
          </button>
        ) : null
      }
    >
      <div className="grid gap-3 sm:grid-cols-2">
        {adding ? (
          <NodePicker label="Node" nodes={nodes} value={node} onChange={setNode} test="attr-node" />
        ) : (
          <p className="text-sm">
            <span className="block font-medium">Node</span>
            <span className="mt-1 block font-mono">{node}</span>
          </p>
        )}
        <div className="text-sm">
          <label htmlFor={nameId} className="block font-medium">
            Name
          </label>
          {adding ? (
            <CheckedInput id={nameId} test="attr-name" value={name} onChange={setName} error={name !== "" ? nameError : null} />
          ) : (
            <span id={nameId} className="mt-1 block font-mono">
              {name}
            </span>
          )}
        </div>
      </div>
      <div className="text-sm">
        <label htmlFor={valueId} className="block font-medium">
          Value
        </label>
        <CheckedInput id={valueId} test="attr-value" value={value} onChange={setValue} error={valueError} />
      </div>
      <fieldset className="text-sm">
        <legend className="font-medium">Lifetime</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          <LifetimeRadio value="reboot" current={lifetime} onChange={setLifetime} label="transient" hint="status section, gone at the node's restart (-l reboot)" attr={target?.attr ?? null} />
          <LifetimeRadio value="forever" current={lifetime} onChange={setLifetime} label="permanent" hint="CIB nodes section, survives reboots" attr={target?.attr ?? null} />
        </div>
      </fieldset>
    </ConfirmDialog>
  );
}

function LifetimeRadio({
  value,
  current,
  onChange,
  label,
  hint,
  attr,
}: {
  value: Lifetime;
  current: Lifetime;
  onChange: (l: Lifetime) => void;
  label: string;
  hint: string;
  attr: NodeAttribute | null;
}) {
  const id = useId();
  const hintId = useId();
  const existing = attr ? (value === "forever" ? attr.permanent : attr.transient) : null;
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="radio"
        name="attr-lifetime"
        data-test={`attr-lifetime:${value}`}
        checked={current === value}
        onChange={() => onChange(value)}
        aria-describedby={hintId}
        className="mt-0.5 size-4 accent-[var(--color-accent)]"
      />
      <div>
        <label htmlFor={id}>
          <span className="font-medium">{label}</span>
          {existing !== null && existing !== undefined ? <span className="font-mono text-xs"> (now {existing})</span> : null}
        </label>
        <span id={hintId} className="block text-xs text-muted">
          {hint}
        </span>
      </div>
    </div>
  );
}

/** An exact-value field with what is wrong with it below, announced as it changes. */
function CheckedInput({ id, test, value, onChange, error }: { id: string; test: string; value: string; onChange: (v: string) => void; error: string | null }) {
  const errId = useId();
  return (
    <>
      <ExactInput id={id} data-test={test} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error !== null} aria-describedby={errId} />
      <p id={errId} className="mt-1 text-xs text-err" aria-live="polite">
        {error}
      </p>
    </>
  );
}
