import { readFileSync } from "node:fs";
import { join } from "node:path";

/** What the global setup started; tests read it to change the demo CIB or stop agents. */
export interface E2eState {
  url: string;
  tmp: string;
  cibFile: string;
  clusterName: string;
  consolePid: number;
  /** what a test needs to start the console again (same port, same database) */
  consoleEnv: Record<string, string>;
  agents: { node: string; port: number; url: string; pid: number }[];
  users: { username: string; password: string; role: string }[];
}

export const STATE_FILE = join(process.cwd(), "e2e", "output", "state.json");

export function readState(): E2eState {
  return JSON.parse(readFileSync(STATE_FILE, "utf8")) as E2eState;
}

/** A console a test started (after stopping the first one); the teardown stops it by this pid. */
export const RESTARTED_PID_FILE = join(process.cwd(), "e2e", "output", "console-restarted.pid");
