// `vigil user add NAME --role viewer|operator|admin [--password-file F]`: how the first admin is
// made on a fresh install. Without --password-file the password is asked twice on the terminal
// (hidden), or read as one line from a pipe.
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { z } from "zod";
import { env } from "@/env";
import { hashPassword, PasswordSchema, UsernameSchema } from "@/server/auth/password";
import { RoleSchema } from "@/server/auth/roles";
import { createDb } from "@/server/db/client";
import { deployMigrations } from "@/server/db/migration-engine";
import { recordAudit } from "@/server/audit/audit";

const USAGE = "usage: vigil user add NAME --role viewer|operator|admin [--password-file F]";

const ArgsSchema = z.object({
  username: UsernameSchema,
  role: RoleSchema,
  passwordFile: z.string().min(1).optional(),
});

function parseArgs(argv: string[]): z.infer<typeof ArgsSchema> {
  const raw: { username?: string; role?: string; passwordFile?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--role") raw.role = argv[++i];
    else if (a?.startsWith("--role=")) raw.role = a.slice(7);
    else if (a === "--password-file") raw.passwordFile = argv[++i];
    else if (a?.startsWith("--password-file=")) raw.passwordFile = a.slice(16);
    else if (a?.startsWith("-")) throw new Error(`unknown option ${a}`);
    else if (raw.username === undefined) raw.username = a;
    else throw new Error(`unexpected argument ${a}`);
  }
  if (raw.username === undefined) throw new Error("NAME is required");
  if (raw.role === undefined) throw new Error("--role is required");
  const parsed = ArgsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("; "));
  return parsed.data;
}

/** Reads one line without echoing it (the terminal shows nothing while typing). */
function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const rlOut = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stderr.write(prompt);
    rlOut._writeToOutput = () => {}; // swallow the echo of typed characters
    rl.question("", (answer) => {
      rl.close();
      process.stderr.write("\n");
      resolve(answer);
    });
  });
}

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

async function obtainPassword(passwordFile: string | undefined): Promise<string> {
  if (passwordFile) return readFileSync(passwordFile, "utf8").replace(/\r?\n$/, "");
  if (!process.stdin.isTTY) return readStdinLine();
  const first = await askHidden("Password: ");
  const second = await askHidden("Repeat password: ");
  if (first !== second) throw new Error("the passwords do not match");
  return first;
}

export async function userAddCommand(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let args: z.infer<typeof ArgsSchema>;
  let password: string;
  try {
    args = parseArgs(argv);
    password = PasswordSchema.parse(await obtainPassword(args.passwordFile));
  } catch (err) {
    const message = err instanceof z.ZodError ? err.issues.map((i) => i.message).join("; ") : err instanceof Error ? err.message : String(err);
    process.stderr.write(`vigil user add: ${message}\n${USAGE}\n`);
    return 2;
  }
  await deployMigrations(env.DATABASE_URL);
  const db = createDb(env.DATABASE_URL);
  try {
    if (await db.user.findUnique({ where: { username: args.username } })) {
      process.stderr.write(`vigil user add: a user named ${args.username} already exists\n`);
      return 1;
    }
    const user = await db.user.create({
      data: { username: args.username, role: args.role, passwordHash: await hashPassword(password) },
    });
    await recordAudit(
      db,
      { userId: null, username: "cli", role: "admin" },
      { action: "users.add", target: user.username, params: { role: args.role, via: "vigil user add" } },
      "ok",
      "",
    );
    process.stdout.write(`user ${user.username} (${args.role}) added\n`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}
