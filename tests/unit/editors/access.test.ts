// The access page's model: the users' mapping to ACL targets, and the edits the ACL, tag, alert and
// fencing forms build — applied with lib/cib to recorded CIBs and read back as the page reads them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyEdits } from "@/lib/cib";
import { CibEditSchema } from "@/lib/cib/edits";
import { parseCib } from "@/lib/pacemaker/parse-cib";
import { aclMapping, permissionText } from "@/components/editors/acl-mapping";
import { roleEdit } from "@/components/editors/acl-role-form";
import { alertEdit, alertValues } from "@/components/editors/alert-form";
import { alertKinds } from "@/components/editors/alert-section";
import { byTarget, freeIndexes, levelId, move } from "@/components/editors/fencing-topology";
import { stonithDevices, taggableIds } from "@/components/editors/tag-ids";

const FIX = join(__dirname, "../../fixtures");
const cib = (p: string) => readFileSync(join(FIX, p, "cib.xml"), "utf8");
const configOf = (xml: string) => parseCib(xml).configuration!;

describe("aclMapping", () => {
  const acls = configOf(cib("variants/acl")).acls;
  const user = (username: string, aclTarget: string | null) => ({ username, role: "operator", disabled: false, aclTarget });

  it("flags users mapped to a target the CIB lacks and targets no user maps to", () => {
    expect(acls?.targets.map((t) => t.id)).toEqual(expect.arrayContaining(["viewer1", "oper1"]));
    const m = aclMapping(acls, [user("alice", "oper1"), user("bob", "ghost"), user("carol", null)]);
    expect(m.users.map((u) => u.targetExists)).toEqual([true, false, null]);
    expect(m.danglingUsers).toEqual(["bob"]);
    expect(m.unmappedTargets).toContain("viewer1");
    expect(m.unmappedTargets).not.toContain("oper1");
  });

  it("without ACLs every mapped user dangles", () => {
    expect(aclMapping(null, [user("alice", "oper1")]).danglingUsers).toEqual(["alice"]);
  });

  it("says a permission in words", () => {
    const role = acls!.roles.find((r) => r.id === "operator")!;
    expect(permissionText(role.permissions[0]!)).toBe("read xpath /cib");
    expect(permissionText({ kind: "deny", xpath: null, reference: null, objectType: "primitive", attribute: "target-role" })).toBe("deny every primitive (attribute target-role)");
  });
});

describe("the forms' edits", () => {
  const demoXml = cib("demo");
  const demo = configOf(demoXml);

  it("an ACL role with an xpath, a reference and an object type, and a target holding it", () => {
    const edit = roleEdit({
      id: "web-admin",
      description: "",
      permissions: [
        { kind: "read", on: "xpath", target: "/cib", attribute: "ignored" },
        { kind: "write", on: "reference", target: "WebService1", attribute: "" },
        { kind: "deny", on: "objectType", target: "primitive", attribute: "target-role" },
      ],
    });
    expect(edit.permissions[0]).toEqual({ kind: "read", xpath: "/cib" });
    const xml = applyEdits(demoXml, [edit, { op: "acl.subject.put", kind: "acl_target", id: "alice", roles: ["web-admin"] }]).xml;
    const acls = configOf(xml).acls!;
    expect(acls.roles[0]?.permissions.map(permissionText)).toEqual(["read xpath /cib", "write id WebService1", "deny every primitive (attribute target-role)"]);
    expect(acls.targets.map((t) => [t.id, t.roles])).toEqual([["alice", ["web-admin"]]]);
  });

  it("a tag over a resource and a constraint picked from the lists", () => {
    const ids = taggableIds(demo).map((x) => x.id);
    expect(ids).toEqual(expect.arrayContaining(["balanceGroup", "virtual_ip", "pgsql", "pgsql-clone", "location-WebService1-node2-100"]));
    const xml = applyEdits(demoXml, [{ op: "tag.put", id: "web", refs: ["WebService1", "location-WebService1-node2-100"] }]).xml;
    expect(configOf(xml).tags).toMatchObject([{ id: "web", refs: ["WebService1", "location-WebService1-node2-100"] }]);
  });

  it("an alert read into the form and written back is the same alert", () => {
    const xml = cib("variants/tags-alerts");
    const alert = configOf(xml).alerts[0]!;
    const v = alertValues(alert);
    expect(v).toMatchObject({ id: "log-alert", selective: false, params: [{ name: "logfile", value: "/var/log/pcmk_alert.log" }] });
    const edit = alertEdit({ ...v, selective: true, nodes: true, fencing: true, attributes: true, attributeNames: "pingd, standby", timeout: "15s" }, alert);
    expect(CibEditSchema.safeParse(edit).success).toBe(true);
    const after = configOf(applyEdits(xml, [edit]).xml).alerts[0]!;
    expect(after.select).toEqual({ nodes: true, fencing: true, resources: false, attributes: ["pingd", "standby"] });
    expect(after.recipients.map((r) => r.value)).toEqual(["/var/log/pcmk_alert.log"]);
    expect(after.metaAttributes[0]?.nvpairs.map((p) => [p.name, p.value])).toEqual([["timeout", "15s"]]);
    expect(alertKinds(after)).toBe("nodes, fencing, attributes pingd, standby");
    expect(alertKinds(alert)).toBe("every event");
  });

  it("fencing levels per node, ordered devices, the next free index and id", () => {
    expect(stonithDevices(demo)).toEqual(["my_ping_fence_device"]);
    const xml = cib("variants/tags-alerts");
    const c = configOf(xml);
    const groups = byTarget(c.fencingTopology, c.nodes.map((n) => n.uname));
    expect(groups.map((g) => [g.key, g.levels.map((l) => l.index)])).toEqual([
      ["node2", [1]],
      ["node3", []],
      ["node4", []],
    ]);
    expect(freeIndexes(c.fencingTopology, "node2")[0]).toBe(2);
    const taken = new Set(c.fencingTopology.map((l) => l.id));
    expect(levelId("node2", 1, taken)).toBe("fl-node2-1-2");
    expect(levelId("node3", 1, taken)).toBe("fl-node3-1");
    expect(move(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(move(["a", "b"], 0, -1)).toEqual(["a", "b"]);
    const after = configOf(applyEdits(xml, [{ op: "fencing.level.put", id: "fl-node3-1", index: 1, target: "node3", devices: ["my_ping_fence_device"] }]).xml);
    expect(byTarget(after.fencingTopology, ["node2", "node3"]).map((g) => g.levels.map((l) => l.id))).toEqual([["fl-node2-1"], ["fl-node3-1"]]);
  });
});
