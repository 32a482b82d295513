import type { Metadata } from "next";
import { AttributeTable } from "@/components/attributes/attribute-table";

export async function generateMetadata({ params }: { params: Promise<{ name: string }> }): Promise<Metadata> {
  return { title: `${decodeURIComponent((await params).name)} attributes` };
}

export default function AttributesPage() {
  return <AttributeTable />;
}
