/** The resource edits: primitives, meta attributes, delete, rename, groups and clones. */
import type { XNode } from "@/lib/pacemaker/xml";
import { CibEditError, type CibEdit, type OperationInput } from "./edits";
import { deriveId, describeTag, idFor, type IdSpace } from "./ids";
import { dropReferences, findReferences, renameReferences, retargetConstraints } from "./apply-refs";
import { childResources, el, ensureSection, findById, findSection, replaceSetPairs, RESOURCE_TAGS, setNvValue, writePairs, type Located } from "./tree";

export interface Ctx {
  config: XNode;
  ids: IdSpace;
}
type Edit<O extends CibEdit["op"]> = Extract<CibEdit, { op: O }>;

const resourcesOf = (ctx: Ctx): XNode => ensureSection(ctx.config, "resources");

/** A resource anywhere in the resources section (top level, group member, clone child, bundle part). */
export function findResource(ctx: Ctx, id: string): Located {
  const res = findSection(ctx.config, "resources");
  const known = ctx.ids.tagOf(id);
  const hit = res && known !== undefined && RESOURCE_TAGS.has(known) ? findById(res, id) : null;
  if (!hit || !RESOURCE_TAGS.has(hit.node.tag)) {
    const other = ctx.ids.tagOf(id);
    throw new CibEditError(other ? `${id} is ${describeTag(other)}, not a resource` : `no resource named ${id}`, id);
  }
  return hit;
}

function expectTag(hit: Located, tags: readonly string[], what: string): void {
  if (!tags.includes(hit.node.tag)) throw new CibEditError(`${hit.node.attrs.id ?? ""} is ${describeTag(hit.node.tag)}, not a ${what}`, hit.node.attrs.id ?? null);
}

/** A top-level primitive (what groups and clones take in). */
function topLevelPrimitive(ctx: Ctx, id: string, forWhat: string): Located {
  const hit = findResource(ctx, id);
  if (hit.parent.tag !== "resources") {
    throw new CibEditError(`${id} is in ${hit.parent.tag} ${hit.parent.attrs.id ?? ""}; ${forWhat} takes top-level primitives`, id);
  }
  expectTag(hit, ["primitive"], "primitive");
  return hit;
}

/** Op attributes the schema knows (resources-3.9.rng); other extra names go into the op's instance_attributes (OCF_CHECK_LEVEL). */
const OP_ATTRS = new Set(["description", "start-delay", "interval-origin", "timeout", "enabled", "record-pending", "role", "on-fail"]);

function buildOp(rsc: string, op: OperationInput, id: string, ids: IdSpace): XNode {
  const attrs: Record<string, string | undefined> = { id, name: op.name, interval: op.interval, timeout: op.timeout, role: op.role, "on-fail": op.onFail };
  const inner: { name: string; value: string }[] = [];
  for (const x of op.extra ?? []) {
    if (OP_ATTRS.has(x.name)) {
      if (attrs[x.name] !== undefined) throw new CibEditError(`operation ${op.name} of ${rsc}: ${x.name} is given twice`, rsc);
      attrs[x.name] = x.value;
    } else inner.push(x);
  }
  const node = el("op", attrs);
  if (inner.length > 0) {
    const set = el("instance_attributes", { id: deriveId(idFor.instanceAttributes(id), ids, "instance_attributes") });
    writePairs(set, inner, ids);
    node.children.push(set);
  }
  return node;
}

const opKey = (name: string, interval: string, role: string | undefined): string => `${name}|${interval}|${role ?? ""}`;

