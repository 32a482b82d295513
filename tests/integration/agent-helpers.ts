/** Shared by the agent integration tests (not a test file itself). */
import { execFile } from "node:child_process";
import { createServer } from "node:net";
import type { ClusterStatus, Resource } from "@/lib/pacemaker";
import { AgentClient } from "@/lib/agent-client";

export async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: n }, () => new Promise<import("node:net").Server>((res) => {
      const s = createServer();
      s.listen(0, "127.0.0.1", () => res(s));
    })),
  );
  const ports = servers.map((s) => (s.address() as import("node:net").AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

/** Runs a real Pacemaker tool on the demo CIB, as an admin would by hand. */
export function pcmk(cibFile: string, tool: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(tool, args, { env: { ...process.env, CIB_file: cibFile } }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Every running instance of a primitive (in groups and clones too): its node and role, by node. */
export function instances(s: ClusterStatus, id: string): { node: string; role: string }[] {
  const out: { node: string; role: string }[] = [];
  const walk = (r: Resource): void => {
    if (r.kind === "primitive") {
      if (r.id === id) for (const n of r.active ? r.nodes : []) out.push({ node: n.name, role: r.role });
      return;
    }
    if (r.kind === "group" || r.kind === "clone") for (const c of r.children) walk(c as Resource);
  };
  s.resources.forEach(walk);
  return out.sort((a, b) => a.node.localeCompare(b.node));
}

/** Nodes a primitive (or any instance of it) runs on. */
export function whereIs(status: ClusterStatus, id: string): string[] {
  return instances(status, id).map((i) => i.node);
}

/** Resolves with fn's first truthy answer (sync or async), polling every 100 ms; throws after timeoutMs. */
export async function waitFor<T>(fn: () => T | null | undefined | false | Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function attr(status: ClusterStatus, node: string, name: string): string | null {
  const entry = status.nodeAttributes.find((n) => n.node === node);
  return entry?.attributes.find((a) => a.name === name)?.value ?? null;
}

export async function connected(url: string, token: string): Promise<AgentClient> {
  const c = new AgentClient({ url, token });
  const ready = new Promise<void>((resolve, reject) => {
    c.on("status", () => resolve());
    c.on("state", ({ state, detail }) => {
      if (state === "refused" || state === "closed") reject(new Error(`${state}: ${detail}`));
    });
  });
  c.connect();
  await ready;
  return c;
}
