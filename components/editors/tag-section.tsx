"use client";
// Tags: a name for a set of resources and constraints (crm_resource and the console's lists can
// act on or filter by it). Create and edit stage tag.put (the whole list of references), delete
// stages tag.delete.
import { zodResolver } from "@hookform/resolvers/zod";
import { Plus } from "lucide-react";
import { useMemo, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { z } from "zod";
import type { Configuration, Tag } from "@/lib/pacemaker";
import type { CibEditInput } from "@/lib/cib/edits";
import { Button, ServerMessage } from "@/components/admin/form-bits";
import { Empty, Section } from "@/components/ui/card";
import { CancelConfirm, Modal } from "@/components/ui/modal";
import { EditDelete, TextField, useStaging } from "./properties-form-bits";
import { checkEdit } from "./properties-schema";
import { taggableIds } from "./tag-ids";
import { IdPicker } from "./tag-picker";

type Stage = (edit: CibEditInput) => Promise<unknown>;

export function TagSection({ config, canEdit, stage }: { config: Configuration; canEdit: boolean; stage: Stage }) {
  const [editing, setEditing] = useState<Tag | "new" | null>(null);
  const del = useStaging(stage);
  return (
    <Section
      title="Tags"
      count={config.tags.length}
      test="tags"
      actions={
        canEdit ? (
          <Button variant="secondary" className="h-8" data-test="tag-new" onClick={() => setEditing("new")}>
            <Plus aria-hidden className="size-4" /> New tag
          </Button>
        ) : null
      }
    >
      <p className="border-b border-line px-4 py-2 text-xs text-muted">A tag names a set of resources and constraints, so they can be listed, filtered and acted on together.</p>
      {config.tags.length === 0 ? <Empty>No tags.</Empty> : null}
      <ul className="divide-y divide-line">
        {config.tags.map((t) => (
          <li key={t.id} data-test={`tag:${t.id}`} className="flex flex-wrap items-start gap-2 px-4 py-2.5 text-sm">
            <span className="font-mono font-medium">{t.id}</span>
            <span className="min-w-0 flex-1 text-muted">
              {t.refs.map((r) => (
                <code key={r} className="mr-1 inline-block rounded bg-surface-2 px-1.5 font-mono text-xs text-fg">
                  {r}
                </code>
              ))}
            </span>
            {canEdit ? <EditDelete what={`tag ${t.id}`} test="tag" busy={del.busy} onEdit={() => setEditing(t)} onDelete={() => void del.run({ op: "tag.delete", id: t.id })} /> : null}
          </li>
        ))}
      </ul>
      {del.error ? (
        <div className="px-4 pb-3">
          <ServerMessage error={del.error} test="tag-delete-error" />
        </div>
      ) : null}
      {editing !== null ? <TagForm config={config} tag={editing === "new" ? null : editing} stage={stage} onClose={() => setEditing(null)} /> : null}
    </Section>
  );
}

interface TagValues {
  id: string;
  refs: string[];
}

function TagForm({ config, tag, stage, onClose }: { config: Configuration; tag: Tag | null; stage: Stage; onClose: () => void }) {
  const schema = useMemo(
    () =>
      z.object({ id: z.string().trim(), refs: z.array(z.string()) }).superRefine((v, ctx) => {
        if (!tag && config.tags.some((t) => t.id === v.id)) ctx.addIssue({ code: "custom", message: `a tag named ${v.id} exists: edit it instead`, path: ["id"] });
        checkEdit("tag.put", { op: "tag.put", id: v.id, refs: v.refs }, ctx, { id: "id", refs: "refs" }, "refs");
      }),
    [config.tags, tag],
  );
  const form = useForm<TagValues>({ resolver: zodResolver(schema), defaultValues: { id: tag?.id ?? "", refs: tag?.refs ?? [] } });
  const staging = useStaging(stage);
  const ids = useMemo(() => taggableIds(config), [config]);
  const submit = form.handleSubmit(async (v) => {
    if (await staging.run({ op: "tag.put", id: v.id.trim(), refs: v.refs })) onClose();
  });
  return (
    <Modal
      title={tag ? `Edit tag ${tag.id}` : "New tag"}
      onClose={onClose}
      onSubmit={() => void submit()}
      closeButton
      test="tag-form"
      footer={<CancelConfirm onCancel={onClose} cancelTest="tag-cancel" label="Stage in draft" tone="primary" confirmTest="tag-save" disabled={staging.busy} />}
    >
      <TextField label="Tag id" test="tag-id" error={form.formState.errors.id?.message} input={{ ...form.register("id"), readOnly: tag !== null, autoFocus: tag === null }} />
      <Controller
        control={form.control}
        name="refs"
        render={({ field, fieldState }) => <IdPicker label="Resources and constraints" ids={ids} value={field.value} onChange={field.onChange} test="tag-refs" error={fieldState.error?.message} />}
      />
      <ServerMessage error={staging.error} test="tag-error" />
    </Modal>
  );
}
