/**
 * parseAgentMetadata over every metadata fixture (real outputs of Pacemaker 2.1.5, resource-agents
 * 4.12, fence-agents and cluster-glue on Debian 12; systemd_ssh.xml is Pacemaker 2.1.5's template,
 * see tests/fixtures/metadata/README.md), plus the OCF 1.1 and later-Pacemaker forms no installed
 * agent writes yet.
 */
import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { parseAgentMetadata, PacemakerParseError, type AgentMetadata } from "@/lib/pacemaker";
import { AgentMetadataSchema, type AgentParameter } from "@/lib/pacemaker/model-metadata";
import { allowedValues, collapseWhitespace, longdescText } from "@/lib/pacemaker/parse-metadata";
import { FIXTURES, read } from "./helpers";

const DIR = join(FIXTURES, "metadata");
const load = (file: string): AgentMetadata => AgentMetadataSchema.parse(parseAgentMetadata(read(join(DIR, file)), file));
const param = (m: AgentMetadata, name: string): AgentParameter => {
  const p = m.parameters.find((x) => x.name === name);
  if (!p) throw new Error(`${m.name} has no parameter ${name}`);
  return p;
};

/** name, parameter and action counts of every fixture: a new fixture must be added here. */
const EXPECTED: Record<string, { name: string; parameters: number; actions: number }> = {
  "lsb_corosync.xml": { name: "corosync", parameters: 0, actions: 7 },
  "ocf_heartbeat_Filesystem.xml": { name: "Filesystem", parameters: 9, actions: 5 },
  "ocf_heartbeat_IPaddr2.xml": { name: "IPaddr2", parameters: 23, actions: 6 },
  "ocf_heartbeat_apache.xml": { name: "apache", parameters: 13, actions: 6 },
  "ocf_heartbeat_ldirectord.xml": { name: "ldirectord", parameters: 2, actions: 5 },
  "ocf_pacemaker_Dummy.xml": { name: "Dummy", parameters: 6, actions: 9 },
  "ocf_pacemaker_Stateful.xml": { name: "Stateful", parameters: 3, actions: 10 },
  "ocf_pacemaker_SysInfo.xml": { name: "SysInfo", parameters: 5, actions: 6 },
  "ocf_pacemaker_ping.xml": { name: "ping", parameters: 11, actions: 6 },
  "ocf_pacemaker_remote.xml": { name: "remote", parameters: 3, actions: 8 },
  "pacemaker-based.xml": { name: "pacemaker-based", parameters: 2, actions: 0 },
  "pacemaker-controld.xml": { name: "pacemaker-controld", parameters: 17, actions: 0 },
  "pacemaker-fenced.xml": { name: "pacemaker-fenced", parameters: 25, actions: 0 },
  "pacemaker-schedulerd.xml": { name: "pacemaker-schedulerd", parameters: 30, actions: 0 },
  "stonith_external_ipmi.xml": { name: "external/ipmi", parameters: 8, actions: 5 },
  "stonith_fence_heuristics_ping.xml": { name: "fence_heuristics_ping", parameters: 24, actions: 9 },
  "stonith_fence_ipmilan.xml": { name: "fence_ipmilan", parameters: 41, actions: 11 },
  "systemd_ssh.xml": { name: "ssh", parameters: 0, actions: 5 },
};

describe("every metadata fixture", () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith(".xml")).sort();

  it("is listed with its counts", () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)("%s parses to the model with the expected counts", (file) => {
    const m = load(file);
    expect({ name: m.name, parameters: m.parameters.length, actions: m.actions.length }).toEqual(EXPECTED[file]);
    expect(m.shortdesc).not.toBe("");
    expect(m.shortdesc).not.toMatch(/\s{2,}|^\s|\s$/);
    for (const p of m.parameters) {
      expect(p.shortdesc, `${file} ${p.name}`).not.toMatch(/\s{2,}|^\s|\s$|\*\*\*/);
      for (const line of p.longdesc.split("\n")) expect(line).toBe(line.trim());
    }
    expect(new Set(m.parameters.map((p) => p.name)).size).toBe(m.parameters.length);
  });
});

