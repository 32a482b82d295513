/** The few colours a status can have; every badge, dot and border maps onto these. */
export type Tone = "ok" | "warn" | "err" | "stale" | "info" | "promoted" | "neutral";

export const toneText: Record<Tone, string> = {
  ok: "text-ok",
  warn: "text-warn",
  err: "text-err",
  stale: "text-stale",
  info: "text-info",
  promoted: "text-promoted",
  neutral: "text-muted",
};

export const toneSoft: Record<Tone, string> = {
  ok: "bg-ok-soft text-ok",
  warn: "bg-warn-soft text-warn",
  err: "bg-err-soft text-err",
  stale: "bg-stale-soft text-stale",
  info: "bg-info-soft text-info",
  promoted: "bg-promoted-soft text-promoted",
  neutral: "bg-surface-2 text-muted",
};

export const toneBorder: Record<Tone, string> = {
  ok: "border-ok",
  warn: "border-warn",
  err: "border-err",
  stale: "border-stale",
  info: "border-info",
  promoted: "border-promoted",
  neutral: "border-line",
};

export const toneDot: Record<Tone, string> = {
  ok: "bg-ok",
  warn: "bg-warn",
  err: "bg-err",
  stale: "bg-stale",
  info: "bg-info",
  promoted: "bg-promoted",
  neutral: "bg-faint",
};
