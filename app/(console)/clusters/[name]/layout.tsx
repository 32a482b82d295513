import type { ReactNode } from "react";
import { ClusterHeader } from "@/components/cluster/cluster-header";
import { DraftPanel } from "@/components/drafts/draft-panel";
import { ClusterLiveProvider } from "@/components/live/cluster-live";
import { snapshotPreloadScript } from "@/components/live/snapshot";

/** One subscription for all the cluster's views: switching tabs keeps the live state. */
export default async function ClusterLayout({ children, params }: { children: ReactNode; params: Promise<{ name: string }> }) {
  const { name } = await params;
  const cluster = decodeURIComponent(name);
  return (
    // Keyed: another cluster is another subscription, never a state carried over.
    <ClusterLiveProvider key={cluster} name={cluster}>
      {/* Starts the first-paint request while the page's scripts load (see components/live/snapshot.ts). */}
      <script dangerouslySetInnerHTML={{ __html: snapshotPreloadScript(cluster) }} />
      <div className="space-y-4">
        <ClusterHeader />
        <DraftPanel />
        {children}
      </div>
    </ClusterLiveProvider>
  );
}
