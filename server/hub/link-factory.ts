// Adapts engineer B's AgentClient (lib/agent-client.ts) to the hub's AgentLink.
import type { AgentLinkFactory } from "./agent-link";

// Placeholder until lib/agent-client.ts lands: every link reports itself closed.
export const agentClientLinkFactory: AgentLinkFactory = (url) => {
  const stateListeners: ((state: "closed", detail: string) => void)[] = [];
  queueMicrotask(() => stateListeners.forEach((l) => l("closed", "agent client not available yet")));
  return {
    url,
    onHello: () => {},
    onStatus: () => {},
    onState: (l) => void stateListeners.push(l),
    close: () => {},
  };
};
