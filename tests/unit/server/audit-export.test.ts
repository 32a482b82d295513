// The audit list and export as each role sees them: addresses for admins only (the key is absent
// for everyone else), the export's auth, CSV escaping, JSON content, filters, and paging through.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { recordAudit } from "@/server/audit/audit";
import { csvField, exportAudit } from "@/server/audit/export";
import { LoginRateLimiter } from "@/server/auth/rate-limit";
import { SESSION_COOKIE } from "@/server/auth/session";
import { addUser, createTestDb, createTestHub, TestClient, type TestDb } from "./helpers";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let t: TestDb;
const { hub } = createTestHub();
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDb();
  for (const [u, role] of [["ada", "admin"], ["otto", "operator"], ["vera", "viewer"]] as const) {
    await addUser(t.db, u, role);
    const c = new TestClient({ db: t.db, hub, limiter: new LoginRateLimiter(), clientIp: "10.9.9.9" });
    await c.login(u);
    cookies[u] = c.cookie!;
  }
  const actor = { userId: null, username: "otto", role: "operator" };
  await recordAudit(
    t.db,
    actor,
    {
      action: "cluster.resource.move",
      targetKind: "resource",
      target: "WebService1",
      clusterName: "prod",
      address: "192.0.2.50",
      params: { rsc: "WebService1", node: "node3" },
      commands: ["crm_resource --move --resource WebService1 --node node3"],
    },
    "failed",
    'Error: "node3" is not, a valid\nnode',
  );
  await recordAudit(t.db, { ...actor, username: "=HYPERLINK(1)" }, { action: "auth.login", targetKind: "user", target: "=HYPERLINK(1)", address: "192.0.2.51" }, "failed", "Invalid username or password");
  for (let i = 0; i < 25; i++) {
    await recordAudit(t.db, actor, { action: "cluster.node.standby", targetKind: "node", target: `node${i}`, clusterName: "prod", address: "192.0.2.52" }, "ok", "done");
  }
});
afterAll(async () => {
  hub.close();
  await t.cleanup();
});

const request = (query: string, who?: string) =>
  new Request(`http://console.test/api/audit/export?${query}`, {
    headers: who ? { cookie: `${SESSION_COOKIE}=${cookies[who]}` } : {},
  });
const exportAs = (query: string, who?: string, pageSize?: number) => exportAudit(request(query, who), { db: t.db, hub }, pageSize);

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(field), (field = "");
    else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field), out.push(row), (row = []), (field = ""), i++;
    } else field += ch;
  }
  return out;
}

describe("audit list by role", () => {
  it("shows the client address to admins only: the field is absent for operators and viewers", async () => {
    for (const [who, shows] of [["ada", true], ["otto", false], ["vera", false]] as const) {
      const c = new TestClient({ db: t.db, hub, limiter: new LoginRateLimiter() });
      c.cookie = cookies[who]!;
      const page = await (await c.caller()).audit.list({ filter: { target: "WebService1", targetKind: "resource" } });
      expect(page.items).toHaveLength(1);
      expect(page.showsAddress).toBe(shows);
      expect("address" in page.items[0]!).toBe(shows);
      if (shows) expect(page.items[0]!.address).toBe("192.0.2.50");
      expect(page.items[0]!.commands).toEqual(["crm_resource --move --resource WebService1 --node node3"]);
      expect(page.items[0]!.params).toEqual({ rsc: "WebService1", node: "node3" });
    }
  });

  it("refuses a cursor it did not make, with a clear message", async () => {
    const c = new TestClient({ db: t.db, hub, limiter: new LoginRateLimiter() });
    c.cookie = cookies.vera!;
    await expect((await c.caller()).audit.list({ cursor: "bogus" })).rejects.toThrow(/page cursor is not valid/);
  });
});

describe("audit export", () => {
  it("needs a session: anonymous gets 401 and no rows", async () => {
    const res = await exportAs("format=csv");
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "UNAUTHORIZED", message: "Please log in" } });
    const bad = await exportAudit(new Request("http://console.test/api/audit/export", { headers: { cookie: `${SESSION_COOKIE}=${"x".repeat(43)}` } }), { db: t.db, hub });
    expect(bad.status).toBe(401);
  });

  it("a viewer gets CSV without the address column, fields escaped, formulas defused", async () => {
    const res = await exportAs("format=csv&status=failed", "vera");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="vigil-audit-.*\.csv"$/);
    const text = await res.text();
    expect(text).not.toContain("192.0.2.");
    const [header, ...records] = parseCsv(text);
    expect(header).not.toContain("address");
    expect(header!.slice(0, 4)).toEqual(["time", "user", "role", "cluster"]);
    expect(records).toHaveLength(2);
    const col = (name: string) => header!.indexOf(name);
    const move = records.find((r) => r[col("action")] === "cluster.resource.move")!;
    expect(move[col("message")]).toBe('Error: "node3" is not, a valid\nnode');
    expect(move[col("commands")]).toBe("crm_resource --move --resource WebService1 --node node3");
    expect(JSON.parse(move[col("params")]!)).toEqual({ rsc: "WebService1", node: "node3" });
    const login = records.find((r) => r[col("action")] === "auth.login")!;
    expect(login[col("user")]).toBe("'=HYPERLINK(1)");
  });

  it("an admin's CSV has the address column", async () => {
    const [header, ...records] = parseCsv(await (await exportAs("format=csv&targetKind=resource&target=WebService1", "ada")).text());
    expect(header).toContain("address");
    expect(records).toHaveLength(1);
    expect(records[0]![header!.indexOf("address")]).toBe("192.0.2.50");
  });

  it("JSON: every row the filter selects, across pages, newest first, the same items as the list", async () => {
    const res = await exportAs("format=json&action=cluster.node.&cluster=prod&q=node1", "otto", 4);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const items = (await res.json()) as { target: string; address?: string; time: string }[];
    // node1, node10 … node19: prefix search
    expect(items.map((i) => i.target).sort()).toEqual(["node1", ...Array.from({ length: 10 }, (_, i) => `node1${i}`)].sort());
    expect(items.every((i) => !("address" in i))).toBe(true);
    const times = items.map((i) => Date.parse(i.time));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const all = (await (await exportAs("format=json", "ada", 7)).json()) as unknown[];
    expect(all.length).toBe(await t.db.auditEvent.count());
  });

  it("bad filters are a 400 with a message, not a crash", async () => {
    for (const [q, msg] of [
      ["format=xml", "format must be csv or json"],
      ["status=ok,fine", "Outcome must be one of"],
      ["from=2026-02-02&to=2026-01-01", "From must not be after To"],
      ["from=soon", "From must be a date"],
    ] as const) {
      const res = await exportAs(q, "vera");
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain(msg);
    }
  });

  it("csvField quotes what needs quoting and nothing else", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField("a\r\nb")).toBe('"a\r\nb"');
    expect(csvField("-INFINITY")).toBe("'-INFINITY");
    expect(csvField("@x,y")).toBe("\"'@x,y\"");
  });
});
