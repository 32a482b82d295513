// Reading a Chromium trace and a V8 CPU profile of one page load: where the main thread went.
// Used by console-latency.ts --trace.

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; hitCount?: number }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function from a V8 CPU profile (minified names: file and position say which). */
export function hottestFunctions(profile: CpuProfile): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    if (!f) return;
    const key = `${f.functionName || "(anonymous)"} ${f.url.split("/").pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, ms]) => `    ${ms.toFixed(0).padStart(5)} ms  ${k}`).join("\n");
}

/** Self time per trace event name on the renderer's main thread (a trace of one page load). */
export function mainThreadBreakdown(traceJson: string): string {
  type Ev = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string } };
  const events = (JSON.parse(traceJson) as { traceEvents: Ev[] }).traceEvents;
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  if (!main) return "  (no renderer main thread in the trace)";
  const complete = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  // Self time: an event's duration minus its direct children's, found with a stack of open events.
  const self = new Map<string, number>();
  const stack: { e: Ev; end: number; child: number }[] = [];
  const close = (upTo: number) => {
    while (stack.length && stack[stack.length - 1]!.end <= upTo) {
      const top = stack.pop()!;
      self.set(top.e.name, (self.get(top.e.name) ?? 0) + (top.e.dur! - top.child) / 1000);
    }
  };
  for (const e of complete) {
    close(e.ts);
    const parent = stack[stack.length - 1];
    if (parent) parent.child += e.dur!;
    stack.push({ e, end: e.ts + e.dur!, child: 0 });
  }
  close(Infinity);
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([n, ms]) => `    ${n.padEnd(28)} ${ms.toFixed(0)} ms`).join("\n");
}
