// Failed-login limiter, in memory: a restart forgets it, which is acceptable for a console that
// restarts rarely; an attacker gains at most one fresh window per restart.

export interface RateLimitOptions {
  maxFailures: number;
  windowMs: number;
}

interface Bucket {
  failures: number[];
}

export class LoginRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly opts: RateLimitOptions = { maxFailures: 5, windowMs: 60_000 },
    private readonly now: () => number = Date.now,
  ) {}

  private key(ip: string, username: string): string {
    return `${ip}\u0000${username.toLowerCase()}`;
  }

  private recent(key: string): number[] {
    const bucket = this.buckets.get(key);
    if (!bucket) return [];
    const cutoff = this.now() - this.opts.windowMs;
    bucket.failures = bucket.failures.filter((t) => t > cutoff);
    if (bucket.failures.length === 0) this.buckets.delete(key);
    return bucket.failures;
  }

  /** Milliseconds until another attempt is allowed, or 0 when allowed now. */
  retryAfterMs(ip: string, username: string): number {
    const failures = this.recent(this.key(ip, username));
    if (failures.length < this.opts.maxFailures) return 0;
    const oldest = failures[failures.length - this.opts.maxFailures] ?? this.now();
    return Math.max(1, oldest + this.opts.windowMs - this.now());
  }

  recordFailure(ip: string, username: string): void {
    const key = this.key(ip, username);
    this.recent(key);
    const bucket = this.buckets.get(key) ?? { failures: [] };
    bucket.failures.push(this.now());
    this.buckets.set(key, bucket);
  }

  reset(ip: string, username: string): void {
    this.buckets.delete(this.key(ip, username));
  }
}

declare global {
  var __vigilLoginLimiter: LoginRateLimiter | undefined;
}

export function getLoginLimiter(): LoginRateLimiter {
  globalThis.__vigilLoginLimiter ??= new LoginRateLimiter();
  return globalThis.__vigilLoginLimiter;
}
