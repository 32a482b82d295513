"use client";
// PNG and SVG of the whole graph (not only what is in view), as React Flow documents it: render the
// viewport element with html-to-image at a transform that fits every node's bounds.
import { getNodesBounds, getViewportForBounds, type Node } from "@xyflow/react";

export async function exportGraph(format: "png" | "svg", nodes: Node[], root: HTMLElement, fileName: string): Promise<void> {
  const viewport = root.querySelector<HTMLElement>(".react-flow__viewport");
  if (!viewport || nodes.length === 0) throw new Error("nothing to export yet");
  const { toPng, toSvg } = await import("html-to-image");
  const bounds = getNodesBounds(nodes);
  const width = Math.min(8000, Math.max(600, Math.ceil(bounds.width + 80)));
  const height = Math.min(8000, Math.max(400, Math.ceil(bounds.height + 80)));
  const vp = getViewportForBounds(bounds, width, height, 0.2, 2, 0.05);
  const background = getComputedStyle(root).getPropertyValue("--color-canvas").trim() || "#ffffff";
  const options = {
    backgroundColor: background,
    width,
    height,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${vp.x}px, ${vp.y}px) scale(${vp.zoom})` },
    // the drawing handles are controls, not part of the picture
    filter: (el: HTMLElement) => !(el.classList?.contains("react-flow__handle") && el.classList.contains("source")),
  };
  const url = format === "png" ? await toPng(viewport, options) : await toSvg(viewport, options);
  const a = document.createElement("a");
  a.href = url;
  a.download = `${fileName}.${format}`;
  a.click();
}