describe("OCF resource agents", () => {
  it("IPaddr2: ip is required and unique, a string without default; monitor has its timeout", () => {
    const m = load("ocf_heartbeat_IPaddr2.xml");
    expect(param(m, "ip")).toMatchObject({ required: true, unique: true, type: "string", deprecated: false, advanced: false });
    expect(param(m, "nic")).toMatchObject({ required: false, unique: false, default: null });
    expect(param(m, "cidr_netmask").longdesc).toBe(
      "The netmask for the interface in CIDR format\n(e.g., 24 and not 255.255.255.0)\n\nIf unspecified, the script will also try to determine this from the\nrouting table.",
    );
    expect(m.actions.find((a) => a.name === "monitor")).toEqual({ name: "monitor", timeout: "20s", interval: "10s", role: null, depth: "0", startDelay: null });
    expect(m.version).toBe("1.0");
  });

  it("Stateful: role-specific monitors, unique-group alone in its group, reloadable parameters", () => {
    const m = load("ocf_pacemaker_Stateful.xml");
    const monitors = m.actions.filter((a) => a.name === "monitor");
    expect(monitors).toEqual([
      { name: "monitor", timeout: "20s", interval: "10s", role: "Promoted", depth: "0", startDelay: null },
      { name: "monitor", timeout: "20s", interval: "11s", role: "Unpromoted", depth: "0", startDelay: null },
    ]);
    expect(m.actions.find((a) => a.name === "promote")?.timeout).toBe("10s");
    expect(param(m, "state")).toMatchObject({ unique: true, reloadable: false, default: "/var/run/Stateful-Stateful.state" });
    expect(param(m, "envfile")).toMatchObject({ reloadable: true, unique: false, default: "" });
    expect(m.longdesc).toBe("This is an example resource agent that implements Promoted and Unpromoted roles");
  });

  it("SysInfo: a select's options, each once, in order", () => {
    const p = param(load("ocf_pacemaker_SysInfo.xml"), "disk_unit");
    expect(p).toMatchObject({ type: "select", default: "G" });
    expect(p.options).toEqual(["B", "b", "K", "k", "M", "m", "G", "g", "T", "t", "P", "p"]);
  });

  it("OCF 1.1: <deprecated> with <replaced-with>, unique-group shared by several, advanced attribute", () => {
    const m = parseAgentMetadata(
      `<?xml version="1.0"?>
      <resource-agent name="x" version="1.1"><version>1.1</version>
        <longdesc lang="de">Deutsch</longdesc><longdesc lang="en">English</longdesc>
        <shortdesc lang="en">x</shortdesc>
        <parameters>
          <parameter name="old"><deprecated><replaced-with name="new1"/><replaced-with name="new2"/><desc lang="en">use new1</desc></deprecated>
            <shortdesc lang="en">old</shortdesc><content type="string"/></parameter>
          <parameter name="gone"><deprecated/><content type="integer" default="3"/></parameter>
          <parameter name="host" unique-group="endpoint"><content type="string"/></parameter>
          <parameter name="port" unique-group="endpoint"><content type="port"/></parameter>
          <parameter name="tune" advanced="1"><content type="select"><option value="a"/><option value="b"/></content></parameter>
          <parameter><content type="string"/></parameter>
        </parameters>
        <actions><action name="start" timeout="20s" start-delay="5s"/><action timeout="1"/></actions>
      </resource-agent>`,
      "test metadata",
    );
    expect(m.longdesc).toBe("English");
    expect(param(m, "old")).toMatchObject({ deprecated: true, replacedWith: "new1" });
    expect(param(m, "gone")).toMatchObject({ deprecated: true, replacedWith: null, type: "integer", default: "3", shortdesc: "", longdesc: "" });
    // a group of two constrains the pair, not each value
    expect(param(m, "host").unique).toBe(false);
    expect(param(m, "tune")).toMatchObject({ advanced: true, options: ["a", "b"] });
    expect(m.parameters.map((p) => p.name)).toEqual(["old", "gone", "host", "port", "tune"]);
    expect(m.actions).toEqual([{ name: "start", timeout: "20s", interval: null, role: null, depth: null, startDelay: "5s" }]);
  });
});

