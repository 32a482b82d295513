import type { Metadata } from "next";
import { ClusterAdminList } from "@/components/admin/cluster-admin-list";
import { RegisterClusterForm } from "@/components/admin/register-cluster-form";
import { Section } from "@/components/ui/card";
import { AdminOnly } from "../require-admin";

export const metadata: Metadata = { title: "Clusters" };

export default function AdminClustersPage() {
  return (
    <AdminOnly>
      {() => (
        <div className="space-y-4">
          <h1 className="text-2xl font-semibold tracking-tight">Clusters</h1>
          <Section title="Register a cluster" test="register-section">
            <RegisterClusterForm />
          </Section>
          <Section title="Registered clusters" test="registered-clusters">
            <ClusterAdminList />
          </Section>
        </div>
      )}
    </AdminOnly>
  );
}
