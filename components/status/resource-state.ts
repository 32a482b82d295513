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

const RANK: Record<string, number> = { stopped: 1, started: 2, unpromoted: 3, slave: 3, promoted: 4, master: 4 };
const aboveUnpromoted = (role: string): boolean => (RANK[role.toLowerCase()] ?? 0) > 3;

/**
 * A primitive instance's state in crm_mon's words (pcmk__native_output_string, 2.1.5): the role,
 * "FAILED" (with the role when it is above Unpromoted: "FAILED Promoted"), and crm_mon's
 * parenthesised qualifiers as flags in its order — blocked or unmanaged, failure ignored, the
 * pending monitor. A qualifier never replaces the role ("Started" + "blocked" is crm_mon's
 * "Started node2 (blocked)"); it sets the tone. A resource stopped on purpose (target-role=Stopped)
 * is "Stopped (disabled)"; a resource that failed and was recovered is Started (green), its
 * failure lives in the failed-actions list only.
 */
export function resourceState(r: Primitive, parentTargetRole: string | null = null): ResourceStateLabel {
  const flags: ResourceStateLabel["flags"] = [];
  if (r.orphaned) flags.push({ label: "orphaned", tone: "warn" });
  if (r.lockedTo) flags.push({ label: `locked to ${r.lockedTo}`, tone: "info" });
  if (r.pending) flags.push({ label: r.pending, tone: "info" });
  // an action in flight on a node the resource does not run on yet: crm_mon's "Starting node4"
  if (r.pendingNode !== null && !r.nodes.some((n) => n.name === r.pendingNode)) flags.push({ label: `on ${r.pendingNode}`, tone: "info" });
  if (r.blocked) flags.push({ label: "blocked", tone: "err" });
  else if (!r.managed) flags.push({ label: "unmanaged", tone: "warn" });
  if (r.failureIgnored) flags.push({ label: "failure ignored", tone: "warn" });
  if (r.ticketFreeze !== null) flags.push({ label: `frozen: ticket ${r.ticketFreeze} lost`, tone: "warn" });
  const disabled = isDisabled(r.targetRole) || isDisabled(parentTargetRole);
  if (r.failed) {
    const label = aboveUnpromoted(r.role) ? `FAILED ${r.role}` : "FAILED";
    return { label, tone: r.failureIgnored ? "warn" : "err", flags };
  }
  if (r.role === "Stopped" && disabled) return { label: "Stopped (disabled)", tone: "neutral", flags };
  if (TRANSITIONS.has(r.role)) return { label: r.role, tone: "info", flags };
  const held = r.blocked ? "err" : r.managed ? null : "warn";
  if (r.role === "Promoted") return { label: "Promoted", tone: held ?? "promoted", flags };
  if (r.role === "Unpromoted") return { label: "Unpromoted", tone: held ?? "ok", flags };
  if (r.role === "Started") return { label: "Started", tone: held ?? "ok", flags };
  if (r.role === "Stopped") return { label: "Stopped", tone: r.blocked ? "err" : r.managed ? "warn" : "neutral", flags };
  return { label: r.role, tone: held ?? "neutral", flags };
}
