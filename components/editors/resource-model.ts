// The Resources page's data, pure: the resource tree of a configuration with what each row may do,
// the ids already taken (a new id must not collide), and the resource form's values to and from
// the edits it stages (primitive.create / primitive.update).
import type { AgentMetadata } from "@/lib/pacemaker/model-metadata";
import type { Configuration, Operation, PrimitiveConfig, ResourceConfig } from "@/lib/pacemaker/model-config";
import type { CibEditInput, OperationInput } from "@/lib/cib/edits";
import { orderParameters } from "@/lib/cib/agent-params";

export const agentText = (p: Pick<PrimitiveConfig, "class" | "provider" | "type" | "template">): string =>
  p.class ? [p.class, p.provider, p.type].filter(Boolean).join(":") : p.template ? `template ${p.template}` : "(no agent)";

/** Every id of the configuration (resources, their sets and ops, constraints, tags…): a new id must be none of them. */
export function takenIds(config: Configuration | null): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (k === "id" && typeof x === "string") out.add(x);
        else if (k !== "extraAttrs" && k !== "unknown") walk(x);
      }
    }
  };
  walk(config);
  return out;
}

/** The primitive with this id anywhere in the tree (top level, in a group, in a clone, in a bundle). */
export function findPrimitive(config: Configuration | null, id: string): { primitive: PrimitiveConfig; promotable: boolean; group: string | null } | null {
  for (const r of config?.resources ?? []) {
    if (r.kind === "primitive" && r.id === id) return { primitive: r, promotable: false, group: null };
    if (r.kind === "group") for (const c of r.children) if (c.id === id) return { primitive: c, promotable: false, group: r.id };
    if (r.kind === "clone" && r.child) {
      if (r.child.kind === "primitive" && r.child.id === id) return { primitive: r.child, promotable: r.promotable, group: null };
      if (r.child.kind === "group") for (const c of r.child.children) if (c.id === id) return { primitive: c, promotable: r.promotable, group: r.child.id };
    }
    if (r.kind === "bundle" && r.primitive?.id === id) return { primitive: r.primitive, promotable: false, group: null };
  }
  return null;
}

/** The ids a resource row and its children carry (the text filter and the tag filter match any of them). */
export function idsOf(r: ResourceConfig): string[] {
  switch (r.kind) {
    case "primitive":
      return [r.id];
    case "group":
      return [r.id, ...r.children.map((c) => c.id)];
    case "clone":
      return [r.id, ...(r.child ? idsOf(r.child) : [])];
    case "bundle":
      return [r.id, ...(r.primitive ? [r.primitive.id] : [])];
  }
}

function textOf(r: ResourceConfig): string {
  const parts = idsOf(r);
  const prims = r.kind === "primitive" ? [r] : r.kind === "group" ? r.children : r.kind === "clone" ? (r.child ? (r.child.kind === "group" ? r.child.children : [r.child]) : []) : r.primitive ? [r.primitive] : [];
  for (const p of prims) parts.push(agentText(p));
  if (r.kind === "bundle" && r.runtimeAttrs.image) parts.push(r.runtimeAttrs.image);
  return parts.join(" ").toLowerCase();
}

/** The top-level resources that match the text and lie in (or hold something in) the tag's references. */
export function filterResources(config: Configuration, q: string, tag: string): ResourceConfig[] {
  const words = q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const refs = tag ? new Set(config.tags.find((t) => t.id === tag)?.refs ?? []) : null;
  return config.resources.filter((r) => {
    if (refs && !idsOf(r).some((id) => refs.has(id))) return false;
    const text = textOf(r);
    return words.every((w) => text.includes(w));
  });
}

/** The configuration's top-level primitives (what a group may take in, what may be cloned). */
export const topLevelPrimitives = (config: Configuration): PrimitiveConfig[] => config.resources.filter((r): r is PrimitiveConfig => r.kind === "primitive");

// ------------------------------------------------------------------ the resource form's values

export interface NameValue {
  name: string;
  value: string;
}

export interface OpRow {
  name: OperationInput["name"];
  interval: string;
  timeout: string;
  role: string;
  onFail: string;
  /** attributes of the op the form does not edit (start-delay, record-pending…): kept as they are */
  extra: NameValue[];
}

