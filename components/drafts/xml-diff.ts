// The draft's XML against its base as changed hunks only (jsdiff), in the two layouts the panel
// offers: unified (one column of -/+ lines) and side by side (removed left, added right, paired).
// Both documents are pretty-printed the same way first: the base is as cibadmin wrote it, the
// draft as the edit functions serialize it, and only their content may differ.
import { structuredPatch } from "diff";
import { parseXml, toXmlPretty } from "@/lib/pacemaker/xml";

export interface DiffLine {
  kind: "context" | "del" | "add";
  text: string;
  /** line number in the base (del, context) or the draft (add) */
  line: number;
}

export interface DiffHunk {
  header: string;
  lines: DiffLine[];
}

export interface SideRow {
  left: DiffLine | null;
  right: DiffLine | null;
}

function pretty(xml: string, what: string): string {
  return toXmlPretty(parseXml(xml, what)).xml;
}

/** Changed hunks with 2 lines of context; [] when the configuration is the same. */
export function xmlHunks(baseXml: string, draftXml: string): DiffHunk[] {
  const p = structuredPatch("live", "draft", pretty(baseXml, "the draft's base"), pretty(draftXml, "the draft"), "", "", { context: 2 });
  return p.hunks.map((h) => {
    let oldLine = h.oldStart;
    let newLine = h.newStart;
    const lines: DiffLine[] = [];
    for (const raw of h.lines) {
      const sign = raw[0];
      const text = raw.slice(1);
      if (sign === "-") lines.push({ kind: "del", text, line: oldLine++ });
      else if (sign === "+") lines.push({ kind: "add", text, line: newLine++ });
      else if (sign === " ") {
        lines.push({ kind: "context", text, line: oldLine });
        oldLine++;
        newLine++;
      }
    }
    return { header: `@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, lines };
  });
}

/** A hunk as rows of two columns: context on both sides, each run of removals paired with the additions after it. */
export function sideBySide(h: DiffHunk): SideRow[] {
  const rows: SideRow[] = [];
  let i = 0;
  while (i < h.lines.length) {
    const l = h.lines[i]!;
    if (l.kind === "context") {
      rows.push({ left: l, right: l });
      i++;
      continue;
    }
    const dels: DiffLine[] = [];
    const adds: DiffLine[] = [];
    while (i < h.lines.length && h.lines[i]!.kind === "del") dels.push(h.lines[i++]!);
    while (i < h.lines.length && h.lines[i]!.kind === "add") adds.push(h.lines[i++]!);
    for (let k = 0; k < Math.max(dels.length, adds.length); k++) rows.push({ left: dels[k] ?? null, right: adds[k] ?? null });
  }
  return rows;
}
