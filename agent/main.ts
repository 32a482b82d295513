/** Entry point for `tsx agent/main.ts ...` (the demo spawns agents this way). */
import { agentCommand } from "./cli";

const code = await agentCommand(process.argv.slice(2));
process.exit(code);
