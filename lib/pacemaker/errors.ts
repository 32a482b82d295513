/**
 * The one error type the parser throws: callers (agent, CLI) can tell bad input from bugs,
 * and the message says what is wrong and where.
 */
export class PacemakerParseError extends Error {
  override readonly name = "PacemakerParseError";
  /** which input: "crm_mon XML" | "CIB XML" | "crm_mon" (an errors block) */
  readonly source: string;
  /** 1-based line of the problem when known */
  readonly line: number | null;
  /** crm_mon's own status code/message when it reported an error */
  readonly crmMonStatus: { code: number; message: string; errors: string[] } | null;

  constructor(
    message: string,
    opts: {
      source: string;
      line?: number | null;
      crmMonStatus?: { code: number; message: string; errors: string[] } | null;
      cause?: unknown;
    },
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.source = opts.source;
    this.line = opts.line ?? null;
    this.crmMonStatus = opts.crmMonStatus ?? null;
  }
}
