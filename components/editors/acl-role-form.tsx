"use client";
// An ACL role: its permissions, each read, write or deny on one XPath, one element id, or every
// element of a type (optionally only one attribute of it). Staged as acl.role.put (the role whole).
import { zodResolver } from "@hookform/resolvers/zod";
import { Plus, X } from "lucide-react";
import { useId, useMemo } from "react";
import { useFieldArray, useForm, type UseFormReturn } from "react-hook-form";
import { z } from "zod";
import type { Acls } from "@/lib/pacemaker";
import type { CibEditInput } from "@/lib/cib/edits";
import { fieldClass } from "@/components/actions/field";
import { Button, ServerMessage } from "@/components/admin/form-bits";
import { CancelConfirm, Modal } from "@/components/ui/modal";
import { TextField, useStaging } from "./properties-form-bits";
import { checkEdit } from "./properties-schema";

type Stage = (edit: CibEditInput) => Promise<unknown>;
type Role = Acls["roles"][number];
type On = "xpath" | "reference" | "objectType";

interface PermValues {
  kind: "read" | "write" | "deny";
  on: On;
  target: string;
  attribute: string;
}
interface RoleValues {
  id: string;
  description: string;
  permissions: PermValues[];
}

const permValues = (p: Role["permissions"][number]): PermValues => ({
  kind: p.kind === "write" || p.kind === "deny" ? p.kind : "read",
  on: p.xpath !== null ? "xpath" : p.reference !== null ? "reference" : "objectType",
  target: p.xpath ?? p.reference ?? p.objectType ?? "",
  attribute: p.attribute ?? "",
});

export function roleEdit(v: RoleValues) {
  return {
    op: "acl.role.put" as const,
    id: v.id.trim(),
    ...(v.description.trim() ? { description: v.description.trim() } : {}),
    permissions: v.permissions.map((p) => ({
      kind: p.kind,
      [p.on]: p.target.trim(),
      // an attribute narrows an object type (or a reference) to one attribute; not an XPath
      ...(p.on !== "xpath" && p.attribute.trim() ? { attribute: p.attribute.trim() } : {}),
    })),
  };
}

const ON_LABEL: Record<On, string> = { xpath: "XPath", reference: "element id", objectType: "element type" };
const ON_HINT: Record<On, string> = { xpath: "e.g. /cib/configuration/resources", reference: "e.g. web_ip (the element and all inside it)", objectType: "e.g. primitive, rsc_location, nvpair" };

export function AclRoleForm({ role, taken, stage, onClose }: { role: Role | null; taken: readonly string[]; stage: Stage; onClose: () => void }) {
  const schema = useMemo(
    () =>
      z.custom<RoleValues>().superRefine((v, ctx) => {
        if (!role && taken.includes(v.id.trim())) ctx.addIssue({ code: "custom", message: `${v.id} is taken: choose another id`, path: ["id"] });
        checkEdit("acl.role.put", roleEdit(v), ctx, { id: "id", description: "description", permissions: "permissions" }, "permissions");
      }),
    [role, taken],
  );
  const form = useForm<RoleValues>({
    resolver: zodResolver(schema),
    defaultValues: { id: role?.id ?? "", description: role?.description ?? "", permissions: role?.permissions.map(permValues) ?? [{ kind: "read", on: "xpath", target: "/cib", attribute: "" }] },
  });
  const perms = useFieldArray({ control: form.control, name: "permissions" });
  const staging = useStaging(stage);
  const { errors } = form.formState;
  const submit = form.handleSubmit(async (v) => {
    if (await staging.run(roleEdit(v))) onClose();
  });
  return (
    <Modal
      title={role ? `Edit ACL role ${role.id}` : "New ACL role"}
      onClose={onClose}
      onSubmit={() => void submit()}
      closeButton
      test="acl-role-form"
      footer={<CancelConfirm onCancel={onClose} cancelTest="acl-role-cancel" label="Stage in draft" tone="primary" confirmTest="acl-role-save" disabled={staging.busy} />}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Role id" test="acl-role-id" error={errors.id?.message} input={{ ...form.register("id"), readOnly: role !== null, autoFocus: role === null }} />
        <TextField label="Description" test="acl-role-description" error={errors.description?.message} input={form.register("description")} />
      </div>
      <fieldset className="text-sm">
        <legend className="font-medium">Permissions</legend>
        <p className="text-xs text-muted">Pacemaker denies what no permission grants; a deny wins over a read or write on the same element.</p>
        <ol className="mt-2 space-y-2">
          {perms.fields.map((f, i) => (
            <PermissionRow key={f.id} form={form} i={i} onRemove={() => perms.remove(i)} />
          ))}
        </ol>
        <Button variant="secondary" className="mt-2 h-8" data-test="acl-perm-add" onClick={() => perms.append({ kind: "read", on: "xpath", target: "", attribute: "" })}>
          <Plus aria-hidden className="size-4" /> Add permission
        </Button>
        <p className="mt-1 text-xs text-err" aria-live="polite">
          {errors.permissions?.message ?? errors.permissions?.root?.message}
        </p>
      </fieldset>
      <ServerMessage error={staging.error} test="acl-role-error" />
    </Modal>
  );
}

function PermissionRow({ form, i, onRemove }: { form: UseFormReturn<RoleValues>; i: number; onRemove: () => void }) {
  const kindId = useId();
  const onId = useId();
  const on = form.watch(`permissions.${i}.on`);
  return (
    <li data-test={`acl-perm:${i}`} className="grid gap-2 rounded-md border border-line p-2 sm:grid-cols-[7rem_9rem_1fr_auto] sm:items-start">
      <div>
        <label htmlFor={kindId} className="block text-xs font-medium">
          Permission
        </label>
        <select id={kindId} data-test="acl-perm-kind" className={fieldClass} {...form.register(`permissions.${i}.kind`)}>
          <option value="read">read</option>
          <option value="write">write</option>
          <option value="deny">deny</option>
        </select>
      </div>
      <div>
        <label htmlFor={onId} className="block text-xs font-medium">
          On
        </label>
        <select id={onId} data-test="acl-perm-on" className={fieldClass} {...form.register(`permissions.${i}.on`)}>
          {(Object.keys(ON_LABEL) as On[]).map((k) => (
            <option key={k} value={k}>
              {ON_LABEL[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="grid gap-2 sm:grid-cols-[1fr_8rem]">
        <TextField label={ON_LABEL[on]} hint={ON_HINT[on]} test="acl-perm-target" input={form.register(`permissions.${i}.target`)} />
        {on !== "xpath" ? <TextField label="Attribute (optional)" test="acl-perm-attribute" input={form.register(`permissions.${i}.attribute`)} /> : null}
      </div>
      <Button variant="secondary" className="h-9 px-2 sm:mt-5" aria-label={`Remove permission ${i + 1}`} onClick={onRemove}>
        <X aria-hidden className="size-4" />
      </Button>
    </li>
  );
}