describe("Pacemaker's daemons", () => {
  it("no-quorum-policy: a select with its five options", () => {
    const p = param(load("pacemaker-schedulerd.xml"), "no-quorum-policy");
    expect(p).toMatchObject({ type: "select", default: "stop", options: ["stop", "freeze", "ignore", "demote", "suicide"] });
    expect(p.shortdesc).toBe("What to do when the cluster does not have quorum");
  });

  it("the shortdesc markers become flags and leave the text", () => {
    const s = load("pacemaker-schedulerd.xml");
    expect(param(s, "stonith-enabled")).toMatchObject({ advanced: true, shortdesc: "Whether nodes may be fenced as part of recovery", type: "boolean", default: "true" });
    expect(param(s, "remove-after-stop")).toMatchObject({ deprecated: true, replacedWith: null, advanced: false, shortdesc: "Whether to remove stopped resources from the executor" });
    expect(s.parameters.filter((p) => p.advanced).map((p) => p.name)).toEqual(["stonith-enabled", "stonith-timeout", "startup-fencing"]);
    const f = load("pacemaker-fenced.xml");
    expect(param(f, "pcmk_host_argument")).toMatchObject({ advanced: true, shortdesc: "An alternate parameter to supply instead of 'port'" });
    expect(f.parameters.filter((p) => p.advanced)).toHaveLength(19);
  });

  it("types as written: time, percentage, integer", () => {
    const c = load("pacemaker-controld.xml");
    expect(param(c, "dc-deadtime")).toMatchObject({ type: "time", default: "20s" });
    expect(param(c, "load-threshold")).toMatchObject({ type: "percentage", default: "80%" });
    expect(param(c, "node-action-limit").type).toBe("integer");
    expect(c.version).toBe("2.1.5");
  });

  it("'Allowed values:' in a longdesc become options where no <option> is written, prose does not", () => {
    const f = load("pacemaker-fenced.xml");
    expect(param(f, "pcmk_host_check")).toMatchObject({ type: "string", default: "dynamic-list", options: ["dynamic-list", "static-list", "status", "none"] });
    expect(param(load("pacemaker-controld.xml"), "cluster-recheck-interval").options).toEqual([]);
    expect(allowedValues("Mode  Allowed values: a, b-c, d.e.")).toEqual(["a", "b-c", "d.e"]);
    expect(allowedValues("Allowed values: Zero disables polling, while positive values are seconds")).toEqual([]);
    expect(allowedValues("no list here")).toEqual([]);
  });

  it("a later Pacemaker's <deprecated><replaced-with> and advanced attribute", () => {
    const m = parseAgentMetadata(
      `<resource-agent name="cluster-options" version="3.0.0"><version>1.1</version><shortdesc lang="en">o</shortdesc><parameters>
        <parameter name="stonith-watchdog" advanced="1" generated="0"><deprecated><replaced-with name="fencing-watchdog"/></deprecated>
          <longdesc lang="en">l</longdesc><shortdesc lang="en">s</shortdesc><content type="duration" default="0"/></parameter>
      </parameters></resource-agent>`,
      "test metadata",
    );
    expect(param(m, "stonith-watchdog")).toMatchObject({ advanced: true, deprecated: true, replacedWith: "fencing-watchdog", type: "duration" });
  });
});

