// Input shapes shared by several routers.
import { z } from "zod";

export const ClusterNameSchema = z
  .string()
  .trim()
  .min(1, "Cluster name is required")
  .max(64, "Cluster name must be at most 64 characters")
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "Cluster name may contain letters, digits and _ . - (starting with a letter or digit)");

export const ClusterRefSchema = z.object({ cluster: ClusterNameSchema });

export const AgentUrlSchema = z
  .string()
  .trim()
  .max(512)
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === "ws:" || u.protocol === "wss:") && u.hostname !== "";
    } catch {
      return false;
    }
  }, "Agent address must look like ws://host:7480 or wss://host:7480");
