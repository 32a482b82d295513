/** The agent over TLS (wss://) with its own certificate, and the token file rules. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startAgent, type RunningAgent } from "@/agent/agent";
import { readTokenFile } from "@/agent/auth";
import { agentCommand } from "@/agent/cli";
import { fetchStatusOnce } from "@/lib/agent-client";
import { freePorts } from "./agent-helpers";

const TOKEN = "fedcba9876543210fedcba9876543210";
let dir: string;
let agent: RunningAgent;
const logs: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "vigil-tls-"));
  copyFileSync(join(process.cwd(), "tests/fixtures/demo/cib.xml"), join(dir, "cib.xml"));
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem")], { stdio: "ignore" });
  const [port] = await freePorts(1);
  agent = await startAgent({
    mode: "sim", port: port!, host: "127.0.0.1", token: TOKEN, node: "node4", cibFile: join(dir, "cib.xml"),
    tls: { cert: readFileSync(join(dir, "cert.pem")), key: readFileSync(join(dir, "key.pem")) }, log: (_l, m) => logs.push(m),
  });
});
afterAll(async () => {
  await agent?.stop();
});

describe("TLS and token files", () => {
  it("serves wss:// to a client that trusts the certificate", async () => {
    expect(agent.server.url).toMatch(/^wss:\/\//);
    const { AgentClient } = await import("@/lib/agent-client");
    const c = new AgentClient({ url: agent.server.url, token: TOKEN, tls: { ca: readFileSync(join(dir, "cert.pem")) } });
    const status = await new Promise((res, rej) => {
      c.on("status", ({ status: s }) => res(s));
      c.on("state", ({ state, detail }) => state === "closed" && rej(new Error(detail)));
      c.connect();
    });
    expect(status).toMatchObject({ summary: { clusterName: "democluster" } });
    c.close();
  });

  it("pins the certificate by fingerprint, and sends the token only to the pinned one", async () => {
    const { AgentClient, fetchCertificateFingerprint } = await import("@/lib/agent-client");
    const fp = await fetchCertificateFingerprint(agent.server.url);
    const openssl = execFileSync("openssl", ["x509", "-noout", "-fingerprint", "-sha256", "-in", join(dir, "cert.pem")], { encoding: "utf8" });
    expect(openssl.toUpperCase()).toContain(fp.toUpperCase());
    const good = new AgentClient({ url: agent.server.url, token: TOKEN, tls: { fingerprint256: fp.toLowerCase() } });
    good.connect();
    await good.waitForStatus(() => true, 5000);
    good.close();

    const before = logs.filter((l) => /authenticated|refused/.test(l)).length;
    const bad = new AgentClient({ url: agent.server.url, token: TOKEN, tls: { fingerprint256: "AA:".repeat(31) + "AA" }, reconnect: { minMs: 10 } });
    const states: { state: string; detail: string }[] = [];
    bad.on("state", (s) => states.push(s));
    bad.connect();
    await new Promise((r) => setTimeout(r, 500));
    expect(states.map((s) => s.state)).toEqual(["connecting", "refused"]);
    expect(states[1]!.detail).toMatch(/does not match the pinned/);
    // the agent never saw the token (neither accepted nor refused)
    expect(logs.filter((l) => /authenticated|refused/.test(l)).length).toBe(before);
    bad.close();
  });

  it("the console's hub pins the registered fingerprint (link and registration probe)", async () => {
    const { fetchCertificateFingerprint } = await import("@/lib/agent-client");
    const { agentClientLinkFactory } = await import("@/server/hub/link-factory");
    const { probeAgents } = await import("@/server/hub/probe");
    const fp = await fetchCertificateFingerprint(agent.server.url);
    const wrong = "AB:".repeat(31) + "AB";
    const [ok] = await probeAgents(agentClientLinkFactory, [agent.server.url], TOKEN, 4000, fp);
    expect(ok).toMatchObject({ outcome: "ok", node: "node4" });
    const [bad] = await probeAgents(agentClientLinkFactory, [agent.server.url], TOKEN, 4000, wrong);
    expect(bad).toMatchObject({ outcome: "refused" });
    expect(bad && "detail" in bad ? bad.detail : "").toMatch(/does not match the pinned/);
    // Without a pin the self-signed certificate is refused, as any unknown certificate must be.
    const [unpinned] = await probeAgents(agentClientLinkFactory, [agent.server.url], TOKEN, 4000);
    expect(unpinned?.outcome).not.toBe("ok");

    const link = agentClientLinkFactory(agent.server.url, { token: TOKEN, reconnect: true, tlsFingerprint: fp });
    const got = await new Promise<unknown>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error("no status over the pinned link")), 5000);
      link.onStatus((e) => { clearTimeout(t); resolve(e.status); });
      link.onState(() => {});
      link.onHello(() => {});
    });
    link.close();
    expect(got).toMatchObject({ summary: { clusterName: "democluster" } });
  });

  it("refuses a client that does not trust the certificate", async () => {
    await expect(fetchStatusOnce(agent.server.url, TOKEN, 3000)).rejects.toThrow(/self.signed|certificate/i);
  });

  it("warns about a token file others can read, and refuses short tokens", () => {
    const f = join(dir, "token");
    writeFileSync(f, `${TOKEN}\n`);
    chmodSync(f, 0o644);
    expect(readTokenFile(f).warning).toMatch(/chmod 600/);
    chmodSync(f, 0o600);
    expect(readTokenFile(f)).toEqual({ token: TOKEN, warning: null });
    writeFileSync(f, "short\n");
    expect(() => readTokenFile(f)).toThrow(/at least 16/);
  });

  it("agentCommand explains itself and rejects bad flags", async () => {
    expect(await agentCommand(["--help"])).toBe(0);
    expect(await agentCommand(["--mode", "sim", "--token-file", join(dir, "token")])).toBe(2);
    expect(await agentCommand(["--mode", "bogus", "--token-file", "x"])).toBe(2);
    expect(await agentCommand(["--nope"])).toBe(2);
  });

  it("agentCommand fails cleanly when the port is taken", async () => {
    const f = join(dir, "token2");
    writeFileSync(f, `${TOKEN}\n`, { mode: 0o600 });
    const port = new URL(agent.server.url).port;
    const args = ["--mode", "sim", "--node", "node2", "--cib-file", join(dir, "cib.xml"), "--host", "127.0.0.1", "--port", port, "--token-file", f];
    expect(await agentCommand(args)).toBe(1);
  });
});
