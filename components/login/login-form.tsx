"use client";
import { useMutation } from "@tanstack/react-query";
import { Activity, CircleX, Loader2 } from "lucide-react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/trpc/react";

/** Only same-site paths may be a post-login target: never an open redirect. */
function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function LoginForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const params = useSearchParams();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: () => {
        router.replace(safeNext(params.get("next")));
        router.refresh();
      },
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ username, password });
  };
  const field =
    "mt-1 block h-10 w-full rounded-md border border-line bg-surface px-3 text-sm outline-none focus:border-accent focus:ring-2 focus:ring-accent/30";
  return (
    <form onSubmit={submit} className="w-full max-w-sm space-y-5 rounded-xl border border-line bg-surface p-8 shadow-sm" data-test="login-form">
      <div className="flex items-center gap-2">
        <Activity aria-hidden className="size-7 text-accent" />
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Vigil</h1>
          <p className="text-xs text-muted">Pacemaker / Corosync cluster console</p>
        </div>
      </div>
      {login.error ? (
        <p role="alert" data-test="login-error" className="flex items-start gap-2 rounded-md bg-err-soft px-3 py-2 text-sm text-err">
          <CircleX aria-hidden className="mt-0.5 size-4 shrink-0" />
          {login.error.message}
        </p>
      ) : null}
      <label className="block text-sm font-medium">
        Username
        <input
          data-test="login-username"
          name="username"
          autoComplete="username"
          autoFocus
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          className={field}
        />
      </label>
      <label className="block text-sm font-medium">
        Password
        <input
          data-test="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          className={field}
        />
      </label>
      <button
        type="submit"
        data-test="login-submit"
        disabled={login.isPending}
        className="flex h-10 w-full items-center justify-center gap-2 rounded-md bg-accent text-sm font-semibold text-canvas hover:opacity-90 disabled:opacity-60"
      >
        {login.isPending ? <Loader2 aria-hidden className="size-4 animate-spin" /> : null}
        Log in
      </button>
    </form>
  );
}
