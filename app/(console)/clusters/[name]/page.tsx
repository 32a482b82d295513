import type { Metadata } from "next";
import { ClusterOverview } from "@/components/cluster/cluster-overview";

export async function generateMetadata({ params }: { params: Promise<{ name: string }> }): Promise<Metadata> {
  return { title: decodeURIComponent((await params).name) };
}

export default function ClusterPage() {
  return <ClusterOverview />;
}
