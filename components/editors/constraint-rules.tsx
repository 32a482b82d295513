"use client";
// Location rules: each rule has a score and expressions on node attributes (pingd, #uname…) or on
// the date (a range, or a date_spec such as weekdays 1-5, hours 9-16), joined by and/or.
import { Plus, Trash2 } from "lucide-react";
import { useFieldArray, useWatch, type Control, type FieldErrors, type UseFormRegister } from "react-hook-form";
import type { ExpressionInput, RuleInput } from "@/lib/cib/edits";
import { ExactInput } from "@/components/actions/field";
import { Button } from "@/components/admin/form-bits";
import { FieldError, LOCATION_WORDS, Labelled, RoleOptions, ScoreField, selectClass } from "./constraint-fields";

const SPEC_FIELDS = ["hours", "weekdays", "monthdays", "months", "years", "minutes", "yeardays", "weeks"] as const;
const SPEC_HELP: Record<(typeof SPEC_FIELDS)[number], string> = {
  hours: "0-23, e.g. 9-16",
  weekdays: "1-7, Monday is 1, e.g. 1-5",
  monthdays: "1-31",
  months: "1-12",
  years: "e.g. 2026",
  minutes: "0-59",
  yeardays: "1-366",
  weeks: "ISO week 1-53",
};

export interface ExpressionForm {
  kind: "expression" | "date_expression";
  attribute: string;
  operation: string;
  value: string;
  type: string;
  start: string;
  end: string;
  spec: Partial<Record<(typeof SPEC_FIELDS)[number], string>>;
}
export interface RuleForm {
  score: string;
  booleanOp: "and" | "or";
  role: string;
  expressions: ExpressionForm[];
}

export const emptyExpression = (attribute = "#uname"): ExpressionForm => ({ kind: "expression", attribute, operation: "eq", value: "", type: "", start: "", end: "", spec: {} });
export const emptyRule = (): RuleForm => ({ score: "INFINITY", booleanOp: "and", role: "", expressions: [emptyExpression()] });

export function ruleToForm(r: RuleInput): RuleForm {
  return {
    score: r.score ?? "INFINITY",
    booleanOp: r.booleanOp ?? "and",
    role: r.role ?? "",
    expressions: r.expressions.map((e) =>
      e.kind === "expression"
        ? { ...emptyExpression(e.attribute), operation: e.operation, value: e.value ?? "", type: e.type ?? "" }
        : { ...emptyExpression(""), kind: "date_expression", operation: e.operation, start: e.start ?? "", end: e.end ?? "", spec: { ...(e.spec ?? {}) } },
    ),
  };
}

/** Only the fields of the expression's own kind go to the (strict) schema. */
export function prepareExpression(e: ExpressionForm): Partial<ExpressionInput> {
  if (e.kind === "expression") {
    const noValue = e.operation === "defined" || e.operation === "not_defined";
    return { kind: "expression", attribute: e.attribute, operation: e.operation as "eq", ...(noValue ? {} : { value: e.value, type: e.type as "string" }) };
  }
  const op = e.operation;
  return {
    kind: "date_expression",
    operation: op as "in_range",
    ...(op === "gt" || op === "in_range" ? { start: e.start } : {}),
    ...(op === "lt" || op === "in_range" ? { end: e.end } : {}),
    ...(op === "date_spec" ? { spec: e.spec as Record<string, string> } : {}),
  };
}

// The form's values as far as the rules editor sees them (the location form holds more).
type WithRules = { rules: RuleForm[] };

