// The audit page's address-bar filter and row links (components/audit/audit-filter.ts): what a
// link from a node's recent history opens, what the export carries, what the server is sent.
import { describe, expect, it } from "vitest";
import {
  auditHref,
  exportHref,
  filterFromSearch,
  filterToInput,
  formatAuditTime,
  outcomeLabel,
  targetHref,
} from "@/components/audit/audit-filter";
import { AuditFilterSchema } from "@/server/audit/query";

describe("audit filter in the address", () => {
  it("round-trips through the query string, dropping what is not an outcome", () => {
    const f = filterFromSearch(new URLSearchParams("user=ops&status=ok,failed&status=bogus&q=web+node3&targetKind=node&target=node3"));
    expect(f).toMatchObject({ user: "ops", status: ["ok", "failed"], q: "web node3", targetKind: "node", target: "node3", cluster: "" });
    expect(auditHref(f)).toBe("/audit?user=ops&targetKind=node&target=node3&q=web+node3&status=ok%2Cfailed");
    expect(filterFromSearch(new URLSearchParams(auditHref(f).split("?")[1]))).toEqual(f);
    expect(auditHref({})).toBe("/audit");
  });

  it("the export link carries the same filter, and the server accepts what the page sends", () => {
    const f = filterFromSearch(new URLSearchParams("cluster=prod&from=2026-06-01T00:00:00.000Z&status=denied"));
    expect(exportHref(f, "csv")).toBe("/api/audit/export?cluster=prod&from=2026-06-01T00%3A00%3A00.000Z&status=denied&format=csv");
    const parsed = AuditFilterSchema.parse(filterToInput(f));
    expect(parsed).toMatchObject({ cluster: "prod", status: ["denied"], from: new Date("2026-06-01T00:00:00Z") });
  });

  it("links a row to what it touched", () => {
    expect(targetHref({ clusterName: "prod one", targetKind: "resource", target: "WebService1" }, false)).toBe("/clusters/prod%20one?resource=WebService1");
    expect(targetHref({ clusterName: "prod", targetKind: "node", target: "node3" }, false)).toBe("/clusters/prod?node=node3");
    expect(targetHref({ clusterName: "prod", targetKind: "attribute", target: "node3/site" }, false)).toBe("/clusters/prod/attributes");
    expect(targetHref({ clusterName: "", targetKind: "user", target: "bob" }, true)).toBe("/admin/users");
    expect(targetHref({ clusterName: "", targetKind: "user", target: "bob" }, false)).toBeNull();
  });

  it("says outcomes in words and times with their zone", () => {
    expect(outcomeLabel("denied", "cluster.node.standby").label).toBe("refused by role");
    expect(outcomeLabel("denied", "auth.login").label).toBe("refused");
    expect(outcomeLabel("acl_denied", "x").label).toBe("refused by the cluster's ACL");
    expect(formatAuditTime("2026-12-02T04:37:39Z")).toMatch(/^02 Dec 2026, \d\d:37:39 \S+$/);
  });
});
