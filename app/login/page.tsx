import type { Metadata } from "next";
import { Suspense } from "react";
import { LoginForm } from "@/components/login/login-form";

export const metadata: Metadata = { title: "Log in" };

export default function LoginPage() {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      {/* useSearchParams needs a Suspense boundary to keep the page statically renderable. */}
      <Suspense>
        <LoginForm />
      </Suspense>
    </main>
  );
}
