import type { Metadata } from "next";
import { Suspense } from "react";
import { ConstraintList } from "@/components/editors/constraint-list";

export async function generateMetadata({ params }: { params: Promise<{ name: string }> }): Promise<Metadata> {
  return { title: `${decodeURIComponent((await params).name)} constraints` };
}

// Suspense: the list reads ?edit= (useSearchParams), which needs a boundary in a production build.
export default function ConstraintsPage() {
  return (
    <Suspense>
      <ConstraintList />
    </Suspense>
  );
}
