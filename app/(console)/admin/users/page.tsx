import type { Metadata } from "next";
import { UserAdmin } from "@/components/admin/user-admin";
import { AdminOnly } from "../require-admin";

export const metadata: Metadata = { title: "Users" };

export default function AdminUsersPage() {
  return (
    <AdminOnly>
      {(user) => (
        <div className="space-y-4">
          <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
          <UserAdmin self={user.username} />
        </div>
      )}
    </AdminOnly>
  );
}
