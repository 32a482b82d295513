// Custom Next server: `tsx server.ts` (NODE_ENV=production after `next build`). One process holds
// the pages, the tRPC API (route handler app/api/trpc) and the agent hub.
try {
  process.loadEnvFile();
} catch {
  // no .env: defaults apply
}

// Imported after .env is loaded: env.ts validates process.env when first imported.
const { startConsole } = await import("./server/boot");
export {};

const running = await startConsole().catch((err: unknown) => {
  console.error(`[vigil] cannot start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

let stopping = false;
const shutdown = (signal: string): void => {
  if (stopping) {
    process.exit(1); // a second Ctrl-C: do not wait any longer
  }
  stopping = true;
  console.log(`[vigil] ${signal}: stopping`);
  const force = setTimeout(() => process.exit(1), 5_000);
  force.unref();
  running.close().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(`[vigil] stop failed: ${String(err)}`);
      process.exit(1);
    },
  );
};
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
