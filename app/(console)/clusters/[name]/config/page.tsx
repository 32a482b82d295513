import type { Metadata } from "next";
import { Suspense } from "react";
import { ResourcesView } from "@/components/editors/resource-tree";

export async function generateMetadata({ params }: { params: Promise<{ name: string }> }): Promise<Metadata> {
  return { title: `${decodeURIComponent((await params).name)} resources` };
}

// Suspense: the view reads ?edit= (useSearchParams), which needs a boundary in a production build.
export default function ResourcesPage() {
  return (
    <Suspense>
      <ResourcesView />
    </Suspense>
  );
}
