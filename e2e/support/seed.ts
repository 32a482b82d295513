// Runs in its own process (tsx) so that env.ts reads the temp DATABASE_URL set by the global setup.
import { seedDemo } from "@/server/demo-seed";

const [tokenFile, ...agentUrls] = process.argv.slice(2);
if (!tokenFile || agentUrls.length === 0) {
  console.error("usage: seed.ts TOKEN_FILE AGENT_URL...");
  process.exit(2);
}
const result = await seedDemo({ agentUrls, tokenFile });
console.log(JSON.stringify(result));
