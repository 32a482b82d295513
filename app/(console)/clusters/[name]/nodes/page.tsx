import type { Metadata } from "next";
import { ByNodeBoard } from "@/components/nodes/by-node-board";

export async function generateMetadata({ params }: { params: Promise<{ name: string }> }): Promise<Metadata> {
  return { title: `${decodeURIComponent((await params).name)} by node` };
}

export default function NodesPage() {
  return <ByNodeBoard />;
}
