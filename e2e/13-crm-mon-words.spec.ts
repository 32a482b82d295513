import { createServer } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { startAgent, type RunningAgent } from "@/agent/agent";
import { parseXml } from "@/lib/pacemaker/xml";
import { parseOpKey } from "@/lib/pacemaker/op-key";
import { CibLab, prim } from "../tests/unit/pacemaker/lab";
import { login, shot } from "./support/helpers";

/**
 * The browser says what crm_mon says (issue 17): a cluster built with Pacemaker's own tools, with
 * the classes of detail the console used to word differently — failures without an exit reason,
 * an exit reason with <, > and &, per-instance fail counts of an anonymous clone, offline nodes in
 * standby and in maintenance, attribute values with runs of spaces — served by a real sim agent,
 * registered in the console, and the page read against `crm_mon -1 -A -f` on the same file at that
 * moment. Nothing pending here: a sim agent settles the CIB when it starts, so actions in flight
 * would be played out before the page could show them.
 */

const CLUSTER = "words";
const TOKEN = "crm-mon-words-e2e-token-0123456789";
const CPU_N1 = "Intel(R) Xeon(R) CPU           X5570";
const CPU_N2 = "AMD  EPYC   7302";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const addr = s.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Four nodes: n1/n2 online with the failures, n3 offline in standby, n4 offline in maintenance. */
function buildCluster(): CibLab {
  const l = new CibLab(["n1", "n2", "n3", "n4"]);
  // what a live DC writes and file mode does not (as tests/integration/parser-lab.ts does)
  l.prop("stonith-enabled", "false").prop("cluster-infrastructure", "corosync").prop("dc-version", "2.1.5-test");
  l.edit((x) => x.replace("<cib ", '<cib dc-uuid="1" cib-last-written="Tue Nov 24 10:00:00 2026" update-origin="n1" update-client="cibadmin" update-user="root" '));
  // unique first, so that the history names instances c1p:0, c1p:1…; made anonymous below
  const meta = (u: string) =>
    `<meta_attributes id="c1-meta"><nvpair id="c1-u" name="globally-unique" value="${u}"/><nvpair id="c1-nm" name="clone-node-max" value="2"/><nvpair id="c1-max" name="clone-max" value="4"/></meta_attributes>`;
  l.res(prim("a")).res(prim("b")).res(`<clone id="c1">${meta("true")}${prim("c1p")}</clone>`);
  // a on n1, b on n2: the failures below are injected where the resources run
  l.con('<rsc_location id="a-n1" rsc="a" node="n1" score="100"/>').con('<rsc_location id="b-n2" rsc="b" node="n2" score="100"/>');
  l.settle("n1", "n2", "n3", "n4");
  l.simulate("-q", "true", "-i", "a_monitor_10000@n1=7", "-i", "b_start_0@n2=1", "-i", "c1p:0_monitor_10000@n1=1", "-i", "c1p:1_monitor_10000@n2=1");
  l.settle();
  l.run("cibadmin", ["-M", "-o", "resources", "-X", '<nvpair id="c1-u" name="globally-unique" value="false"/>']);
  // crm_simulate always writes an exit reason: a real agent may write none, or markup
  l.edit((x) =>
    x
      .replace(/(<lrm_rsc_op id="a_last_failure_0"[^>]*?) exit-reason="[^"]*"/g, "$1")
      .replace(/(<lrm_rsc_op id="b_last_failure_0"[^>]*?)exit-reason="[^"]*"/, '$1exit-reason="local node &lt;n2&gt; is started &amp; &quot;ok&quot;"'),
  );
  l.run("crm_standby", ["-N", "n3", "-v", "on"]);
  l.run("crm_attribute", ["-t", "nodes", "-N", "n4", "-n", "maintenance", "-v", "true"]);
  l.settle();
  // n3 and n4 leave cleanly (file mode cannot take a node down: its node_state is written as the DC would)
  l.edit((x) =>
    x
      .replace(/<node_state id="3"[^>]*>/, '<node_state id="3" uname="n3" in_ccm="false" crmd="offline" join="down" expected="down">')
      .replace(/<node_state id="4"[^>]*>/, '<node_state id="4" uname="n4" in_ccm="false" crmd="offline" join="down" expected="down">'),
  );
  l.run("crm_attribute", ["-N", "n1", "-n", "cpu", "-v", CPU_N1, "-l", "reboot"]);
  l.run("crm_attribute", ["-N", "n2", "-n", "cpu", "-v", CPU_N2, "-l", "forever"]);
  return l;
}

