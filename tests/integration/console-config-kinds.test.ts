/**
 * Every kind of configuration object, created, edited and deleted through the tRPC API (drafts:
 * stage → preview → commit), on a real sim agent over the demo CIB and on the live single-node lab
 * cluster (scripts/lab.sh; corosync + pacemakerd, the cib daemon doing the writing). After each
 * commit Pacemaker's own crm_verify passes on the result, and the console's status shows it.
 */
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startAgent, type RunningAgent } from "@/agent/agent";
import { runPacemaker } from "@/agent/run";
import type { CibEditInput } from "@/lib/cib/edits";
import type { Configuration } from "@/lib/pacemaker";
import { LoginRateLimiter } from "@/server/auth/rate-limit";
import { AgentHub } from "@/server/hub/hub";
import { agentClientLinkFactory } from "@/server/hub/link-factory";
import { addUser, createTestDb, TestClient, type TestDb } from "../unit/server/helpers";
import { freePorts, instances, waitFor } from "./agent-helpers";
import { startLab, stopLab } from "./live-lab";

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const TOKEN = "console-config-kinds-console-con";

interface Target {
  name: string;
  node: string;
  /** crm_verify on what the cluster now holds: exit code and its words */
  verify(): Promise<{ code: number; text: string }>;
  /** the target has a fencing device to build a fencing level with */
  fenceDevice: string | null;
}