/** Replaces the primitive's ops; an op with the same name, interval and role keeps its id (a smaller patch). */
function writeOperations(prim: XNode, ops: readonly OperationInput[], ids: IdSpace): void {
  const rsc = prim.attrs.id ?? "";
  let container = prim.children.find((c) => c.tag === "operations");
  const old = new Map<string, string>();
  for (const o of container?.children ?? []) {
    if (o.tag !== "op") continue;
    const k = opKey(o.attrs.name ?? "", o.attrs.interval ?? "", o.attrs.role);
    if (o.attrs.id !== undefined && !old.has(k)) old.set(k, o.attrs.id);
    ids.releaseTree(o);
  }
  const seen = new Set<string>();
  const chosen: (string | null)[] = ops.map((op) => {
    const k = opKey(op.name, op.interval, op.role);
    if (seen.has(k)) throw new CibEditError(`${rsc} has operation ${op.name} with interval ${op.interval} twice`, rsc);
    seen.add(k);
    const keep = old.get(k);
    if (keep !== undefined) ids.take(keep, "op");
    return keep ?? null;
  });
  const built = ops.map((op, i) => buildOp(rsc, op, chosen[i] ?? deriveId(idFor.op(rsc, op.name, op.interval), ids, "op"), ids));
  if (!container) {
    if (built.length === 0) return;
    container = el("operations");
    prim.children.push(container);
  }
  container.children = [...container.children.filter((c) => c.tag !== "op"), ...built];
  if (container.children.length === 0 && Object.keys(container.attrs).length === 0) prim.children.splice(prim.children.indexOf(container), 1);
}

function primitiveCreate(ctx: Ctx, e: Edit<"primitive.create">): void {
  ctx.ids.claim(e.id, "primitive", "resource id");
  let into: XNode = resourcesOf(ctx);
  let at = -1;
  if (e.group !== undefined) {
    const g = findResource(ctx, e.group);
    expectTag(g, ["group"], "group");
    into = g.node;
    if (e.before !== undefined) {
      at = into.children.findIndex((c) => c.attrs.id === e.before && RESOURCE_TAGS.has(c.tag));
      if (at < 0) throw new CibEditError(`${e.before} is not a member of group ${e.group}`, e.before);
    }
  } else if (e.before !== undefined) {
    throw new CibEditError(`"before" places a primitive within a group; no group was given`, e.id);
  }
  const prim = el("primitive", { id: e.id, class: e.agent.class, provider: e.agent.provider, type: e.agent.type, description: e.description });
  replaceSetPairs(prim, "instance_attributes", idFor.instanceAttributes(e.id), e.params, ctx.ids);
  replaceSetPairs(prim, "meta_attributes", idFor.metaAttributes(e.id), e.meta, ctx.ids);
  if (e.utilization) replaceSetPairs(prim, "utilization", idFor.utilization(e.id), e.utilization, ctx.ids);
  writeOperations(prim, e.operations, ctx.ids);
  if (at < 0) into.children.push(prim);
  else into.children.splice(at, 0, prim);
}

function primitiveUpdate(ctx: Ctx, e: Edit<"primitive.update">): void {
  const hit = findResource(ctx, e.id);
  expectTag(hit, ["primitive"], "primitive");
  const p = hit.node;
  if (e.description === null) delete p.attrs.description;
  else if (e.description !== undefined) p.attrs.description = e.description;
  if (e.params) replaceSetPairs(p, "instance_attributes", idFor.instanceAttributes(e.id), e.params, ctx.ids);
  if (e.meta) replaceSetPairs(p, "meta_attributes", idFor.metaAttributes(e.id), e.meta, ctx.ids);
  if (e.utilization) replaceSetPairs(p, "utilization", idFor.utilization(e.id), e.utilization, ctx.ids);
  if (e.operations) writeOperations(p, e.operations, ctx.ids);
}

function resourceMeta(ctx: Ctx, e: Edit<"resource.meta">): void {
  const hit = findResource(ctx, e.id);
  setNvValue(hit.node, "meta_attributes", e.name, e.value, idFor.metaAttributes(e.id), ctx.ids);
}

/** The element's parent inside the resources section (findById from the section's root). */
function parentOf(ctx: Ctx, node: XNode): XNode | null {
  const res = findSection(ctx.config, "resources");
  if (!res) return null;
  if (res.children.includes(node)) return res;
  const id = node.attrs.id;
  return id === undefined ? null : (findById(res, id)?.parent ?? null);
}

function resourceIdsIn(n: XNode, out: Set<string>): Set<string> {
  if (RESOURCE_TAGS.has(n.tag) && n.attrs.id !== undefined) out.add(n.attrs.id);
  for (const c of n.children) resourceIdsIn(c, out);
  return out;
}

