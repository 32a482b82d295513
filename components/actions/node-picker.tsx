"use client";
// A node choice for an action (move to, ban from, clean up on). Offline or standby nodes stay
// choosable (a ban or a cleanup there is legitimate) but say what they are.
import { useId } from "react";
import type { Node } from "@/lib/pacemaker";
import { fieldClass } from "./field";

export function NodePicker({
  label,
  nodes,
  value,
  onChange,
  allLabel,
  exclude = [],
  test = "node-picker",
  className,
}: {
  label: string;
  nodes: readonly Node[];
  value: string;
  onChange: (node: string) => void;
  /** offer "" as a choice with this text ("all nodes") */
  allLabel?: string;
  exclude?: readonly string[];
  test?: string;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        data-test={test}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={fieldClass}
      >
        {allLabel !== undefined ? <option value="">{allLabel}</option> : null}
        {nodes
          .filter((n) => !exclude.includes(n.name))
          .map((n) => (
            <option key={n.name} value={n.name}>
              {n.name}
              {nodeNote(n)}
            </option>
          ))}
      </select>
    </div>
  );
}

function nodeNote(n: Node): string {
  if (!n.online) return " (offline)";
  if (n.standby) return " (standby)";
  if (n.maintenance) return " (maintenance)";
  return "";
}
