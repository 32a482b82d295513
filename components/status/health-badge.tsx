import { CircleCheck, CircleX, TriangleAlert, WifiOff, type LucideIcon } from "lucide-react";
import clsx from "clsx";
import { toneSoft } from "@/components/ui/tone";
import { healthLabel, healthTone, type Health } from "./health";

const icons: Record<Health, LucideIcon> = { ok: CircleCheck, warnings: TriangleAlert, errors: CircleX, unreachable: WifiOff };

export function HealthBadge({ health, size = "md", title }: { health: Health; size?: "md" | "lg"; title?: string }) {
  const Icon = icons[health];
  return (
    <span
      data-test="health"
      data-health={health}
      title={title}
      className={clsx(
        "inline-flex items-center gap-1.5 rounded-md font-semibold",
        size === "lg" ? "px-2.5 py-1 text-sm" : "px-2 py-0.5 text-xs",
        toneSoft[healthTone[health]],
      )}
    >
      <Icon aria-hidden className={size === "lg" ? "size-4" : "size-3.5"} />
      {healthLabel[health]}
    </span>
  );
}
