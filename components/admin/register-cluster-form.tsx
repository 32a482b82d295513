"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/trpc/react";
import { Button, Field, inputClass, ServerMessage } from "./form-bits";

/** Register: the server probes the agents first and saves nothing unless one answers with the token. */
export function RegisterClusterForm() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [name, setName] = useState("");
  const [agents, setAgents] = useState("");
  const [token, setToken] = useState("");
  const register = useMutation(
    trpc.clusters.register.mutationOptions({
      onSuccess: () => {
        setName("");
        setAgents("");
        setToken("");
        void qc.invalidateQueries({ queryKey: trpc.clusters.list.queryKey() });
      },
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    register.mutate({
      name,
      agents: agents
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter(Boolean),
      token,
    });
  };
  const ok = register.data
    ? `Registered ${register.data.name}: ${register.data.agents.filter((a) => a.outcome === "ok").length} of ${register.data.agents.length} agents answered.`
    : null;
  return (
    <form onSubmit={submit} className="space-y-4 p-4" data-test="register-cluster">
      <ServerMessage error={register.error?.message} success={ok} test="register-result" />
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Name" hint="Letters, digits, _ . - (how the console names it)">
          <input data-test="register-name" required value={name} onChange={(e) => setName(e.target.value)} className={inputClass} />
        </Field>
        <Field label="Agent token" hint="The shared token from the agents' token file">
          <input
            data-test="register-token"
            type="password"
            autoComplete="off"
            required
            value={token}
            onChange={(e) => setToken(e.target.value)}
            className={inputClass}
          />
        </Field>
      </div>
      <Field label="Agent addresses" hint="One per line: ws://node1:7480, wss://node2:7480 … (every node's agent, for failover)">
        <textarea
          data-test="register-agents"
          required
          rows={3}
          value={agents}
          onChange={(e) => setAgents(e.target.value)}
          placeholder={"ws://node2:7482\nws://node3:7483"}
          className={`${inputClass} h-auto py-2 font-mono`}
        />
      </Field>
      <Button type="submit" data-test="register-submit" disabled={register.isPending}>
        {register.isPending ? <Loader2 aria-hidden className="size-4 animate-spin" /> : null}
        {register.isPending ? "Contacting agents…" : "Register cluster"}
      </Button>
    </form>
  );
}
