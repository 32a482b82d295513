import { describe, expect, it } from "vitest";
import { isCrossSiteWrite } from "@/server/auth/origin";

const req = (method: string, headers: Record<string, string>) => new Request("http://console:3000/api/trpc/x", { method, headers });

describe("cross-site writes", () => {
  it("refuses a POST from another origin, allows same-origin and origin-less ones", () => {
    expect(isCrossSiteWrite(req("POST", { origin: "http://evil.example", host: "console:3000" }))).toBe(true);
    expect(isCrossSiteWrite(req("POST", { origin: "null", host: "console:3000" }))).toBe(true);
    expect(isCrossSiteWrite(req("POST", { origin: "http://console:3000", host: "console:3000" }))).toBe(false);
    expect(isCrossSiteWrite(req("POST", { host: "console:3000" }))).toBe(false);
    expect(isCrossSiteWrite(req("GET", { origin: "http://evil.example", host: "console:3000" }))).toBe(false);
  });
});
