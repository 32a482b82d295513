import { afterAll, describe, expect, it, vi } from "vitest";
import { createTestHub, fixtureStatus } from "./helpers";

// argon2 hashing and SQLite on a busy 2-core machine: generous, not infinite.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const { hub, agents } = createTestHub();
afterAll(() => hub.close());

describe("a partitioned cluster", () => {
  it("serves the quorate side and flags the agent that sees a cluster without quorum", () => {
    hub.addCluster({ id: "p", name: "split", token: "t", tlsFingerprint: null, agents: ["ws://a:1", "ws://b:1"] });
    const noQuorum = fixtureStatus("variants/no-quorum");
    const quorate = fixtureStatus("demo");
    agents.link("ws://b:1").open("node2");
    agents.link("ws://b:1").send(noQuorum); // the only view so far: shown, but the health says so
    expect(hub.feed("p")!.snapshot().health.reasons).toContain("partition without quorum");

    agents.link("ws://a:1").open("node3");
    agents.link("ws://a:1").send(quorate);
    const s = hub.feed("p")!.snapshot();
    expect(s.freshness.source?.url).toBe("ws://a:1");
    expect(s.status?.summary.dc?.withQuorum).toBe(true);
    expect(s.freshness.agents.map((a) => [a.url, a.serving, a.partitioned])).toEqual([
      ["ws://a:1", true, false],
      ["ws://b:1", false, true],
    ]);

    // the partition heals: the flag goes away
    agents.link("ws://b:1").send(quorate);
    expect(hub.feed("p")!.snapshot().freshness.agents.every((a) => !a.partitioned)).toBe(true);
  });
});
