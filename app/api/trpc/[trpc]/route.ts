import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContext } from "@/server/api/context";
import { appRouter } from "@/server/api/root";
import { isCrossSiteWrite } from "@/server/auth/origin";

// Sessions, SQLite and live agent connections: never cached, never static, Node runtime only.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const handler = (req: Request): Promise<Response> | Response => {
  if (isCrossSiteWrite(req)) {
    return Response.json({ error: "cross-site request refused" }, { status: 403 });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: ({ resHeaders }) => createContext(req.headers, (cookie) => resHeaders.append("set-cookie", cookie)),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}:`, error.cause ?? error);
    },
  });
};

export { handler as GET, handler as POST };
