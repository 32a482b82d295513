"use client";
// One edge look for every constraint: a bezier shifted sideways by its parallel offset (an order
// and a colocation of the same pair side by side, not on top of each other), with its label.
import { BaseEdge, getBezierPath, type Edge, type EdgeProps } from "@xyflow/react";
import { memo } from "react";

export interface ConstraintEdgeData extends Record<string, unknown> {
  constraintId: string;
  mark: string | null;
  offset: number;
}
export type FlowEdge = Edge<ConstraintEdgeData, "constraint">;

export const ConstraintEdge = memo(function ConstraintEdge(p: EdgeProps<FlowEdge>) {
  const o = p.data?.offset ?? 0;
  const [path, labelX, labelY] = getBezierPath({
    sourceX: p.sourceX,
    sourceY: p.sourceY + o,
    sourcePosition: p.sourcePosition,
    targetX: p.targetX,
    targetY: p.targetY + o,
    targetPosition: p.targetPosition,
  });
  return (
    <BaseEdge
      id={p.id}
      path={path}
      style={p.style}
      markerEnd={p.markerEnd}
      interactionWidth={16}
      label={p.label}
      labelX={labelX}
      labelY={labelY + o * 0.6}
      labelStyle={p.labelStyle}
      labelShowBg
      labelBgStyle={p.labelBgStyle}
      labelBgPadding={p.labelBgPadding}
      labelBgBorderRadius={3}
    />
  );
});

export const edgeTypes = { constraint: ConstraintEdge };
