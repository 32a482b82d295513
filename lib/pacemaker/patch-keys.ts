/**
 * Identity keys for array elements, shared by diff and apply so both walk the same paths.
 * An element's key joins the identity fields it has (a node is `1|node2`, a failure
 * `WebService1_stop_0|node2`, a ban `id|node`); a repeat of the same key among siblings gets
 * `#2`, `#3`... (anonymous clone instances all carry the clone's primitive id).
 */

const ID_FIELDS = ["id", "name", "node", "opKey", "tag"] as const;

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function baseKey(o: Record<string, unknown>): string | null {
  let k: string | null = null;
  for (const f of ID_FIELDS) {
    const v = o[f];
    if (typeof v === "string") k = k === null ? v : `${k}|${v}`;
  }
  return k;
}

/** Keys of every element, or null when some element has no identity (the array is then replaced whole). */
export function arrayKeys(arr: readonly unknown[]): string[] | null {
  const keys: string[] = new Array<string>(arr.length);
  const seen = new Map<string, number>();
  for (let i = 0; i < arr.length; i++) {
    const el = arr[i];
    if (!isPlainObject(el)) return null;
    const b = baseKey(el);
    if (b === null) return null;
    const n = (seen.get(b) ?? 0) + 1;
    seen.set(b, n);
    keys[i] = n === 1 ? b : `${b}#${n}`;
  }
  return keys;
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let n = 0;
  for (const k in ao) {
    if (ao[k] === undefined) continue;
    n++;
    if (!(k in bo) || !jsonEqual(ao[k], bo[k])) return false;
  }
  for (const k in bo) if (bo[k] !== undefined) n--;
  return n === 0;
}
