import type { ClusterStatus } from "./model";
import type { StatusPatch } from "./model-patch";

export function diffStatus(prev: ClusterStatus, next: ClusterStatus): StatusPatch {
  return { ops: prev === next ? [] : [{ op: "set", path: [], value: next }] };
}
export function applyStatusPatch(prev: ClusterStatus, patch: StatusPatch): ClusterStatus {
  void patch;
  return prev;
}
export function describePatch(patch: StatusPatch): string {
  return `${patch.ops.length} changes`;
}
