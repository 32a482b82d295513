// The same calls a browser (or curl) makes over HTTP, through tRPC's fetch adapter as the route
// handler app/api/trpc/[trpc]/route.ts runs it.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createContext } from "@/server/api/context";
import { appRouter } from "@/server/api/root";
import { LoginRateLimiter } from "@/server/auth/rate-limit";
import { addUser, createTestDb, createTestHub, type TestDb } from "./helpers";

// argon2 hashing and SQLite on a busy 2-core machine: generous, not infinite.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

let t: TestDb;
const { hub } = createTestHub();
const limiter = new LoginRateLimiter();

function call(path: string, body: unknown, cookie?: string): Promise<Response> {
  const req = new Request(`http://localhost/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ json: body }),
  });
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: ({ resHeaders }) => createContext(req.headers, (c) => resHeaders.append("set-cookie", c), { db: t.db, hub, limiter }),
  });
}

function query(path: string, input: unknown, cookie?: string): Promise<Response> {
  const url = `http://localhost/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const req = new Request(url, { headers: cookie ? { cookie } : {} });
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: ({ resHeaders }) => createContext(req.headers, (c) => resHeaders.append("set-cookie", c), { db: t.db, hub, limiter }),
  });
}

async function loginCookie(username: string): Promise<string> {
  const res = await call("auth.login", { username, password: `${username}-password` });
  expect(res.status).toBe(200);
  const set = res.headers.get("set-cookie") ?? "";
  return set.split(";")[0] ?? "";
}

beforeAll(async () => {
  t = await createTestDb();
  await addUser(t.db, "vera", "viewer");
});
afterAll(async () => t.cleanup());

describe("over HTTP", () => {
  it("a viewer posting a mutation directly gets 403 FORBIDDEN and a denied audit row", async () => {
    const cookie = await loginCookie("vera");
    const res = await call("users.add", { username: "eve", password: "eve-password", role: "admin" }, cookie);
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { json: { message: string; data: { code: string; stack?: unknown } } } };
    expect(body.error.json.data.code).toBe("FORBIDDEN");
    expect(body.error.json.data.stack).toBeUndefined();
    expect(await t.db.user.findUnique({ where: { username: "eve" } })).toBeNull();
    expect(await t.db.auditEvent.count({ where: { action: "users.add", status: "denied", username: "vera" } })).toBe(1);
  });

  it("invalid input is a 400 with zod's message, never a 500", async () => {
    const cookie = await loginCookie("vera");
    const res = await query("status.get", { cluster: "" }, cookie);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { json: { message: string; data: { zodError: { fieldErrors: Record<string, string[]> } } } } };
    expect(body.error.json.message).toMatch(/^Invalid input: cluster: Cluster name is required/);
    expect(body.error.json.data.zodError.fieldErrors.cluster).toContain("Cluster name is required");
    const garbage = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request("http://localhost/api/trpc/auth.login", { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" }),
      router: appRouter,
      createContext: () => createContext(new Headers(), () => {}, { db: t.db, hub, limiter }),
    });
    expect(garbage.status).toBe(400);
  });

  it("anonymous is 401; a login cookie is HttpOnly and SameSite=Lax", async () => {
    expect((await query("clusters.list", null)).status).toBe(401);
    const res = await call("auth.login", { username: "vera", password: "vera-password" });
    expect(res.headers.get("set-cookie")).toMatch(/vigil_session=.+; Path=\/; HttpOnly; SameSite=Lax/);
  });
});
