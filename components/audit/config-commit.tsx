"use client";
// A configuration commit's row carries what it did in words (the draft's edits) and the exact
// patch Pacemaker applied (crm_diff's <diff>): shown as such, not as escaped JSON.

interface CommitParams {
  edits: string[];
  patch: string | null;
  rest: Record<string, unknown>;
}

/** The commit's parts, or null for any other row. */
export function commitParams(action: string, params: unknown): CommitParams | null {
  if (action !== "cluster.config.commit" || typeof params !== "object" || params === null) return null;
  const { edits, patch, ...rest } = params as Record<string, unknown>;
  if (!Array.isArray(edits)) return null;
  return { edits: edits.filter((e): e is string => typeof e === "string"), patch: typeof patch === "string" ? patch : null, rest };
}

export function ConfigCommitDetails({ commit }: { commit: CommitParams }) {
  return (
    <>
      <dt className="text-xs font-semibold uppercase tracking-wide text-muted">Edits</dt>
      <dd>
        <ol className="list-decimal space-y-0.5 pl-5" data-test="audit-edits">
          {commit.edits.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ol>
      </dd>
      <dt className="text-xs font-semibold uppercase tracking-wide text-muted">Patch</dt>
      <dd>
        {commit.patch ? (
          <pre className="max-h-96 overflow-auto whitespace-pre rounded bg-surface-2 px-2 py-1.5 font-mono text-xs" data-test="audit-patch" tabIndex={0} aria-label="The patch applied to the CIB">
            {commit.patch}
          </pre>
        ) : (
          <span className="text-muted">none applied (the commit did not reach the CIB)</span>
        )}
      </dd>
    </>
  );
}
