// Every tRPC mutation of the root router × every role, posted over HTTP to the real route handler
// (tRPC's fetch adapter, as app/api/trpc/[trpc]/route.ts runs it), the way a browser or curl would.
// The list of mutations is read from appRouter itself: a new mutation without an expectation here
// fails this file. A deny must never reach the agent (FakeLink.requests stays empty) and must leave
// a `denied` audit row; bad input after the role check is a 400 with a per-field message, an
// `invalid` row, and no request either.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { AgentRequestError } from "@/lib/agent-client";
import { createContext } from "@/server/api/context";
import { appRouter } from "@/server/api/root";
import { LoginRateLimiter } from "@/server/auth/rate-limit";
import { roleAtLeast, type Role } from "@/server/auth/roles";
import { addUser, createTestDb, createTestHub, fixtureStatus, type FakeLink, type TestDb } from "./helpers";

// argon2 hashing and SQLite on a busy 2-core machine: generous, not infinite.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

type Caller = "anonymous" | Role;
const CALLERS: Caller[] = ["anonymous", "viewer", "operator", "admin"];
const USER_OF: Record<Role, string> = { viewer: "vera", operator: "olga", admin: "ada" };

let t: TestDb;
const { hub, agents } = createTestHub();
const limiter = new LoginRateLimiter();
const N2 = "ws://n2:7480";
const CLUSTER = "demo";
let link: FakeLink;
let tara: { id: string };
let seq = 0;
const uniq = (p: string) => `${p}${++seq}`;
/** The fake agent's answer to an allowed change: proves the request got through and back. */
const AGENT_SAYS = "crm_attribute exited 1: the role-matrix agent does not carry changes out";

interface Expectation {
  /** the procedure's minimum role; public: anyone, logged in or not */
  min: "public" | Role;
  /** a valid input for this caller (called once per allowed or denied call) */
  input: (who: Caller) => unknown;
  /** the agent action it sends once allowed (changes through performAction) */
  agent?: string;
  /** a read-only agent query it makes first once allowed (a draft's first edit reads the CIB): not audited as a change */
  agentQuery?: string;
  /** the HTTP status an allowed call gets when it reaches no agent (default 200) */
  status?: number;
}

const c = (params: Record<string, unknown>) => () => ({ cluster: CLUSTER, ...params });
const change = (agent: string, params: Record<string, unknown>, min: Role = "operator"): Expectation => ({ min, input: c(params), agent });