export function RulesEditor({ control, register, errors, attributes }: { control: Control<WithRules>; register: UseFormRegister<WithRules>; errors: FieldErrors; attributes: string[] }) {
  const rules = useFieldArray({ control, name: "rules" });
  return (
    <div className="space-y-3" data-test="rules">
      <datalist id="constraint-node-attributes">
        {attributes.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      {rules.fields.map((f, i) => (
        <fieldset key={f.id} className="space-y-2 rounded-md border border-line p-3" data-test={`rule-${i}`}>
          <legend className="px-1 text-sm font-medium">Rule {i + 1}</legend>
          <ScoreField control={control} name={`rules.${i}.score`} label="When the rule matches, the resource" words={LOCATION_WORDS} errors={errors} test={`rule-${i}-score`} />
          <div className="grid gap-2 sm:grid-cols-2">
            <Labelled label="Combine the expressions with" help="and: all must hold; or: any one is enough">
              {({ id }) => (
                <select id={id} className={selectClass} {...register(`rules.${i}.booleanOp`)}>
                  <option value="and">and</option>
                  <option value="or">or</option>
                </select>
              )}
            </Labelled>
            <Labelled label="Only for the role" help="promotable clones: e.g. only where it is Promoted">
              {({ id }) => (
                <select id={id} className={selectClass} {...register(`rules.${i}.role`)}>
                  <RoleOptions />
                </select>
              )}
            </Labelled>
          </div>
          <Expressions control={control} register={register} errors={errors} rule={i} />
          <FieldError errors={errors} path={`rules.${i}.expressions`} />
          <Button variant="danger" onClick={() => rules.remove(i)} aria-label={`Remove rule ${i + 1}`} disabled={rules.fields.length === 1}>
            <Trash2 aria-hidden className="size-4" /> Remove rule
          </Button>
        </fieldset>
      ))}
      <Button variant="secondary" onClick={() => rules.append(emptyRule())} data-test="rule-add">
        <Plus aria-hidden className="size-4" /> Add rule
      </Button>
    </div>
  );
}

function Expressions({ control, register, errors, rule }: { control: Control<WithRules>; register: UseFormRegister<WithRules>; errors: FieldErrors; rule: number }) {
  const list = useFieldArray({ control, name: `rules.${rule}.expressions` });
  const values = useWatch({ control, name: `rules.${rule}.expressions` });
  return (
    <div className="space-y-2">
      {list.fields.map((f, j) => {
        const e = values?.[j] ?? (f as unknown as ExpressionForm);
        const p = `rules.${rule}.expressions.${j}` as const;
        return (
          <div key={f.id} className="space-y-2 rounded border border-line/70 bg-surface-2/40 p-2" data-test={`expr-${rule}-${j}`}>
            <div className="flex flex-wrap items-end gap-2">
              <Labelled label="Test">
                {({ id }) => (
                  <select id={id} className={`${selectClass} w-auto`} {...register(`${p}.kind`)} data-test="expr-kind">
                    <option value="expression">a node attribute</option>
                    <option value="date_expression">the date and time</option>
                  </select>
                )}
              </Labelled>
              {e.kind === "expression" ? (
                <>
                  <Labelled label="Attribute" errors={errors} path={`${p}.attribute`}>
                    {({ id, describedBy, invalid }) => <ExactInput id={id} list="constraint-node-attributes" className="w-40" aria-describedby={describedBy} aria-invalid={invalid} {...register(`${p}.attribute`)} data-test="expr-attribute" />}
                  </Labelled>
                  <Labelled label="Operation">
                    {({ id }) => (
                      <select id={id} className={`${selectClass} w-auto`} {...register(`${p}.operation`)} data-test="expr-operation">
                        <option value="eq">equals (eq)</option>
                        <option value="ne">is not (ne)</option>
                        <option value="lt">less than (lt)</option>
                        <option value="lte">at most (lte)</option>
                        <option value="gt">greater than (gt)</option>
                        <option value="gte">at least (gte)</option>
                        <option value="defined">is set (defined)</option>
                        <option value="not_defined">is not set (not_defined)</option>
                      </select>
                    )}
                  </Labelled>
                  {e.operation !== "defined" && e.operation !== "not_defined" ? (
                    <>
                      <Labelled label="Value" errors={errors} path={`${p}.value`}>
                        {({ id, describedBy, invalid }) => <ExactInput id={id} className="w-32" aria-describedby={describedBy} aria-invalid={invalid} {...register(`${p}.value`)} data-test="expr-value" />}
                      </Labelled>
                      <Labelled label="Compare as">
                        {({ id }) => (
                          <select id={id} className={`${selectClass} w-auto`} {...register(`${p}.type`)}>
                            <option value="">default</option>
                            <option value="string">text</option>
                            <option value="integer">integer</option>
                            <option value="number">number</option>
                            <option value="version">version</option>
                          </select>
                        )}
                      </Labelled>
                    </>
                  ) : null}
                </>
              ) : (
                <DateFields register={register} errors={errors} p={p} operation={e.operation} />
              )}
              <button type="button" className="mb-0.5 rounded p-2 text-muted hover:bg-surface-2 hover:text-err disabled:opacity-40" onClick={() => list.remove(j)} disabled={list.fields.length === 1} aria-label={`Remove expression ${j + 1}`}>
                <Trash2 aria-hidden className="size-4" />
              </button>
            </div>
          </div>
        );
      })}
      <Button variant="secondary" onClick={() => list.append(emptyExpression())} data-test="expr-add">
        <Plus aria-hidden className="size-4" /> Add expression
      </Button>
    </div>
  );
}

function DateFields({ register, errors, p, operation }: { register: UseFormRegister<WithRules>; errors: FieldErrors; p: `rules.${number}.expressions.${number}`; operation: string }) {
  return (
    <>
      <Labelled label="When">
        {({ id }) => (
          <select id={id} className={`${selectClass} w-auto`} {...register(`${p}.operation`)} data-test="date-operation">
            <option value="in_range">between two dates (in_range)</option>
            <option value="gt">after a date (gt)</option>
            <option value="lt">before a date (lt)</option>
            <option value="date_spec">at recurring times (date_spec)</option>
          </select>
        )}
      </Labelled>
      {operation === "gt" || operation === "in_range" ? (
        <Labelled label="Start" help="ISO 8601, e.g. 2026-12-24 or 2026-12-24T18:00:00" errors={errors} path={`${p}.start`}>
          {({ id, describedBy, invalid }) => <ExactInput id={id} className="w-48" aria-describedby={describedBy} aria-invalid={invalid} {...register(`${p}.start`)} />}
        </Labelled>
      ) : null}
      {operation === "lt" || operation === "in_range" ? (
        <Labelled label="End" errors={errors} path={`${p}.end`}>
          {({ id, describedBy, invalid }) => <ExactInput id={id} className="w-48" aria-describedby={describedBy} aria-invalid={invalid} {...register(`${p}.end`)} />}
        </Labelled>
      ) : null}
      {operation === "date_spec" ? (
        <div className="grid w-full grid-cols-2 gap-2 sm:grid-cols-4">
          {SPEC_FIELDS.map((k) => (
            <Labelled key={k} label={k} help={SPEC_HELP[k]} errors={errors} path={`${p}.spec.${k}`}>
              {({ id, describedBy }) => <ExactInput id={id} aria-describedby={describedBy} {...register(`${p}.spec.${k}`)} data-test={`spec-${k}`} />}
            </Labelled>
          ))}
        </div>
      ) : null}
    </>
  );
}
