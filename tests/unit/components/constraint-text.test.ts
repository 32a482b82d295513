// Constraint rules in words: date expressions say their dates and fields (as the graph's rule nodes
// and the constraint lists show them), parsed from real CIB XML.
import { describe, expect, it } from "vitest";
import { describeConstraint } from "@/components/cluster/constraint-text";
import { parseCib } from "@/lib/pacemaker/parse-cib";

const cibWith = (constraints: string) =>
  `<cib epoch="1" num_updates="0" admin_epoch="0" validate-with="pacemaker-3.9"><configuration><crm_config/><nodes/><resources><primitive id="web" class="ocf" provider="pacemaker" type="Dummy"/></resources><constraints>${constraints}</constraints></configuration><status/></cib>`;

const describe1 = (xml: string): string => describeConstraint(parseCib(cibWith(xml)).configuration.constraints[0]!);

describe("describeConstraint: date rules", () => {
  it("names a date_spec's fields", () => {
    const text = describe1(
      '<rsc_location id="office" rsc="web"><rule id="office-rule" score="50"><date_expression id="office-expr" operation="date_spec"><date_spec id="office-spec" hours="9-16" weekdays="1-5"/></date_expression></rule></rsc_location>',
    );
    expect(text).toContain("when hours 9-16, weekdays 1-5");
    expect(text).not.toContain("date date_spec");
  });

  it("names an in_range's start and end, or its duration", () => {
    expect(describe1('<rsc_location id="r" rsc="web"><rule id="r-rule" score="10"><date_expression id="r-e" operation="in_range" start="2026-12-01" end="2026-12-31"/></rule></rsc_location>')).toContain(
      "from 2026-12-01 until 2026-12-31",
    );
    expect(
      describe1('<rsc_location id="d" rsc="web"><rule id="d-rule" score="10"><date_expression id="d-e" operation="in_range" start="2026-12-01"><duration id="d-dur" days="7"/></date_expression></rule></rsc_location>'),
    ).toContain("from 2026-12-01 for days 7");
  });

  it("keeps before/after", () => {
    expect(describe1('<rsc_location id="b" rsc="web"><rule id="b-rule" score="10"><date_expression id="b-e" operation="lt" end="2027-01-01"/></rule></rsc_location>')).toContain("before 2027-01-01");
  });
});
