// Failed-login limiter, in memory: a restart forgets it, which is acceptable for a console that
// restarts rarely; an attacker gains at most one fresh window per restart.
// Two limits: per address+username stops guessing one password; a looser one per address stops
// trying one password against many usernames.

export interface RateLimitOptions {
  maxFailures: number;
  maxFailuresPerAddress: number;
  windowMs: number;
}

export class LoginRateLimiter {
  private readonly buckets = new Map<string, number[]>();

  constructor(
    private readonly opts: RateLimitOptions = { maxFailures: 5, maxFailuresPerAddress: 30, windowMs: 60_000 },
    private readonly now: () => number = Date.now,
  ) {}

  private keys(ip: string, username: string): [perUser: string, perAddress: string] {
    return [`${ip}\u0000${username.toLowerCase()}`, `${ip}\u0000*`];
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.opts.windowMs;
    const failures = (this.buckets.get(key) ?? []).filter((t) => t > cutoff);
    if (failures.length === 0) this.buckets.delete(key);
    else this.buckets.set(key, failures);
    return failures;
  }

  private waitFor(key: string, max: number): number {
    const failures = this.recent(key);
    if (failures.length < max) return 0;
    const oldest = failures[failures.length - max] ?? this.now();
    return Math.max(1, oldest + this.opts.windowMs - this.now());
  }

  /** Milliseconds until another attempt is allowed, or 0 when allowed now. */
  retryAfterMs(ip: string, username: string): number {
    const [perUser, perAddress] = this.keys(ip, username);
    return Math.max(this.waitFor(perUser, this.opts.maxFailures), this.waitFor(perAddress, this.opts.maxFailuresPerAddress));
  }

  recordFailure(ip: string, username: string): void {
    for (const key of this.keys(ip, username)) this.buckets.set(key, [...this.recent(key), this.now()]);
  }

  /** After a successful login: that user's count starts over (the address count does not). */
  reset(ip: string, username: string): void {
    this.buckets.delete(this.keys(ip, username)[0]);
  }
}

declare global {
  var __vigilLoginLimiter: LoginRateLimiter | undefined;
}

export function getLoginLimiter(): LoginRateLimiter {
  globalThis.__vigilLoginLimiter ??= new LoginRateLimiter();
  return globalThis.__vigilLoginLimiter;
}
