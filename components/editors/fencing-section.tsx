"use client";
// Fencing topology: for each node, the levels (1..9) of fencing devices the cluster tries in turn.
// Level 1 is tried first; a level succeeds when all its devices succeed, else the next level is
// tried. Levels stage fencing.level.put / fencing.level.delete.
import { Plus } from "lucide-react";
import { useState } from "react";
import type { Configuration, FencingLevel } from "@/lib/pacemaker";
import type { CibEditInput } from "@/lib/cib/edits";
import { Button, ServerMessage } from "@/components/admin/form-bits";
import { Section } from "@/components/ui/card";
import { FencingLevelForm } from "./fencing-level-form";
import { byTarget, targetLabel } from "./fencing-topology";
import { EditDelete, useStaging } from "./properties-form-bits";
import { stonithDevices } from "./tag-ids";

type Stage = (edit: CibEditInput) => Promise<unknown>;

export function FencingSection({ config, canEdit, stage }: { config: Configuration; canEdit: boolean; stage: Stage }) {
  const [editing, setEditing] = useState<{ level: FencingLevel | null; node: string | null } | null>(null);
  const del = useStaging(stage);
  const devices = stonithDevices(config);
  const groups = byTarget(config.fencingTopology, config.nodes.map((n) => n.uname));
  return (
    <Section
      title="Fencing topology"
      count={`${config.fencingTopology.length} level${config.fencingTopology.length === 1 ? "" : "s"}`}
      test="fencing"
      actions={
        canEdit ? (
          <Button variant="secondary" className="h-8" data-test="fencing-new" onClick={() => setEditing({ level: null, node: null })}>
            <Plus aria-hidden className="size-4" /> New level
          </Button>
        ) : null
      }
    >
      <div className="space-y-1 border-b border-line px-4 py-2 text-xs text-muted">
        <p>
          To fence a node, the cluster tries its levels in order: <strong className="text-fg">level 1 is tried first</strong>; a level succeeds when{" "}
          <strong className="text-fg">all its devices succeed</strong> (in the order listed), otherwise the next level is tried. A node with no
          level uses any device that says it can fence it.
        </p>
        <p>Fencing devices in the configuration: {devices.length ? devices.map((d) => <code key={d} className="mr-1 font-mono text-fg">{d}</code>) : "none"}.</p>
      </div>
      <ul className="divide-y divide-line">
        {groups.map((g) => (
          <li key={g.key} data-test={`fencing-target:${g.key}`} className="px-4 py-2.5 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{g.label}</span>
              {g.levels.length === 0 ? <span className="text-xs text-muted">no levels: any capable device</span> : null}
              {canEdit && g.node ? (
                <Button variant="secondary" className="ml-auto h-7 px-2 text-xs" data-test={`fencing-add:${g.node}`} aria-label={`Add a fencing level for ${g.node}`} onClick={() => setEditing({ level: null, node: g.node })}>
                  <Plus aria-hidden className="size-3.5" /> Level
                </Button>
              ) : null}
            </div>
            {g.levels.length ? (
              <ol className="mt-1 space-y-1">
                {g.levels.map((l) => (
                  <li key={l.id} data-test={`fencing-level:${l.id}`} className="flex flex-wrap items-center gap-2 rounded-md bg-surface-2/50 px-2 py-1">
                    <span className="tabular text-xs font-semibold">Level {l.index}</span>
                    <span className="min-w-0 flex-1">
                      {l.devices.map((d, i) => (
                        <span key={`${d}-${i}`}>
                          {i > 0 ? <span className="px-1 text-xs text-muted">then</span> : null}
                          <code className="font-mono text-xs">{d}</code>
                          {!devices.includes(d) ? <span className="ml-1 text-xs text-err">(not a fencing device here)</span> : null}
                        </span>
                      ))}
                    </span>
                    <span className="font-mono text-xs text-muted">{l.id}</span>
                    {canEdit ? (
                      <EditDelete what={`fencing level ${l.id}`} test="fencing-level" busy={del.busy} onEdit={() => setEditing({ level: l, node: l.target })} onDelete={() => void del.run({ op: "fencing.level.delete", id: l.id })} />
                    ) : null}
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ul>
      {del.error ? (
        <div className="px-4 pb-3">
          <ServerMessage error={del.error} test="fencing-delete-error" />
        </div>
      ) : null}
      {editing !== null ? (
        <FencingLevelForm
          config={config}
          devices={devices}
          level={editing.level}
          node={editing.node}
          stage={stage}
          onClose={() => setEditing(null)}
          title={editing.level ? `Edit ${targetLabel(editing.level)} level ${editing.level.index}` : "New fencing level"}
        />
      ) : null}
    </Section>
  );
}
