import type { Clone, Group, Primitive, Resource } from "@/lib/pacemaker";

/** Where a primitive instance sits in the tree; the parents decide how it is shown and keyed. */
export interface PrimitiveVisit {
  primitive: Primitive;
  group: Group | null;
  clone: Clone | null;
  bundleId: string | null;
  top: Resource;
}

/** Every primitive instance of the tree, in crm_mon order (clone instances and bundle replicas included). */
export function forEachPrimitive(resources: readonly Resource[], fn: (v: PrimitiveVisit) => void): void {
  for (const top of resources) {
    switch (top.kind) {
      case "primitive":
        fn({ primitive: top, group: null, clone: null, bundleId: null, top });
        break;
      case "group":
        for (const p of top.children) fn({ primitive: p, group: top, clone: null, bundleId: null, top });
        break;
      case "clone":
        for (const c of top.children) {
          if (c.kind === "primitive") fn({ primitive: c, group: null, clone: top, bundleId: null, top });
          else for (const p of c.children) fn({ primitive: p, group: c, clone: top, bundleId: null, top });
        }
        break;
      case "bundle":
        for (const rep of top.replicas) {
          for (const p of rep.resources) fn({ primitive: p, group: null, clone: null, bundleId: top.id, top });
        }
        break;
    }
  }
}

/** The resource agent's class:provider:type split, for the "by type" filter (ocf / stonith / systemd…). */
export function agentClass(resourceAgent: string): string {
  const i = resourceAgent.indexOf(":");
  return i < 0 ? resourceAgent : resourceAgent.slice(0, i);
}