export interface ResourceFormValues {
  id: string;
  description: string;
  /** one row per metadata parameter, in the form's order ("" = not set) */
  params: NameValue[];
  /** parameters the metadata does not list (or all of them when it cannot be loaded) */
  extraParams: NameValue[];
  meta: NameValue[];
  ops: OpRow[];
  /** create: the group to put it in ("" for none) */
  group: string;
}

const firstSet = (sets: { nvpairs: { name: string; value: string | null }[] }[]): NameValue[] =>
  (sets[0]?.nvpairs ?? []).filter((p) => p.value !== null).map((p) => ({ name: p.name, value: p.value ?? "" }));

export function opRow(o: OperationInput): OpRow {
  return { name: o.name, interval: o.interval, timeout: o.timeout ?? "", role: o.role ?? "", onFail: o.onFail ?? "", extra: o.extra ?? [] };
}

const OP_NAMES = new Set<string>(["monitor", "start", "stop", "promote", "demote", "migrate_to", "migrate_from", "notify", "reload", "reload-agent", "meta-data", "validate-all"]);
const OWN_OP_ATTRS = new Set(["id", "name", "interval", "timeout", "role", "on-fail"]);

function opFromConfig(o: Operation): OpRow | null {
  if (!OP_NAMES.has(o.name)) return null;
  return {
    name: o.name as OpRow["name"],
    interval: o.interval,
    timeout: o.attrs.timeout ?? "",
    role: o.attrs.role ?? "",
    onFail: o.attrs["on-fail"] ?? "",
    extra: Object.entries(o.attrs)
      .filter(([k]) => !OWN_OP_ATTRS.has(k))
      .map(([name, value]) => ({ name, value })),
  };
}

/** The form's rows for a metadata (its parameters in the form's order), values taken from `given` where named. */
export function paramRows(metadata: AgentMetadata | null, given: readonly NameValue[]): { params: NameValue[]; extraParams: NameValue[] } {
  if (!metadata) return { params: [], extraParams: [...given] };
  const { main, folded } = orderParameters(metadata);
  const all = [...main, ...folded];
  const known = new Set(all.map((p) => p.name));
  return {
    params: all.map((p) => ({ name: p.name, value: given.find((g) => g.name === p.name)?.value ?? "" })),
    extraParams: given.filter((g) => !known.has(g.name)),
  };
}

/** The form prefilled from an existing primitive (Edit). */
export function valuesFromPrimitive(p: PrimitiveConfig, metadata: AgentMetadata | null): ResourceFormValues {
  return {
    id: p.id,
    description: p.description ?? "",
    ...paramRows(metadata, firstSet(p.instanceAttributes)),
    meta: firstSet(p.metaAttributes),
    ops: p.operations.map(opFromConfig).filter((o): o is OpRow => o !== null),
    group: "",
  };
}

const filled = (rows: readonly NameValue[]): NameValue[] => rows.filter((r) => r.name.trim() !== "" && r.value.trim() !== "").map((r) => ({ name: r.name.trim(), value: r.value.trim() }));

function operations(rows: readonly OpRow[]): OperationInput[] {
  return rows.map((r) => ({
    name: r.name,
    interval: r.interval.trim(),
    ...(r.timeout.trim() ? { timeout: r.timeout.trim() } : {}),
    ...(r.role ? { role: r.role as NonNullable<OperationInput["role"]> } : {}),
    ...(r.onFail ? { onFail: r.onFail as NonNullable<OperationInput["onFail"]> } : {}),
    ...(r.extra.length ? { extra: r.extra } : {}),
  }));
}

export interface AgentChoice {
  class: string;
  provider: string;
  type: string;
}

export function createEdit(v: ResourceFormValues, agent: AgentChoice): CibEditInput {
  return {
    op: "primitive.create",
    id: v.id.trim(),
    agent: { class: agent.class as "ocf", ...(agent.class === "ocf" ? { provider: agent.provider } : {}), type: agent.type },
    ...(v.description.trim() ? { description: v.description.trim() } : {}),
    params: [...filled(v.params), ...filled(v.extraParams)],
    meta: filled(v.meta),
    operations: operations(v.ops),
    ...(v.group ? { group: v.group } : {}),
  };
}

export function updateEdit(v: ResourceFormValues, before: PrimitiveConfig): CibEditInput {
  return {
    op: "primitive.update",
    id: before.id,
    description: v.description.trim() ? v.description.trim() : before.description === null ? undefined : null,
    params: [...filled(v.params), ...filled(v.extraParams)],
    meta: filled(v.meta),
    operations: operations(v.ops),
  };
}
