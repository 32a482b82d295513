import clsx from "clsx";
import { Box, ChevronDown, ChevronRight, Container, Copy, Crown, Layers } from "lucide-react";
import { memo, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { toneText } from "@/components/ui/tone";
import { Flags, StateBadge } from "@/components/status/state-badge";
import type { CloneRow, GroupRow, PrimitiveRow, ResourceRow, BundleRow } from "./resource-rows";

export const ROW_HEIGHT = 36;

const grid = "grid grid-cols-[minmax(0,2fr)_minmax(0,1.3fr)_minmax(0,2fr)] items-center gap-3";

interface RowProps {
  row: ResourceRow;
  selected: boolean;
  onOpen: (id: string) => void;
  onToggle: (id: string) => void;
}

/**
 * Rows compare by the model object they show: a patch that leaves WebService1 alone keeps its
 * object, so its row does not re-render even though the row list is rebuilt.
 */
function sameRow(a: RowProps, b: RowProps): boolean {
  if (a.selected !== b.selected || a.onOpen !== b.onOpen || a.onToggle !== b.onToggle) return false;
  const x = a.row;
  const y = b.row;
  if (x.key !== y.key || x.kind !== y.kind || x.depth !== y.depth) return false;
  switch (x.kind) {
    case "primitive":
      return x.primitive === (y as PrimitiveRow).primitive && x.state.label === (y as PrimitiveRow).state.label;
    case "group":
      return x.group === (y as GroupRow).group && x.collapsed === (y as GroupRow).collapsed;
    case "clone":
      return x.clone === (y as CloneRow).clone && x.collapsed === (y as CloneRow).collapsed;
    case "bundle":
      return x.bundle === (y as BundleRow).bundle && x.collapsed === (y as BundleRow).collapsed;
  }
}

export const ResourceRowView = memo(function ResourceRowView({ row, selected, onOpen, onToggle }: RowProps) {
  return (
    <div
      role="row"
      tabIndex={0}
      data-test={rowTest(row)}
      data-kind={row.kind}
      onClick={() => onOpen(row.detailId)}
      onKeyDown={(e) => {
        if (e.key === "Enter") onOpen(row.detailId);
        if ((e.key === "ArrowRight" || e.key === "ArrowLeft") && row.kind !== "primitive") onToggle(row.detailId);
      }}
      style={{ height: ROW_HEIGHT }}
      className={clsx(
        grid,
        "cursor-pointer border-b border-line px-3 text-sm outline-none hover:bg-surface-2 focus-visible:bg-surface-2",
        selected && "bg-info-soft/60",
      )}
    >
      {row.kind === "primitive" ? <PrimitiveCells row={row} /> : null}
      {row.kind === "group" ? <GroupCells row={row} onToggle={onToggle} /> : null}
      {row.kind === "clone" ? <CloneCells row={row} onToggle={onToggle} /> : null}
      {row.kind === "bundle" ? <BundleCells row={row} onToggle={onToggle} /> : null}
    </div>
  );
}, sameRow);

export function rowTest(row: ResourceRow): string {
  if (row.kind === "primitive" && row.instanceOf) {
    return `instance:${row.detailId}:${row.primitive.nodes.map((n) => n.name).join("+") || "stopped"}`;
  }
  if (row.kind === "primitive") return `resource:${row.primitive.id}`;
  return `resource:${row.detailId}`;
}

function NameCell({ depth, icon, children, toggle }: { depth: number; icon: ReactNode; children: ReactNode; toggle?: ReactNode }) {
  return (
    <div className="flex min-w-0 items-center gap-1.5" style={{ paddingLeft: depth * 22 }}>
      <span className="flex w-4 shrink-0 justify-center">{toggle}</span>
      {icon}
      {children}
    </div>
  );
}

function Toggle({ id, collapsed, onToggle }: { id: string; collapsed: boolean; onToggle: (id: string) => void }) {
  const Icon = collapsed ? ChevronRight : ChevronDown;
  return (
    <button
      type="button"
      data-test={`toggle:${id}`}
      aria-expanded={!collapsed}
      aria-label={collapsed ? `Expand ${id}` : `Collapse ${id}`}
      onClick={(e) => {
        e.stopPropagation();
        onToggle(id);
      }}
      className="rounded text-muted hover:bg-line hover:text-fg"
    >
      <Icon className="size-4" />
    </button>
  );
}

function NodeNames({ names, className }: { names: string[]; className?: string }) {
  if (names.length === 0) return <span className="text-faint">—</span>;
  return <span className={clsx("truncate font-mono text-xs", className)} title={names.join(", ")}>{names.join(" ")}</span>;
}

function PrimitiveCells({ row }: { row: PrimitiveRow }) {
  const p = row.primitive;
  const nodes = p.nodes.map((n) => n.name);
  const isInstance = row.instanceOf !== null;
  return (
    <>
      <NameCell
        depth={row.depth}
        icon={
          row.state.tone === "promoted" ? (
            <Crown aria-hidden className="size-4 shrink-0 text-promoted" />
          ) : (
            <Box aria-hidden className={clsx("size-4 shrink-0", toneText[row.state.tone])} />
          )
        }
      >
        <span className={clsx("max-w-full shrink-0 truncate font-medium", row.state.tone === "neutral" && "text-muted")}>
          {isInstance ? `${p.id} on ${nodes.join(", ") || "no node"}` : p.id}
        </span>
        {!isInstance ? <span className="hidden min-w-0 truncate text-xs text-muted lg:inline">{p.resourceAgent}</span> : null}
      </NameCell>
      <div className="flex min-w-0 items-center gap-1 overflow-hidden" data-test="state" data-state={row.state.label}>
        <StateBadge label={row.state.label} tone={row.state.tone} />
        <Flags flags={row.state.flags} />
        {p.targetRole && p.targetRole !== "Stopped" && p.targetRole !== "Started" ? (
          <Badge tone="neutral">target-role {p.targetRole}</Badge>
        ) : null}
      </div>
      <div className="min-w-0" data-test="nodes">
        <NodeNames names={nodes} />
      </div>
    </>
  );
}

function GroupCells({ row, onToggle }: { row: GroupRow; onToggle: (id: string) => void }) {
  const g = row.group;
  const nodes = [...new Set(g.children.flatMap((p) => p.nodes.map((n) => n.name)))];
  const tone = row.failed ? "err" : row.running === row.members ? "ok" : g.disabled ? "neutral" : "warn";
  return (
    <>
      <NameCell depth={row.depth} icon={<Layers aria-hidden className="size-4 shrink-0 text-muted" />} toggle={<Toggle id={g.id} collapsed={row.collapsed} onToggle={onToggle} />}>
        <span className="max-w-full shrink-0 truncate font-semibold">{g.id}</span>
        <span className="text-xs text-muted">group</span>
      </NameCell>
      <div className="flex min-w-0 items-center gap-1">
        <StateBadge label={`${row.running}/${row.members} running`} tone={tone} />
        {!g.managed ? <Badge tone="warn">unmanaged</Badge> : null}
        {g.disabled ? <Badge tone="neutral">disabled</Badge> : null}
      </div>
      <div className="min-w-0">
        <NodeNames names={nodes} />
      </div>
    </>
  );
}

function CloneCells({ row, onToggle }: { row: CloneRow; onToggle: (id: string) => void }) {
  const c = row.clone;
  return (
    <>
      <NameCell
        depth={row.depth}
        icon={c.promotable ? <Crown aria-hidden className="size-4 shrink-0 text-promoted" /> : <Copy aria-hidden className="size-4 shrink-0 text-muted" />}
        toggle={<Toggle id={c.id} collapsed={row.collapsed} onToggle={onToggle} />}
      >
        <span className="max-w-full shrink-0 truncate font-semibold">{c.id}</span>
        <span className="truncate text-xs text-muted">[{row.childId}]</span>
        <span className="text-xs text-muted">{c.promotable ? "promotable" : "clone"}</span>
      </NameCell>
      <div className="flex min-w-0 items-center gap-1">
        {row.failed ? <StateBadge label={`${row.failed} FAILED`} tone="err" /> : null}
        {!c.managed ? <Badge tone="warn">unmanaged</Badge> : null}
        {c.disabled || c.targetRole === "Stopped" ? <Badge tone="neutral">disabled</Badge> : null}
        {!row.failed && c.managed && !c.disabled ? (
          <StateBadge
            label={`${row.roles.filter((r) => !r.role.startsWith("Stopped")).reduce((s, r) => s + r.count, 0)} active`}
            tone="ok"
          />
        ) : null}
      </div>
      <div className="flex min-w-0 items-center gap-3 overflow-hidden text-xs" data-test="clone-roles">
        {row.roles.map((r) => (
          <span
            key={r.role}
            // The promoted instance and failures are what an operator looks for: never truncated away.
            className={clsx("flex items-center gap-1", r.role === "Promoted" || r.role === "FAILED" ? "shrink-0" : "min-w-0")}
            data-test={`role:${r.role}`}
            title={`${r.role}: ${r.nodes.join(" ") || r.count}`}
          >
            <span className={clsx("shrink-0 font-medium", r.role === "Promoted" ? "text-promoted" : r.role === "FAILED" ? "text-err" : "text-muted")}>
              {r.role}:
            </span>
            {r.nodes.length ? <NodeNames names={r.nodes} className="text-fg" /> : <span className="tabular text-muted">{r.count}</span>}
          </span>
        ))}
      </div>
    </>
  );
}

function BundleCells({ row, onToggle }: { row: BundleRow; onToggle: (id: string) => void }) {
  const b = row.bundle;
  const nodes = [...new Set(b.replicas.flatMap((r) => (r.container ?? r.resources[0])?.nodes.map((n) => n.name) ?? []))];
  return (
    <>
      <NameCell depth={row.depth} icon={<Container aria-hidden className="size-4 shrink-0 text-muted" />} toggle={<Toggle id={b.id} collapsed={row.collapsed} onToggle={onToggle} />}>
        <span className="truncate font-semibold">{b.id}</span>
        <span className="truncate text-xs text-muted">
          bundle · {b.type} {b.image}
        </span>
      </NameCell>
      <div className="flex min-w-0 items-center gap-1">
        <StateBadge label={`${row.replicas} replica${row.replicas === 1 ? "" : "s"}`} tone={b.failed ? "err" : "ok"} />
        {!b.managed ? <Badge tone="warn">unmanaged</Badge> : null}
      </div>
      <div className="min-w-0">
        <NodeNames names={nodes} />
      </div>
    </>
  );
}

export function ResourceHeader() {
  return (
    <div className={clsx(grid, "border-b border-line bg-surface-2 px-3 py-1.5 text-[11px] font-medium uppercase tracking-wide text-muted")}>
      <span className="pl-5">Resource</span>
      <span>State</span>
      <span>Node(s)</span>
    </div>
  );
}

