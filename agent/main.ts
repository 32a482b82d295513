/** Entry point for `tsx agent/main.ts ...` (the demo spawns agents this way). */
import { agentCommand } from "./cli";

// Demo agents must not outlive the launcher (a crashed test run would leave them holding ports):
// when the parent goes away we are re-parented, and stop.
if (process.env.VIGIL_EXIT_WITH_PARENT === "1") {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.kill(process.pid, "SIGTERM");
  }, 1000).unref();
}

const code = await agentCommand(process.argv.slice(2));
process.exit(code);
