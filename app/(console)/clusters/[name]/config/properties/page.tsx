import type { Metadata } from "next";
import { PropertiesView } from "@/components/editors/properties-view";

export async function generateMetadata({ params }: { params: Promise<{ name: string }> }): Promise<Metadata> {
  return { title: `${decodeURIComponent((await params).name)} properties` };
}

export default function PropertiesPage() {
  return <PropertiesView />;
}
