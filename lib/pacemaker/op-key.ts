/**
 * Operation keys (`<rsc>_<task>_<interval>`), parsed the one way Pacemaker parses them
 * (parse_op_key in lib/common/operations.c, 2.1.5). Resource ids and some operation names hold
 * underscores themselves (`test-vm_migrate_to_0`, `rsc_pre_notify_start_0`), so a plain split is
 * wrong; every view (failed-actions rows, the failed-only filter, details, cluster health, the text
 * renderer) goes through here so that they agree with crm_mon and with each other.
 */

export interface OpKey {
  /** the resource id as written in the key, clone instance suffix (`:N`) included */
  rsc: string;
  /** the operation name: start, monitor, migrate_to, pre_notify_start, ... */
  task: string;
  intervalMs: number;
}

/** Pacemaker's own pattern for the operation names that hold underscores (try_migrate_notify_match). */
const MIGRATE_NOTIFY = /^(.*)_(migrate_(?:from|to)|(?:pre|post)_notify_(?:[a-z]+|migrate_(?:from|to)))_([0-9]+)$/;

/**
 * strtoul(s, NULL, 10) as convert_interval uses it: leading blanks and a sign allowed, digits up to
 * the first non-digit, no digits at all is 0 (glibc sets no errno for that), overflow fails.
 */
function convertInterval(s: string): number | null {
  const m = /^\s*([+-]?)(\d*)/.exec(s);
  const digits = m?.[2] ?? "";
  if (digits === "") return 0;
  const n = BigInt(digits);
  if (n >= 2n ** 64n) return null; // ERANGE
  // unsigned long negated, then cast to guint (32 bits)
  const u = m?.[1] === "-" ? (2n ** 64n - n) % 2n ** 64n : n;
  return Number(u % 2n ** 32n);
}

/** null where Pacemaker's parse_op_key fails (crm_mon then says "unknown resource"). */
export function parseOpKey(key: string): OpKey | null {
  const u1 = key.indexOf("_");
  if (key === "" || u1 < 0) return null;
  const u2 = key.indexOf("_", u1 + 1);
  if (u2 < 0) return null;
  const u3 = key.indexOf("_", u2 + 1);
  if (u3 < 0) {
    // exactly two underscores: rsc_task_interval
    const ms = convertInterval(key.slice(u2 + 1));
    return ms === null ? null : { rsc: key.slice(0, u1), task: key.slice(u1 + 1, u2), intervalMs: ms };
  }
  const mn = MIGRATE_NOTIFY.exec(key);
  if (mn !== null) {
    const ms = convertInterval(mn[3] ?? "");
    if (ms !== null) return { rsc: mn[1] ?? "", task: mn[2] ?? "", intervalMs: ms };
    return null;
  }
  // the interval after the last underscore, the task before it, the rest is the resource
  const last = key.lastIndexOf("_");
  const ms = convertInterval(key.slice(last + 1));
  if (ms === null) return null;
  const typeSep = key.lastIndexOf("_", last - 1);
  if (typeSep < 0) return null;
  return { rsc: key.slice(0, typeSep), task: key.slice(typeSep + 1, last), intervalMs: ms };
}

/** The resource a failed action belongs to, without the clone instance number (`pgsql:1` → `pgsql`). */
export function failureResource(opKey: string): string {
  const rsc = parseOpKey(opKey)?.rsc ?? opKey;
  return rsc.replace(/:\d+$/, "");
}
