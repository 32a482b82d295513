import type { Metadata } from "next";
import { AccessView } from "@/components/editors/acl-access-view";

export async function generateMetadata({ params }: { params: Promise<{ name: string }> }): Promise<Metadata> {
  return { title: `${decodeURIComponent((await params).name)} ACLs, tags, alerts and fencing` };
}

export default function AccessPage() {
  return <AccessView />;
}
