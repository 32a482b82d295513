import { describe, expect, it } from "vitest";
import { ActionParamsSchemas } from "@/lib/protocol";
import { attrValue, duration, nodeName, xmlId } from "@/lib/protocol/values";

describe("argument values", () => {
  it("accepts Pacemaker ids and refuses option-like or shell-like ones", () => {
    expect(xmlId().safeParse("WebService1").success).toBe(true);
    expect(xmlId().safeParse("pgsql-clone").success).toBe(true);
    expect(xmlId().safeParse("_x.y").success).toBe(true);
    const opt = xmlId("resource id").safeParse("--foo");
    expect(opt.success).toBe(false);
    expect(opt.error?.issues[0]?.message).toMatch(/must not start with "-"/);
    for (const bad of ["1abc", "a b", "a;b", "$(id)", "", "a/b"]) expect(xmlId().safeParse(bad).success).toBe(false);
  });

  it("checks node names", () => {
    expect(nodeName().safeParse("node3").success).toBe(true);
    expect(nodeName().safeParse("-N").success).toBe(false);
    expect(nodeName().safeParse("node3;reboot").success).toBe(false);
  });

  it("passes free text values literally but refuses option look-alikes", () => {
    expect(attrValue().safeParse("; touch /tmp/pwned").success).toBe(true);
    expect(attrValue().safeParse("-INFINITY").success).toBe(true);
    expect(attrValue().safeParse("-5").success).toBe(true);
    expect(attrValue().safeParse("--foo").success).toBe(false);
    expect(attrValue().safeParse("-v").success).toBe(false);
    expect(attrValue().safeParse("a\nb").success).toBe(false);
  });

  it("checks ISO 8601 lifetimes", () => {
    for (const ok of ["PT1H", "P1D", "P1DT12H", "PT30M"]) expect(duration().safeParse(ok).success).toBe(true);
    for (const bad of ["1h", "P", "PT", "--lifetime", "P1H"]) expect(duration().safeParse(bad).success).toBe(false);
  });

  it("validates action params strictly", () => {
    expect(ActionParamsSchemas["resource.move"].safeParse({ rsc: "WebService1", node: "node3" }).success).toBe(true);
    expect(ActionParamsSchemas["resource.move"].safeParse({ rsc: "WebService1", node: "node3", x: 1 }).success).toBe(false);
    expect(ActionParamsSchemas["node.standby"].safeParse({ node: "node3", on: "yes" }).success).toBe(false);
  });
});
