/**
 * What can go wrong between this tool and EDGAR, each with a stable code and a message written for the person who
 * asked (what happened, and what to do about it). The client throws nothing else for an EDGAR request.
 */

export type EdgarErrorCode =
  /** No User-Agent declared, or one without a name and an e-mail address. */
  | 'user-agent'
  /** SEC answered with one of its block pages (undeclared tool, request rate exceeded). */
  | 'blocked'
  /** 429 or 503 still after the retries, or a Retry-After longer than we wait. */
  | 'busy'
  | 'not-found'
  /** A name that fits several entities: the message lists them. */
  | 'ambiguous'
  | 'timeout'
  /** The connection closed before the whole body arrived, or the body does not decode. */
  | 'truncated'
  | 'too-large'
  /** A body that is not what the address serves (JSON that does not parse, a feed that is not Atom...). */
  | 'malformed'
  /** A redirect to anywhere but SEC's hosts over HTTPS. */
  | 'redirect'
  /** An address that is not on SEC's hosts, or FORM4_EDGAR_ORIGIN set to something that is not a loopback server. */
  | 'address'
  /** Offline mode, and the cache does not have it. */
  | 'offline'
  | 'network'
  | 'http'
  | 'cancelled';

export class EdgarError extends Error {
  constructor(
    readonly code: EdgarErrorCode,
    message: string,
    /** The SEC.gov address the request was for, when there was one. */
    readonly url: string | null = null,
    /** The HTTP status, when EDGAR answered. */
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'EdgarError';
  }
}

export function isEdgarError(e: unknown): e is EdgarError {
  return e instanceof EdgarError;
}

/** The thrown value as a one-line message. */
export function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
