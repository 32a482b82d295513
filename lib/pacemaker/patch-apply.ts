import type { ClusterStatus } from "./model";
import type { PatchOp, StatusPatch } from "./model-patch";
import { arrayKeys, isPlainObject } from "./patch-keys";

/**
 * Apply a patch from diffStatus. `prev` is never mutated: containers on a changed path are copied
 * once per apply and everything else is shared, so a UI can compare by reference.
 * Throws an Error naming the path when the patch does not fit `prev` (a client that missed a
 * message must then ask for a full snapshot).
 */
export function applyStatusPatch(prev: ClusterStatus, patch: StatusPatch): ClusterStatus {
  const fresh = new WeakSet<object>();
  const keyCache = new Map<unknown[], Map<string, number>>();
  const copy = <T extends object>(v: T): T => {
    if (fresh.has(v)) return v;
    const c = (Array.isArray(v) ? v.slice() : { ...v }) as T;
    fresh.add(c);
    return c;
  };
  const indexOf = (arr: unknown[], key: string, path: readonly string[]): number => {
    let m = keyCache.get(arr);
    if (m === undefined) {
      const keys = arrayKeys(arr);
      if (keys === null) throw new Error(`patch path ${path.join("/")}: array has no identity keys`);
      m = new Map(keys.map((k, i) => [k, i]));
      keyCache.set(arr, m);
    }
    const i = m.get(key);
    if (i === undefined) throw new Error(`patch path ${path.join("/")}: no element ${key}`);
    return i;
  };

  let root: unknown = prev;
  for (const op of patch.ops) root = applyOp(root, op);
  return root as ClusterStatus;

  function applyOp(rootIn: unknown, op: PatchOp): unknown {
    const path = op.path;
    if (path.length === 0) {
      if (op.op === "set") return structuredClone(op.value);
      if (op.op === "order") return reorder(rootIn, op.keys, path);
      throw new Error(`patch op ${op.op} needs a path`);
    }
    if (!isPlainObject(rootIn)) throw new Error("patch root is not an object");
    const newRoot = copy(rootIn);
    let parent: Record<string, unknown> | unknown[] = newRoot;
    const last = op.op === "order" ? path.length : path.length - 1;
    for (let i = 0; i < last; i++) {
      const seg = path[i] ?? "";
      const child: unknown = Array.isArray(parent) ? parent[indexOf(parent, seg, path)] : parent[seg];
      if (typeof child !== "object" || child === null) throw new Error(`patch path ${path.join("/")}: ${seg} is not a container`);
      const c = copy(child);
      if (Array.isArray(parent)) {
        const idx = indexOf(parent, seg, path);
        parent[idx] = c;
      } else parent[seg] = c;
      parent = c as Record<string, unknown> | unknown[];
    }
    if (op.op === "order") {
      if (!Array.isArray(parent)) throw new Error(`patch path ${path.join("/")}: not an array`);
      const sorted = reorder(parent, op.keys, path) as unknown[];
      parent.splice(0, parent.length, ...sorted);
      keyCache.delete(parent);
      return newRoot;
    }
    const leaf = path[path.length - 1] ?? "";
    if (Array.isArray(parent)) {
      if (op.op === "add") parent.push(structuredClone(op.value));
      else {
        const idx = indexOf(parent, leaf, path);
        if (op.op === "set") parent[idx] = structuredClone(op.value);
        else parent.splice(idx, 1);
      }
      if (op.op !== "set") keyCache.delete(parent);
      return newRoot;
    }
    if (op.op === "remove") delete parent[leaf];
    else parent[leaf] = structuredClone(op.value);
    return newRoot;
  }

  function reorder(arr: unknown, keys: string[], path: readonly string[]): unknown[] {
    if (!Array.isArray(arr)) throw new Error(`patch path ${path.join("/")}: not an array`);
    const cur = arrayKeys(arr);
    if (cur === null || cur.length !== keys.length) throw new Error(`patch path ${path.join("/")}: order does not fit`);
    const byKey = new Map<string, unknown>();
    cur.forEach((k, i) => byKey.set(k, arr[i]));
    return keys.map((k) => {
      if (!byKey.has(k)) throw new Error(`patch path ${path.join("/")}: order names unknown ${k}`);
      return byKey.get(k);
    });
  }
}
