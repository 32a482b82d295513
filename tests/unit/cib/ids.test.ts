import { describe, expect, it } from "vitest";
import { configurationIds, deriveId, IdSpace, isValidId, sanitizeId } from "@/lib/cib";
import { parseXml } from "@/lib/pacemaker/xml";
import { DEMO_CIB } from "./helpers";

const config = () => parseXml(DEMO_CIB, "demo").children.find((c) => c.tag === "configuration")!;

describe("ids", () => {
  it("lists every id of the configuration, references excluded", () => {
    const ids = configurationIds(config());
    expect(ids.get("virtual_ip")).toBe("primitive");
    expect(ids.get("location-balanceGroup-pingd-expr2")).toBe("expression");
    expect(ids.get("1")).toBe("node");
    expect(ids.has("my_ping_fence_device_last_0")).toBe(false);
  });

  it("validates XML ids as the protocol does", () => {
    expect(isValidId("web_ip")).toBe(true);
    expect(isValidId("_x.y-z")).toBe(true);
    expect(isValidId("1abc")).toBe(false);
    expect(isValidId("-x")).toBe(false);
    expect(isValidId("a b")).toBe(false);
    expect(isValidId("")).toBe(false);
  });

  it("sanitizes names the way crm_xml_sanitize_id does, and more", () => {
    expect(sanitizeId("nodes-1-#uname")).toBe("nodes-1-.uname");
    expect(sanitizeId("a:b c/d")).toBe("a.b.c.d");
    expect(sanitizeId("#health")).toBe("_.health");
    expect(sanitizeId("9lives")).toBe("_9lives");
    expect(sanitizeId("")).toBe("_");
    expect(isValidId(sanitizeId("ünïcode:#"))).toBe(true);
  });

  it("derives -1, -2 when taken and claims what it gives", () => {
    const space = new IdSpace(config());
    expect(deriveId("virtual_ip", space, "nvpair")).toBe("virtual_ip-1");
    expect(deriveId("virtual_ip", space, "nvpair")).toBe("virtual_ip-2");
    expect(deriveId("fresh", space, "meta_attributes")).toBe("fresh");
    expect(deriveId("fresh", space, "meta_attributes")).toBe("fresh-1");
    expect(() => space.claim("fresh", "primitive")).toThrow('id "fresh" is already used by a meta_attributes set');
    expect(() => space.claim("1x", "primitive", "resource id")).toThrow("resource id is not a valid Pacemaker id");
  });
});
