/**
 * The resource form's rules from real agents' metadata (tests/fixtures/metadata, parsed by
 * parseAgentMetadata): which fields, in which order, the operations a new resource starts from, and
 * paramsSchemaFor's verdicts on values as a user types them.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAgentMetadata } from "@/lib/pacemaker/parse-metadata";
import type { AgentMetadata } from "@/lib/pacemaker/model-metadata";
import { checkParamValue, defaultOperations, extraHelp, fieldKind, isTrueWord, orderParameters, paramsSchemaFor } from "@/lib/cib/agent-params";
import { OperationInputSchema } from "@/lib/cib/edits";

const load = (file: string): AgentMetadata => parseAgentMetadata(readFileSync(join(process.cwd(), "tests/fixtures/metadata", file), "utf8"), file);
const param = (m: AgentMetadata, name: string) => {
  const p = m.parameters.find((x) => x.name === name);
  if (!p) throw new Error(`${m.name} has no parameter ${name}`);
  return p;
};
/** name → message of every issue the schema raises for these values */
const issues = (m: AgentMetadata, values: Record<string, string>): Record<string, string> => {
  const r = paramsSchemaFor(m).safeParse(values);
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
};

const ipaddr2 = load("ocf_heartbeat_IPaddr2.xml");
const ping = load("ocf_pacemaker_ping.xml");
const stateful = load("ocf_pacemaker_Stateful.xml");
const ipmilan = load("stonith_fence_ipmilan.xml");
const filesystem = load("ocf_heartbeat_Filesystem.xml");

describe("paramsSchemaFor", () => {
  it("requires IPaddr2's ip and accepts it once given", () => {
    expect(issues(ipaddr2, {})).toEqual({ ip: "ip is required" });
    expect(issues(ipaddr2, { ip: "   " })).toEqual({ ip: "ip is required" });
    expect(issues(ipaddr2, { ip: "10.0.0.99" })).toEqual({});
    expect(paramsSchemaFor(ipaddr2).parse({ ip: "10.0.0.99", cidr_netmask: "24" })).toEqual({ ip: "10.0.0.99", cidr_netmask: "24" });
  });

  it("names every missing required parameter of Filesystem", () => {
    expect(Object.keys(issues(filesystem, {})).sort()).toEqual(["device", "directory", "fstype"]);
  });

  it("holds integers to whole numbers (ping's dampen is text, its attempts an integer)", () => {
    const p = param(ping, "attempts");
    expect(p.type).toBe("integer");
    expect(issues(ping, { host_list: "10.0.0.1", attempts: "3" })).toEqual({});
    expect(issues(ping, { host_list: "10.0.0.1", attempts: "3.5" })).toEqual({ attempts: 'attempts is a whole number, not "3.5"' });
    expect(issues(ping, { host_list: "10.0.0.1", attempts: "three" }).attempts).toMatch(/whole number/);
  });

  it("takes booleans as true/false/yes/no/1/0 and nothing else", () => {
    expect(param(ipaddr2, "lvs_support").type).toBe("boolean");
    for (const v of ["true", "false", "yes", "no", "1", "0", "TRUE", "No"]) expect(issues(ipaddr2, { ip: "10.0.0.1", lvs_support: v })).toEqual({});
    expect(issues(ipaddr2, { ip: "10.0.0.1", lvs_support: "maybe" }).lvs_support).toMatch(/true or false/);
  });

  it("keeps a select among its options (fence_ipmilan's auth)", () => {
    const auth = param(ipmilan, "auth");
    expect(auth.type).toBe("select");
    expect(auth.options).toEqual(["md5", "password", "none"]);
    expect(issues(ipmilan, { auth: "md5" })).toEqual({});
    expect(issues(ipmilan, { auth: "rot13" })).toEqual({ auth: 'auth is one of md5, password, none, not "rot13"' });
  });

  it("lets names the metadata does not list through (the form's raw rows)", () => {
    expect(issues(ipaddr2, { ip: "10.0.0.1", my_extra: "x" })).toEqual({});
  });
});

describe("the form's fields", () => {
  it("edits each type with its control", () => {
    expect(fieldKind(param(ipaddr2, "lvs_support"))).toBe("boolean");
    expect(fieldKind(param(ipmilan, "auth"))).toBe("select");
    expect(fieldKind(param(ping, "attempts"))).toBe("integer");
    expect(fieldKind(param(ipaddr2, "ip"))).toBe("text");
    // a select with nothing to choose from is typed
    expect(fieldKind({ type: "select", options: [] })).toBe("text");
  });

  it("lists required parameters first and folds deprecated ones away", () => {
    const { main, folded } = orderParameters(ipaddr2);
    expect(main[0]?.name).toBe("ip");
    expect(main.map((p) => p.name)).toContain("cidr_netmask");
    const fence = orderParameters(ipmilan);
    expect(fence.folded.map((p) => p.name)).toEqual(expect.arrayContaining(["ipaddr", "login", "passwd"]));
    expect(fence.main.some((p) => p.deprecated)).toBe(false);
    expect(main.length + folded.length).toBe(ipaddr2.parameters.length);
  });

  it("marks unique parameters and gives the longdesc only when it says more", () => {
    expect(param(ipaddr2, "ip").unique).toBe(true);
    expect(extraHelp(param(ipaddr2, "ip"))).toMatch(/dotted quad/);
    expect(extraHelp({ shortdesc: "same", longdesc: "same" })).toBeNull();
  });

  it("reads Pacemaker's true words", () => {
    expect(isTrueWord("yes")).toBe(true);
    expect(isTrueWord("0")).toBe(false);
  });

  it("checks a single value without the whole map", () => {
    expect(checkParamValue(param(ipaddr2, "ip"), undefined)).toBe("ip is required");
    expect(checkParamValue(param(ipaddr2, "cidr_netmask"), "")).toBeNull();
  });
});

describe("defaultOperations", () => {
  it("starts IPaddr2 with its advertised monitor, start and stop", () => {
    const ops = defaultOperations(ipaddr2, false);
    expect(ops.find((o) => o.name === "monitor")).toEqual({ name: "monitor", interval: "10s", timeout: "20s" });
    expect(ops.map((o) => o.name)).toEqual(["monitor", "start", "stop"]);
    for (const o of ops) expect(OperationInputSchema.safeParse(o).success).toBe(true);
  });

  it("gives a promotable Stateful one monitor per role, and promote/demote", () => {
    const ops = defaultOperations(stateful, true);
    expect(ops.filter((o) => o.name === "monitor").map((o) => [o.interval, o.role])).toEqual([
      ["10s", "Promoted"],
      ["11s", "Unpromoted"],
    ]);
    expect(ops.map((o) => o.name)).toEqual(["monitor", "monitor", "start", "stop", "promote", "demote"]);
    // not promotable: one plain monitor, no roles
    expect(defaultOperations(stateful, false).filter((o) => o.name === "monitor")).toEqual([{ name: "monitor", interval: "10s", timeout: "20s" }]);
  });

  it("falls back to a 10s monitor without metadata", () => {
    expect(defaultOperations(null, false)).toEqual([{ name: "monitor", interval: "10s", timeout: "20s" }]);
  });
});
