/**
 * `vigil status`: what `crm_mon -1 -A -f` prints (with `-r`, `crm_mon -1 -r -A -f`), rendered from
 * Vigil's own model, or that model as JSON (`--json`, the shape of ClusterStatusSchema in
 * lib/pacemaker/model.ts).
 *
 * Sources: this node's running Pacemaker (default), a CIB file (`--cib-file`, as crm_mon with
 * CIB_file would show it), a running agent (`--agent URL --token-file F`), a cluster registered in
 * the console (`--cluster NAME`, through the console's database) or the demo (`--demo`).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createStatusSource } from "@/agent/status-source";
import { readTokenFile } from "@/agent/auth";
import { fetchStatusOnce } from "@/lib/agent-client";
import { renderStatusText, type ClusterStatus } from "@/lib/pacemaker";

export const STATUS_HELP = `Usage: vigil status [SOURCE] [-r|--inactive] [--json]

Prints the cluster's status as crm_mon -1 -A -f does ("Active Resources"), from Vigil's model;
with -r as crm_mon -1 -r -A -f does ("Full List of Resources", stopped ones included).

Sources (default: this node's running Pacemaker):
  --cib-file F                 a CIB file, with or without a status section (as CIB_file=F crm_mon)
  --agent ws://HOST:PORT       a running Vigil agent (with --token-file F)
  --token-file F               the agent's token file
  --cluster NAME               a cluster registered in the console (its agents, token and
                               certificate pin from the console's database, DATABASE_URL)
  --demo                       the built-in demo cluster (its agents, or its CIB file when they are stopped)
  --timeout MS                 give up after MS milliseconds (default 30000)
  -r, --inactive               list inactive resources too, as crm_mon -r does
  --json                       print the typed model (lib/pacemaker/model.ts, modelVersion field) as JSON
`;

const DEMO_DIR = "var/demo";
const DEMO_PORTS = [7482, 7483, 7484];

export async function statusCommand(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        "cib-file": { type: "string" },
        agent: { type: "string" },
        "token-file": { type: "string" },
        demo: { type: "boolean" },
        cluster: { type: "string" },
        json: { type: "boolean" },
        inactive: { type: "boolean", short: "r" },
        timeout: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (e) {
    process.stderr.write(`vigil status: ${(e as Error).message}\n\n${STATUS_HELP}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(STATUS_HELP);
    return 0;
  }
  const sources = [values["cib-file"], values.agent, values.demo, values.cluster].filter((v) => v !== undefined && v !== false);
  if (sources.length > 1) return usageError("give one source: --cib-file, --agent, --cluster or --demo");
  const timeoutMs = values.timeout === undefined ? 30_000 : Number(values.timeout);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) return usageError(`--timeout wants milliseconds, not ${JSON.stringify(values.timeout)}`);

  let status: ClusterStatus;
  try {
    if (values.agent !== undefined) {
      if (!values["token-file"]) return usageError("--agent needs --token-file");
      status = await fromAgent(values.agent, values["token-file"], timeoutMs);
    } else if (values.cluster !== undefined) {
      // The console's settings (DATABASE_URL) as server.ts reads them, before env.ts validates them.
      try {
        process.loadEnvFile();
      } catch {
        // no .env: defaults apply
      }
      status = await (await import("@/server/cli/registered-status")).registeredClusterStatus(values.cluster, timeoutMs);
    } else if (values.demo) {
      status = await fromDemo(timeoutMs);
    } else if (values["cib-file"] !== undefined) {
      const file = path.resolve(values["cib-file"]);
      if (!existsSync(file)) throw new Error(`no such CIB file: ${file}`);
      status = await readLocal({ CIB_file: file }, timeoutMs);
    } else {
      status = await readLocal(undefined, timeoutMs);
    }
  } catch (e) {
    process.stderr.write(`vigil status: ${(e as Error).message}\n`);
    return 1;
  }
  process.stdout.write(values.json ? `${JSON.stringify(status, null, 2)}\n` : renderStatusText(status, { inactive: values.inactive === true }));
  return 0;
}

function usageError(message: string): number {
  process.stderr.write(`vigil status: ${message}\n\n${STATUS_HELP}`);
  return 2;
}

/** Reads through the same code path as an agent does (crm_mon + cibadmin via runPacemaker). */
async function readLocal(env: Record<string, string> | undefined, timeoutMs: number): Promise<ClusterStatus> {
  const source = createStatusSource({ env, timeoutMs, log: () => {} });
  await source.refresh();
  const status = source.status();
  if (status) return status;
  throw new Error(source.lastError()?.message ?? "no status could be read");
}

async function fromAgent(url: string, tokenFile: string, timeoutMs: number): Promise<ClusterStatus> {
  const { token } = readTokenFile(tokenFile);
  return (await fetchStatusOnce(url, token, timeoutMs)).status;
}

/** The demo's agents if one answers; otherwise its CIB file, so the demo can be read while stopped. */
async function fromDemo(timeoutMs: number): Promise<ClusterStatus> {
  const tokenFile = path.join(DEMO_DIR, "token");
  const cibFile = path.resolve(DEMO_DIR, "cib.xml");
  if (existsSync(tokenFile)) {
    const { token } = readTokenFile(tokenFile);
    for (const port of DEMO_PORTS) {
      try {
        return (await fetchStatusOnce(`ws://127.0.0.1:${port}`, token, Math.min(timeoutMs, 3000))).status;
      } catch {
        // next agent
      }
    }
  }
  if (!existsSync(cibFile)) throw new Error("the demo has not been started yet: run scripts/demo.sh");
  process.stderr.write("vigil status: no demo agent answers; reading the demo's CIB file\n");
  return readLocal({ CIB_file: cibFile }, timeoutMs);
}
