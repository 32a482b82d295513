/**
 * The shared token: read from a file that only its owner may read, compared in constant time.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { readFileSync, statSync } from "node:fs";

export class TokenFileError extends Error {
  override name = "TokenFileError";
}

export interface TokenFile {
  token: string;
  /** Set when the file is readable by group or others: served anyway, but said loudly. */
  warning: string | null;
}

export function readTokenFile(path: string): TokenFile {
  let mode: number;
  let text: string;
  try {
    mode = statSync(path).mode;
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new TokenFileError(`cannot read token file ${path}: ${(e as Error).message}`);
  }
  const token = text.trim();
  if (token.length < 16) throw new TokenFileError(`token file ${path} holds ${token.length} characters; use at least 16 (e.g. openssl rand -hex 32)`);
  if (token.length > 4096) throw new TokenFileError(`token file ${path} is too long`);
  const loose = (mode & 0o077) !== 0;
  return {
    token,
    warning: loose
      ? `token file ${path} is readable by group/others (mode ${(mode & 0o777).toString(8)}); run: chmod 600 ${path}`
      : null,
  };
}

/** Hashing first makes the comparison constant-time even when the lengths differ. */
export function tokensMatch(expected: string, given: string): boolean {
  const a = createHash("sha256").update(expected, "utf8").digest();
  const b = createHash("sha256").update(given, "utf8").digest();
  return timingSafeEqual(a, b);
}

/** `Authorization: Bearer <token>` from the upgrade request, if any. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1] ?? "";
}
