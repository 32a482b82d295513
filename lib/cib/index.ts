/** The CIB edit functions (pure: no I/O, the same in the browser, the console and the agent). */
export { applyEdit, applyEdits, applyEditsToTree } from "./apply";
export { describeEdit } from "./summary";
export { changedElements, conflictsBetween, type ChangeKind, type Conflict, type ElementChange } from "./changes";
export { cibVersion, parseCibRoot, withoutStatus } from "./splice";
export { describeReferences, referencesTo, type Reference, type ReferenceKind } from "./references";
export { checkId, configurationIds, deriveId, idFor, isValidId, sanitizeId, IdSpace } from "./ids";
export { normalizeScore } from "./apply-constraints";
export { CibEditError, CibEditSchema, CibEditListSchema, type CibEdit, type CibEditInput, type CibEditOp } from "./edits";
