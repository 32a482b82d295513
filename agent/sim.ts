/**
 * sim mode: a demo cluster held in one CIB file, shared by several agent processes, with
 * crm_simulate playing the cluster's part ("settling": run transitions as if every action
 * succeeded, until none remain).
 *
 * Writers of the file (our actions, the settle) hold an inter-process lock (a directory made with
 * mkdir, which is atomic) so agents never interleave writes or settle twice; a `.settled` marker
 * records the CIB version a settle produced, so a notification about our own write costs a file
 * read, not a crm_simulate run.
 */
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { open } from "node:fs/promises";
import type { Logger } from "./feed";
import { runPacemaker } from "./run";

export const SETTLE_MAX_ROUNDS = 6;
const LOCK_STALE_MS = 30_000;
/** Long enough for a queue of requests from three agents on a slow, busy machine. */
const LOCK_WAIT_MS = 60_000;

export class CibLockTimeout extends Error {
  override name = "CibLockTimeout";
}

export interface CibHeader {
  epoch: number;
  numUpdates: number;
  adminEpoch: number;
  haveQuorum: boolean;
}

/** Reads only the `<cib ...>` start tag: cheap even for a 30 MB CIB. */
export async function readCibHeader(cibFile: string): Promise<CibHeader | null> {
  let fh;
  try {
    fh = await open(cibFile, "r");
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return parseCibHeader(buf.subarray(0, bytesRead).toString("utf8"));
  } catch {
    return null;
  } finally {
    await fh?.close();
  }
}

export function parseCibHeader(text: string): CibHeader | null {
  const tag = /<cib\b[^>]*>/.exec(text)?.[0];
  if (!tag) return null;
  const attr = (name: string): string | null => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
  const num = (name: string): number => Number.parseInt(attr(name) ?? "0", 10) || 0;
  const q = attr("have-quorum");
  return { epoch: num("epoch"), numUpdates: num("num_updates"), adminEpoch: num("admin_epoch"), haveQuorum: q === "1" || q === "true" };
}

const versionOf = (h: CibHeader): string => `${h.adminEpoch}.${h.epoch}.${h.numUpdates}`;

