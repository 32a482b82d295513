import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, loadFixture } from "./helpers";

const v = (name: string) => loadFixture(join(FIXTURES, "variants", name));
const demo = () => loadFixture(join(FIXTURES, "demo"));

describe("CIB configuration", () => {
  it("reads the cib element, properties and resource tree of the demo", () => {
    const s = demo();
    expect(s.cib).toMatchObject({ epoch: 26, numUpdates: 66, adminEpoch: 0, haveQuorum: true, dcUuid: "1", validateWith: "pacemaker-3.9" });
    const cfg = s.configuration!;
    expect(cfg.properties["cluster-name"]).toBe("democluster");
    expect(s.summary.clusterName).toBe("democluster");
    expect(cfg.resources.map((r) => `${r.kind}:${r.id}`)).toEqual([
      "primitive:my_ping_fence_device", "group:balanceGroup", "primitive:WebService1", "primitive:WebService2",
      "primitive:WebService3", "clone:ping-clone", "clone:pgsql-clone",
    ]);
    const pgsql = cfg.resources.find((r) => r.id === "pgsql-clone");
    expect(pgsql?.kind === "clone" && pgsql.promotable).toBe(true);
    const fence = cfg.resources[0];
    expect(fence).toMatchObject({ kind: "primitive", class: "stonith", provider: null, type: "fence_heuristics_ping" });
    expect(fence?.kind === "primitive" && fence.operations[0]).toMatchObject({ name: "monitor", interval: "60s" });
    const group = cfg.resources[1];
    expect(group?.kind === "group" && group.children.map((c) => c.id)).toEqual(["virtual_ip", "my_lvs"]);
  });

  it("reads constraints with rules, nested expressions and date expressions", () => {
    const cfg = v("move").configuration!;
    const rule = cfg.constraints.find((c) => c.id === "location-balanceGroup-pingd");
    expect(rule?.kind).toBe("rsc_location");
    if (rule?.kind !== "rsc_location") return;
    expect(rule.rules[0]).toMatchObject({ score: "-INFINITY", booleanOp: "or" });
    expect(rule.rules[0]?.expressions.map((e) => e.kind)).toEqual(["expression", "expression"]);
    const prefer = cfg.constraints.find((c) => c.id === "cli-prefer-WebService1");
    if (prefer?.kind !== "rsc_location") throw new Error("no cli-prefer");
    expect(prefer.role).toBe("Started");
    expect(prefer.rules[0]?.expressions[1]).toMatchObject({ kind: "date_expression", operation: "lt", end: "2026-11-25 00:00:58Z" });
    expect(cfg.constraints.find((c) => c.kind === "rsc_colocation")).toMatchObject({ rsc: "balanceGroup", withRsc: "ping-clone", score: "INFINITY" });
    expect(cfg.constraints.find((c) => c.kind === "rsc_order")).toMatchObject({ first: "ping-clone", then: "balanceGroup", orderKind: "Mandatory" });
    expect(cfg.rscDefaults[0]?.nvpairs[0]).toMatchObject({ name: "resource-stickiness", value: "100" });
  });

  it("reads ACL roles and targets", () => {
    const acls = v("acl").configuration!.acls!;
    expect(acls.roles.map((r) => r.id)).toEqual(["read-only", "operator"]);
    expect(acls.roles[1]?.permissions[1]).toMatchObject({ kind: "write", xpath: '//nvpair[@name="target-role"]' });
    expect(acls.targets.map((t) => [t.id, t.roles])).toEqual([["viewer1", ["read-only"]], ["oper1", ["operator"]]]);
    expect(v("acl").configuration!.properties["enable-acl"]).toBe("true");
  });

  it("reads tags, alerts and fencing topology", () => {
    const cfg = v("tags-alerts").configuration!;
    expect(cfg.tags).toEqual([{ id: "web", refs: ["WebService1", "WebService2", "WebService3"], extraAttrs: {}, unknown: [] }]);
    expect(cfg.alerts[0]).toMatchObject({ id: "log-alert", path: "/usr/share/pacemaker/alerts/alert_file.sh.sample" });
    expect(cfg.alerts[0]?.recipients[0]).toMatchObject({ id: "log-alert-r1", value: "/var/log/pcmk_alert.log" });
    expect(cfg.alerts[0]?.instanceAttributes[0]?.nvpairs[0]).toMatchObject({ name: "logfile" });
    expect(cfg.fencingTopology).toEqual([
      { id: "fl-node2-1", index: 1, target: "node2", targetPattern: null, targetAttribute: null, targetValue: null, devices: ["my_ping_fence_device"], extraAttrs: {} },
    ]);
  });

  it("reads node and resource utilization", () => {
    const cfg = v("utilization").configuration!;
    expect(cfg.properties["placement-strategy"]).toBe("balanced");
    expect(cfg.nodes[0]?.utilization[0]?.nvpairs.map((p) => [p.name, p.value])).toEqual([["cpu", "8"], ["memory", "16384"]]);
    const withUtil = cfg.resources.filter((r) => r.kind === "primitive" && r.utilization.length > 0);
    expect(withUtil.length).toBeGreaterThan(0);
  });

  it("reads a podman bundle, a remote node and classifies node types", () => {
    const s = v("bundle-remote");
    const b = s.configuration!.resources.find((r) => r.kind === "bundle");
    expect(b).toMatchObject({ id: "httpd-bundle", runtime: "podman", runtimeAttrs: { image: "localhost/httpd:latest", replicas: "2" } });
    if (b?.kind !== "bundle") return;
    expect(b.network?.portMappings).toEqual([{ id: "httpd-port", port: "80" }]);
    expect(b.primitive?.id).toBe("httpd");
    const types = Object.fromEntries(s.nodes.map((n) => [n.name, [n.type, n.idAsResource]]));
    expect(types).toMatchObject({ node2: ["member", null], remote1: ["remote", null], "httpd-bundle-0": ["guest", "httpd-bundle-podman-0"] });
    const status = s.resources.find((r) => r.kind === "bundle");
    if (status?.kind !== "bundle") throw new Error("no bundle");
    expect(status.replicas[0]).toMatchObject({ id: "0" });
    expect(status.replicas[0]?.ip?.id).toBe("httpd-bundle-ip-192.0.2.200");
    expect(status.replicas[0]?.child?.id).toBe("httpd");
    expect(status.replicas[0]?.container?.id).toBe("httpd-bundle-podman-0");
    expect(status.replicas[0]?.remote?.id).toBe("httpd-bundle-0");
  });

  it("reads tickets, ticket constraints and bans", () => {
    const t = v("ticket");
    expect(t.tickets).toEqual([
      { id: "ticketA", status: "granted", standby: false, lastGranted: "Tue Nov 24 23:00:59 2026", extraAttrs: {} },
      { id: "ticketB", status: "revoked", standby: false, lastGranted: null, extraAttrs: {} },
    ]);
    expect(t.configuration!.constraints.find((c) => c.kind === "rsc_ticket")).toMatchObject({ ticket: "ticketA", rsc: "dr_ip", lossPolicy: "stop" });
    expect(v("ban").bans).toEqual([
      { id: "cli-ban-WebService3-on-node4", resource: "WebService3", node: "node4", weight: -1000000, promotedOnly: false, extraAttrs: {} },
    ]);
  });
});

