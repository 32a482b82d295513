/**
 * The Pacemaker command lines a change runs on a live node, as argument arrays: one function that
 * the agent executes (through agent/run.ts) and the console shows before anything runs (the
 * tooltip, the confirm dialog). Values are always attached (`--name=value`), so even a value the
 * validators let through can never be read as an option.
 *
 * Sim mode runs these too wherever they work on a CIB file; where Pacemaker 2.1.5 cannot do it in
 * file mode (cleanup, refresh, restart, fence) the agent says what it ran instead.
 */
import type { ActionParams, ChangeActionName } from "./actions";

/** Tools a change may run (a subset of agent/run.ts's allow-list). */
export type ChangeTool = "crm_resource" | "crm_attribute" | "crm_ticket" | "stonith_admin" | "cibadmin" | "crm_diff";

export interface Command {
  tool: ChangeTool;
  args: string[];
}

const meta = (rsc: string, name: string, value: string): Command => ({
  tool: "crm_resource",
  args: [`--resource=${rsc}`, "--meta", `--set-parameter=${name}`, `--parameter-value=${value}`],
});
const clusterProp = (name: string, value: string): Command => ({
  tool: "crm_attribute",
  args: ["--type=crm_config", `--name=${name}`, `--update=${value}`],
});
const opt = (flag: string, value: string | undefined): string[] => (value === undefined ? [] : [`--${flag}=${value}`]);
const promotedFlag = (p: boolean | undefined): string[] => (p ? ["--promoted"] : []);

type Builders = { [A in ChangeActionName]: (p: ActionParams<A>) => Command[] };

const builders: Builders = {
  "node.standby": (p) => [{ tool: "crm_attribute", args: ["--type=nodes", `--node=${p.node}`, "--name=standby", `--update=${p.on ? "on" : "off"}`] }],
  "node.maintenance": (p) => [
    { tool: "crm_attribute", args: ["--type=nodes", `--node=${p.node}`, "--name=maintenance", `--update=${p.on ? "true" : "false"}`] },
  ],
  "node.fence": (p) => [{ tool: "stonith_admin", args: [`--fence=${p.node}`] }],
  "node.attribute.set": (p) => [
    { tool: "crm_attribute", args: [`--node=${p.node}`, `--name=${p.name}`, `--update=${p.value}`, `--lifetime=${p.lifetime}`] },
  ],
  "node.attribute.delete": (p) => [{ tool: "crm_attribute", args: [`--node=${p.node}`, `--name=${p.name}`, "--delete", `--lifetime=${p.lifetime}`] }],
  "resource.start": (p) => [meta(p.rsc, "target-role", "Started")],
  "resource.stop": (p) => [meta(p.rsc, "target-role", "Stopped")],
  "resource.restart": (p) => [{ tool: "crm_resource", args: ["--restart", `--resource=${p.rsc}`, ...opt("node", p.node)] }],
  "resource.promote": (p) => [meta(p.rsc, "target-role", "Promoted")],
  "resource.demote": (p) => [meta(p.rsc, "target-role", "Unpromoted")],
  "resource.manage": (p) => [meta(p.rsc, "is-managed", "true")],
  "resource.unmanage": (p) => [meta(p.rsc, "is-managed", "false")],
  "resource.cleanup": (p) => [{ tool: "crm_resource", args: ["--cleanup", ...opt("resource", p.rsc), ...opt("node", p.node)] }],
  "resource.refresh": (p) => [{ tool: "crm_resource", args: ["--refresh", ...opt("resource", p.rsc), ...opt("node", p.node)] }],
  "resource.move": (p) => [
    { tool: "crm_resource", args: ["--move", `--resource=${p.rsc}`, `--node=${p.node}`, ...opt("lifetime", p.lifetime), ...promotedFlag(p.promoted)] },
  ],
  "resource.ban": (p) => [
    { tool: "crm_resource", args: ["--ban", `--resource=${p.rsc}`, ...opt("node", p.node), ...opt("lifetime", p.lifetime), ...promotedFlag(p.promoted)] },
  ],
  "resource.clear": (p) => [{ tool: "crm_resource", args: ["--clear", `--resource=${p.rsc}`, ...opt("node", p.node), ...promotedFlag(p.promoted)] }],
  "cluster.maintenance": (p) => [clusterProp("maintenance-mode", p.on ? "true" : "false")],
  "cluster.stopAll": (p) => [clusterProp("stop-all-resources", p.on ? "true" : "false")],
  // Outside booth, granting or revoking by hand needs --force (crm_ticket refuses otherwise).
  "ticket.grant": (p) => [{ tool: "crm_ticket", args: [`--ticket=${p.ticket}`, "--grant", "--force"] }],
  "ticket.revoke": (p) => [{ tool: "crm_ticket", args: [`--ticket=${p.ticket}`, "--revoke", "--force"] }],
  "ticket.standby": (p) => [{ tool: "crm_ticket", args: [`--ticket=${p.ticket}`, "--standby"] }],
  "ticket.activate": (p) => [{ tool: "crm_ticket", args: [`--ticket=${p.ticket}`, "--activate"] }],
  // The agent writes live.xml (the CIB it just read) and draft.xml (the edits applied to it) to a
  // private temp dir; the patch carries no version, so the CIB bumps the epoch itself.
  "config.commit": () => [
    { tool: "cibadmin", args: ["--query"] },
    { tool: "crm_diff", args: ["--original", "live.xml", "--new", "draft.xml", "--no-version"] },
    { tool: "cibadmin", args: ["--patch", "--xml-file", "patch.xml"] },
  ],
};

/** The commands a change runs on a live node. */
export function liveCommands<A extends ChangeActionName>(action: A, params: ActionParams<A>): Command[] {
  return (builders[action] as (p: ActionParams<A>) => Command[])(params);
}

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One argument as a POSIX shell would need it written (for display only: nothing runs a shell). */
export function shellQuote(arg: string): string {
  return arg !== "" && SAFE.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** A command as one line a person could type. */
export function commandLine(cmd: { tool: string; args: readonly string[] }): string {
  return [cmd.tool, ...cmd.args].map(shellQuote).join(" ");
}