/** The lines of one section of crm_mon's text ("Node List:", "Migration Summary:"…), up to the next blank line. */
function section(text: string, heading: string): string[] {
  const lines = text.split("\n");
  const at = lines.indexOf(heading);
  if (at < 0) return [];
  const end = lines.findIndex((l, i) => i > at && l.trim() === "");
  return lines.slice(at + 1, end < 0 ? undefined : end);
}

interface CrmMonWords {
  /** node → its state word as crm_mon's node list gives it */
  nodes: Map<string, string>;
  failures: { opKey: string; node: string; exitstatus: string; exitcode: string; line: string; reason: string | null }[];
  failcounts: { id: string; node: string; failCount: string; threshold: string; lastFailure: string }[];
  attributes: { node: string; name: string; value: string }[];
}

/** What crm_mon says now: its text for the words, its XML only to name each failure by its op key. */
function crmMon(l: CibLab): CrmMonWords {
  const text = l.run("crm_mon", ["-1", "-A", "-f"]);
  const nodes = new Map<string, string>();
  for (const line of section(text, "Node List:")) {
    const list = /^ {2}\* (Online|OFFLINE): \[ (.*) \]$/.exec(line);
    // a list is crm_mon's way of saying the plain word of each node in it ("online" / "OFFLINE")
    if (list) for (const n of list[2]!.split(" ")) nodes.set(n, list[1] === "Online" ? "online" : "OFFLINE");
    const one = /^ {2}\* Node (\S+): (.*)$/.exec(line);
    if (one) nodes.set(one[1]!, one[2]!);
  }

  const failureLines = section(text, "Failed Resource Actions:");
  const xml = parseXml(l.run("crm_mon", ["-1", "--output-as=xml"]), "crm_mon");
  const failuresNode = xml.children.find((c) => c.tag === "failures");
  const failures = (failuresNode?.children ?? []).map((f) => {
    const opKey = f.attrs.op_key ?? "";
    const node = f.attrs.node ?? "";
    const exitstatus = f.attrs.exitstatus ?? "";
    const rsc = opKey.slice(0, opKey.indexOf("_"));
    const line = failureLines.find((t) => t.startsWith(`  * ${rsc} `) && t.includes(` on ${node} `) && t.includes(`'${exitstatus}'`));
    if (!line) throw new Error(`crm_mon's text has no line for ${opKey} on ${node}:\n${failureLines.join("\n")}`);
    // "returned 'error' (reason) at …" or, without an exit reason, "returned 'not running' at …"
    const m = / returned '[^']*'(?: \((.*)\))? at /.exec(line);
    if (!m) throw new Error(`unexpected failure line: ${line}`);
    return { opKey, node, exitstatus, exitcode: f.attrs.exitcode ?? "", line, reason: m[1] ?? null };
  });

  const failcounts: CrmMonWords["failcounts"] = [];
  let current = "";
  for (const line of section(text, "Migration Summary:")) {
    const n = /^ {2}\* Node: (\S+):$/.exec(line);
    if (n) current = n[1]!;
    const c = /^ {4}\* (\S+): migration-threshold=(\d+) fail-count=(\S+) last-failure='(.*)'$/.exec(line);
    if (c) failcounts.push({ id: c[1]!, node: current, threshold: c[2]!, failCount: c[3]!, lastFailure: c[4]! });
  }

  const attributes: CrmMonWords["attributes"] = [];
  for (const line of section(text, "Node Attributes:")) {
    const n = /^ {2}\* Node: (\S+):$/.exec(line);
    if (n) current = n[1]!;
    // "    * cpu <padding>\t: value": the value is everything after the tab and ": ", spaces and all
    const a = /^ {4}\* (\S+) *\t: (.*)$/.exec(line);
    if (a) attributes.push({ node: current, name: a[1]!, value: a[2]! });
  }
  return { nodes, failures, failcounts, attributes };
}

async function trpc(page: Page, proc: string, json: unknown): Promise<void> {
  const res = await page.request.post(`/api/trpc/${proc}`, { data: { json } });
  expect(res.ok(), `${proc}: ${await res.text()}`).toBe(true);
}

