/**
 * The public face of the Pacemaker model: everything outside lib/pacemaker imports from here.
 */
export * from "./model";
export { StatusPatchSchema, PatchOpSchema, type StatusPatch, type PatchOp } from "./model-patch";
export { PacemakerParseError } from "./errors";
export { buildStatus, type BuildStatusInput } from "./build-status";
export { diffStatus, applyStatusPatch, describePatch, summarizePatch, type PatchSummary } from "./diff";
export { renderStatusText, type RenderOptions } from "./render-text";
export { cloneStoppedLists } from "./render-resources";
export { CRM_MON_ARGS, CIB_QUERY_ARGS } from "./args";
export { failureResource, parseOpKey, type OpKey } from "./op-key";
export { resourceIds, nodeNames, ticketIds, unknownIds } from "./ids";
export { parseAgentMetadata, type AgentMetadata, type AgentParameter, type AgentAction } from "./parse-metadata";
