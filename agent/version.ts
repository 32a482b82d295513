/** Reported in hello; kept in step with package.json by hand (the agent may run without it). */
export const AGENT_VERSION = "0.1.0";
