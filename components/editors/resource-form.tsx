"use client";
// Create or edit a primitive (or a fencing device, class stonith) from its agent's metadata:
// agent → metadata → the form (parameters by type, meta attributes, operations prefilled from the
// metadata's actions), validated as the user types by a zod schema derived from the metadata, and
// staged into the draft (primitive.create / primitive.update). The server's refusal is shown beside
// the form. Without metadata the parameters are raw name/value rows, with the error shown.
import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { useMemo, useRef, useState } from "react";
import { FormProvider, useForm, type Resolver } from "react-hook-form";
import { defaultOperations } from "@/lib/cib/agent-params";
import type { AgentMetadata } from "@/lib/pacemaker/model-metadata";
import type { PrimitiveConfig } from "@/lib/pacemaker/model-config";
import { ExactInput } from "@/components/actions/field";
import { ServerMessage } from "@/components/admin/form-bits";
import { useDraft } from "@/components/drafts/use-draft";
import { CancelConfirm, Modal } from "@/components/ui/modal";
import { useTRPC } from "@/trpc/react";
import { Labelled, selectClass } from "./constraint-fields";
import { useShownConfiguration } from "./constraint-list";
import { MetaAttributes } from "./metadata-meta";
import { Operations } from "./metadata-ops";
import { MetadataParams } from "./metadata-params";
import { AgentPicker } from "./resource-agent-picker";
import { agentText, createEdit, findPrimitive, opRow, paramRows, takenIds, updateEdit, valuesFromPrimitive, type AgentChoice, type ResourceFormValues } from "./resource-model";
import { resourceFormSchema } from "./resource-schema";

export type ResourceFormTarget = { mode: "create"; fencing?: boolean } | { mode: "edit"; id: string };

const agentOf = (p: PrimitiveConfig): AgentChoice | null => (p.class && p.type ? { class: p.class, provider: p.provider ?? "", type: p.type } : null);

const complete = (a: AgentChoice | null): a is AgentChoice => !!a && a.class !== "" && a.type !== "" && (a.class !== "ocf" || a.provider !== "");

export function ResourceForm({ target, onClose }: { target: ResourceFormTarget; onClose: () => void }) {
  const trpc = useTRPC();
  const { cluster } = useDraft();
  const { shown } = useShownConfiguration();
  const editing = target.mode === "edit" ? findPrimitive(shown, target.id) : null;
  // The choice in the picker, and the agent the form is built for once the user goes on ("Next"):
  // arrowing through the agent list must not jump to a form per agent.
  const [choice, setChoice] = useState<AgentChoice>({ class: target.mode === "create" && target.fencing ? "stonith" : "", provider: "", type: "" });
  const [picked, setPicked] = useState<AgentChoice | null>(null);
  const agent = editing ? agentOf(editing.primitive) : picked;
  const ready = complete(agent);
  const metadata = useQuery({
    ...trpc.config.agentMetadata.queryOptions({ cluster, agent: ready ? { class: agent.class as "ocf", ...(agent.class === "ocf" ? { provider: agent.provider } : {}), type: agent.type } : { class: "ocf", provider: "heartbeat", type: "Dummy" } }),
    enabled: ready,
    staleTime: 600_000,
  });
  // id, description and meta attributes are kept when another agent is picked (its form is rebuilt).
  const carry = useRef<Partial<ResourceFormValues>>({});

  const title = editing ? `Edit ${editing.primitive.id}` : target.mode === "create" && target.fencing ? "Create fencing device" : "Create resource";
  if (target.mode === "edit" && !editing) {
    return (
      <Modal title={title} onClose={onClose} closeButton test="resource-form">
        <p>There is no primitive {target.id} in the configuration (any more).</p>
      </Modal>
    );
  }
  const loading = ready && metadata.isLoading;
  const md: AgentMetadata | null = metadata.data?.metadata ?? null;
  // An agent the console cannot describe (a template-based primitive) is edited as raw rows.
  const mdError = !ready && editing ? "this primitive takes its agent from a template" : (metadata.data?.error ?? metadata.error?.message ?? null);
  const formKey = ready ? `${agentText({ class: agent.class, provider: agent.provider || null, type: agent.type, template: null })}:${md ? "md" : "raw"}` : "none";
  const formAgent: AgentChoice = agent ?? { class: "", provider: "", type: "" };

  return (
    <>
      {!editing ? (
        <Modal
          title={title}
          onClose={onClose}
          closeButton
          test="resource-form-agent"
          open={!ready || loading}
          onSubmit={() => (complete(choice) ? setPicked(choice) : undefined)}
          footer={<CancelConfirm onCancel={onClose} cancelTest="agent-cancel" label={loading ? "Reading metadata…" : "Next"} tone="primary" disabled={!complete(choice) || loading} confirmTest="agent-next" />}
        >
          <AgentPicker cluster={cluster} value={choice} onChange={setChoice} />
          {loading ? (
            <p className="flex items-center gap-2 text-muted">
              <LoaderCircle aria-hidden className="size-4 animate-spin" /> Reading the agent's metadata…
            </p>
          ) : null}
        </Modal>
      ) : null}
      {(ready && !loading) || (editing && !ready) ? (
        <FormBody
          key={formKey}
          title={title}
          agent={formAgent}
          editing={editing?.primitive ?? null}
          metadata={md}
          metadataError={md ? null : mdError}
          carry={carry}
          onBack={editing ? null : () => setPicked(null)}
          onClose={onClose}
        />
      ) : null}
    </>
  );
}

