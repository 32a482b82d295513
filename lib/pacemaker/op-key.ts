/**
 * The resource a failed action belongs to. Op keys are `<rsc>_<task>_<interval>`, and resource ids
 * may contain underscores themselves, so strip the two trailing fields rather than split on the
 * first one; clone instances are reported as `rsc:N`.
 */
export function failureResource(opKey: string): string {
  const m = /^(.*)_[^_]+_\d+$/.exec(opKey);
  const rsc = m?.[1] ?? opKey;
  return rsc.replace(/:\d+$/, "");
}
