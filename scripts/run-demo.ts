/**
 * The demo in one process tree: three sim agents (node2..node4, real Pacemaker tools on one CIB
 * file), the console on http://localhost:3000 with the demo cluster registered and one user per
 * role. Ctrl-C stops exactly what this started. Run through scripts/demo.sh (it installs and builds).
 */
import { startDemoCluster } from "@/agent/demo";
import { startConsole } from "@/server/boot";
import { seedDemo } from "@/server/demo-seed";

const say = (msg: string): void => console.log(`[demo] ${msg}`);

say("starting the demo cluster (three sim agents over var/demo/cib.xml)…");
const demo = await startDemoCluster({ dir: "var/demo" });
say(`agents: ${demo.agents.map((a) => `${a.node} ${a.url}`).join(", ")}`);

let consoleServer: Awaited<ReturnType<typeof startConsole>> | null = null;
let stopping = false;
async function stop(code: number): Promise<never> {
  if (stopping) process.exit(1);
  stopping = true;
  say("stopping…");
  await consoleServer?.close().catch(() => undefined);
  await demo.stop().catch(() => undefined);
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

try {
  consoleServer = await startConsole({ log: (m) => console.log(`[console] ${m}`) });
  const seeded = await seedDemo({ agentUrls: demo.urls, tokenFile: demo.tokenFile });
  console.log(`
  Vigil is running: ${consoleServer.url.replace("127.0.0.1", "localhost")}

  Demo logins (user / password):
${seeded.users.map((u) => `    ${u.role.padEnd(9)} ${u.username} / ${u.password}`).join("\n")}

  Change the demo cluster underneath with Pacemaker's own tools, e.g.:
    CIB_file=${demo.cibFile} crm_attribute -N node3 -n pgsql-status -v HS:async -l reboot
    CIB_file=${demo.cibFile} crm_resource --move -r WebService1 -N node3
  or read it from a terminal:  ./bin/vigil.mjs status --demo

  Ctrl-C stops everything.
`);
} catch (e) {
  console.error(`[demo] cannot start: ${(e as Error).message}`);
  await stop(1);
}
