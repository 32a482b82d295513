import { Badge } from "@/components/ui/badge";
import type { Tone } from "@/components/ui/tone";
import { toneIcon } from "./tone-icon";

/** A state word (Started, FAILED, standby…) with its tone's colour and icon. */
export function StateBadge({ label, tone, test }: { label: string; tone: Tone; test?: string }) {
  return (
    <Badge tone={tone} icon={tone === "info" ? undefined : toneIcon[tone]} test={test}>
      {label}
    </Badge>
  );
}

export function Flags({ flags }: { flags: { label: string; tone: Tone }[] }) {
  if (flags.length === 0) return null;
  return (
    <>
      {flags.map((f) => (
        <Badge key={f.label} tone={f.tone}>
          {f.label}
        </Badge>
      ))}
    </>
  );
}
