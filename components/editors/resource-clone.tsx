"use client";
// Clone a top-level primitive or group, or make it a promotable clone: its id and the options that
// decide how many copies run where, each explained in one line. Unset options keep Pacemaker's defaults.
import { useRef, useState } from "react";
import { xmlId } from "@/lib/protocol/values";
import { ExactInput, fieldClass } from "@/components/actions/field";
import { ServerMessage } from "@/components/admin/form-bits";
import { CancelConfirm, Modal } from "@/components/ui/modal";
import { Check } from "./constraint-fields";
import { useShownConfiguration } from "./constraint-list";
import { useStage } from "./resource-refs";
import { takenIds } from "./resource-model";

type Opt = { name: string; label: string; help: string; kind: "count" | "bool"; promotable?: boolean };

const OPTIONS: Opt[] = [
  { name: "clone-max", label: "clone-max", help: "How many copies run in the whole cluster (default: one per node).", kind: "count" },
  { name: "clone-node-max", label: "clone-node-max", help: "How many copies may run on one node (default 1).", kind: "count" },
  { name: "promoted-max", label: "promoted-max", help: "How many copies are promoted at once in the cluster (default 1).", kind: "count", promotable: true },
  { name: "promoted-node-max", label: "promoted-node-max", help: "How many promoted copies one node may hold (default 1).", kind: "count", promotable: true },
  { name: "interleave", label: "interleave", help: "true: a copy waits only for the copy on its own node of another clone it is ordered after, not for all of them.", kind: "bool" },
  { name: "notify", label: "notify", help: "true: every copy is told before and after the others start or stop (agents such as DRBD need it).", kind: "bool" },
  { name: "globally-unique", label: "globally-unique", help: "true: each copy is different (own data or address) and gets its own number; false: all copies are the same.", kind: "bool" },
];

export function CloneDialog({ rsc, promotable: initialPromotable, onClose }: { rsc: string; promotable: boolean; onClose: () => void }) {
  const { shown } = useShownConfiguration();
  const [promotable, setPromotable] = useState(initialPromotable);
  const [id, setId] = useState(`${rsc}-clone`);
  const [values, setValues] = useState<Record<string, string>>({});
  const { run, staging, error } = useStage();
  const idRef = useRef<HTMLInputElement>(null);
  const taken = takenIds(shown);
  const idCheck = xmlId("clone id").safeParse(id.trim());
  const idProblem = !idCheck.success ? (idCheck.error.issues[0]?.message ?? "invalid id") : taken.has(id.trim()) ? "this id is already used in the configuration" : null;
  const countProblem = OPTIONS.find((o) => o.kind === "count" && values[o.name] && !/^\d+$/.test(values[o.name] ?? ""));
  const problem = idProblem ?? (countProblem ? `${countProblem.name} is a whole number` : null);
  const shownOptions = OPTIONS.filter((o) => !o.promotable || promotable);
  const submit = () => {
    if (problem) return;
    const meta = shownOptions.filter((o) => (values[o.name] ?? "") !== "").map((o) => ({ name: o.name, value: values[o.name] ?? "" }));
    void run({ op: "clone.create", id: id.trim(), rsc, promotable, meta }, onClose);
  };
  return (
    <Modal
      title={`Clone ${rsc}`}
      onClose={onClose}
      initialFocus={idRef}
      test="clone-dialog"
      onSubmit={submit}
      footer={<CancelConfirm onCancel={onClose} cancelTest="clone-cancel" label={staging ? "Adding…" : "Add to draft"} tone="primary" disabled={staging || problem !== null} confirmTest="clone-submit" />}
    >
      <label className="block text-sm font-medium">
        Clone id
        <ExactInput ref={idRef} value={id} onChange={(e) => setId(e.target.value)} aria-invalid={idProblem ? true : undefined} data-test="clone-id" />
        {idProblem ? <span className="mt-1 block text-xs font-normal text-err">{idProblem}</span> : null}
      </label>
      <Check
        label="Promotable"
        help="Copies run in two roles: promoted (primary, e.g. the writable database) and unpromoted; the agent must support promote and demote."
        checked={promotable}
        onChange={setPromotable}
        test="clone-promotable"
      />
      <div className="grid gap-3 sm:grid-cols-2">
        {shownOptions.map((o) => (
          <label key={o.name} className="block text-sm font-medium">
            <code>{o.label}</code>
            {o.kind === "count" ? (
              <ExactInput type="number" min={0} step={1} value={values[o.name] ?? ""} placeholder="default" onChange={(e) => setValues({ ...values, [o.name]: e.target.value })} data-test={`clone-${o.name}`} />
            ) : (
              <select value={values[o.name] ?? ""} onChange={(e) => setValues({ ...values, [o.name]: e.target.value })} className={fieldClass} data-test={`clone-${o.name}`}>
                <option value="">default</option>
                <option value="true">true</option>
                <option value="false">false</option>
              </select>
            )}
            <span className="mt-1 block text-xs font-normal text-muted">{o.help}</span>
          </label>
        ))}
      </div>
      {countProblem ? <p className="text-xs text-err">{countProblem.name} is a whole number</p> : null}
      <ServerMessage error={error} test="clone-error" />
    </Modal>
  );
}
