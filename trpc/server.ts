// Server-side tRPC for React Server Components: the same router and context as HTTP, reading the
// request's cookies. RSC cannot set cookies, so a sliding-expiry refresh waits for the next
// client request.
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache } from "react";
import { createContext } from "@/server/api/context";
import { appRouter, createCaller } from "@/server/api/root";
import { createQueryClient } from "./query-client";

const createRscContext = cache(async () => createContext(new Headers(await headers()), () => {}));

export const getQueryClient = cache(createQueryClient);

/** `trpc.status.get.queryOptions({ cluster })` for prefetching in a server component. */
export const trpc = createTRPCOptionsProxy({ ctx: createRscContext, router: appRouter, queryClient: getQueryClient });

/** Direct calls (`await api().auth.me()`), e.g. to redirect anonymous visitors to /login. */
export const api = cache(async () => createCaller(await createRscContext()));
