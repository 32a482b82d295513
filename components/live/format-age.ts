/** "0.4 s", "12 s", "3 min", "2 h", "4 d": sub-second precision only where an operator can act on it. */
export function formatAge(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 60) return `${Math.floor(s)} s`;
  const m = s / 60;
  if (m < 60) return `${Math.floor(m)} min`;
  const h = m / 60;
  if (h < 48) return `${Math.floor(h)} h`;
  return `${Math.floor(h / 24)} d`;
}

/** Pacemaker prints times like "Tue Nov 24 23:00:56 2026"; Date understands that form. */
export function parsePacemakerTime(text: string | null | undefined): number | null {
  if (!text) return null;
  const t = Date.parse(text);
  return Number.isNaN(t) ? null : t;
}
