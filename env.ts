// Every environment variable the console reads, validated once at start-up: a wrong setting fails
// fast with a message naming it, never at the first request.
import { z } from "zod";

const bool = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .transform((v) => v === "1" || v === "true" || v === "yes");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** SQLite file, relative to the working directory. */
  DATABASE_URL: z
    .string()
    .regex(/^file:/, "DATABASE_URL must be a SQLite URL like file:./var/vigil.db")
    .default("file:./var/vigil.db"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Sliding session lifetime. */
  VIGIL_SESSION_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  /** Set behind an HTTPS terminator so the session cookie gets `Secure`. */
  VIGIL_COOKIE_SECURE: bool.default(false),
  /** Trust X-Forwarded-For for the client address (rate limiting) only behind a known proxy. */
  VIGIL_TRUST_PROXY: bool.default(false),
});

export type Env = z.infer<typeof EnvSchema>;

function parseEnv(source: NodeJS.ProcessEnv): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env: Env = parseEnv(process.env);
