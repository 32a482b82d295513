import type { Metadata } from "next";
import { ConstraintList } from "@/components/editors/constraint-list";

export async function generateMetadata({ params }: { params: Promise<{ name: string }> }): Promise<Metadata> {
  return { title: `${decodeURIComponent((await params).name)} constraints` };
}

export default function ConstraintsPage() {
  return <ConstraintList />;
}
