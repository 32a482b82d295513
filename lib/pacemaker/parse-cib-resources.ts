import type { NvSet, RawElement } from "./model-common";
import type {
  BundleConfig,
  CloneConfig,
  GroupConfig,
  Operation,
  PrimitiveConfig,
  ResourceConfig,
  TemplateConfig,
} from "./model-config";
import { flattenNvSets, parseNvSet } from "./parse-nvset";
import { extraAttrs, isTrue, rawElement, req, str, type XNode } from "./xml";

/** resources-3.x.rng: primitive, template, group, clone / master, bundle. */

const S = (...k: string[]): ReadonlySet<string> => new Set(k);
const PRIM_KNOWN = S("id", "class", "provider", "type", "template", "description");
const ID_DESC = S("id", "description");
const OP_SKIP = S("id", "id-ref", "name", "interval", "description");

function parseOp(el: XNode): Operation {
  const a = el.attrs;
  const instanceAttributes: NvSet[] = [];
  const metaAttributes: NvSet[] = [];
  const unknown: RawElement[] = [];
  for (const c of el.children) {
    if (c.tag === "instance_attributes") instanceAttributes.push(parseNvSet(c));
    else if (c.tag === "meta_attributes") metaAttributes.push(parseNvSet(c));
    else unknown.push(rawElement(c));
  }
  return {
    id: str(a, "id"), idRef: str(a, "id-ref"), name: req(a, "name"), interval: req(a, "interval", "0"),
    description: str(a, "description"), attrs: extraAttrs(a, OP_SKIP), instanceAttributes, metaAttributes, unknown,
  };
}

function parsePrimitiveLike(el: XNode): Omit<PrimitiveConfig, "kind"> {
  const a = el.attrs;
  const p = {
    id: req(a, "id"), class: str(a, "class"), provider: str(a, "provider"), type: str(a, "type"),
    template: str(a, "template"), description: str(a, "description"),
    instanceAttributes: [] as NvSet[], metaAttributes: [] as NvSet[], utilization: [] as NvSet[],
    operations: [] as Operation[], operationsId: null as string | null, operationsIdRef: null as string | null,
    extraAttrs: extraAttrs(a, PRIM_KNOWN), unknown: [] as RawElement[],
  };
  for (const c of el.children) {
    switch (c.tag) {
      case "instance_attributes": p.instanceAttributes.push(parseNvSet(c)); break;
      case "meta_attributes": p.metaAttributes.push(parseNvSet(c)); break;
      case "utilization": p.utilization.push(parseNvSet(c)); break;
      case "operations":
        p.operationsId = str(c.attrs, "id");
        p.operationsIdRef = str(c.attrs, "id-ref");
        for (const o of c.children) {
          if (o.tag === "op") p.operations.push(parseOp(o));
          else p.unknown.push(rawElement(o));
        }
        break;
      default: p.unknown.push(rawElement(c));
    }
  }
  return p;
}

export function parsePrimitiveConfig(el: XNode): PrimitiveConfig {
  return { ...parsePrimitiveLike(el), kind: "primitive" };
}

export function parseTemplateConfig(el: XNode): TemplateConfig {
  return { ...parsePrimitiveLike(el), kind: "template" };
}

function parseGroupConfig(el: XNode): GroupConfig {
  const g: GroupConfig = {
    kind: "group", id: req(el.attrs, "id"), description: str(el.attrs, "description"), instanceAttributes: [],
    metaAttributes: [], children: [], extraAttrs: extraAttrs(el.attrs, ID_DESC), unknown: [],
  };
  for (const c of el.children) {
    if (c.tag === "primitive") g.children.push(parsePrimitiveConfig(c));
    else if (c.tag === "instance_attributes") g.instanceAttributes.push(parseNvSet(c));
    else if (c.tag === "meta_attributes") g.metaAttributes.push(parseNvSet(c));
    else g.unknown.push(rawElement(c));
  }
  return g;
}

function parseCloneConfig(el: XNode): CloneConfig {
  const legacyMaster = el.tag === "master";
  const c: CloneConfig = {
    kind: "clone", id: req(el.attrs, "id"), description: str(el.attrs, "description"), promotable: legacyMaster,
    legacyMaster, instanceAttributes: [], metaAttributes: [], child: null,
    extraAttrs: extraAttrs(el.attrs, ID_DESC), unknown: [],
  };
  for (const x of el.children) {
    if (x.tag === "primitive") c.child = parsePrimitiveConfig(x);
    else if (x.tag === "group") c.child = parseGroupConfig(x);
    else if (x.tag === "instance_attributes") c.instanceAttributes.push(parseNvSet(x));
    else if (x.tag === "meta_attributes") c.metaAttributes.push(parseNvSet(x));
    else c.unknown.push(rawElement(x));
  }
  const promotable = flattenNvSets(c.metaAttributes).promotable;
  if (promotable !== undefined && isTrue(promotable)) c.promotable = true;
  return c;
}

function parseBundleConfig(el: XNode): BundleConfig {
  const b: BundleConfig = {
    kind: "bundle", id: req(el.attrs, "id"), description: str(el.attrs, "description"), runtime: null,
    runtimeAttrs: {}, network: null, storage: [], instanceAttributes: [], metaAttributes: [], primitive: null,
    extraAttrs: extraAttrs(el.attrs, ID_DESC), unknown: [],
  };
  for (const x of el.children) {
    switch (x.tag) {
      case "docker":
      case "podman":
      case "rkt":
        b.runtime = x.tag;
        b.runtimeAttrs = { ...x.attrs };
        break;
      case "network":
        b.network = {
          attrs: { ...x.attrs },
          portMappings: x.children.filter((p) => p.tag === "port-mapping").map((p) => ({ ...p.attrs })),
        };
        for (const p of x.children) if (p.tag !== "port-mapping") b.unknown.push(rawElement(p));
        break;
      case "storage":
        for (const s of x.children) {
          if (s.tag === "storage-mapping") b.storage.push({ ...s.attrs });
          else b.unknown.push(rawElement(s));
        }
        break;
      case "primitive": b.primitive = parsePrimitiveConfig(x); break;
      case "instance_attributes": b.instanceAttributes.push(parseNvSet(x)); break;
      case "meta_attributes": b.metaAttributes.push(parseNvSet(x)); break;
      default: b.unknown.push(rawElement(x));
    }
  }
  return b;
}

/** Parse `<resources>` children; templates go to their own list. */
export function parseResourcesSection(
  el: XNode,
  unknown: RawElement[],
): { resources: ResourceConfig[]; templates: TemplateConfig[] } {
  const resources: ResourceConfig[] = [];
  const templates: TemplateConfig[] = [];
  for (const c of el.children) {
    switch (c.tag) {
      case "primitive": resources.push(parsePrimitiveConfig(c)); break;
      case "group": resources.push(parseGroupConfig(c)); break;
      case "clone":
      case "master": resources.push(parseCloneConfig(c)); break;
      case "bundle": resources.push(parseBundleConfig(c)); break;
      case "template": templates.push(parseTemplateConfig(c)); break;
      default: unknown.push(rawElement(c));
    }
  }
  return { resources, templates };
}
