/**
 * The `vigil` command: `vigil status`, `vigil agent`, `vigil user add`, `vigil demo`.
 * Each subcommand lives in its own module; this file only dispatches.
 */
const USAGE = `vigil — a console for Pacemaker/Corosync clusters

Usage:
  vigil status [--cib-file F | --agent ws://HOST:PORT --token-file F | --cluster NAME | --demo] [-r] [--json]
  vigil agent --mode live|sim [options]     run a node agent (vigil agent --help)
  vigil user add NAME --role viewer|operator|admin [--password-file F]
  vigil help

Without a source, \`vigil status\` reads this node's running Pacemaker (as crm_mon does).
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "status":
      return (await import("./status")).statusCommand(rest);
    case "agent":
      return (await import("@/agent/cli")).agentCommand(rest);
    case "user": {
      if (rest[0] !== "add") {
        process.stderr.write("usage: vigil user add NAME --role viewer|operator|admin [--password-file F]\n");
        return 2;
      }
      return (await import("@/server/cli/user-add")).userAddCommand(rest.slice(1));
    }
    case undefined:
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`vigil: unknown command ${JSON.stringify(command)}\n\n${USAGE}`);
      return 2;
  }
}
