/**
 * crm_verify's output as findings (pure; over real 2.1.5 output in tests/unit/agent/config-verify.test.ts).
 */
import type { VerifyFinding } from "@/lib/protocol";

const VALIDITY = /^(?:.*?):(\d+): element ([\w-]+): (?:Relax-NG )?validity (error|warning) : (.*)$/;
const LEVELED = /^(?:\([^)]*\)\s*)?(error|warning|crit|notice):\s*(.*)$/i;

/**
 * crm_verify's findings, one per distinct message: schema errors name a line of draft.xml (mapped to
 * the element that starts there), the scheduler's checks say "error:" / "warning:". Its closing
 * "Errors found during check" and "-V may provide more details" lines are dropped: the findings say it.
 */
export function parseVerify(text: string, lines: readonly { tag: string; id: string | null }[], ids: ReadonlySet<string>): VerifyFinding[] {
  const seen = new Set<string>();
  const out: VerifyFinding[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || /^crm_verify: Errors found during check|^-V may provide more details|^Configuration invalid|CIB did not pass schema validation/.test(line)) continue;
    let finding: VerifyFinding | null = null;
    const v = VALIDITY.exec(line);
    if (v) {
      const at = lines[Number(v[1]) - 1];
      const named = at?.id ? [at.id] : [];
      finding = { severity: v[3] === "warning" ? "warning" : "error", message: `${v[2]}${at?.id ? ` ${at.id}` : ""}: ${v[4]}`, ids: named };
    } else {
      const m = LEVELED.exec(line);
      if (!m) continue;
      const sev = m[1]!.toLowerCase();
      if (sev === "notice") continue;
      finding = { severity: sev === "warning" ? "warning" : "error", message: m[2]!, ids: [] };
    }
    for (const token of finding.message.match(/[A-Za-z_][A-Za-z0-9._:-]*/g) ?? []) {
      const t = token.replace(/[.:]+$/, "");
      if (ids.has(t) && !finding.ids.includes(t)) finding.ids.push(t);
    }
    if (seen.has(finding.message)) continue;
    seen.add(finding.message);
    out.push(finding);
  }
  return out;
}