describe("status details", () => {
  it("splits node attributes into permanent and transient", () => {
    const attrs = demo().nodeAttributes.find((n) => n.node === "node2")!;
    expect(attrs.shown).toBe(true);
    expect(attrs.attributes.find((a) => a.name === "role")).toEqual({ name: "role", value: "master", expected: null, permanent: "master", transient: null });
    expect(attrs.attributes.find((a) => a.name === "pingd")).toEqual({ name: "pingd", value: "1000", expected: "1000", permanent: null, transient: "1000" });
  });

  it("keeps the attributes of a node crm_mon does not show (offline)", () => {
    const node4 = v("offline").nodeAttributes.find((n) => n.node === "node4")!;
    expect(node4.shown).toBe(false);
    expect(node4.attributes.find((a) => a.name === "role")).toMatchObject({ value: null, permanent: "standby" });
    expect(v("offline").nodes.find((n) => n.name === "node4")).toMatchObject({ online: false, expectedUp: false });
  });

  it("reads failed actions and the migration summary", () => {
    const s = v("failed-stop");
    expect(s.failures).toEqual([
      {
        opKey: "WebService1_stop_0", node: "node2", exitstatus: "error", exitreason: "User-injected result", exitcode: 1, call: 5,
        status: "complete", lastRcChange: "2026-11-24 23:00:57Z", queued: 0, exec: 0, interval: 0, task: "stop", extraAttrs: {},
      },
    ]);
    const rh = s.nodeHistory!.find((h) => h.node === "node2")!.resources.find((r) => r.id === "WebService1")!;
    expect(rh).toMatchObject({ failCount: "2", migrationThreshold: 1000000, lastFailure: "Tue Nov 24 23:00:57 2026" });
    expect(s.nodes.find((n) => n.name === "node2")).toMatchObject({ unclean: true, online: true });
    expect(s.warnings.map((w) => w.code)).toContain("node-unclean");
  });

  it("reads the summary: DC, quorum, counts, options", () => {
    const s = v("stopped").summary;
    expect(s.dc).toEqual({ name: "node2", id: "1", version: "2.1.5-a3f44794f94", withQuorum: true, mixedVersion: false });
    expect(s).toMatchObject({ stack: "corosync", nodesConfigured: 3, resourcesConfigured: 12, resourcesDisabled: 1, resourcesBlocked: 0 });
    expect(s.lastChange).toEqual({ time: "Tue Nov 24 10:00:00 2026", user: "root", client: "cibadmin", origin: "node2" });
    expect(s.clusterOptions).toMatchObject({ stonithEnabled: true, noQuorumPolicy: "stop", stonithTimeoutMs: 60000 });
    expect(v("no-quorum").summary.dc?.withQuorum).toBe(false);
    expect(demo().nodes[0]?.featureSet).toBe("<3.15.1");
    expect(v("maintenance").warnings[0]?.code).toBe("maintenance-mode");
    expect(v("no-stonith").warnings.map((w) => w.code)).toContain("no-stonith-device");
  });

  it("reads clone instances, roles and target roles", () => {
    const s = demo();
    const pg = s.resources.find((r) => r.id === "pgsql-clone");
    if (pg?.kind !== "clone") throw new Error("no clone");
    expect(pg.promotable).toBe(true);
    expect(pg.children.map((c) => (c.kind === "primitive" ? `${c.role}@${c.nodes[0]?.name}` : ""))).toEqual([
      "Promoted@node2", "Unpromoted@node3", "Unpromoted@node4",
    ]);
    const ws2 = v("stopped").resources.find((r) => r.id === "WebService2");
    expect(ws2).toMatchObject({ kind: "primitive", role: "Stopped", targetRole: "Stopped", active: false, nodes: [] });
  });
});
