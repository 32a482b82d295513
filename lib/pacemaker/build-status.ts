import type { ClusterStatus } from "./model";
import { PacemakerParseError } from "./errors";

export interface BuildStatusInput {
  crmMonXml: string;
  cibXml?: string | null;
}

export function buildStatus(input: BuildStatusInput): ClusterStatus {
  throw new PacemakerParseError("not implemented yet", { source: input.crmMonXml.length > 0 ? "crm_mon XML" : "input" });
}