test("the cluster page words failures, fail counts, node states and attributes as crm_mon does", async ({ page }) => {
  test.setTimeout(180_000);
  const lab = buildCluster();
  let agent: RunningAgent | null = null;
  let registered = false;
  let passed = false;
  try {
    agent = await startAgent({ mode: "sim", port: await freePort(), host: "127.0.0.1", token: TOKEN, node: "n1", cibFile: lab.file, log: () => undefined });
    await login(page, "admin");
    await trpc(page, "clusters.register", { name: CLUSTER, agents: [agent.server.url], token: TOKEN });
    registered = true;

    // after the agent's settle: what crm_mon says about the file the agent serves
    const words = crmMon(lab);
    // the cluster is the one this spec means to test, or the comparisons below prove little
    expect(words.nodes.get("n3")).toBe("OFFLINE (standby)");
    expect(words.nodes.get("n4")).toBe("OFFLINE (maintenance)");
    expect(words.failures.map((f) => f.reason)).toContain(null);
    expect(words.failures.map((f) => f.reason)).toContain('local node <n2> is started & "ok"');
    expect(words.failcounts.filter((c) => /^c1p:\d+$/.test(c.id)).length).toBeGreaterThanOrEqual(2);
    expect(words.attributes).toContainEqual({ node: "n1", name: "cpu", value: CPU_N1 });

    await page.goto(`/clusters/${CLUSTER}`);
    await expect(page.getByTestId("freshness")).toHaveAttribute("data-state", "live");

    // node tiles: crm_mon's word for each node
    for (const [name, word] of words.nodes) {
      const tile = page.getByTestId(`node:${name}`);
      await expect(tile, `node ${name}`).toHaveAttribute("data-state", word);
      await expect(tile.getByTestId("node-state")).toHaveText(word);
    }
    await expect(page.getByTestId("node:n3")).not.toContainText("shutting down");

    // failed actions: one row per crm_mon failure, its exit reason as crm_mon prints it, never "none"
    const failed = page.getByTestId("failed-actions");
    await expect(failed.locator('[data-test^="failure:"]')).toHaveCount(words.failures.length);
    for (const f of words.failures) {
      const row = failed.getByTestId(`failure:${f.opKey}@${f.node}`);
      const cells = row.locator("td");
      // the instance as crm_mon names it (c1p:0), not only its resource
      await expect(cells.nth(0), f.line).toHaveText(parseOpKey(f.opKey)?.rsc ?? f.opKey);
      await expect(cells.nth(2), f.line).toHaveText(f.node);
      await expect(cells.nth(3), f.line).toHaveText(`${f.exitstatus} (${f.exitcode})`);
      // the cell itself, not Playwright's whitespace-normalised text: markup decoded exactly once
      const reason = (await cells.nth(4).textContent()) ?? "";
      expect(reason, f.line).toBe(f.reason ?? "—");
    }
    await expect(failed).not.toContainText("none");
    await expect(failed).not.toContainText("&lt;");

    // fail counts: crm_mon's migration summary, one row per clone instance
    const counts = page.getByTestId("failcounts");
    await expect(counts.locator('[data-test^="failcount:"]')).toHaveCount(words.failcounts.length);
    for (const c of words.failcounts) {
      const cells = counts.getByTestId(`failcount:${c.id}@${c.node}`).locator("td");
      await expect(cells.nth(0)).toHaveText(c.id);
      await expect(cells.nth(1)).toHaveText(c.node);
      await expect(cells.nth(2)).toHaveText(c.failCount);
      await expect(cells.nth(3)).toHaveText(c.threshold);
      await expect(cells.nth(4)).toHaveText(c.lastFailure);
    }
    await page.screenshot({ path: shot("crm-mon-words"), fullPage: true });

    // attributes: the values exactly, runs of spaces as the browser renders them (innerText honours CSS)
    await page.goto(`/clusters/${CLUSTER}/attributes`);
    await expect(page.getByTestId("attribute-table")).toBeVisible();
    for (const a of words.attributes) {
      const cell = page.getByTestId(`attr:${a.node}:${a.name}`);
      await expect(cell).toHaveAttribute("data-value", a.value);
      const shown = await cell.evaluate((td) => (td.firstElementChild as HTMLElement | null)?.innerText ?? "");
      expect(shown, `${a.name} on ${a.node}`).toBe(a.value);
    }
    passed = true;
  } finally {
    // later specs (99-failover) must see the demo cluster only: a failed removal fails this spec,
    // unless it already failed (then its own error is the one to read)
    let removeError: unknown = null;
    if (registered) await trpc(page, "clusters.remove", { cluster: CLUSTER }).catch((e: unknown) => (removeError = e));
    await agent?.stop();
    lab.dispose();
    if (passed && removeError) throw removeError;
  }
});
