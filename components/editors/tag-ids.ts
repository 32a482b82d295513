// The ids an editor offers to pick from: every resource (at any depth) and every constraint, and
// the fencing devices (stonith primitives). Pure, over the parsed configuration.
import type { Configuration, PrimitiveConfig, ResourceConfig } from "@/lib/pacemaker";

function walk(r: ResourceConfig, out: { id: string; kind: string; prim: PrimitiveConfig | null }[]): void {
  switch (r.kind) {
    case "primitive":
      out.push({ id: r.id, kind: "primitive", prim: r });
      return;
    case "group":
      out.push({ id: r.id, kind: "group", prim: null });
      for (const c of r.children) walk(c, out);
      return;
    case "clone":
      out.push({ id: r.id, kind: r.promotable ? "promotable clone" : "clone", prim: null });
      if (r.child) walk(r.child, out);
      return;
    case "bundle":
      out.push({ id: r.id, kind: "bundle", prim: null });
      if (r.primitive) walk(r.primitive, out);
      return;
  }
}

export interface PickableId {
  id: string;
  /** primitive, group, clone, bundle, rsc_location… */
  kind: string;
}

export function resourceIds(config: Configuration): PickableId[] {
  const out: { id: string; kind: string; prim: PrimitiveConfig | null }[] = [];
  for (const r of config.resources) walk(r, out);
  return out.map(({ id, kind }) => ({ id, kind }));
}

export function constraintIds(config: Configuration): PickableId[] {
  return config.constraints.map((c) => ({ id: c.id, kind: c.kind }));
}

/** What a tag may reference: resources and constraints. */
export const taggableIds = (config: Configuration): PickableId[] => [...resourceIds(config), ...constraintIds(config)];

/** The fencing devices: primitives of class stonith, wherever they sit. */
export function stonithDevices(config: Configuration): string[] {
  const out: { id: string; kind: string; prim: PrimitiveConfig | null }[] = [];
  for (const r of config.resources) walk(r, out);
  return out.filter((x) => x.prim?.class === "stonith").map((x) => x.id);
}
