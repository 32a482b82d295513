import type { ReactNode } from "react";
import { ConfigTabs } from "@/components/config/config-tabs";

export default function ConfigLayout({ children }: { children: ReactNode }) {
  return (
    <div className="space-y-4">
      <ConfigTabs />
      {children}
    </div>
  );
}
