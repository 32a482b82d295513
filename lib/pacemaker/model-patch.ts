import { z } from "zod";

/**
 * A patch between two ClusterStatus snapshots. Paths walk the model: an object property by name,
 * an array element by its identity key (see `identityKey` in diff.ts: id / name / node / opKey,
 * with `#n` for the n-th repeat, as anonymous clone instances repeat their id). Arrays without
 * identities are replaced whole.
 */
export const PathSchema = z.array(z.string());
export type Path = z.infer<typeof PathSchema>;

export const PatchOpSchema = z.discriminatedUnion("op", [
  /** set an object property or replace an existing keyed array element */
  z.object({ op: z.literal("set"), path: PathSchema, value: z.unknown() }),
  /** delete an object property or a keyed array element */
  z.object({ op: z.literal("remove"), path: PathSchema }),
  /** append a keyed array element (an `order` op follows when it does not belong at the end) */
  z.object({ op: z.literal("add"), path: PathSchema, value: z.unknown() }),
  /** reorder a keyed array to these keys */
  z.object({ op: z.literal("order"), path: PathSchema, keys: z.array(z.string()) }),
]);
export type PatchOp = z.infer<typeof PatchOpSchema>;

export const StatusPatchSchema = z.object({
  ops: z.array(PatchOpSchema),
});
export type StatusPatch = z.infer<typeof StatusPatchSchema>;
