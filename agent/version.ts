import { readFileSync } from "node:fs";

/** Reported in hello: the package's version, or "unknown" where the agent runs without package.json. */
export const AGENT_VERSION: string = (() => {
  try {
    const pkg: unknown = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    const v = typeof pkg === "object" && pkg !== null && "version" in pkg ? (pkg as { version: unknown }).version : null;
    return typeof v === "string" ? v : "unknown";
  } catch {
    return "unknown";
  }
})();
