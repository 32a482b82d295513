import { describe, expect, it } from "vitest";
import { LoginRateLimiter } from "@/server/auth/rate-limit";

describe("login rate limiter", () => {
  it("blocks a username after 5 failures a minute from one address, and frees it when the window passes", () => {
    let now = 1_000_000;
    const l = new LoginRateLimiter(undefined, () => now);
    for (let i = 0; i < 5; i++) l.recordFailure("1.2.3.4", "Alice");
    expect(l.retryAfterMs("1.2.3.4", "alice")).toBe(60_000);
    expect(l.retryAfterMs("5.6.7.8", "alice")).toBe(0);
    expect(l.retryAfterMs("1.2.3.4", "bob")).toBe(0);
    now += 30_000;
    expect(l.retryAfterMs("1.2.3.4", "alice")).toBe(30_000);
    now += 30_001;
    expect(l.retryAfterMs("1.2.3.4", "alice")).toBe(0);
  });

  it("blocks an address spraying one password over many usernames", () => {
    const now = 1_000_000;
    const l = new LoginRateLimiter(undefined, () => now);
    for (let i = 0; i < 30; i++) l.recordFailure("9.9.9.9", `user${i}`);
    expect(l.retryAfterMs("9.9.9.9", "someone-new")).toBeGreaterThan(0);
    expect(l.retryAfterMs("8.8.8.8", "someone-new")).toBe(0);
  });
});
