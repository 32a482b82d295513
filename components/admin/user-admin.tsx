"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound, UserPlus } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Empty, Section } from "@/components/ui/card";
import { useTRPC } from "@/trpc/react";
import { Button, Field, inputClass, ServerMessage } from "./form-bits";

const ROLES = ["viewer", "operator", "admin"] as const;
type Role = (typeof ROLES)[number];

/** Users: add, change role, reset password, disable/enable. The server guards the last admin. */
export function UserAdmin({ self }: { self: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const users = useQuery(trpc.users.list.queryOptions());
  const refresh = () => void qc.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
  const [message, setMessage] = useState<{ error?: string; ok?: string }>({});
  const report = { onSuccess: refresh, onError: (e: { message: string }) => setMessage({ error: e.message }) };
  const setRole = useMutation(trpc.users.setRole.mutationOptions({ ...report, onSuccess: (u) => (refresh(), setMessage({ ok: `${u.username} is now ${u.role}` })) }));
  const disable = useMutation(trpc.users.disable.mutationOptions({ ...report, onSuccess: (u) => (refresh(), setMessage({ ok: `${u.username} disabled` })) }));
  const enable = useMutation(trpc.users.enable.mutationOptions({ ...report, onSuccess: (u) => (refresh(), setMessage({ ok: `${u.username} enabled` })) }));
  const [resetting, setResetting] = useState<string | null>(null);

  return (
    <div className="space-y-4">
      <Section title="Add user" test="add-user">
        <AddUserForm onAdded={refresh} />
      </Section>
      <Section title="Users" count={users.data?.length} test="users">
        <div className="px-4 pt-3">
          <ServerMessage error={message.error} success={message.ok} test="user-result" />
        </div>
        {!users.data ? (
          <Empty>{users.error ? users.error.message : "Loading…"}</Empty>
        ) : (
          <ul className="divide-y divide-line">
            {users.data.map((u) => (
              <li key={u.id} className="flex flex-wrap items-center gap-3 px-4 py-2.5" data-test={`user:${u.username}`}>
                <span className="font-semibold">{u.username}</span>
                {u.username === self ? <Badge tone="info">you</Badge> : null}
                {u.disabled ? <Badge tone="stale">disabled</Badge> : null}
                <span className="text-xs text-muted">
                  {u.lastSeenAt ? `last seen ${new Date(u.lastSeenAt).toLocaleString()}` : "never logged in"}
                </span>
                <span className="ml-auto flex flex-wrap items-center gap-2">
                  <label className="text-sm">
                    <span className="sr-only">Role of {u.username}</span>
                    <select
                      data-test={`role:${u.username}`}
                      value={u.role}
                      onChange={(e) => {
                        setMessage({});
                        setRole.mutate({ username: u.username, role: e.target.value as Role });
                      }}
                      className="h-9 rounded-md border border-line bg-surface px-2"
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {r}
                        </option>
                      ))}
                    </select>
                  </label>
                  <Button variant="secondary" data-test={`reset:${u.username}`} onClick={() => setResetting(resetting === u.username ? null : u.username)}>
                    <KeyRound aria-hidden className="size-4" /> Reset password
                  </Button>
                  {u.disabled ? (
                    <Button variant="secondary" data-test={`enable:${u.username}`} onClick={() => (setMessage({}), enable.mutate({ username: u.username }))}>
                      Enable
                    </Button>
                  ) : (
                    <Button variant="danger" data-test={`disable:${u.username}`} onClick={() => (setMessage({}), disable.mutate({ username: u.username }))}>
                      Disable
                    </Button>
                  )}
                </span>
                {resetting === u.username ? (
                  <ResetPasswordForm
                    username={u.username}
                    onDone={(ok) => {
                      setResetting(null);
                      setMessage({ ok });
                    }}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}

function AddUserForm({ onAdded }: { onAdded: () => void }) {
  const trpc = useTRPC();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const add = useMutation(
    trpc.users.add.mutationOptions({
      onSuccess: () => {
        setUsername("");
        setPassword("");
        onAdded();
      },
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ username, password, role });
  };
  return (
    <form onSubmit={submit} className="space-y-3 p-4">
      <ServerMessage error={add.error?.message} success={add.data ? `Added ${add.data.username} (${add.data.role})` : null} test="add-user-result" />
      <div className="grid items-end gap-3 md:grid-cols-[1fr_1fr_10rem_auto]">
        <Field label="Username">
          <input data-test="add-username" required autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} className={inputClass} />
        </Field>
        <Field label="Password">
          <input
            data-test="add-password"
            type="password"
            required
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            className={inputClass}
          />
        </Field>
        <Field label="Role">
          <select data-test="add-role" value={role} onChange={(e) => setRole(e.target.value as Role)} className={inputClass}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </Field>
        <Button type="submit" data-test="add-submit" disabled={add.isPending}>
          <UserPlus aria-hidden className="size-4" /> Add
        </Button>
      </div>
    </form>
  );
}

function ResetPasswordForm({ username, onDone }: { username: string; onDone: (message: string) => void }) {
  const trpc = useTRPC();
  const [password, setPassword] = useState("");
  const reset = useMutation(trpc.users.resetPassword.mutationOptions({ onSuccess: () => onDone(`New password set for ${username}; their sessions ended`) }));
  return (
    <form
      className="flex w-full flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        reset.mutate({ username, password });
      }}
    >
      <Field label={`New password for ${username}`}>
        <input
          data-test="reset-password"
          type="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          className={inputClass}
        />
      </Field>
      <Button type="submit" data-test="reset-submit" disabled={reset.isPending}>
        Set password
      </Button>
      <ServerMessage error={reset.error?.message} />
    </form>
  );
}
