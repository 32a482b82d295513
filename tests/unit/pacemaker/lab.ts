/**
 * A CIB in a temp dir driven with Pacemaker's own tools (file mode, CIB_file=...), for the parser
 * integration tests: they build each state for real and compare our parse with crm_mon's own text.
 * Not a test itself (the unit project only runs *.test.ts).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildStatus, CIB_QUERY_ARGS, CRM_MON_ARGS, renderStatusText, type ClusterStatus } from "@/lib/pacemaker";

export const TEXT_ARGS = ["--one-shot", "--inactive", "--show-node-attributes", "--failcounts", "--output-as=text"];
/** crm_mon -1 -A -f: the default view (Active Resources), what `vigil status` prints without -r */
export const ACTIVE_TEXT_ARGS = TEXT_ARGS.filter((a) => a !== "--inactive");

export function havePacemaker(): boolean {
  return spawnSync("crm_mon", ["--version"]).status === 0;
}

export class CibLab {
  readonly dir: string;
  readonly file: string;

  constructor(nodes: string[] = []) {
    this.dir = mkdtempSync(join(tmpdir(), "vigil-parser-"));
    this.file = join(this.dir, "cib.xml");
    writeFileSync(this.file, execFileSync("cibadmin", ["--empty"], { encoding: "utf8" }));
    nodes.forEach((n, i) => this.run("cibadmin", ["-C", "-o", "nodes", "-X", `<node id="${i + 1}" uname="${n}"/>`]));
  }

  /** Run a Pacemaker tool on this CIB; throws with its stderr unless `ok` accepts the exit code. */
  run(tool: string, args: string[], ok: (code: number) => boolean = (c) => c === 0): string {
    const r = spawnSync(tool, args, { env: { ...process.env, CIB_file: this.file }, encoding: "utf8", timeout: 60_000 });
    if (!ok(r.status ?? -1)) throw new Error(`${tool} ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
    return r.stdout;
  }

  prop(name: string, value: string): this {
    this.run("crm_attribute", ["-t", "crm_config", "-n", name, "-v", value]);
    return this;
  }
  res(xml: string): this {
    this.run("cibadmin", ["-C", "-o", "resources", "-X", xml]);
    return this;
  }
  con(xml: string): this {
    this.run("cibadmin", ["-C", "-o", "constraints", "-X", xml]);
    return this;
  }
  /** a whole section under configuration (acls, tags, alerts, fencing-topology, rsc_defaults...) */
  section(xml: string): this {
    this.run("cibadmin", ["-C", "-o", "configuration", "-X", xml]);
    return this;
  }
  /** edit the cib file text directly (what the tools cannot set in file mode: dc-uuid, node_state...) */
  edit(f: (xml: string) => string): this {
    writeFileSync(this.file, f(readFileSync(this.file, "utf8")));
    return this;
  }
  /** crm_simulate -S with extra args (-u/-d/-f nodes, -i/-F ops, -q), writing the result back */
  simulate(...args: string[]): this {
    const out = `${this.file}.tmp`;
    const r = spawnSync("crm_simulate", ["-x", this.file, ...args, "-S", "-O", out], { encoding: "utf8", timeout: 120_000 });
    if (r.status !== 0) throw new Error(`crm_simulate ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
    renameSync(out, this.file);
    return this;
  }
  /** bring nodes up and run transitions until stable, as fixtures/make.sh does */
  settle(...up: string[]): this {
    this.simulate("-q", "true", ...up.flatMap((n) => ["-u", n]));
    for (let i = 0; i < 3; i++) this.simulate("-q", "true");
    return this;
  }

  crmMonXml(): string {
    return this.run("crm_mon", [...CRM_MON_ARGS]);
  }
  crmMonText(inactive = true): string {
    return this.run("crm_mon", inactive ? TEXT_ARGS : ACTIVE_TEXT_ARGS);
  }
  cibXml(): string {
    return this.run("cibadmin", [...CIB_QUERY_ARGS]);
  }
  status(): ClusterStatus {
    return buildStatus({ crmMonXml: this.crmMonXml(), cibXml: this.cibXml() });
  }
  /** our text and crm_mon's, both without the Last updated line (`-r` view unless inactive is false) */
  texts(inactive = true): { ours: string; theirs: string; status: ClusterStatus } {
    const status = this.status();
    return {
      ours: withoutLastUpdated(renderStatusText(status, { inactive })),
      theirs: withoutLastUpdated(this.crmMonText(inactive)),
      status,
    };
  }
  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** crm_mon's text without what changes on every run: "Last updated" and pacemakerd's own timestamp */
export const withoutLastUpdated = (text: string): string =>
  text
    .split("\n")
    .filter((l) => !l.startsWith("  * Last updated:"))
    .map((l) => (l.startsWith("Status of pacemakerd:") ? l.replace(/ \(last updated [^)]*\)$/, "") : l))
    .join("\n");

/** a primitive with a monitor op, as make.sh writes them */
export function prim(id: string, agent = "ocf:pacemaker:Dummy", opts: { meta?: Record<string, string>; op?: string } = {}): string {
  const [cls, provider, type] = agent.split(":");
  const prov = type === undefined ? "" : ` provider="${provider}"`;
  const meta = opts.meta
    ? `<meta_attributes id="${id}-meta">${Object.entries(opts.meta)
        .map(([k, v]) => `<nvpair id="${id}-meta-${k}" name="${k}" value="${v}"/>`)
        .join("")}</meta_attributes>`
    : "";
  const op = opts.op ?? `<op id="${id}-monitor" name="monitor" interval="10s"/>`;
  return `<primitive id="${id}" class="${cls}"${prov} type="${type ?? provider}">${meta}<operations>${op}</operations></primitive>`;
}
