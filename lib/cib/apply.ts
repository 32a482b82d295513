/**
 * applyEdit / applyEdits: the draft's edits folded over a CIB. Pure (no I/O), so the console, the
 * browser and the agent compute the same XML from the same CIB and edits.
 */
import { parseXml, toXml, type XNode } from "@/lib/pacemaker/xml";
import { CibEditError, CibEditSchema, type CibEdit } from "./edits";
import { configurationIds, IdSpace } from "./ids";
import { applyConstraintEdit } from "./apply-constraints";
import { applyMiscEdit } from "./apply-misc";
import { applyResourceEdit, type Ctx } from "./apply-resources";
import { cloneNode, configurationOf } from "./tree";

/**
 * Applies one edit to `cib` in place (the caller owns the tree). `ids` is the configuration's id
 * space when the caller keeps one across edits (every edit claims and releases what it adds and
 * removes), which saves a walk of the whole configuration per edit.
 */
function applyInPlace(cib: XNode, edit: CibEdit, ids?: IdSpace): void {
  const config = configurationOf(cib);
  const ctx: Ctx = { config, ids: ids ?? new IdSpace(config) };
  if (applyResourceEdit(ctx, edit) || applyConstraintEdit(ctx, edit) || applyMiscEdit(ctx, edit)) return;
  throw new CibEditError(`unknown edit "${(edit as { op?: unknown }).op as string}"`);
}

/**
 * A copy of `cib` with the edit applied; `cib` is not touched. Only the configuration is copied:
 * the status section (most of a big CIB) is shared, as no edit writes to it.
 */
export function applyEdit(cib: XNode, edit: CibEdit): XNode {
  const copy = withCopiedConfiguration(cib);
  applyInPlace(copy, edit);
  return copy;
}

/** A shallow copy of the `<cib>` whose configuration is a deep copy (the status is shared). */
function withCopiedConfiguration(cib: XNode): XNode {
  const at = cib.children.findIndex((c) => c.tag === "configuration");
  return { tag: cib.tag, attrs: { ...cib.attrs }, children: cib.children.map((c, i) => (i === at ? cloneNode(c) : c)), text: cib.text };
}

/**
 * Parses the CIB, applies the edits in order and serializes the result. An edit that does not fit
 * (or is malformed: a stored draft is checked again here) raises a CibEditError with its index.
 */
export function applyEdits(cibXml: string, edits: readonly CibEdit[], opts: { checkIds?: boolean } = {}): { xml: string; tree: XNode } {
  const tree = parseXml(cibXml, "CIB XML");
  foldInPlace(tree, edits, opts);
  return { xml: toXml(tree), tree };
}

/**
 * The same over a parsed CIB, which is not touched: its configuration is copied, its status (most
 * of a big CIB) shared. For a caller that holds the tree already (the agent parses the live CIB once).
 */
export function applyEditsToTree(cib: XNode, edits: readonly CibEdit[]): XNode {
  const copy = withCopiedConfiguration(cib);
  foldInPlace(copy, edits, {});
  return copy;
}

function foldInPlace(tree: XNode, edits: readonly CibEdit[], opts: { checkIds?: boolean }): void {
  let ids: IdSpace | undefined;
  edits.forEach((edit, index) => {
    const parsed = CibEditSchema.safeParse(edit);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
      throw new CibEditError(`${where}${issue?.message ?? "malformed edit"}`, null, index);
    }
    try {
      ids ??= new IdSpace(configurationOf(tree));
      applyInPlace(tree, parsed.data, ids);
      // the tests' check that the kept id space is exactly the configuration's
      if (opts.checkIds && ids.list().join(" ") !== [...configurationIds(configurationOf(tree)).keys()].sort().join(" ")) {
        throw new Error(`id bookkeeping diverged after edit ${index} (${parsed.data.op})`);
      }
    } catch (e) {
      if (e instanceof CibEditError) throw new CibEditError(e.message, e.elementId, index);
      throw e;
    }
  });
}
