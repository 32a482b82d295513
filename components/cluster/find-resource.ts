import type { ClusterStatus, Configuration, Constraint, Primitive, Resource, ResourceConfig, PrimitiveConfig, GroupConfig } from "@/lib/pacemaker";
import { constraintResources } from "./constraint-text";
import { failureResource } from "@/lib/pacemaker/op-key";

/** What the details panel shows for one id: the status side, the configuration side, and what names it. */
export interface ResourceDetails {
  id: string;
  /** the status object with this id (a top-level resource or a member), null when only configured */
  resource: Resource | null;
  /** its instances as primitives (one for a primitive, several for a clone or group) */
  instances: Primitive[];
  config: ResourceConfig | PrimitiveConfig | GroupConfig | null;
  /** ids of the containers around it (group, clone, bundle), innermost first */
  parents: string[];
  constraints: Constraint[];
  failures: ClusterStatus["failures"];
  failcounts: { node: string; failCount: string; lastFailure: string | null; threshold: number | null }[];
}

function findStatus(resources: readonly Resource[], id: string): { resource: Resource; parents: string[] } | null {
  for (const top of resources) {
    if (top.id === id) return { resource: top, parents: [] };
    if (top.kind === "group") {
      const m = top.children.find((p) => p.id === id);
      if (m) return { resource: m, parents: [top.id] };
    }
    if (top.kind === "clone") {
      for (const c of top.children) {
        if (c.id === id) return { resource: top, parents: [] };
        if (c.kind === "group") {
          const m = c.children.find((p) => p.id === id);
          if (m) return { resource: m, parents: [c.id, top.id] };
        }
      }
    }
    if (top.kind === "bundle") {
      for (const rep of top.replicas) {
        const m = rep.resources.find((p) => p.id === id);
        if (m) return { resource: m, parents: [top.id] };
      }
    }
  }
  return null;
}

function findConfig(resources: readonly ResourceConfig[], id: string): { config: ResourceConfig | PrimitiveConfig | GroupConfig; parents: string[] } | null {
  for (const r of resources) {
    if (r.id === id) return { config: r, parents: [] };
    if (r.kind === "group") {
      const m = r.children.find((p) => p.id === id);
      if (m) return { config: m, parents: [r.id] };
    }
    if (r.kind === "clone" && r.child) {
      if (r.child.id === id) return { config: r.child, parents: [r.id] };
      if (r.child.kind === "group") {
        const m = r.child.children.find((p) => p.id === id);
        if (m) return { config: m, parents: [r.child.id, r.id] };
      }
    }
    if (r.kind === "bundle" && r.primitive?.id === id) return { config: r.primitive, parents: [r.id] };
  }
  return null;
}

function instancesOf(r: Resource): Primitive[] {
  switch (r.kind) {
    case "primitive":
      return [r];
    case "group":
      return r.children;
    case "clone":
      return r.children.flatMap((c) => (c.kind === "primitive" ? [c] : c.children));
    case "bundle":
      return r.replicas.flatMap((rep) => rep.resources);
  }
}

export function resourceDetails(status: ClusterStatus, id: string): ResourceDetails {
  const s = findStatus(status.resources, id);
  const c = status.configuration ? findConfig(status.configuration.resources, id) : null;
  // A clone's status lists its child id; the details are the clone's when the child id is asked for.
  const resource = s?.resource ?? null;
  const parents = s?.parents.length ? s.parents : (c?.parents ?? []);
  const named = new Set([id, ...parents, ...(resource ? [resource.id] : [])]);
  const instances = resource ? instancesOf(resource) : [];
  const memberIds = new Set([id, ...instances.map((p) => p.id)]);
  return {
    id,
    resource,
    instances,
    config: c?.config ?? null,
    parents,
    constraints: constraintsNaming(status.configuration, named),
    failures: status.failures.filter((f) => memberIds.has(failureResource(f.opKey))),
    failcounts: (status.nodeHistory ?? []).flatMap((nh) =>
      nh.resources
        .filter((r) => memberIds.has(r.id.replace(/:\d+$/, "")) && r.failCount && r.failCount !== "0")
        .map((r) => ({ node: nh.node, failCount: r.failCount ?? "0", lastFailure: r.lastFailure, threshold: r.migrationThreshold })),
    ),
  };
}

function constraintsNaming(config: Configuration | null, ids: ReadonlySet<string>): Constraint[] {
  if (!config) return [];
  return config.constraints.filter((c) => constraintResources(c).some((r) => ids.has(r)));
}