function refuseIfReferenced(ctx: Ctx, ids: ReadonlySet<string>, what: string, allowRemovable: boolean): void {
  const refs = findReferences(ctx.config, ids).filter((r) => !allowRemovable || !r.removable);
  if (refs.length === 0) return;
  throw new CibEditError(`${what} is still referenced by ${refs.map((r) => r.label).join(", ")}${allowRemovable ? "" : "; delete those first, or delete it with its constraints"}`, [...ids][0] ?? null);
}

/** Removes a resource; the group or clone it leaves empty goes with it (an empty one is invalid). */
function resourceDelete(ctx: Ctx, e: Edit<"resource.delete">): void {
  let hit = findResource(ctx, e.id);
  for (;;) {
    const p = hit.parent;
    if ((p.tag === "group" || p.tag === "clone" || p.tag === "master") && childResources(p).length === 1) {
      const up = parentOf(ctx, p);
      if (!up) break;
      hit = { node: p, parent: up };
    } else break;
  }
  const doomed = resourceIdsIn(hit.node, new Set());
  refuseIfReferenced(ctx, doomed, `resource ${e.id}`, e.constraints);
  dropReferences(ctx.config, doomed, ctx.ids);
  ctx.ids.releaseTree(hit.node);
  hit.parent.children.splice(hit.parent.children.indexOf(hit.node), 1);
}

function resourceRename(ctx: Ctx, e: Edit<"resource.rename">): void {
  const hit = findResource(ctx, e.id);
  if (e.to === e.id) return;
  ctx.ids.claim(e.to, hit.node.tag, "resource id");
  ctx.ids.release(e.id);
  hit.node.attrs.id = e.to;
  if (e.references) renameReferences(ctx.config, e.id, e.to);
}

function metaSet(owner: string, meta: readonly { name: string; value: string }[], ids: IdSpace): XNode[] {
  if (meta.length === 0) return [];
  const set = el("meta_attributes", { id: deriveId(idFor.metaAttributes(owner), ids, "meta_attributes") });
  writePairs(set, meta, ids);
  return [set];
}

function noDuplicates(list: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const m of list) {
    if (seen.has(m)) throw new CibEditError(`${m} is listed twice in ${what}`, m);
    seen.add(m);
  }
}

function groupCreate(ctx: Ctx, e: Edit<"group.create">): void {
  ctx.ids.claim(e.id, "group", "group id");
  noDuplicates(e.members, `group ${e.id}`);
  const res = resourcesOf(ctx);
  const members = e.members.map((m) => topLevelPrimitive(ctx, m, "a group").node);
  const at = members.length > 0 ? res.children.indexOf(members[0]!) : res.children.length;
  const group = el("group", { id: e.id }, [...metaSet(e.id, e.meta, ctx.ids), ...members]);
  res.children.splice(at, 0, group);
  res.children = res.children.filter((c) => !members.includes(c));
}

function groupMembers(ctx: Ctx, e: Edit<"group.members">): void {
  const hit = findResource(ctx, e.id);
  expectTag(hit, ["group"], "group");
  noDuplicates(e.members, `group ${e.id}`);
  const g = hit.node;
  const res = resourcesOf(ctx);
  const current = childResources(g);
  const members = e.members.map((m) => current.find((c) => c.attrs.id === m) ?? topLevelPrimitive(ctx, m, "a group").node);
  const leaving = current.filter((c) => !members.includes(c));
  res.children = res.children.filter((c) => !members.includes(c));
  g.children = [...g.children.filter((c) => !RESOURCE_TAGS.has(c.tag)), ...members];
  // members that leave go to the top level right after the group (after its clone when cloned)
  let anchor: XNode = g;
  while (!res.children.includes(anchor)) {
    const up = parentOf(ctx, anchor);
    if (!up) break;
    anchor = up;
  }
  res.children.splice(res.children.indexOf(anchor) + 1, 0, ...leaving);
  if (anchor !== g) {
    // a cloned group: a newcomer's own constraints would name something inside a clone
    const arriving = new Set(members.filter((m) => !current.includes(m)).map((m) => m.attrs.id ?? ""));
    const left = findReferences(ctx.config, arriving).filter((r) => r.label.startsWith("constraint"));
    if (left.length > 0) throw new CibEditError(`group ${e.id} is cloned, and ${left.map((r) => r.label).join(", ")} would name a member of it; change or delete that first`, e.id);
  }
}