function FormBody({
  title,
  agent,
  editing,
  metadata,
  metadataError,
  carry,
  onBack,
  onClose,
}: {
  title: string;
  agent: AgentChoice;
  editing: PrimitiveConfig | null;
  metadata: AgentMetadata | null;
  metadataError: string | null;
  carry: React.RefObject<Partial<ResourceFormValues>>;
  onBack: (() => void) | null;
  onClose: () => void;
}) {
  const { stage, staging } = useDraft();
  const { shown } = useShownConfiguration();
  const [serverError, setServerError] = useState<string | null>(null);
  const taken = useMemo(() => takenIds(shown), [shown]);
  const groups = (shown?.resources ?? []).filter((r) => r.kind === "group").map((r) => r.id);
  const schema = useMemo(() => resourceFormSchema(metadata, { checkId: editing === null, taken }), [metadata, editing, taken]);
  const defaults = useMemo((): ResourceFormValues => {
    if (editing) return valuesFromPrimitive(editing, metadata);
    const c = carry.current;
    return {
      id: c.id ?? "",
      description: c.description ?? "",
      ...paramRows(metadata, []),
      meta: c.meta ?? [],
      ops: defaultOperations(metadata, false).map(opRow),
      group: c.group ?? "",
    };
  }, [editing, metadata, carry]);
  const form = useForm<ResourceFormValues>({ resolver: zodResolver(schema as never) as unknown as Resolver<ResourceFormValues>, defaultValues: defaults, mode: "onChange" });
  const { register, handleSubmit, formState, watch } = form;
  const values = watch();
  carry.current = { id: values.id, description: values.description, meta: values.meta, group: values.group };

  const submit = handleSubmit(async (v) => {
    setServerError(null);
    try {
      await stage(editing ? updateEdit(v, editing) : createEdit(v, agent));
      onClose();
    } catch (e) {
      setServerError(e instanceof Error ? e.message : String(e));
    }
  });
  const agentLine = agentText({ class: agent.class || null, provider: agent.provider || null, type: agent.type || null, template: editing?.template ?? null });

  return (
    <Modal
      title={title}
      onClose={onClose}
      closeButton
      test="resource-form"
      onSubmit={() => void submit()}
      footer={
        <>
          {onBack ? (
            <button type="button" onClick={onBack} className="mr-auto text-sm text-info underline focus-visible:outline-2 focus-visible:outline-info" data-test="resource-form-back">
              Choose another agent
            </button>
          ) : null}
          <CancelConfirm onCancel={onClose} cancelTest="resource-form-cancel" label={staging ? "Adding…" : "Add to draft"} tone="primary" disabled={staging} confirmTest="resource-form-submit" />
        </>
      }
    >
      <FormProvider {...form}>
        <p className="text-sm">
          <span className="text-muted">Agent</span> <code data-test="resource-form-agent-name">{agentLine}</code>
          {metadata?.shortdesc ? <span className="text-muted"> — {metadata.shortdesc}</span> : null}
        </p>
        {editing ? null : (
          <Labelled label="Resource id" help="Letters, digits, '.', '-', '_'; unique in the configuration." errors={formState.errors} path="id">
            {({ id, describedBy, invalid }) => <ExactInput id={id} {...register("id")} aria-describedby={describedBy} aria-invalid={invalid || undefined} data-test="resource-id" />}
          </Labelled>
        )}
        <Labelled label="Description (optional)" errors={formState.errors} path="description">
          {({ id, describedBy }) => <ExactInput id={id} {...register("description")} aria-describedby={describedBy} className="font-sans" data-test="resource-description" />}
        </Labelled>
        {!editing && groups.length ? (
          <Labelled label="Put it in a group (optional)" help="Group members start in order and run on the same node.">
            {({ id }) => (
              <select id={id} {...register("group")} className={selectClass} data-test="resource-group">
                <option value="">no group</option>
                {groups.map((g) => (
                  <option key={g} value={g}>
                    {g}
                  </option>
                ))}
              </select>
            )}
          </Labelled>
        ) : null}
        <MetadataParams metadata={metadata} metadataError={metadataError} />
        <MetaAttributes />
        <Operations />
        <ServerMessage error={serverError} test="resource-form-error" />
      </FormProvider>
    </Modal>
  );
}
