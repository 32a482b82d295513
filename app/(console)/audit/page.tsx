import type { Metadata } from "next";
import { Suspense } from "react";
import { AuditView } from "@/components/audit/audit-view";
import { requireUser } from "../current-user";

export const metadata: Metadata = { title: "Audit" };

/** Every role reads the history; the server decides what each sees (addresses: admins only). */
export default async function AuditPage() {
  const user = await requireUser();
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Audit</h1>
        <p className="text-sm text-muted">
          Every action by anyone, with the exact request, the Pacemaker command lines and the true outcome — and the console&apos;s own events
          (logins, users, clusters).
        </p>
      </div>
      {/* useSearchParams (the filter lives in the address) needs a Suspense boundary. */}
      <Suspense fallback={<p className="text-sm text-muted">Loading…</p>}>
        <AuditView isAdmin={user.role === "admin"} />
      </Suspense>
    </div>
  );
}
