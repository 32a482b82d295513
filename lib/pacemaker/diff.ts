import type { ClusterStatus } from "./model";
import type { PatchOp, StatusPatch } from "./model-patch";
import { arrayKeys, isPlainObject, jsonEqual } from "./patch-keys";

export { applyStatusPatch } from "./patch-apply";
export { describePatch, summarizePatch, type PatchSummary } from "./patch-describe";

/**
 * What changed between two snapshots, keyed by identity (nodes by id|name, resources by id path,
 * attributes by node then name), so one resource changing costs a few small ops whatever the
 * cluster size. Within a keyed array the ops come in the order apply needs: changes to kept
 * elements, removals from the last to the first, appends, then a reorder only if needed.
 */
export function diffStatus(prev: ClusterStatus, next: ClusterStatus): StatusPatch {
  const ops: PatchOp[] = [];
  diffValue(prev, next, [], ops);
  return { ops };
}

// `path` is one shared stack (push/pop as the walk descends); ops get their own copy.
function diffValue(a: unknown, b: unknown, path: string[], ops: PatchOp[]): void {
  if (a === b) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    diffArray(a, b, path, ops);
    return;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    for (const k in b) {
      const bv = b[k];
      if (bv === undefined) continue;
      const av = a[k];
      if (av === bv) continue;
      path.push(k);
      if (av === undefined) ops.push({ op: "set", path: path.slice(), value: bv });
      else diffValue(av, bv, path, ops);
      path.pop();
    }
    for (const k in a) {
      if (a[k] !== undefined && b[k] === undefined) ops.push({ op: "remove", path: [...path, k] });
    }
    return;
  }
  if (!jsonEqual(a, b)) ops.push({ op: "set", path: path.slice(), value: b });
}

function diffArray(a: unknown[], b: unknown[], path: string[], ops: PatchOp[]): void {
  if (a.length === b.length) {
    let same = true;
    for (let i = 0; same && i < a.length; i++) if (a[i] !== b[i]) same = false;
    if (same) return;
  }
  const ak = arrayKeys(a);
  const bk = arrayKeys(b);
  if (ak === null || bk === null || (a.length === 0 && b.length === 0)) {
    if (!jsonEqual(a, b)) ops.push({ op: "set", path: path.slice(), value: b });
    return;
  }
  const bIndex = new Map<string, number>();
  for (let i = 0; i < bk.length; i++) bIndex.set(bk[i] ?? "", i);
  const aIndex = new Map<string, number>();
  for (let i = 0; i < ak.length; i++) aIndex.set(ak[i] ?? "", i);
  const start = ops.length;
  for (let i = 0; i < ak.length; i++) {
    const key = ak[i] ?? "";
    const j = bIndex.get(key);
    if (j === undefined || a[i] === b[j]) continue;
    path.push(key);
    diffValue(a[i], b[j], path, ops);
    path.pop();
  }
  for (let i = ak.length - 1; i >= 0; i--) {
    const key = ak[i] ?? "";
    if (!bIndex.has(key)) ops.push({ op: "remove", path: [...path, key] });
  }
  const expected: string[] = [];
  for (const key of ak) if (bIndex.has(key)) expected.push(key);
  for (let j = 0; j < bk.length; j++) {
    const key = bk[j] ?? "";
    if (!aIndex.has(key)) {
      ops.push({ op: "add", path: [...path, key], value: b[j] });
      expected.push(key);
    }
  }
  let sameOrder = expected.length === bk.length;
  for (let i = 0; sameOrder && i < bk.length; i++) if (expected[i] !== bk[i]) sameOrder = false;
  if (!sameOrder) ops.push({ op: "order", path: path.slice(), keys: bk });
  // when most of the array changed, sending it whole is smaller and simpler
  if (ops.length - start > Math.max(8, b.length)) {
    ops.length = start;
    ops.push({ op: "set", path: path.slice(), value: b });
  }
}
