import type { Metadata } from "next";
import { RawView } from "@/components/raw/raw-view";

export async function generateMetadata({ params }: { params: Promise<{ name: string }> }): Promise<Metadata> {
  return { title: `${decodeURIComponent((await params).name)} raw configuration` };
}

export default function RawPage() {
  return <RawView />;
}
