import type { Primitive } from "@/lib/pacemaker";
import type { Tone } from "@/components/ui/tone";

export interface ResourceStateLabel {
  label: string;
  tone: Tone;
  /** Extra facts shown as small badges: unmanaged, orphaned, failure ignored, locked… */
  flags: { label: string; tone: Tone }[];
}

const TRANSITIONS = new Set(["Starting", "Stopping", "Migrating", "Promoting", "Demoting"]);

export function isDisabled(targetRole: string | null | undefined): boolean {
  return targetRole === "Stopped";
}

/**
 * A primitive instance's state in crm_mon's words. Order matters: a resource stopped on purpose
 * (target-role=Stopped) is "Stopped (disabled)" and never "Blocked"; a resource that failed and
 * was recovered is Started (green), its failure lives in the failed-actions list only.
 */
export function resourceState(r: Primitive, parentTargetRole: string | null = null): ResourceStateLabel {
  const flags: ResourceStateLabel["flags"] = [];
  if (!r.managed) flags.push({ label: "unmanaged", tone: "warn" });
  if (r.orphaned) flags.push({ label: "orphaned", tone: "warn" });
  if (r.failed && r.failureIgnored) flags.push({ label: "failure ignored", tone: "warn" });
  if (r.lockedTo) flags.push({ label: `locked to ${r.lockedTo}`, tone: "info" });
  if (r.pending) flags.push({ label: `${r.pending}…`, tone: "info" });
  const disabled = isDisabled(r.targetRole) || isDisabled(parentTargetRole);
  if (r.failed && !r.failureIgnored) return { label: "FAILED", tone: "err", flags };
  if (r.role === "Stopped" && disabled) return { label: "Stopped (disabled)", tone: "neutral", flags };
  if (r.blocked) return { label: "Blocked", tone: "err", flags };
  if (TRANSITIONS.has(r.role)) return { label: r.role, tone: "info", flags };
  if (r.role === "Promoted") return { label: "Promoted", tone: "promoted", flags };
  if (r.role === "Unpromoted") return { label: "Unpromoted", tone: r.managed ? "ok" : "warn", flags };
  if (r.role === "Started") return { label: "Started", tone: r.managed ? "ok" : "warn", flags };
  if (r.role === "Stopped") return { label: "Stopped", tone: r.managed ? "warn" : "neutral", flags };
  return { label: r.role, tone: "neutral", flags };
}