describe("fence agents", () => {
  it("fence_ipmilan: the old names are deprecated and point at their replacement", () => {
    const m = load("stonith_fence_ipmilan.xml");
    expect(m.shortdesc).toBe("Fence agent for IPMI");
    expect(m.version).toBeNull();
    expect(param(m, "ipaddr")).toMatchObject({ deprecated: true, replacedWith: "ip" });
    expect(param(m, "ip")).toMatchObject({ deprecated: false, replacedWith: null, type: "string", default: null });
    expect(param(m, "passwd")).toMatchObject({ deprecated: true, replacedWith: "password" });
    expect(param(m, "port")).toMatchObject({ deprecated: true, replacedWith: "plug", required: false });
    // Pacemaker's fence daemon ignores a configured action: the form must not offer it as an option to set
    expect(param(m, "action")).toMatchObject({ deprecated: true, replacedWith: null, default: "reboot", required: false });
    expect(param(m, "privlvl").options).toEqual(["callback", "user", "operator", "administrator"]);
    expect(m.actions.find((a) => a.name === "start")?.timeout).toBe("20s");
  });

  it("fence_heuristics_ping: debug is replaced by debug_file; a paragraph break in its longdesc is kept", () => {
    const m = load("stonith_fence_heuristics_ping.xml");
    expect(param(m, "debug")).toMatchObject({ deprecated: true, replacedWith: "debug_file" });
    expect(param(m, "ping_targets").required).toBe(true);
    expect(param(m, "method")).toMatchObject({ type: "select", default: "cycle", options: ["onoff", "cycle"] });
    expect(m.longdesc.split("\n\n")).toHaveLength(2);
  });

  it("cluster-glue's external/ipmi: OCF 1.0 layout, descriptions wrapped over lines", () => {
    const m = load("stonith_external_ipmi.xml");
    expect(param(m, "hostname")).toMatchObject({ unique: true, shortdesc: "Hostname", longdesc: "The name of the host to be managed by this STONITH device." });
    // its own ipaddr is no alias of anything here
    expect(param(m, "ipaddr")).toMatchObject({ deprecated: false, unique: true });
  });
});

describe("generated metadata (lsb, systemd)", () => {
  it("lsb: descriptions from the init script's header, no parameters, the fixed actions", () => {
    const m = load("lsb_corosync.xml");
    expect(m).toMatchObject({ shortdesc: "corosync cluster framework", longdesc: "Manages the Corosync Cluster Engine.", parameters: [] });
    expect(m.actions.find((a) => a.name === "monitor")).toMatchObject({ timeout: "15", interval: "15" });
  });

  it("systemd: the unit's description, no parameters", () => {
    const m = load("systemd_ssh.xml");
    expect(m).toMatchObject({ name: "ssh", shortdesc: "systemd unit file for ssh", longdesc: "OpenBSD Secure Shell server", parameters: [] });
    expect(m.actions.map((a) => a.name)).toEqual(["start", "stop", "status", "monitor", "meta-data"]);
  });
});

describe("text", () => {
  it("collapses a shortdesc, keeps a longdesc's lines and one blank line between paragraphs", () => {
    expect(collapseWhitespace("  a\n\t b  c \n")).toBe("a b c");
    expect(longdescText("\n\n   first line\n\tsecond\n\n\n\n  next para  \n\n")).toBe("first line\nsecond\n\nnext para");
  });
});

describe("bad input", () => {
  it.each([
    ["", /is empty/],
    ["<resource-agent name='x'><parameters>", /truncated|not well-formed/],
    ["<cib/>", /not agent metadata: its root element is <cib>/],
    ["<resource-agent><parameters/></resource-agent>", /has no name/],
    ["crm_resource: Metadata query for ocf:heartbeat:x failed", /not well-formed|no root element/],
  ])("%j is a PacemakerParseError naming the input", (xml, message) => {
    let err: unknown;
    try {
      parseAgentMetadata(xml, "the metadata of ocf:heartbeat:x");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PacemakerParseError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).toMatch(/metadata of ocf:heartbeat:x/);
  });

  it("crm_resource's own error text (a missing agent) is no metadata", () => {
    expect(() => parseAgentMetadata(read(join(DIR, "show-metadata-missing.txt")), "the metadata of ocf:heartbeat:nosuch")).toThrow(PacemakerParseError);
  });

  it("minimal metadata gets empty texts rather than failing", () => {
    const m = AgentMetadataSchema.parse(parseAgentMetadata("<resource-agent name='bare'/>", "bare"));
    expect(m).toEqual({ name: "bare", version: null, shortdesc: "", longdesc: "", parameters: [], actions: [] });
  });
});
