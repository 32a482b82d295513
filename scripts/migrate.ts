// Offline Prisma migrations (the Prisma 7 CLI needs a network download for migrate):
//   tsx scripts/migrate.ts dev <name>   create a migration from schema changes, then apply it
//   tsx scripts/migrate.ts deploy       apply pending migrations
import { MigrationEngine, defaultMigrationPaths } from "@/server/db/migration-engine";

try {
  process.loadEnvFile();
} catch {
  // no .env: defaults apply
}

const [cmd, name = "migration"] = process.argv.slice(2);
if (cmd !== "dev" && cmd !== "deploy") {
  console.error("usage: tsx scripts/migrate.ts dev <name> | deploy");
  process.exit(2);
}
if (!/^[a-z0-9_]+$/i.test(name)) {
  console.error(`migration name must be letters, digits and _: ${name}`);
  process.exit(2);
}

const engine = await MigrationEngine.open(
  defaultMigrationPaths(process.env.DATABASE_URL ?? "file:./var/vigil.db"),
);
try {
  if (cmd === "dev") {
    const created = await engine.createMigration(name);
    console.log(created ? `created ${created}` : "schema unchanged");
  }
  const applied = await engine.deploy();
  console.log(applied.length ? `applied: ${applied.join(", ")}` : "applied: nothing pending");
} finally {
  await engine.close();
}
