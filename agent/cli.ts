/**
 * `vigil agent ...`: parses flags, reads the token file, runs an agent until SIGINT/SIGTERM.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { startAgent } from "./agent";
import { readTokenFile, TokenFileError } from "./auth";
import { stderrLogger } from "./feed";

export const AGENT_HELP = `Usage: vigil agent --mode live|sim --token-file FILE [options]

Runs the Vigil agent on a cluster node: it serves the node's Pacemaker status over a WebSocket
(pushing changes as they happen) and carries out requests, running only Pacemaker's own tools.

Options:
  --mode live|sim        live: this node's running Pacemaker. sim: a demo cluster held in a CIB
                         file (--cib-file), with crm_simulate playing the cluster.
  --token-file FILE      shared secret the console must present (make it: openssl rand -hex 32
                         > FILE; chmod 600 FILE). Required.
  --port N               port to listen on (default 7480)
  --host H               address to listen on (default 0.0.0.0)
  --node NAME            node this agent serves (sim: required; live: default is Pacemaker's
                         name for this host)
  --cib-file FILE        sim mode: the CIB file (shared by the demo's agents)
  --tls-cert FILE        serve wss:// with this certificate (PEM) ...
  --tls-key FILE         ... and this key (PEM)
  -h, --help             show this help

Clients authenticate with "Authorization: Bearer <token>" on the WebSocket upgrade, or an
{"type":"auth","token":...} first message. A wrong token is refused (close code 4401) and logged.
Example (a real node):  vigil agent --mode live --token-file /etc/vigil/token
Example (demo node):    vigil agent --mode sim --node node3 --cib-file var/demo/cib.xml \\
                          --port 7483 --token-file var/demo/token
`;

const FlagsSchema = z
  .object({
    mode: z.enum(["live", "sim"], { message: "--mode must be live or sim" }),
    "token-file": z.string({ message: "--token-file is required" }).min(1),
    port: z.coerce.number({ message: "--port must be a number" }).int().min(0).max(65535).default(7480),
    host: z.string().default("0.0.0.0"),
    node: z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9._-]*$/, "--node must be a node name").optional(),
    "cib-file": z.string().optional(),
    "tls-cert": z.string().optional(),
    "tls-key": z.string().optional(),
  })
  .refine((f) => f.mode !== "sim" || (f["cib-file"] && f.node), { message: "--mode sim needs --cib-file and --node" })
  .refine((f) => !f["tls-cert"] === !f["tls-key"], { message: "--tls-cert and --tls-key go together" });

export async function agentCommand(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        mode: { type: "string" },
        "token-file": { type: "string" },
        port: { type: "string" },
        host: { type: "string" },
        node: { type: "string" },
        "cib-file": { type: "string" },
        "tls-cert": { type: "string" },
        "tls-key": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (e) {
    process.stderr.write(`vigil agent: ${(e as Error).message}\n\n${AGENT_HELP}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(AGENT_HELP);
    return 0;
  }
  const flags = FlagsSchema.safeParse(values);
  if (!flags.success) {
    process.stderr.write(`vigil agent: ${flags.error.issues.map((i) => i.message).join("; ")}\n(see vigil agent --help)\n`);
    return 2;
  }
  const f = flags.data;
  const log = stderrLogger(`vigil-agent[${f.node ?? f.mode}]`);
  let token: string;
  try {
    const t = readTokenFile(f["token-file"]);
    if (t.warning) log("warn", t.warning);
    token = t.token;
  } catch (e) {
    process.stderr.write(`vigil agent: ${(e as Error).message}\n`);
    return e instanceof TokenFileError ? 2 : 1;
  }
  let tls: { cert: Buffer; key: Buffer } | undefined;
  try {
    tls = f["tls-cert"] && f["tls-key"] ? { cert: readFileSync(f["tls-cert"]), key: readFileSync(f["tls-key"]) } : undefined;
  } catch (e) {
    process.stderr.write(`vigil agent: cannot read TLS files: ${(e as Error).message}\n`);
    return 2;
  }

  let agent;
  try {
    agent = await startAgent({ mode: f.mode, port: f.port, host: f.host, token, node: f.node, cibFile: f["cib-file"], tls, log });
  } catch (e) {
    process.stderr.write(`vigil agent: ${(e as Error).message}\n`);
    return 1;
  }
  const running = agent;
  // Keep serving whatever a single request or client does; only a signal ends the agent.
  process.on("uncaughtException", (e) => log("error", `uncaught: ${e.stack ?? e.message}`));
  process.on("unhandledRejection", (e) => log("error", `unhandled rejection: ${String(e)}`));
  return new Promise<number>((resolve) => {
    const stop = (sig: string) => {
      log("info", `${sig}: stopping`);
      void running.stop().then(() => resolve(0));
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
  });
}
