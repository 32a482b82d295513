"use client";
// Create a group, or change a group's members: which top-level primitives it holds and in which
// order (members start in this order, stop in reverse, and run on one node). Reordered by drag
// (dnd-kit, pointer) and by keyboard (each member's move up / move down buttons).
import { DndContext, PointerSensor, useDraggable, useDroppable, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import clsx from "clsx";
import { ArrowDown, ArrowUp, GripVertical, X } from "lucide-react";
import { useRef, useState } from "react";
import { xmlId } from "@/lib/protocol/values";
import { ExactInput } from "@/components/actions/field";
import { ServerMessage } from "@/components/admin/form-bits";
import { CancelConfirm, Modal } from "@/components/ui/modal";
import { useShownConfiguration } from "./constraint-list";
import { useStage } from "./resource-refs";
import { takenIds, topLevelPrimitives } from "./resource-model";
import { IdPicker } from "./tag-picker";

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [x] = next.splice(from, 1);
  if (x === undefined) return next;
  next.splice(Math.max(0, Math.min(to, next.length)), 0, x);
  return next;
}

export function GroupDialog({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { shown } = useShownConfiguration();
  const group = id ? shown?.resources.find((r) => r.id === id && r.kind === "group") : undefined;
  const current = group?.kind === "group" ? group.children.map((c) => c.id) : [];
  const [gid, setGid] = useState("");
  const [members, setMembers] = useState<string[]>(current);
  const [announce, setAnnounce] = useState("");
  const { run, staging, error } = useStage();
  const idRef = useRef<HTMLInputElement>(null);
  const candidates = [...current.map((m) => ({ id: m, kind: `member of ${id}` })), ...(shown ? topLevelPrimitives(shown) : []).map((p) => ({ id: p.id, kind: "top-level primitive" }))];
  const taken = takenIds(shown);
  const idCheck = xmlId("group id").safeParse(gid.trim());
  const idProblem = id ? null : !idCheck.success ? (idCheck.error.issues[0]?.message ?? "invalid id") : taken.has(gid.trim()) ? "this id is already used in the configuration" : null;
  const membersProblem = id && members.length === 0 ? "a group needs at least one member (ungroup or delete it instead)" : null;
  const move = (from: number, to: number) => {
    if (to < 0 || to >= members.length) return;
    setMembers(moveItem(members, from, to));
    setAnnounce(`${members[from]} is now number ${to + 1} of ${members.length}`);
  };
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));
  const onDragEnd = (e: DragEndEvent) => {
    const from = members.indexOf(String(e.active.id));
    const to = e.over ? members.indexOf(String(e.over.id)) : -1;
    if (from >= 0 && to >= 0 && from !== to) move(from, to);
  };
  const submit = () => {
    if (idProblem || membersProblem) return;
    void run(id ? { op: "group.members", id, members } : { op: "group.create", id: gid.trim(), members }, onClose);
  };

  return (
    <Modal
      title={id ? `Members of ${id}` : "Create group"}
      onClose={onClose}
      initialFocus={id ? undefined : idRef}
      test="group-dialog"
      onSubmit={submit}
      footer={<CancelConfirm onCancel={onClose} cancelTest="group-cancel" label={staging ? "Adding…" : "Add to draft"} tone="primary" disabled={staging || idProblem !== null || membersProblem !== null} confirmTest="group-submit" />}
    >
      {id ? null : (
        <label className="block text-sm font-medium">
          Group id
          <ExactInput ref={idRef} value={gid} onChange={(e) => setGid(e.target.value)} aria-invalid={idProblem && gid ? true : undefined} data-test="group-id" />
          {idProblem && gid ? <span className="mt-1 block text-xs font-normal text-err">{idProblem}</span> : null}
        </label>
      )}
      <IdPicker label="Members" ids={candidates} value={members} onChange={(v) => setMembers([...members.filter((m) => v.includes(m)), ...v.filter((m) => !members.includes(m))])} test="group-pick" />
      <div>
        <p className="text-sm font-medium">Start order</p>
        <p className="text-xs text-muted">Drag a member by its handle, or use its arrow buttons. They start top to bottom and stop bottom to top.</p>
        {members.length === 0 ? <p className="mt-1 text-xs text-muted">No members yet{id ? "" : " (an empty group may be filled by creating resources into it)"}.</p> : null}
        <DndContext sensors={sensors} onDragEnd={onDragEnd}>
          <ol className="mt-1 space-y-1" data-test="group-order">
            {members.map((m, i) => (
              <MemberRow key={m} id={m} index={i} count={members.length} onMove={move} onRemove={() => setMembers(members.filter((x) => x !== m))} />
            ))}
          </ol>
        </DndContext>
        <p className="sr-only" aria-live="polite">
          {announce}
        </p>
      </div>
      {membersProblem ? <p className="text-xs text-err">{membersProblem}</p> : null}
      <ServerMessage error={error} test="group-error" />
    </Modal>
  );
}

function MemberRow({ id, index, count, onMove, onRemove }: { id: string; index: number; count: number; onMove: (from: number, to: number) => void; onRemove: () => void }) {
  const drag = useDraggable({ id });
  const drop = useDroppable({ id });
  const btn = "rounded p-1 text-muted hover:bg-surface-2 hover:text-fg focus-visible:outline-2 focus-visible:outline-info disabled:opacity-30";
  return (
    <li
      ref={drop.setNodeRef}
      data-test={`group-member:${id}`}
      className={clsx("flex items-center gap-2 rounded-md border bg-surface px-2 py-1", drop.isOver ? "border-info" : "border-line", drag.isDragging && "opacity-50")}
    >
      {/* pointer only: keyboard users have the arrow buttons, which say where the member goes */}
      <span ref={drag.setNodeRef} {...drag.listeners} aria-hidden className="cursor-grab touch-none text-faint hover:text-fg" data-test="group-member-handle">
        <GripVertical className="size-4" />
      </span>
      <span className="tabular w-5 text-xs text-muted">{index + 1}.</span>
      <span className="min-w-0 flex-1 font-mono [overflow-wrap:anywhere]">{id}</span>
      <button type="button" className={btn} disabled={index === 0} onClick={() => onMove(index, index - 1)} aria-label={`Move ${id} up`} data-test="group-member-up">
        <ArrowUp aria-hidden className="size-4" />
      </button>
      <button type="button" className={btn} disabled={index === count - 1} onClick={() => onMove(index, index + 1)} aria-label={`Move ${id} down`} data-test="group-member-down">
        <ArrowDown aria-hidden className="size-4" />
      </button>
      <button type="button" className={btn} onClick={onRemove} aria-label={`Take ${id} out of the group`}>
        <X aria-hidden className="size-4" />
      </button>
    </li>
  );
}