/** Runs fn while holding the CIB file's lock; a lock left by a dead process is taken over. */
export async function withCibLock<T>(cibFile: string, fn: () => Promise<T>, waitMs = LOCK_WAIT_MS): Promise<T> {
  const lockDir = `${cibFile}.lock`;
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    try {
      await mkdir(lockDir);
      await writeFile(`${lockDir}/owner`, `${process.pid}\n`).catch(() => undefined);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      if (await lockIsStale(lockDir)) {
        await rm(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new CibLockTimeout(`could not lock ${cibFile} within ${waitMs} ms (held by ${lockDir})`);
      await sleep(Math.min(5 + attempt * 5, 50));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

async function lockIsStale(lockDir: string): Promise<boolean> {
  try {
    const owner = Number.parseInt((await readFile(`${lockDir}/owner`, "utf8")).trim(), 10);
    if (owner > 0 && owner !== process.pid) {
      try {
        process.kill(owner, 0);
        return false; // a live holder may take long (crm_simulate on a big cluster): wait for it
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ESRCH") return true;
      }
    }
  } catch {
    // no owner file yet: the holder is between mkdir and writeFile, judge by age alone
  }
  try {
    return Date.now() - (await stat(lockDir)).mtimeMs > LOCK_STALE_MS;
  } catch {
    return false; // gone meanwhile: the next mkdir will tell
  }
}

/** Number of actions in a transition, from `crm_simulate --output-as=xml`. */
export function countTransitionActions(xml: string): number {
  const body = /<transition>([\s\S]*?)<\/transition>/.exec(xml)?.[1];
  if (!body) return 0;
  return (body.match(/<[a-z_]*action\b/g) ?? []).length;
}

/** Pacemaker's own time format for cib-last-written ("Wed Nov 25 09:50:39 2026"). */
export function cibTimestamp(d = new Date()): string {
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const p = (n: number) => String(n).padStart(2, "0");
  return `${days[d.getDay()]} ${months[d.getMonth()]} ${String(d.getDate()).padStart(2, " ")} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())} ${d.getFullYear()}`;
}

/** Sets cib-last-written (file mode never does) so "Last change" moves with the demo. */
export function stampLastWritten(xml: string, when = new Date()): string {
  return xml.replace(/<cib\b[^>]*>/, (tag) => {
    const value = `cib-last-written="${cibTimestamp(when)}"`;
    return /\scib-last-written="[^"]*"/.test(tag) ? tag.replace(/cib-last-written="[^"]*"/, value) : tag.replace(/^<cib\b/, `<cib ${value}`);
  });
}

export interface SettleResult {
  /** crm_simulate runs made */
  rounds: number;
  /** actions the cluster carried out */
  actions: number;
  /** the file was rewritten (new state, or a configuration change's "Last change" stamp) */
  written: boolean;
  /** nothing to do: this CIB version had already been settled */
  skipped: boolean;
}

/**
 * Carries the cluster in cibFile to its new state and, after a configuration change, stamps
 * cib-last-written. Call it while holding withCibLock. A CIB version this (or another) agent has
 * settled already is skipped.
 */
export async function settleCib(cibFile: string, log: Logger, signal?: AbortSignal): Promise<SettleResult> {
  const marker = `${cibFile}.settled`;
  const header = await readCibHeader(cibFile);
  if (!header) throw new Error(`cannot read the CIB header of ${cibFile}`);
  const settledVersion = await readFile(marker, "utf8").then((s) => s.trim(), () => "");
  const markSettled = (h: CibHeader): Promise<void> => writeFile(marker, `${versionOf(h)}\n`);
  if (settledVersion === versionOf(header)) return { rounds: 0, actions: 0, written: false, skipped: true };
  // As in a live cluster, "Last change" (cib-last-written) moves with the configuration only (a new
  // epoch), not with status updates such as transient attributes; a status-only change that needs
  // no action then costs no rewrite, and the agents no second crm_mon run.
  const configChanged = !settledVersion.startsWith(`${header.adminEpoch}.${header.epoch}.`);

  const out = `${cibFile}.sim.${process.pid}`;
  let before = await stat(cibFile);
  let rounds = 0;
  let actions = 0;
  let written = false;

  /** Replaces the CIB with xml unless someone else wrote it since `before`; records the settled version. */
  const publish = async (xml: string): Promise<boolean> => {
    // Stage first so that only a stat and a rename separate the check from the replace: a hand edit
    // (tools do not take our lock) can slip in only within that window, not during our file write.
    const staged = `${cibFile}.new.${process.pid}`;
    await writeFile(staged, configChanged ? stampLastWritten(xml) : xml);
    const now = await stat(cibFile);
    if (now.mtimeMs !== before.mtimeMs || now.size !== before.size || now.ino !== before.ino) {
      // A hand edit landed while we simulated: theirs wins; its own notification brings us back here.
      await rm(staged, { force: true });
      log("warn", "settle: the CIB changed while simulating; not overwriting it");
      return false;
    }
    await rename(staged, cibFile);
    before = await stat(cibFile);
    written = true;
    const after = await readCibHeader(cibFile);
    if (after) await markSettled(after);
    return true;
  };

  try {
    while (rounds < SETTLE_MAX_ROUNDS) {
      const r = await runPacemaker(
        "crm_simulate",
        ["-x", cibFile, "-q", header.haveQuorum ? "true" : "false", "-S", "-O", out, "--output-as=xml"],
        // crm_simulate writes to its own scratch file: safe to kill when the agent stops.
        { timeoutMs: 60_000, signal },
      );
      rounds++;
      if (r.code !== 0) throw new Error(`crm_simulate failed (exit ${r.code}): ${lastLine(r.stderr) || lastLine(r.stdout)}`);
      const n = countTransitionActions(r.stdout);
      if (n === 0) break;
      actions += n;
      // Publish each round at once: clients see the cluster move while the next round checks for more.
      if (!(await publish(await readFile(out, "utf8")))) return { rounds, actions, written, skipped: false };
    }
    if (rounds === SETTLE_MAX_ROUNDS) log("warn", `settle: still actions after ${rounds} rounds; keeping the last state`);
    // A configuration change that needed no action still moves "Last change" (file mode never does).
    if (!written && configChanged) await publish(await readFile(cibFile, "utf8"));
    else if (!written) await markSettled(header);
    return { rounds, actions, written, skipped: false };
  } finally {
    await rm(out, { force: true });
  }
}

function lastLine(s: string): string {
  return s.trim().split("\n").filter(Boolean).pop() ?? "";
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
