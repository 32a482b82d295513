"use client";
// One fencing level: its node, its index (1 is tried first) and its devices in the order they are
// run. Devices are chosen from the configuration's stonith resources and ordered with the Up/Down
// buttons (keyboard and pointer alike).
import { zodResolver } from "@hookform/resolvers/zod";
import clsx from "clsx";
import { ArrowDown, ArrowUp, Plus, X } from "lucide-react";
import { useId, useMemo, useState, type ReactNode } from "react";
import { Controller, useForm } from "react-hook-form";
import { z } from "zod";
import type { Configuration, FencingLevel } from "@/lib/pacemaker";
import type { CibEditInput } from "@/lib/cib/edits";
import { fieldClass } from "@/components/actions/field";
import { Button, ServerMessage } from "@/components/admin/form-bits";
import { CancelConfirm, Modal } from "@/components/ui/modal";
import { freeIndexes, levelId, move } from "./fencing-topology";
import { TextField, useStaging } from "./properties-form-bits";
import { checkEdit } from "./properties-schema";

type Stage = (edit: CibEditInput) => Promise<unknown>;

interface LevelValues {
  id: string;
  target: string;
  index: number;
  devices: string[];
}

export function FencingLevelForm({
  config,
  devices,
  level,
  node,
  stage,
  onClose,
  title,
}: {
  config: Configuration;
  devices: readonly string[];
  level: FencingLevel | null;
  node: string | null;
  stage: Stage;
  onClose: () => void;
  title: string;
}) {
  const nodes = config.nodes.map((n) => n.uname);
  const taken = useMemo(() => new Set(config.fencingTopology.map((l) => l.id)), [config.fencingTopology]);
  const firstNode = node ?? nodes[0] ?? "";
  const firstIndex = level?.index ?? freeIndexes(config.fencingTopology, firstNode)[0] ?? 1;
  // A level on a pattern or an attribute keeps its target as it is (this form picks nodes).
  const otherTarget = level !== null && level.target === null;
  const edit = (v: LevelValues) => ({
    op: "fencing.level.put" as const,
    id: v.id.trim(),
    index: Number(v.index),
    ...(otherTarget
      ? {
          ...(level.targetPattern !== null ? { targetPattern: level.targetPattern } : {}),
          ...(level.targetAttribute !== null ? { targetAttribute: level.targetAttribute, targetValue: level.targetValue ?? "" } : {}),
        }
      : { target: v.target }),
    devices: v.devices,
  });
  const schema = useMemo(
    () =>
      z.custom<LevelValues>().superRefine((v, ctx) => {
        if (!level && taken.has(v.id.trim())) ctx.addIssue({ code: "custom", message: `${v.id} is taken: choose another id`, path: ["id"] });
        const clash = config.fencingTopology.find((l) => l.id !== level?.id && !otherTarget && l.target === v.target && l.index === Number(v.index));
        if (clash) ctx.addIssue({ code: "custom", message: `${v.target} already has a level ${v.index} (${clash.id}): edit that one or pick another index`, path: ["index"] });
        checkEdit("fencing.level.put", edit(v), ctx, { id: "id", index: "index", target: "target", devices: "devices" }, "devices");
      }),
    [config.fencingTopology, level, taken, otherTarget], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const form = useForm<LevelValues>({
    resolver: zodResolver(schema),
    defaultValues: { id: level?.id ?? levelId(firstNode, firstIndex, taken), target: level?.target ?? firstNode, index: firstIndex, devices: level?.devices ?? [] },
  });
  const staging = useStaging(stage);
  const { errors } = form.formState;
  const targetId = useId();
  const indexId = useId();
  // A new level's id follows its node and index until the user types one of their own.
  const [idTouched, setIdTouched] = useState(false);
  const renumber = (target: string, index: number) => {
    if (!level && !idTouched) form.setValue("id", levelId(target, index, taken));
  };
  const submit = form.handleSubmit(async (v) => {
    if (await staging.run(edit(v))) onClose();
  });
  const idReg = form.register("id", { onChange: () => setIdTouched(true) });
  const targetReg = form.register("target", { onChange: (e: { target: { value: string } }) => renumber(e.target.value, Number(form.getValues("index"))) });
  const indexReg = form.register("index", { valueAsNumber: true, onChange: (e: { target: { value: string } }) => renumber(form.getValues("target"), Number(e.target.value)) });

  return (
    <Modal
      title={title}
      onClose={onClose}
      onSubmit={() => void submit()}
      closeButton
      test="fencing-form"
      footer={<CancelConfirm onCancel={onClose} cancelTest="fencing-cancel" label="Stage in draft" tone="primary" confirmTest="fencing-save" disabled={staging.busy} />}
    >
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="text-sm">
          <label htmlFor={targetId} className="block font-medium">
            Node
          </label>
          {otherTarget ? (
            <p id={targetId} className="mt-1 font-mono">
              {level.targetPattern ?? `${level.targetAttribute}=${level.targetValue ?? ""}`}
            </p>
          ) : (
            <select id={targetId} data-test="fencing-target" className={fieldClass} {...targetReg}>
              {nodes.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          )}
        </div>
        <div className="text-sm">
          <label htmlFor={indexId} className="block font-medium">
            Level
          </label>
          <select id={indexId} data-test="fencing-index" className={fieldClass} aria-invalid={errors.index !== undefined} {...indexReg}>
            {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => (
              <option key={i} value={i}>
                {i}
                {i === 1 ? " (tried first)" : ""}
              </option>
            ))}
          </select>
          <p className="mt-1 text-xs text-err" aria-live="polite">
            {errors.index?.message}
          </p>
        </div>
        <TextField label="Level id" test="fencing-id" error={errors.id?.message} input={{ ...idReg, readOnly: level !== null }} />
      </div>
      <Controller
        control={form.control}
        name="devices"
        render={({ field, fieldState }) => <DeviceList devices={devices} value={field.value} onChange={field.onChange} error={fieldState.error?.message} />}
      />
      <ServerMessage error={staging.error} test="fencing-error" />
    </Modal>
  );
}

/** The level's devices in order, with Up/Down/Remove, and a choice of the devices not in it yet. */
function DeviceList({ devices, value, onChange, error }: { devices: readonly string[]; value: string[]; onChange: (v: string[]) => void; error?: string }) {
  const rest = devices.filter((d) => !value.includes(d));
  const [pick, setPick] = useState("");
  const pickId = useId();
  const chosen = pick && rest.includes(pick) ? pick : (rest[0] ?? "");
  return (
    <fieldset className="text-sm" data-test="fencing-devices">
      <legend className="font-medium">Devices, in the order they run (all must succeed)</legend>
      {value.length === 0 ? <p className="mt-1 text-xs text-muted">No device yet.</p> : null}
      <ol className="mt-1 space-y-1">
        {value.map((d, i) => (
          <li key={d} data-test={`fencing-device:${d}`} className="flex items-center gap-2 rounded-md border border-line px-2 py-1">
            <span className="tabular w-5 text-xs text-muted">{i + 1}.</span>
            <code className="min-w-0 flex-1 font-mono">{d}</code>
            <IconButton label={`Move ${d} up`} disabled={i === 0} onClick={() => onChange(move(value, i, -1))}>
              <ArrowUp aria-hidden className="size-4" />
            </IconButton>
            <IconButton label={`Move ${d} down`} disabled={i === value.length - 1} onClick={() => onChange(move(value, i, 1))}>
              <ArrowDown aria-hidden className="size-4" />
            </IconButton>
            <IconButton label={`Remove ${d}`} onClick={() => onChange(value.filter((x) => x !== d))}>
              <X aria-hidden className="size-4" />
            </IconButton>
          </li>
        ))}
      </ol>
      {rest.length ? (
        <div className="mt-2 flex items-end gap-2">
          <div className="flex-1">
            <label htmlFor={pickId} className="block text-xs font-medium">
              Add a device
            </label>
            <select id={pickId} data-test="fencing-device-pick" value={chosen} onChange={(e) => setPick(e.target.value)} className={fieldClass}>
              {rest.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </div>
          <Button variant="secondary" data-test="fencing-device-add" onClick={() => chosen && onChange([...value, chosen])}>
            <Plus aria-hidden className="size-4" /> Add
          </Button>
        </div>
      ) : devices.length === 0 ? (
        <p className="mt-1 text-xs text-warn">The configuration has no fencing device (a primitive of class stonith): create one on the Resources tab first.</p>
      ) : null}
      <p className="mt-1 text-xs text-err" aria-live="polite">
        {error}
      </p>
    </fieldset>
  );
}

function IconButton({ label, onClick, disabled, children }: { label: string; onClick: () => void; disabled?: boolean; children: ReactNode }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className={clsx("rounded p-1 text-muted hover:bg-surface-2 hover:text-fg focus-visible:outline-2 focus-visible:outline-info disabled:opacity-30")}
    >
      {children}
    </button>
  );
}