const EXPECTATIONS: Record<string, Expectation> = {
  "auth.login": { min: "public", input: (who) => ({ username: who === "anonymous" ? "ada" : USER_OF[who], password: `${who === "anonymous" ? "ada" : USER_OF[who]}-password` }) },
  "auth.logout": { min: "public", input: () => undefined },
  "clusters.register": {
    min: "admin",
    input: () => {
      const name = uniq("reg");
      const url = `ws://${name}:7480`;
      agents.probeAnswers.set(url, { node: "node1", cluster: name }); // the agent answers the probe with the token
      return { name, agents: [url], token: "a-token-of-some-length" };
    },
  },
  "clusters.remove": {
    min: "admin",
    input: () => ({ cluster: "doomed" }), // registered before each call (beforeEach)
  },
  "users.add": { min: "admin", input: () => ({ username: uniq("newuser"), password: "a-long-password-1", role: "viewer" }) },
  "users.setRole": { min: "admin", input: () => ({ username: "tara", role: seq++ % 2 ? "operator" : "viewer" }) },
  "users.resetPassword": { min: "admin", input: () => ({ username: "tara", password: "another-password-2" }) },
  "users.disable": { min: "admin", input: () => ({ username: "tara" }) },
  "users.enable": { min: "admin", input: () => ({ username: "tara" }) },
  "users.setAclTarget": { min: "admin", input: () => ({ id: tara.id, aclTarget: "viewer1" }) },
  "nodes.standby": change("node.standby", { node: "node3", on: true }),
  "nodes.maintenance": change("node.maintenance", { node: "node3", on: true }),
  "nodes.fence": change("node.fence", { node: "node4", confirm: "node4" }, "admin"),
  "resources.start": change("resource.start", { rsc: "WebService1" }),
  "resources.stop": change("resource.stop", { rsc: "WebService1" }),
  "resources.restart": change("resource.restart", { rsc: "WebService1" }),
  "resources.promote": change("resource.promote", { rsc: "WebService1" }),
  "resources.demote": change("resource.demote", { rsc: "WebService1" }),
  "resources.manage": change("resource.manage", { rsc: "WebService1" }),
  "resources.unmanage": change("resource.unmanage", { rsc: "WebService1" }),
  "resources.cleanup": change("resource.cleanup", { rsc: "WebService1", node: "node2" }),
  "resources.refresh": change("resource.refresh", {}),
  "resources.move": change("resource.move", { rsc: "WebService1", node: "node3", lifetime: "PT1H" }),
  "resources.ban": change("resource.ban", { rsc: "WebService1", node: "node2" }),
  "resources.clear": change("resource.clear", { rsc: "WebService1" }),
  "attributes.set": change("node.attribute.set", { node: "node3", name: "pgsql-status", value: "PRI", lifetime: "forever" }),
  "attributes.delete": change("node.attribute.delete", { node: "node3", name: "pgsql-status", lifetime: "reboot" }),
  "tickets.grant": change("ticket.grant", { ticket: "ticketB" }),
  "tickets.revoke": change("ticket.revoke", { ticket: "ticketA" }),
  "tickets.standby": change("ticket.standby", { ticket: "ticketA" }),
  "tickets.activate": change("ticket.activate", { ticket: "ticketA" }),
  "operations.maintenance": change("cluster.maintenance", { on: true }),
  "operations.stopAll": change("cluster.stopAll", { on: true, confirm: CLUSTER }),
  // Drafts (admin): the first edit takes the base from the agent (config.read); the others find no draft.
  "drafts.edit": { min: "admin", input: c({ edit: { op: "resource.meta", id: "WebService1", name: "priority", value: "1" } }), agentQuery: "config.read" },
  "drafts.removeEdit": { min: "admin", input: c({ index: 0 }), status: 404 },
  "drafts.commit": { min: "admin", input: c({}), status: 404 },
  "drafts.rebase": { min: "admin", input: c({}), status: 404 },
  "drafts.discard": { min: "admin", input: c({}) },
};

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: "query" | "mutation" | "subscription" } }>;
const MUTATIONS = Object.keys(procedures).filter((p) => procedures[p]!._def.type === "mutation").sort();

function handle(req: Request): Promise<Response> {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: ({ resHeaders }) =>
      createContext(req.headers, (v) => resHeaders.append("set-cookie", v), { db: t.db, hub, limiter, clientIp: "192.0.2.7" }),
  });
}

