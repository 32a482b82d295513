import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

/** Argon2id with the library defaults (19 MiB, t=2), OWASP's recommended minimum. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against a real hash for unknown users keeps the response time the same, so timing
// does not reveal which usernames exist.
let dummyHash: Promise<string> | null = null;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    dummyHash ??= hash("vigil-timing-equalizer");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

export const PasswordSchema = z
  .string()
  .min(8, "Password must be at least 8 characters")
  .max(512, "Password must be at most 512 characters");

export const UsernameSchema = z
  .string()
  .trim()
  .min(1, "Username is required")
  .max(64, "Username must be at most 64 characters")
  .regex(/^[A-Za-z0-9_.@-]+$/, "Username may contain letters, digits and _ . @ - only");
