import type { Look } from "./style";

const PATHS: Record<Look["shape"], string> = {
  circle: "M6 1.5a4.5 4.5 0 1 0 0.001 0z",
  square: "M1.8 1.8h8.4v8.4H1.8z",
  triangle: "M6 1 11 10.5H1z",
  diamond: "M6 0.8 11.2 6 6 11.2 0.8 6z",
  cross: "M4.2 1h3.6v3.2H11v3.6H7.8V11H4.2V7.8H1V4.2h3.2z",
  star: "M6 0.6 7.5 4.3 11.5 4.5 8.4 7 9.4 11 6 8.8 2.6 11 3.6 7 0.5 4.5 4.5 4.3z",
  wye: "M4.8 1h2.4v4l3.4 2-1.2 2.1-3.4-2-3.4 2L1.4 7l3.4-2z",
};

/** A kind's mark, small, for the legend and the table: the plot's shape and colour (decorative). */
export function Mark({ look, size = 12 }: { look: Look; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 12 12" aria-hidden="true" className="shrink-0">
      <path d={PATHS[look.shape]} fill={look.color} />
    </svg>
  );
}
