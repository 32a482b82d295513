import {
  CircleCheck,
  CircleDashed,
  CircleMinus,
  CircleX,
  Crown,
  Loader2,
  TriangleAlert,
  type LucideIcon,
} from "lucide-react";
import type { Tone } from "@/components/ui/tone";

/** One icon per tone, so colour is never the only signal (colour-blind operators, grey NOC walls). */
export const toneIcon: Record<Tone, LucideIcon> = {
  ok: CircleCheck,
  warn: TriangleAlert,
  err: CircleX,
  stale: CircleDashed,
  info: Loader2,
  promoted: Crown,
  neutral: CircleMinus,
};
