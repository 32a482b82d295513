/** describeEdit: one line per edit, in the words an admin uses for it (the draft's change list, the audit row). */
import type { CibEdit, ConstraintInput, ResourceSetInput, RuleInput } from "./edits";
import { normalizeScore } from "./apply-constraints";

const agentName = (a: { class: string; provider?: string; type: string }): string => [a.class, a.provider, a.type].filter((x) => x !== undefined).join(":");

const sets = (list: readonly ResourceSetInput[]): string => list.map((s) => `(${s.resources.join(" ")})`).join(" ");

const ruleText = (r: RuleInput): string => {
  const parts = r.expressions.map((x) => {
    if (x.kind === "expression") return x.value === undefined ? `${x.attribute} ${x.operation}` : `${x.attribute} ${x.operation} ${x.value}`;
    if (x.operation === "date_spec") return `date matches ${Object.entries(x.spec ?? {}).map(([k, v]) => `${k}=${v}`).join(" ")}`;
    if (x.operation === "gt") return `after ${x.start ?? ""}`;
    if (x.operation === "lt") return `before ${x.end ?? ""}`;
    return `date in ${x.start ?? "…"}–${x.end ?? "…"}`;
  });
  return parts.join(` ${r.booleanOp ?? "and"} `);
};

function constraintLine(c: ConstraintInput): string {
  switch (c.kind) {
    case "rsc_location": {
      const who = c.rsc ?? `resources matching /${c.rscPattern ?? ""}/`;
      const role = c.role ? ` (${c.role})` : "";
      if (c.node !== undefined && c.score !== undefined) {
        const s = normalizeScore(c.score);
        return `location ${who}${role} ${s.startsWith("-") ? "avoids" : "prefers"} ${c.node} (${s})`;
      }
      const rules = (c.rules ?? []).map((r) => `${r.score !== undefined ? normalizeScore(r.score) : (r.scoreAttribute ?? "0")} if ${ruleText(r)}`);
      return `location ${who}${role}: ${rules.join("; ")}`;
    }
    case "rsc_colocation": {
      const what = c.sets?.length ? `set ${sets(c.sets)}` : `${c.rsc ?? ""}${c.rscRole ? ` (${c.rscRole})` : ""} with ${c.withRsc ?? ""}${c.withRscRole ? ` (${c.withRscRole})` : ""}`;
      return `colocation ${what} ${normalizeScore(c.score)}`;
    }
    case "rsc_order": {
      const kind = c.orderKind ?? "Mandatory";
      if (c.sets?.length) return `order ${sets(c.sets)} (${kind})`;
      const act = (a: string | undefined): string => (a && a !== "start" ? ` ${a}` : "");
      return `order first ${c.first ?? ""}${act(c.firstAction)} then ${c.then ?? ""}${act(c.thenAction)} (${kind})`;
    }
    case "rsc_ticket":
      return `ticket ${c.ticket} for ${c.rsc ?? sets(c.sets ?? [])}${c.lossPolicy ? ` (loss-policy ${c.lossPolicy})` : ""}`;
  }
}

const SECTION_WORD = { crm_config: "cluster property", rsc_defaults: "rsc_defaults", op_defaults: "op_defaults" } as const;

export function describeEdit(edit: CibEdit): string {
  switch (edit.op) {
    case "primitive.create": {
      const what = edit.agent.class === "stonith" ? "fencing device" : "primitive";
      return `add ${what} ${edit.id} (${agentName(edit.agent)})${edit.group ? ` to group ${edit.group}` : ""}`;
    }
    case "primitive.update": {
      const parts = [
        edit.params && "parameters", edit.meta && "meta attributes", edit.utilization && "utilization",
        edit.operations && "operations", edit.description !== undefined && "description",
      ].filter((x): x is string => typeof x === "string");
      return `change ${edit.id}${parts.length ? `: ${parts.join(", ")}` : ""}`;
    }
    case "resource.meta":
      return edit.value === null ? `remove meta attribute ${edit.name} of ${edit.id}` : `set ${edit.id} meta ${edit.name}=${edit.value}`;
    case "resource.delete":
      return `delete resource ${edit.id}${edit.constraints ? " and its constraints" : ""}`;
    case "resource.rename":
      return `rename ${edit.id} to ${edit.to}${edit.references ? "" : " (references left as they are)"}`;
    case "group.create":
      return `group ${edit.id}: ${edit.members.join(", ") || "(empty)"}`;
    case "group.members":
      return `group ${edit.id}: ${edit.members.join(", ")}`;
    case "group.ungroup":
      return `ungroup ${edit.id}`;
    case "clone.create":
      return `clone ${edit.rsc} as ${edit.id}${edit.promotable ? " (promotable)" : ""}`;
    case "clone.unclone":
      return `unclone ${edit.id}`;
    case "constraint.put":
      return constraintLine(edit.constraint);
    case "constraint.delete":
      return `delete constraint ${edit.id}`;
    case "property.set": {
      const w = SECTION_WORD[edit.section];
      return edit.value === null ? `remove ${w} ${edit.name}` : `set ${w} ${edit.name}=${edit.value}`;
    }
    case "node.attribute": {
      const w = edit.set === "utilization" ? "utilization" : "attribute";
      return edit.value === null ? `remove node ${edit.node} ${w} ${edit.name}` : `set node ${edit.node} ${w} ${edit.name}=${edit.value}`;
    }
    case "acl.role.put":
      return `ACL role ${edit.id}: ${edit.permissions.map((p) => `${p.kind} ${p.xpath ?? p.reference ?? p.objectType ?? ""}${p.attribute ? `@${p.attribute}` : ""}`).join(", ")}`;
    case "acl.subject.put":
      return `ACL ${edit.kind === "acl_target" ? "user" : "group"} ${edit.id}: ${edit.roles.join(", ") || "no roles"}`;
    case "acl.delete":
      return `delete ACL ${edit.id}`;
    case "tag.put":
      return `tag ${edit.id}: ${edit.refs.join(", ")}`;
    case "tag.delete":
      return `delete tag ${edit.id}`;
    case "alert.put":
      return `alert ${edit.id} (${edit.path})${edit.recipients.length ? ` to ${edit.recipients.map((r) => r.value).join(", ")}` : ""}`;
    case "alert.delete":
      return `delete alert ${edit.id}`;
    case "fencing.level.put": {
      const target = edit.target ?? (edit.targetPattern !== undefined ? `/${edit.targetPattern}/` : `${edit.targetAttribute ?? ""}=${edit.targetValue ?? ""}`);
      return `fencing level ${edit.index} for ${target}: ${edit.devices.join(", ")}`;
    }
    case "fencing.level.delete":
      return `delete fencing level ${edit.id}`;
  }
}
