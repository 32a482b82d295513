import { defineConfig } from "prisma/config";

// Prisma 7 no longer reads .env by itself.
try {
  process.loadEnvFile();
} catch {
  // no .env: defaults apply
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // The CLI only needs a URL for migrate commands, which we run offline via scripts/migrate.ts;
  // a default keeps `prisma generate` working on a fresh clone without a .env.
  datasource: { url: process.env.DATABASE_URL ?? "file:./var/vigil.db" },
});