function suite(label: string, setup: () => Promise<{ target: Target; agent: RunningAgent; cleanup?: () => Promise<void> }>) {
  describe(label, () => {
    let t: TestDb;
    let target: Target;
    let agent: RunningAgent;
    let cleanup: (() => Promise<void>) | undefined;
    const hub = new AgentHub(agentClientLinkFactory, () => {});
    let cluster = "";

    const admin = async () => {
      const c = new TestClient({ db: t.db, hub, limiter: new LoginRateLimiter() });
      await c.login("ada");
      return c.caller();
    };
    const config = (): Configuration => hub.feedByName(cluster)!.current()!.configuration!;
    const epoch = (): number => hub.feedByName(cluster)!.current()!.cib!.epoch;

    /** Stages the edits, previews (valid), commits, waits for the status to show the new epoch, verifies. */
    async function commit(edits: CibEditInput[]): Promise<void> {
      const api = await admin();
      for (const edit of edits) await api.drafts.edit({ cluster, edit: edit as { op: string } });
      const p = await api.drafts.preview({ cluster });
      expect(p.findings.filter((f) => f.severity === "error"), JSON.stringify(p.findings)).toEqual([]);
      const before = epoch();
      const r = await api.drafts.commit({ cluster });
      if (!r.ok) throw new Error(`conflict: ${r.conflict.message}`);
      expect(r.outcome.state).toBe("done");
      await waitFor(() => epoch() > before, 30_000);
      const v = await target.verify();
      expect(v.code, v.text).toBe(0);
    }

    beforeAll(async () => {
      t = await createTestDb();
      await addUser(t.db, "ada", "admin");
      ({ target, agent, cleanup } = await setup());
      cluster = target.name;
      const api = await admin();
      await api.clusters.register({ name: cluster, agents: [agent.server.url], token: TOKEN });
      await waitFor(() => hub.feedByName(cluster)?.current()?.configuration != null, 60_000);
    });
    afterAll(async () => {
      hub.close();
      await agent?.stop();
      await cleanup?.();
      await t?.cleanup();
    });

    it("creates a primitive, a group, a clone, every constraint kind, properties, defaults, an ACL, a tag, an alert and a fencing level", async () => {
      const dummy = (id: string): CibEditInput => ({
        op: "primitive.create",
        id,
        agent: { class: "ocf", provider: "pacemaker", type: "Dummy" },
        params: [{ name: "fake", value: "x" }],
        meta: [{ name: "migration-threshold", value: "3" }],
        operations: [{ name: "monitor", interval: "10s", timeout: "20s" }, { name: "start", interval: "0", timeout: "20s" }],
      });
      const node = target.node;
      await commit([
        dummy("cfg_a"),
        dummy("cfg_b"),
        dummy("cfg_c"),
        { op: "group.create", id: "cfg_grp", members: ["cfg_a", "cfg_b"] },
        { op: "clone.create", id: "cfg_c-clone", rsc: "cfg_c", meta: [{ name: "interleave", value: "true" }] },
        { op: "constraint.put", constraint: { kind: "rsc_location", id: "cfg-loc", rsc: "cfg_grp", node, score: "50" } },
        {
          op: "constraint.put",
          constraint: { kind: "rsc_location", id: "cfg-loc-rule", rsc: "cfg_c-clone", rules: [{ score: "-INFINITY", expressions: [{ kind: "expression", attribute: "cfg-ok", operation: "eq", value: "no" }] }] },
        },
        { op: "constraint.put", constraint: { kind: "rsc_colocation", id: "cfg-col", rsc: "cfg_grp", withRsc: "cfg_c-clone", score: "INFINITY" } },
        { op: "constraint.put", constraint: { kind: "rsc_order", id: "cfg-ord", first: "cfg_c-clone", then: "cfg_grp", orderKind: "Mandatory" } },
        { op: "constraint.put", constraint: { kind: "rsc_order", id: "cfg-ord-set", sets: [{ resources: ["cfg_a"] }, { resources: ["cfg_b"], sequential: false }], orderKind: "Optional" } },
        { op: "constraint.put", constraint: { kind: "rsc_ticket", id: "cfg-tkt", ticket: "cfgTicket", rsc: "cfg_grp", lossPolicy: "stop" } },
        { op: "property.set", section: "crm_config", name: "cluster-recheck-interval", value: "5min" },
        { op: "property.set", section: "rsc_defaults", name: "resource-stickiness", value: "10" },
        { op: "property.set", section: "op_defaults", name: "timeout", value: "30s" },
        { op: "acl.role.put", id: "cfg-ro", permissions: [{ kind: "read", xpath: "/cib" }] },
        { op: "acl.subject.put", kind: "acl_target", id: "cfg-user", roles: ["cfg-ro"] },
        { op: "tag.put", id: "cfg-tag", refs: ["cfg_a", "cfg_b"] },
        { op: "alert.put", id: "cfg-alert", path: "/usr/share/pacemaker/alerts/alert_file.sh.sample", recipients: [{ id: "cfg-alert-r1", value: "/var/log/cfg-alerts.log" }] },
        ...(target.fenceDevice ? [{ op: "fencing.level.put", id: "cfg-fl1", index: 1, target: node, devices: [target.fenceDevice] } as CibEditInput] : []),
      ]);
      const c = config();
      const grp = c.resources.find((r) => r.id === "cfg_grp");
      expect(grp?.kind === "group" && grp.children.map((x) => x.id)).toEqual(["cfg_a", "cfg_b"]);
      const clone = c.resources.find((r) => r.id === "cfg_c-clone");
      expect(clone?.kind === "clone" && clone.child?.id).toBe("cfg_c");
      expect(c.constraints.map((x) => x.id)).toEqual(expect.arrayContaining(["cfg-loc", "cfg-loc-rule", "cfg-col", "cfg-ord", "cfg-ord-set", "cfg-tkt"]));
      expect(c.properties["cluster-recheck-interval"]).toBe("5min");
      expect(c.rscDefaults.flatMap((s) => s.nvpairs).find((p) => p.name === "resource-stickiness")?.value).toBe("10");
      expect(c.opDefaults.flatMap((s) => s.nvpairs).find((p) => p.name === "timeout")?.value).toBe("30s");
      expect(c.acls?.roles.map((r) => r.id)).toContain("cfg-ro");
      expect(c.acls?.targets.find((x) => x.id === "cfg-user")?.roles).toEqual(["cfg-ro"]);
      expect(c.tags.find((x) => x.id === "cfg-tag")?.refs).toEqual(["cfg_a", "cfg_b"]);
      expect(c.alerts.find((x) => x.id === "cfg-alert")?.recipients.map((r) => r.value)).toEqual(["/var/log/cfg-alerts.log"]);
      if (target.fenceDevice) expect(c.fencingTopology.find((l) => l.id === "cfg-fl1")?.devices).toEqual([target.fenceDevice]);
    });

    it("edits each of them", async () => {
      await commit([
        { op: "primitive.update", id: "cfg_a", params: [{ name: "fake", value: "y" }], operations: [{ name: "monitor", interval: "20s", timeout: "30s" }] },
        { op: "resource.meta", id: "cfg_grp", name: "priority", value: "7" },
        { op: "group.members", id: "cfg_grp", members: ["cfg_b", "cfg_a"] },
        { op: "resource.meta", id: "cfg_c-clone", name: "clone-node-max", value: "1" },
        { op: "constraint.put", constraint: { kind: "rsc_location", id: "cfg-loc", rsc: "cfg_grp", node: target.node, score: "200" } },
        { op: "constraint.put", constraint: { kind: "rsc_colocation", id: "cfg-col", rsc: "cfg_grp", withRsc: "cfg_c-clone", score: "500" } },
        { op: "property.set", section: "crm_config", name: "cluster-recheck-interval", value: "10min" },
        { op: "acl.role.put", id: "cfg-ro", permissions: [{ kind: "read", xpath: "/cib/configuration" }, { kind: "deny", xpath: "//nvpair[@name='password']" }] },
        { op: "tag.put", id: "cfg-tag", refs: ["cfg_a"] },
        { op: "alert.put", id: "cfg-alert", path: "/usr/share/pacemaker/alerts/alert_file.sh.sample", recipients: [], select: { nodes: true, fencing: true, resources: false, attributes: null } },
        { op: "resource.rename", id: "cfg_b", to: "cfg_b2" },
      ]);
      const c = config();
      const a = c.resources.flatMap((r) => (r.kind === "group" ? r.children : [])).find((p) => p.id === "cfg_a");
      expect(a?.instanceAttributes[0]?.nvpairs.find((p) => p.name === "fake")?.value).toBe("y");
      expect(a?.operations.map((o) => [o.name, o.interval])).toEqual([["monitor", "20s"]]);
      const grp = c.resources.find((r) => r.id === "cfg_grp");
      expect(grp?.kind === "group" && grp.children.map((x) => x.id)).toEqual(["cfg_b2", "cfg_a"]);
      const loc = c.constraints.find((x) => x.id === "cfg-loc");
      expect(loc?.kind === "rsc_location" && loc.score).toBe("200");
      const ordSet = c.constraints.find((x) => x.id === "cfg-ord-set");
      expect(ordSet?.resourceSets.flatMap((s) => s.resources)).toEqual(["cfg_a", "cfg_b2"]);
      expect(c.properties["cluster-recheck-interval"]).toBe("10min");
      expect(c.acls?.roles.find((r) => r.id === "cfg-ro")?.permissions.map((p) => p.kind)).toEqual(["read", "deny"]);
      expect(c.tags.find((x) => x.id === "cfg-tag")?.refs).toEqual(["cfg_a"]);
      expect(c.alerts.find((x) => x.id === "cfg-alert")?.select).toMatchObject({ nodes: true, fencing: true, resources: false });
    });

    it("the preview warns before an unclone of a clone running on several nodes (its instances would be one resource active on all of them)", async () => {
      const api = await admin();
      // the previous commit changed the clone's meta attributes: wait for the cluster to have (re)started it
      const started = () => instances(hub.feedByName(cluster)!.current()!, "cfg_c").filter((i) => i.role === "Started").length;
      await waitFor(() => started() > 0, 30_000);
      const running = started();
      expect(running).toBeGreaterThan(0);
      try {
        await api.drafts.edit({ cluster, edit: { op: "clone.unclone", id: "cfg_c-clone" } });
        const p = await api.drafts.preview({ cluster });
        // one node (the live lab): the unclone is harmless; several (the demo): Pacemaker's error, before anything is written
        expect(p.valid).toBe(running === 1);
        if (running > 1) {
          expect(p.findings).toContainEqual(expect.objectContaining({ severity: "error", message: expect.stringMatching(/cfg_c .*active on \d+ nodes/), ids: ["cfg_c"] }));
        }
        expect((await api.drafts.removeEdit({ cluster, index: 0 }))?.edits).toEqual([]);
      } finally {
        await api.drafts.discard({ cluster });
      }
    });

    it("deletes each of them, and the configuration is as it was", async () => {
      // As pcs does: a running clone is stopped first (deleting it running would leave its instances
      // as one orphan "active on N nodes", which crm_verify rightly calls an error).
      await commit([{ op: "resource.meta", id: "cfg_c-clone", name: "target-role", value: "Stopped" }]);
      await waitFor(() => !instances(hub.feedByName(cluster)!.current()!, "cfg_c").some((i) => i.role === "Started"), 60_000);
      await commit([
        ...(target.fenceDevice ? [{ op: "fencing.level.delete", id: "cfg-fl1" } as CibEditInput] : []),
        { op: "alert.delete", id: "cfg-alert" },
        { op: "tag.delete", id: "cfg-tag" },
        { op: "acl.delete", id: "cfg-user" },
        { op: "acl.delete", id: "cfg-ro" },
        { op: "constraint.delete", id: "cfg-tkt" },
        { op: "constraint.delete", id: "cfg-loc-rule" },
        { op: "group.ungroup", id: "cfg_grp" },
        // the remaining constraints go with their resources
        { op: "resource.delete", id: "cfg_a", constraints: true },
        { op: "resource.delete", id: "cfg_b2", constraints: true },
        { op: "resource.delete", id: "cfg_c-clone", constraints: true },
        { op: "property.set", section: "crm_config", name: "cluster-recheck-interval", value: null },
        { op: "property.set", section: "rsc_defaults", name: "resource-stickiness", value: null },
        { op: "property.set", section: "op_defaults", name: "timeout", value: null },
      ]);
      const c = config();
      const ids = JSON.stringify(c);
      expect(ids).not.toMatch(/cfg[-_]/);
    });
  });
}

