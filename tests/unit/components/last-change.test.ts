import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SummaryHeader } from "@/components/cluster/summary-header";
import { clusterHealth } from "@/components/status/health";
import type { ClusterStatus } from "@/lib/pacemaker";
import { fixtureStatus } from "../server/helpers";

const text = (s: ClusterStatus) => {
  const html = renderToStaticMarkup(createElement(SummaryHeader, { summary: s.summary, health: clusterHealth(s) }));
  // The last-change span holds one nested span (the time): take it whole, then drop the tags.
  const m = /<span data-test="last-change">((?:[^<]|<span[^>]*>[^<]*<\/span>)*)<\/span>/.exec(html);
  return m ? m[1]!.replace(/<[^>]+>/g, "").replace(/<!-- -->/g, "") : null;
};

describe("Last change in the summary", () => {
  it("reads like crm_mon's line when the CIB says who, how and where", () => {
    const s = fixtureStatus("demo");
    expect(text(s)).toMatch(/^Last change .+ by \S+ via \S+ on \S+$/);
  });

  it("leaves out what the CIB does not say, never a bare 'by via on'", () => {
    const s = fixtureStatus("demo");
    const bare = { ...s, summary: { ...s.summary, lastChange: { time: "Wed Nov 25 10:00:00 2026", user: "", client: "", origin: "" } } };
    expect(text(bare)).toBe("Last change Wed Nov 25 10:00:00 2026");
    const none = { ...s, summary: { ...s.summary, lastChange: { time: "", user: "", client: "", origin: "" } } };
    expect(text(none)).toBeNull();
  });
});
