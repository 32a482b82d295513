/**
 * SameSite=Lax already keeps the session cookie off cross-site POSTs; refusing a POST whose Origin
 * names another host is a second lock on the same door (older browsers, misconfigured proxies).
 * Requests without an Origin (curl, server-side callers) carry no ambient browser cookie risk.
 */
export function isCrossSiteWrite(req: Request): boolean {
  if (req.method !== "POST") return false;
  const origin = req.headers.get("origin");
  if (!origin || origin === "null") return origin === "null";
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