function post(path: string, input: unknown, cookie?: string): Promise<Response> {
  return handle(
    new Request(`http://localhost/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(input === undefined ? {} : { json: input }),
    }),
  );
}

type ErrorBody = { error: { json: { message: string; data: { code: string; zodError: { fieldErrors: Record<string, string[]> } | null } } } };

async function login(username: string): Promise<string> {
  const res = await post("auth.login", { username, password: `${username}-password` });
  expect(res.status).toBe(200);
  return (res.headers.get("set-cookie") ?? "").split(";")[0]!;
}

const cookies = new Map<Caller, string | undefined>();
const cookieOf = async (who: Caller, path: string): Promise<string | undefined> =>
  // logout ends the session it is called with: each logout gets a session of its own
  who === "anonymous" ? undefined : path === "auth.logout" ? login(USER_OF[who]) : cookies.get(who);

const allowed = (min: Expectation["min"], who: Caller) => min === "public" || (who !== "anonymous" && roleAtLeast(who, min));

beforeAll(async () => {
  t = await createTestDb();
  await addUser(t.db, "vera", "viewer");
  await addUser(t.db, "olga", "operator");
  await addUser(t.db, "ada", "admin");
  tara = await addUser(t.db, "tara", "viewer"); // the user the admin procedures act on
  const row = await t.db.cluster.create({ data: { name: CLUSTER, token: "tok" } });
  hub.addCluster({ id: row.id, name: CLUSTER, token: "tok", tlsFingerprint: null, agents: [N2] });
  link = agents.link(N2);
  link.open("node2");
  link.send(fixtureStatus("variants/ticket")); // node2-4, WebService1, tickets ticketA (granted) and ticketB
  link.answer = async () => {
    throw new AgentRequestError("command_failed", AGENT_SAYS);
  };
  for (const who of ["viewer", "operator", "admin"] as const) cookies.set(who, await login(USER_OF[who]));
});
afterAll(async () => {
  hub.close();
  await t.cleanup();
});
beforeEach(async () => {
  link.requests.length = 0;
  // clusters.remove needs a cluster to remove: one that no other call uses
  if (!hub.feedByName("doomed")) {
    const row = await t.db.cluster.upsert({ where: { name: "doomed" }, create: { name: "doomed", token: "tok" }, update: {} });
    hub.addCluster({ id: row.id, name: "doomed", token: "tok", tlsFingerprint: null, agents: ["ws://doomed:7480"] });
  }
});

describe("role matrix over HTTP", () => {
  it("has an expectation for every mutation of the root router, and none for a procedure that is not one", () => {
    expect(MUTATIONS.length).toBeGreaterThan(30);
    expect(MUTATIONS.filter((p) => !(p in EXPECTATIONS))).toEqual([]);
    expect(Object.keys(EXPECTATIONS).filter((p) => !MUTATIONS.includes(p))).toEqual([]);
  });

  for (const path of MUTATIONS) {
    it(`${path}: ${CALLERS.join(" / ")}`, async () => {
      const e = EXPECTATIONS[path];
      if (!e) throw new Error(`${path} is a mutation with no expectation in role-matrix.test.ts: say who may call it`);
      for (const who of CALLERS) {
        link.requests.length = 0;
        if (path === "clusters.remove" && !hub.feedByName("doomed")) {
          const row = await t.db.cluster.create({ data: { name: "doomed", token: "tok" } });
          hub.addCluster({ id: row.id, name: "doomed", token: "tok", tlsFingerprint: null, agents: ["ws://doomed:7480"] });
        }
        const username = who === "anonymous" ? "(not logged in)" : USER_OF[who];
        const denialsBefore = await t.db.auditEvent.count({ where: { action: path, status: "denied", username } });
        const res = await post(path, e.input(who), await cookieOf(who, path));
        const body = (await res.json()) as ErrorBody & { result?: unknown };
        const where = `${path} as ${who}`;

        if (!allowed(e.min, who)) {
          const denied = await t.db.auditEvent.findMany({ where: { action: path, status: "denied", username }, orderBy: { time: "desc" } });
          expect(denied.length, `${where}: one denied audit row`).toBe(denialsBefore + 1);
          if (who === "anonymous") {
            expect(res.status, where).toBe(401);
            expect(body.error.json.data.code, where).toBe("UNAUTHORIZED");
            expect(denied[0]!.message, where).toBe("not logged in");
          } else {
            expect(res.status, where).toBe(403);
            expect(body.error.json.data.code, where).toBe("FORBIDDEN");
            expect(body.error.json.message, where).toBe(`Not allowed: this needs the ${e.min} role (you are ${who})`);
            expect(denied[0]!.message, where).toBe(`${path} needs the ${e.min} role; ${username} is ${who}`);
            expect(denied[0]!.role, where).toBe(who);
          }
          expect(denied[0]!.address, where).toBe("192.0.2.7");
          expect(link.requests, `${where}: the agent is never asked`).toEqual([]);
          continue;
        }

        expect(res.status, `${where}: allowed, so neither 401 nor 403 (${JSON.stringify(body)})`).not.toBe(401);
        expect(res.status, where).not.toBe(403);
        if (e.agent) {
          // Through the role check and performAction to the agent, and its answer back to the caller.
          expect(link.requests.map((r) => r.action), where).toEqual([e.agent]);
          expect(res.status, where).toBe(412);
          expect(body.error.json.message, where).toBe(AGENT_SAYS);
          const last = await t.db.auditEvent.findFirstOrThrow({ where: { action: `cluster.${e.agent}`, username }, orderBy: { time: "desc" } });
          expect(last, where).toMatchObject({ status: "failed", username, role: who, message: AGENT_SAYS, clusterName: CLUSTER });
        } else if (e.agentQuery) {
          // The fake agent refuses everything: the query reached it, and its refusal came back (412).
          expect(link.requests.map((r) => r.action), where).toEqual([e.agentQuery]);
          expect(res.status, where).toBe(412);
          expect(body.error.json.message, where).toBe(AGENT_SAYS);
        } else {
          expect(res.status, `${where}: ${JSON.stringify(body)}`).toBe(e.status ?? 200);
          expect(link.requests, where).toEqual([]);
        }
        expect(await t.db.auditEvent.count({ where: { action: path, status: "denied", username } }), `${where}: no denied row`).toBe(denialsBefore);
      }
    });
  }
});

function get(path: string, input: unknown, cookie?: string): Promise<Response> {
  const url = `http://localhost/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  return handle(new Request(url, { headers: cookie ? { cookie } : {} }));
}

describe("queries above the viewer role", () => {
  // Queries are reads, but these two are not for everyone: one reaches an agent (crm_simulate), one lists users.
  it("resources.simulateMove is for operators: a viewer gets FORBIDDEN, a denied row, and the agent is never asked", async () => {
    link.requests.length = 0;
    const res = await get("resources.simulateMove", { cluster: CLUSTER, rsc: "WebService1", node: "node3" }, cookies.get("viewer"));
    expect(res.status).toBe(403);
    expect(await t.db.auditEvent.count({ where: { action: "resources.simulateMove", status: "denied", username: "vera" } })).toBe(1);
    expect(link.requests).toEqual([]);
    const asOperator = await get("resources.simulateMove", { cluster: CLUSTER, rsc: "WebService1", node: "node3" }, cookies.get("operator"));
    expect(asOperator.status).not.toBe(403);
    expect(link.requests.map((r) => r.action)).toEqual(["simulate.move"]);
  });

  it("users.list is for admins (it says who maps to which ACL target)", async () => {
    expect((await get("users.list", undefined, cookies.get("operator"))).status).toBe(403);
    const res = await get("users.list", undefined, cookies.get("admin"));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { data: { json: { username: string; aclTarget: string | null }[] } } };
    expect(body.result.data.json.find((u) => u.username === "tara")).toMatchObject({ aclTarget: "viewer1" }); // set by the matrix's admin call
    expect(JSON.stringify(body)).not.toContain("passwordHash");
  });
});

describe("bad input, after the role check", () => {
  const cases: { path: string; who: Role; input: Record<string, unknown>; field: string; says: string }[] = [
    { path: "nodes.standby", who: "operator", input: { cluster: CLUSTER, node: "-rf", on: true }, field: "node", says: 'node name must not start with "-" (it would look like a command-line option)' },
    { path: "resources.stop", who: "operator", input: { cluster: CLUSTER, rsc: "a b" }, field: "rsc", says: 'resource id is not a valid Pacemaker id (letters, digits, ".", "-", "_"; starting with a letter or "_")' },
    { path: "resources.move", who: "operator", input: { cluster: CLUSTER, rsc: "WebService1", node: "node3", lifetime: "1h" }, field: "lifetime", says: "lifetime must be an ISO 8601 duration such as PT1H or P1D" },
    { path: "resources.ban", who: "operator", input: { cluster: CLUSTER, rsc: "WebService1", lifetime: "-PT1H" }, field: "lifetime", says: 'lifetime must not start with "-" (it would look like a command-line option)' },
    { path: "attributes.set", who: "operator", input: { cluster: CLUSTER, node: "node3", name: "note", value: "line one\nline two\u0007", lifetime: "forever" }, field: "value", says: "value must not contain control characters" },
    { path: "attributes.set", who: "operator", input: { cluster: CLUSTER, node: "node3", name: "a b", value: "x", lifetime: "forever" }, field: "name", says: "attribute name is not a valid attribute name" },
    { path: "tickets.grant", who: "operator", input: { cluster: CLUSTER, ticket: "--force" }, field: "ticket", says: 'ticket id must not start with "-" (it would look like a command-line option)' },
    { path: "users.setAclTarget", who: "admin", input: { id: "x", aclTarget: "-rf" }, field: "aclTarget", says: 'ACL target must not start with "-" (it would look like a command-line option)' },
    { path: "users.setAclTarget", who: "admin", input: { id: "x", aclTarget: "root; rm" }, field: "aclTarget", says: 'ACL target is not a valid Pacemaker id (letters, digits, ".", "-", "_"; starting with a letter or "_")' },
  ];

  for (const k of cases) {
    it(`${k.path} ${JSON.stringify(k.input[k.field])}: 400 saying what is wrong with ${k.field}, an invalid row, no agent`, async () => {
      link.requests.length = 0;
      const res = await post(k.path, k.input, cookies.get(k.who));
      expect(res.status).toBe(400);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.json.data.code).toBe("BAD_REQUEST");
      expect(body.error.json.message).toContain(`Invalid input: ${k.field}: ${k.says}`);
      expect(body.error.json.data.zodError?.fieldErrors[k.field]).toContain(k.says);
      const row = await t.db.auditEvent.findFirstOrThrow({ where: { action: k.path, status: "invalid" }, orderBy: { time: "desc" } });
      expect(row).toMatchObject({ username: USER_OF[k.who], role: k.who });
      expect(row.message).toContain(`${k.field}: ${k.says}`);
      expect(link.requests).toEqual([]);
    });
  }

  it("a viewer's bad input is refused for the role first (FORBIDDEN, denied), not parsed", async () => {
    const res = await post("nodes.standby", { cluster: CLUSTER, node: "-rf", on: true }, cookies.get("viewer"));
    expect(res.status).toBe(403);
    expect(await t.db.auditEvent.count({ where: { action: "nodes.standby", status: "invalid", username: "vera" } })).toBe(0);
    expect(link.requests).toEqual([]);
  });

  it("a typed confirmation that does not match is refused with what to type, audited invalid, no agent", async () => {
    const fence = await post("nodes.fence", { cluster: CLUSTER, node: "node4", confirm: "node3" }, cookies.get("admin"));
    expect(fence.status).toBe(400);
    expect(((await fence.json()) as ErrorBody).error.json.message).toBe("type the node's name (node4) to confirm fencing it");
    const stopAll = await post("operations.stopAll", { cluster: CLUSTER, on: true, confirm: "" }, cookies.get("operator"));
    expect(stopAll.status).toBe(400);
    expect(((await stopAll.json()) as ErrorBody).error.json.message).toBe(`type the cluster's name (${CLUSTER}) to confirm stopping every resource`);
    expect(await t.db.auditEvent.count({ where: { status: "invalid", action: { in: ["cluster.node.fence", "cluster.cluster.stopAll"] } } })).toBe(2);
    expect(link.requests).toEqual([]);
  });

  it("a change naming what the cluster does not have is refused before the agent (invalid)", async () => {
    const res = await post("resources.stop", { cluster: CLUSTER, rsc: "NoSuchThing" }, cookies.get("operator"));
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.json.message).toBe('unknown resource "NoSuchThing"');
    expect(await t.db.auditEvent.findFirstOrThrow({ where: { action: "cluster.resource.stop", status: "invalid" } })).toMatchObject({ username: "olga", target: "NoSuchThing" });
    expect(link.requests).toEqual([]);
  });
});
