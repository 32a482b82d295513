import { describe, expect, it } from "vitest";
import { AgentMessageSchema, parseClientFrame, PROTOCOL_VERSION } from "@/lib/protocol";
import { bearerToken, tokensMatch } from "@/agent/auth";
import { countTransitionActions, parseCibHeader, stampLastWritten } from "@/agent/sim";

describe("protocol", () => {
  it("parses client frames or explains why not", () => {
    expect(parseClientFrame('{"type":"subscribe"}')).toEqual({ ok: true, message: { type: "subscribe" } });
    expect(parseClientFrame("{")).toMatchObject({ ok: false, error: { code: "bad_json" } });
    expect(parseClientFrame("42")).toMatchObject({ ok: false, error: { code: "unknown_type" } });
    expect(parseClientFrame('{"type":"subscribe","x":1}')).toMatchObject({ ok: false, error: { code: "bad_message" } });
    const r = parseClientFrame('{"type":"request","id":"1","action":"refresh"}');
    expect(r).toMatchObject({ ok: true, message: { params: {} } });
  });

  it("describes agent frames", () => {
    const hello = { type: "hello", protocol: PROTOCOL_VERSION, agentVersion: "0.1.0", node: "n", cluster: null, pacemakerVersion: "2.1.5", mode: "sim", capabilities: [], watch: "fswatch" };
    expect(AgentMessageSchema.safeParse(hello).success).toBe(true);
    expect(AgentMessageSchema.safeParse({ ...hello, mode: "fake" }).success).toBe(false);
    expect(AgentMessageSchema.safeParse({ type: "response", id: "1", ok: false, error: { code: "not_found", message: "x" } }).success).toBe(true);
  });
});

describe("token", () => {
  it("compares in constant time, whatever the lengths", () => {
    expect(tokensMatch("a".repeat(32), "a".repeat(32))).toBe(true);
    expect(tokensMatch("a".repeat(32), "a")).toBe(false);
    expect(tokensMatch("a".repeat(32), "")).toBe(false);
  });
  it("reads a bearer header", () => {
    expect(bearerToken("Bearer abc")).toBe("abc");
    expect(bearerToken(undefined)).toBeNull();
    expect(bearerToken("Basic abc")).toBe("");
  });
});

describe("sim helpers", () => {
  it("reads the cib header and counts transition actions", () => {
    expect(parseCibHeader('<cib epoch="27" num_updates="3" admin_epoch="0" have-quorum="1">')).toEqual({ epoch: 27, numUpdates: 3, adminEpoch: 0, haveQuorum: true });
    expect(countTransitionActions("<actions/>\n  <transition/>")).toBe(0);
    expect(countTransitionActions('<transition>\n<rsc_action resource="a" op="stop"/><pseudo_action op="x"/></transition>')).toBe(2);
  });
  it("stamps cib-last-written", () => {
    const out = stampLastWritten('<cib epoch="1" cib-last-written="old">', new Date(2026, 10, 25, 9, 5, 7));
    expect(out).toBe('<cib epoch="1" cib-last-written="Wed Nov 25 09:05:07 2026">');
    expect(stampLastWritten('<cib epoch="1">', new Date(2026, 0, 1))).toMatch(/^<cib cib-last-written="Thu Jan  1 00:00:00 2026" epoch="1">$/);
  });
});
