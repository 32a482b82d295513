/**
 * The exact command lines whose output buildStatus expects. crm_mon's XML includes every section
 * by default; `--include=all` keeps it so should a site config narrow the default, `--inactive`
 * lists stopped resources, and `--fence-history=3` asks for the whole fencing history (not only the
 * latest event per target), which the fencer keeps bounded anyway.
 */
export const CRM_MON_ARGS: readonly string[] = Object.freeze([
  "--one-shot",
  "--inactive",
  "--include=all",
  "--fence-history=3",
  "--output-as=xml",
]);

/** The whole CIB (configuration and status): node attributes, node_state, the configuration. */
export const CIB_QUERY_ARGS: readonly string[] = Object.freeze(["--query"]);
