import type { Metadata } from "next";
import { Timeline } from "@/components/timeline/timeline-view";

export async function generateMetadata({ params }: { params: Promise<{ name: string }> }): Promise<Metadata> {
  return { title: `${decodeURIComponent((await params).name)} timeline` };
}

export default function TimelinePage() {
  return <Timeline />;
}