function groupUngroup(ctx: Ctx, e: Edit<"group.ungroup">): void {
  const hit = findResource(ctx, e.id);
  expectTag(hit, ["group"], "group");
  if (hit.parent.tag !== "resources") {
    throw new CibEditError(`group ${e.id} is inside ${hit.parent.tag} ${hit.parent.attrs.id ?? ""}; unclone it first`, e.id);
  }
  const members = childResources(hit.node);
  // the group's own constraints, tag references and fencing uses name an id that goes away
  dropReferences(ctx.config, new Set([e.id]), ctx.ids);
  for (const c of hit.node.children) if (!members.includes(c)) ctx.ids.releaseTree(c);
  ctx.ids.release(e.id);
  const res = hit.parent;
  res.children.splice(res.children.indexOf(hit.node), 1, ...members);
}

function cloneCreate(ctx: Ctx, e: Edit<"clone.create">): void {
  ctx.ids.claim(e.id, "clone", "clone id");
  const hit = findResource(ctx, e.rsc);
  if (hit.parent.tag !== "resources") {
    throw new CibEditError(`${e.rsc} is in ${hit.parent.tag} ${hit.parent.attrs.id ?? ""}; clone the ${hit.parent.tag} instead`, e.rsc);
  }
  expectTag(hit, ["primitive", "group"], "primitive or group");
  const meta = e.promotable && !e.meta.some((m) => m.name === "promotable") ? [{ name: "promotable", value: "true" }, ...e.meta] : e.meta;
  const clone = el("clone", { id: e.id }, [...metaSet(e.id, meta, ctx.ids), hit.node]);
  hit.parent.children.splice(hit.parent.children.indexOf(hit.node), 1, clone);
  // Pacemaker ignores a constraint that names a cloned resource's child ("not a valid resource"):
  // the resource's constraints now apply to the clone
  retargetConstraints(ctx.config, e.rsc, e.id);
  // ... and one naming a member of a cloned group would be ignored the same way: refused, not guessed at
  const inner = resourceIdsIn(hit.node, new Set());
  inner.delete(e.rsc);
  const left = findReferences(ctx.config, inner).filter((r) => r.label.startsWith("constraint"));
  if (left.length > 0) {
    throw new CibEditError(`${left.map((r) => r.label).join(", ")} name${left.length === 1 ? "s" : ""} a member of ${e.rsc}, which a clone's members cannot have; change or delete ${left.length === 1 ? "it" : "them"} first`, e.rsc);
  }
}

function cloneUnclone(ctx: Ctx, e: Edit<"clone.unclone">): void {
  const hit = findResource(ctx, e.id);
  expectTag(hit, ["clone", "master"], "clone");
  const child = childResources(hit.node);
  // the clone's constraints go back to the resource it wrapped (the reverse of clone.create);
  // tags, fencing levels and ACL permissions naming the clone id are dropped with it
  const only = child.length === 1 ? child[0]?.attrs.id : undefined;
  if (only !== undefined) retargetConstraints(ctx.config, e.id, only);
  dropReferences(ctx.config, new Set([e.id]), ctx.ids);
  for (const c of hit.node.children) if (!child.includes(c)) ctx.ids.releaseTree(c);
  ctx.ids.release(e.id);
  hit.parent.children.splice(hit.parent.children.indexOf(hit.node), 1, ...child);
}

export function applyResourceEdit(ctx: Ctx, e: CibEdit): boolean {
  switch (e.op) {
    case "primitive.create": primitiveCreate(ctx, e); return true;
    case "primitive.update": primitiveUpdate(ctx, e); return true;
    case "resource.meta": resourceMeta(ctx, e); return true;
    case "resource.delete": resourceDelete(ctx, e); return true;
    case "resource.rename": resourceRename(ctx, e); return true;
    case "group.create": groupCreate(ctx, e); return true;
    case "group.members": groupMembers(ctx, e); return true;
    case "group.ungroup": groupUngroup(ctx, e); return true;
    case "clone.create": cloneCreate(ctx, e); return true;
    case "clone.unclone": cloneUnclone(ctx, e); return true;
    default: return false;
  }
}