suite("every object kind on a sim agent (demo CIB)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "vigil-config-kinds-"));
  const cibFile = join(dir, "cib.xml");
  copyFileSync(join(process.cwd(), "tests/fixtures/demo/cib.xml"), cibFile);
  const [port] = await freePorts(1);
  const agent = await startAgent({ mode: "sim", port: port!, host: "127.0.0.1", token: TOKEN, node: "node2", cibFile, log: () => undefined });
  const verify = async () => {
    const r = await runPacemaker("crm_verify", ["-x", cibFile], { timeoutMs: 60_000 });
    return { code: r.code, text: r.stdout + r.stderr };
  };
  return { target: { name: "kinds-sim", node: "node3", verify, fenceDevice: "my_ping_fence_device" }, agent };
});

suite("every object kind on the live lab cluster", async () => {
  await startLab();
  const node = (await runPacemaker("crm_node", ["--name"], { timeoutMs: 30_000 })).stdout.trim();
  const [port] = await freePorts(1);
  const agent = await startAgent({ mode: "live", port: port!, host: "127.0.0.1", token: TOKEN, log: () => undefined });
  const verify = async () => {
    const r = await runPacemaker("crm_verify", ["--live-check"], { timeoutMs: 60_000 });
    return { code: r.code, text: r.stdout + r.stderr };
  };
  return { target: { name: "kinds-live", node, verify, fenceDevice: null }, agent, cleanup: stopLab };
});
