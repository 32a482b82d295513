import { readFileSync } from "node:fs";
import { join } from "node:path";
import { applyEdits } from "@/lib/cib";
import { CibEditSchema, type CibEdit, type CibEditInput } from "@/lib/cib/edits";
import { parseCib } from "@/lib/pacemaker/parse-cib";
import type { Configuration } from "@/lib/pacemaker/model-config";

export const DEMO_CIB = readFileSync(join(process.cwd(), "tests/fixtures/demo/cib.xml"), "utf8");

/** An edit as a client sends it, with the schema's defaults filled in. */
export const edit = (e: CibEditInput): CibEdit => CibEditSchema.parse(e);

export function apply(...edits: CibEditInput[]): { xml: string; config: Configuration } {
  const { xml } = applyEdits(DEMO_CIB, edits.map(edit), { checkIds: true });
  return { xml, config: parseCib(xml).configuration };
}

/** The CibEditError message applying these edits raises. */
export function failure(...edits: CibEditInput[]): string {
  try {
    applyEdits(DEMO_CIB, edits.map(edit));
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("the edits applied without an error");
}

export const resource = (c: Configuration, id: string) => {
  for (const r of c.resources) {
    if (r.id === id) return r;
    if (r.kind === "group") for (const m of r.children) if (m.id === id) return m;
    if (r.kind === "clone" && r.child) {
      if (r.child.id === id) return r.child;
      if (r.child.kind === "group") for (const m of r.child.children) if (m.id === id) return m;
    }
  }
  return undefined;
};

export const topLevel = (c: Configuration): string[] => c.resources.map((r) => r.id);
