"use client";
// An ACL target (a user name, as CIB_user carries it) or group (a system group) and the roles it
// holds. Staged as acl.subject.put.
import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useMemo } from "react";
import { Controller, useForm } from "react-hook-form";
import { z } from "zod";
import type { Acls } from "@/lib/pacemaker";
import type { CibEditInput } from "@/lib/cib/edits";
import { fieldClass } from "@/components/actions/field";
import { ServerMessage } from "@/components/admin/form-bits";
import { CancelConfirm, Modal } from "@/components/ui/modal";
import { TextField, useStaging } from "./properties-form-bits";
import { checkEdit } from "./properties-schema";
import { IdPicker } from "./tag-picker";

type Stage = (edit: CibEditInput) => Promise<unknown>;
type Subject = Acls["targets"][number];
type Kind = "acl_target" | "acl_group";

interface SubjectValues {
  kind: Kind;
  id: string;
  roles: string[];
}

const subjectEdit = (v: SubjectValues) => ({ op: "acl.subject.put" as const, kind: v.kind, id: v.id.trim(), roles: v.roles });

export function AclSubjectForm({
  subject,
  kind,
  acls,
  stage,
  onClose,
}: {
  subject: Subject | null;
  kind: Kind;
  acls: Acls | null;
  stage: Stage;
  onClose: () => void;
}) {
  // A disabled field has no value in react-hook-form: an existing subject keeps its kind from here.
  const toEdit = (v: SubjectValues) => subjectEdit({ ...v, kind: subject ? kind : v.kind });
  const taken = useMemo(() => [...(acls?.targets ?? []), ...(acls?.groups ?? []), ...(acls?.roles ?? [])].map((x) => x.id), [acls]);
  const schema = useMemo(
    () =>
      z.custom<SubjectValues>().superRefine((v, ctx) => {
        if (!subject && taken.includes(v.id.trim())) ctx.addIssue({ code: "custom", message: `${v.id} is taken by another ACL entry`, path: ["id"] });
        checkEdit("acl.subject.put", toEdit(v), ctx, { id: "id", roles: "roles", kind: "kind" }, "roles");
      }),
    [subject, taken], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const form = useForm<SubjectValues>({ resolver: zodResolver(schema), defaultValues: { kind, id: subject?.id ?? "", roles: subject?.roles ?? [] } });
  const staging = useStaging(stage);
  const kindId = useId();
  const roles = (acls?.roles ?? []).map((r) => ({ id: r.id, kind: r.description ?? "role" }));
  const submit = form.handleSubmit(async (v) => {
    if (await staging.run(toEdit(v))) onClose();
  });
  const k = form.watch("kind") ?? kind;
  return (
    <Modal
      title={subject ? `Edit ${kind === "acl_group" ? "ACL group" : "ACL target"} ${subject.id}` : "New ACL target or group"}
      onClose={onClose}
      onSubmit={() => void submit()}
      closeButton
      test="acl-subject-form"
      footer={<CancelConfirm onCancel={onClose} cancelTest="acl-subject-cancel" label="Stage in draft" tone="primary" confirmTest="acl-subject-save" disabled={staging.busy} />}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="text-sm">
          <label htmlFor={kindId} className="block font-medium">
            Kind
          </label>
          <select id={kindId} data-test="acl-subject-kind" disabled={subject !== null} className={fieldClass} {...form.register("kind")}>
            <option value="acl_target">target (a user)</option>
            <option value="acl_group">group (a system group)</option>
          </select>
        </div>
        <TextField
          label={k === "acl_group" ? "Group name" : "User name (target id)"}
          test="acl-subject-id"
          error={form.formState.errors.id?.message}
          input={{ ...form.register("id"), readOnly: subject !== null, autoFocus: subject === null }}
        />
      </div>
      {roles.length === 0 ? <p className="text-xs text-warn">No role exists yet: create a role first, then give it to this {k === "acl_group" ? "group" : "target"}.</p> : null}
      <Controller
        control={form.control}
        name="roles"
        render={({ field, fieldState }) => <IdPicker label="Roles" ids={roles} value={field.value} onChange={field.onChange} test="acl-subject-roles" error={fieldState.error?.message} />}
      />
      <ServerMessage error={staging.error} test="acl-subject-error" />
    </Modal>
  );
}
