"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound, ShieldCheck, UserPlus } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Empty, Section } from "@/components/ui/card";
import { useTRPC } from "@/trpc/react";
import { Button, Field, inputClass, ServerMessage } from "./form-bits";

const ROLES = ["viewer", "operator", "admin"] as const;
type Role = (typeof ROLES)[number];

/**
 * Users: add, change role, map to a Pacemaker ACL target, reset password, disable/enable. The server
 * guards the last admin.
 */
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
  const [mapping, setMapping] = useState<string | null>(null);

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
                <span className="flex items-center gap-1 text-xs" data-test={`acl-target:${u.username}`}>
                  <span className="text-muted">ACL target</span>
                  {u.aclTarget ? (
                    <code className="rounded bg-surface-2 px-1.5 py-0.5 font-mono">{u.aclTarget}</code>
                  ) : (
                    <span className="italic text-muted">none</span>
                  )}
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
                  <Button
                    variant="secondary"
                    data-test={`acl-edit:${u.username}`}
                    aria-expanded={mapping === u.username}
                    aria-label={`Pacemaker ACL target of ${u.username}`}
                    onClick={() => (setMessage({}), setMapping(mapping === u.username ? null : u.username))}
                  >
                    <ShieldCheck aria-hidden className="size-4" /> ACL target
                  </Button>
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
                {mapping === u.username ? (
                  <AclTargetForm
                    user={u}
                    onCancel={() => {
                      setMapping(null);
                      focusAclButton(u.username);
                    }}
                    onDone={(ok) => {
                      setMapping(null);
                      refresh();
                      setMessage({ ok });
                      focusAclButton(u.username);
                    }}
                  />
                ) : null}
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

/** Back to the button that opened the form once it closes: keyboard users keep their place. */
function focusAclButton(username: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`[data-test="acl-edit:${CSS.escape(username)}"]`)?.focus());
}

/**
 * The Pacemaker acl_target this user acts as: on a cluster with enable-acl=true the console sends it
 * as CIB_user with the user's changes, so Pacemaker applies its own ACLs; without one such a cluster
 * refuses the user's changes. The server checks the id (the same rule the agent applies).
 */
function AclTargetForm({
  user,
  onDone,
  onCancel,
}: {
  user: { id: string; username: string; aclTarget: string | null };
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const [value, setValue] = useState(user.aclTarget ?? "");
  const save = useMutation(
    trpc.users.setAclTarget.mutationOptions({
      onSuccess: (u) => onDone(u.aclTarget ? `${u.username} now acts as ACL target ${u.aclTarget}` : `${u.username} is mapped to no ACL target`),
    }),
  );
  const inputId = `acl-target-input-${user.id}`;
  const hintId = `${inputId}-hint`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = value.trim();
    // An empty box means "no mapping": clearing is as deliberate as setting.
    save.mutate({ id: user.id, aclTarget: v === "" ? null : v });
  };
  return (
    <form
      className="flex w-full flex-wrap items-start gap-2"
      data-test={`acl-form:${user.username}`}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === "Escape") onCancel();
      }}
    >
      <div className="w-full sm:w-auto sm:min-w-56 sm:max-w-xl sm:flex-1">
        <label htmlFor={inputId} className="block text-sm font-medium">
          Pacemaker ACL target for {user.username}
        </label>
        <input
          id={inputId}
          data-test="acl-target-input"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          value={value}
          placeholder="acl_target id, e.g. viewer1"
          aria-describedby={hintId}
          aria-invalid={save.isError || undefined}
          onChange={(e) => setValue(e.target.value)}
          className={inputClass}
        />
        <span id={hintId} className="mt-1 block text-xs text-muted">
          Sent as CIB_user on clusters with enable-acl=true. Leave empty for no mapping: such clusters then refuse this user&apos;s changes.
        </span>
      </div>
      {/* sm:mt-6 (the label's line and the input's margin) lines the buttons up with the input */}
      <div className="flex flex-wrap gap-2 sm:mt-6">
        <Button type="submit" data-test="acl-target-save" disabled={save.isPending}>
          Save
        </Button>
        {user.aclTarget ? (
          <Button variant="secondary" data-test="acl-target-clear" disabled={save.isPending} onClick={() => save.mutate({ id: user.id, aclTarget: null })}>
            Clear mapping
          </Button>
        ) : null}
        <Button variant="secondary" data-test="acl-target-cancel" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      <div className="w-full">
        <ServerMessage error={save.error?.message} test="acl-target-result" />
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
