import type { Metadata } from "next";
import { ConstraintGraphView } from "@/components/graph/constraint-graph";

export async function generateMetadata({ params }: { params: Promise<{ name: string }> }): Promise<Metadata> {
  return { title: `${decodeURIComponent((await params).name)} constraint graph` };
}

export default function ConstraintGraphPage() {
  return <ConstraintGraphView />;
}
