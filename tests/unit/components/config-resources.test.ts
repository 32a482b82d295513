/**
 * The pure parts of the Resources page, the pending-changes panel and the ghost cards: the form's
 * values ↔ the edits it stages (checked by CibEditSchema and applied to the demo CIB), the resource
 * filter, the draft's XML diff, and where a predicted transition puts its ghosts.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { applyEdits } from "@/lib/cib";
import { CibEditSchema } from "@/lib/cib/edits";
import { parseCib } from "@/lib/pacemaker/parse-cib";
import { parseAgentMetadata } from "@/lib/pacemaker/parse-metadata";
import { changeText, elementHref } from "@/components/drafts/links";
import { sideBySide, xmlHunks } from "@/components/drafts/xml-diff";
import { ghostLabel, ghostsFrom } from "@/components/nodes/ghost-model";
import { moveItem } from "@/components/editors/resource-group";
import { createEdit, filterResources, findPrimitive, paramRows, takenIds, updateEdit, valuesFromPrimitive } from "@/components/editors/resource-model";
import { resourceFormSchema } from "@/components/editors/resource-schema";

const DEMO = readFileSync(join(process.cwd(), "tests/fixtures/demo/cib.xml"), "utf8");
const config = parseCib(DEMO).configuration;
const ipaddr2 = parseAgentMetadata(readFileSync(join(process.cwd(), "tests/fixtures/metadata/ocf_heartbeat_IPaddr2.xml"), "utf8"), "IPaddr2");
const apply = (edit: unknown) => parseCib(applyEdits(DEMO, [CibEditSchema.parse(edit)]).xml).configuration;

describe("the resource form's values and edits", () => {
  const blank = { id: "web_ip", description: "", ...paramRows(ipaddr2, []), meta: [{ name: "target-role", value: "Stopped" }, { name: "", value: "" }], ops: [{ name: "monitor" as const, interval: "10s", timeout: "20s", role: "", onFail: "", extra: [] }], group: "" };

  it("stages a create the edit schema takes and the CIB gets", () => {
    const values = { ...blank, params: blank.params.map((p) => (p.name === "ip" ? { ...p, value: "10.0.0.99" } : p)) };
    const edit = createEdit(values, { class: "ocf", provider: "heartbeat", type: "IPaddr2" });
    expect(edit).toMatchObject({ op: "primitive.create", id: "web_ip", agent: { class: "ocf", provider: "heartbeat", type: "IPaddr2" }, params: [{ name: "ip", value: "10.0.0.99" }], meta: [{ name: "target-role", value: "Stopped" }] });
    const after = findPrimitive(apply(edit), "web_ip");
    expect(after?.primitive.instanceAttributes[0]?.nvpairs.map((p) => [p.name, p.value])).toEqual([["ip", "10.0.0.99"]]);
    expect(after?.primitive.operations.map((o) => [o.name, o.interval])).toEqual([["monitor", "10s"]]);
    // a stonith device has no provider
    expect(createEdit(values, { class: "stonith", provider: "", type: "fence_ipmilan" })).toMatchObject({ agent: { class: "stonith", type: "fence_ipmilan" } });
    expect((createEdit(values, { class: "stonith", provider: "", type: "fence_ipmilan" }) as { agent: object }).agent).not.toHaveProperty("provider");
  });

  it("validates with the metadata: ip required, a taken id refused", () => {
    const schema = resourceFormSchema(ipaddr2, { checkId: true, taken: takenIds(config) });
    const r = schema.safeParse({ ...blank, id: "WebService1" });
    expect(r.success).toBe(false);
    const paths = r.error?.issues.map((i) => i.path.join(".")) ?? [];
    expect(paths).toContain("id");
    const ipIndex = blank.params.findIndex((p) => p.name === "ip");
    expect(paths).toContain(`params.${ipIndex}.value`);
  });

  it("prefills Edit from the configuration and stages an update that keeps it as it was", () => {
    const found = findPrimitive(config, "virtual_ip");
    expect(found?.group).toBe("balanceGroup");
    const values = valuesFromPrimitive(found!.primitive, ipaddr2);
    expect(values.params.find((p) => p.name === "ip")?.value).not.toBe("");
    const edit = updateEdit(values, found!.primitive);
    const after = findPrimitive(apply(edit), "virtual_ip")!.primitive;
    const pairs = (p: typeof after) => p.instanceAttributes[0]?.nvpairs.map((n) => [n.name, n.value]);
    expect(pairs(after)).toEqual(pairs(found!.primitive));
    expect(after.operations.map((o) => [o.name, o.interval, o.attrs.timeout])).toEqual(found!.primitive.operations.map((o) => [o.name, o.interval, o.attrs.timeout]));
  });

  it("keeps parameters the metadata does not list as extra rows", () => {
    const rows = paramRows(ipaddr2, [{ name: "ip", value: "1.2.3.4" }, { name: "not_in_metadata", value: "x" }]);
    expect(rows.extraParams).toEqual([{ name: "not_in_metadata", value: "x" }]);
    expect(paramRows(null, [{ name: "a", value: "b" }])).toEqual({ params: [], extraParams: [{ name: "a", value: "b" }] });
  });
});

describe("the resource list", () => {
  it("filters by text (ids and agents, children included) and by tag", () => {
    expect(filterResources(config, "apache", "").map((r) => r.id)).toEqual(["WebService1", "WebService2", "WebService3"]);
    expect(filterResources(config, "virtual_ip", "").map((r) => r.id)).toEqual(["balanceGroup"]);
    const tagged = apply({ op: "tag.put", id: "web", refs: ["WebService2", "virtual_ip"] });
    expect(filterResources(tagged, "", "web").map((r) => r.id)).toEqual(["balanceGroup", "WebService2"]);
  });

  it("knows every id in use and moves group members", () => {
    const ids = takenIds(config);
    for (const id of ["WebService1", "pgsql-clone", "location-WebService1-node2-100", "virtual_ip"]) expect(ids.has(id)).toBe(true);
    expect(moveItem(["a", "b", "c"], 0, 2)).toEqual(["b", "c", "a"]);
    expect(moveItem(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
  });
});

describe("the pending-changes panel", () => {
  it("diffs only the changed hunks, pairing removed and added lines side by side", () => {
    const draft = applyEdits(DEMO, [CibEditSchema.parse({ op: "resource.meta", id: "WebService1", name: "target-role", value: "Stopped" })]).xml;
    const hunks = xmlHunks(DEMO, draft);
    expect(hunks.length).toBeGreaterThan(0);
    const added = hunks.flatMap((h) => h.lines).filter((l) => l.kind === "add");
    expect(added.some((l) => l.text.includes('name="target-role" value="Stopped"'))).toBe(true);
    for (const h of hunks) expect(sideBySide(h).every((r) => r.left !== null || r.right !== null)).toBe(true);
    expect(xmlHunks(DEMO, DEMO)).toEqual([]);
  });

  it("says placement changes in plain words and links the elements findings name", () => {
    expect(changeText({ resource: "web_ip", change: "start", from: null, to: "node2" })).toBe("start web_ip on node2");
    expect(changeText({ resource: "db", change: "move", from: "node1", to: "node3" })).toBe("move db from node1 to node3");
    expect(changeText({ resource: "db", change: "stop", from: "node1", to: null })).toBe("stop db on node1");
    expect(elementHref("demo", config, "virtual_ip")).toBe("/clusters/demo/config?edit=virtual_ip");
    expect(elementHref("demo", config, "location-WebService1-node2-100")).toBe("/clusters/demo/config/constraints?edit=location-WebService1-node2-100");
    expect(elementHref("demo", config, "nothing")).toBeNull();
  });
});

describe("ghost cards", () => {
  it("put each change in the column it would be in, named by its top-level resource", () => {
    const after = [
      { id: "web_ip", role: "Started", nodes: ["node2"], parents: [] },
      { id: "pgsql:1", role: "Promoted", nodes: ["node3"], parents: ["pgsql-clone"] },
      { id: "my_lvs", role: "Started", nodes: ["node4"], parents: ["balanceGroup"] },
    ];
    const ghosts = ghostsFrom(
      [
        { resource: "web_ip", change: "start", from: null, to: "node2" },
        { resource: "pgsql:1", change: "promote", from: "node3", to: "node3" },
        { resource: "my_lvs", change: "move", from: "node3", to: "node4" },
        { resource: "WebService1", change: "stop", from: "node2", to: null },
      ],
      after,
    );
    expect(ghosts.map((g) => [g.column, g.resourceId, g.member, g.change])).toEqual([
      ["node2", "web_ip", null, "start"],
      ["node3", "pgsql-clone", "pgsql:1", "promote"],
      ["node4", "balanceGroup", "my_lvs", "move"],
      [null, "WebService1", null, "stop"],
    ]);
    expect(ghosts.map(ghostLabel)).toEqual(["after commit: start", "after commit: promote", "after commit: move here from node3", "after commit: stop on node2"]);
  });
});
