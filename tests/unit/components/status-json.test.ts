import { describe, expect, it } from "vitest";
import { parseStatusJson, StatusJsonError } from "@/components/live/status-json";
import { fixtureStatus } from "./fixtures";

describe("parseStatusJson (the full state of status.watch)", () => {
  it("gives back the status the console serialised, every field of it", () => {
    const status = fixtureStatus();
    expect(parseStatusJson(JSON.stringify(status))).toEqual(status);
  });

  it("null before the first status", () => {
    expect(parseStatusJson(null)).toBeNull();
    expect(parseStatusJson("null")).toBeNull();
  });

  it("refuses text that is not a cluster status", () => {
    for (const bad of ["{", "[]", "42", '{"nodes":[]}', '{"summary":{},"nodes":[{}],"resources":[]}']) {
      expect(() => parseStatusJson(bad), bad).toThrow(StatusJsonError);
    }
  });
});
