/**
 * The EDGAR client: every request this tool makes to SEC.gov goes through `EdgarClient.get`, which
 * - requests only https://www.sec.gov, data.sec.gov and efts.sec.gov (or, with FORM4_EDGAR_ORIGIN, the same paths on a
 *   replay server on this machine), follows redirects only to those hosts over HTTPS;
 * - sends nothing without a declared User-Agent (a name and an e-mail address);
 * - keeps SEC's rate for the whole process (./fairAccess.ts), asks for gzip, bounds every answer's time and size;
 * - retries 429 and 503 (and a dropped connection) with backoff, honouring Retry-After;
 * - stops on SEC's block pages with a plain explanation, and sends nothing more for ten minutes;
 * - keeps answers in the on-disk cache: filings never change, so a cached filing costs no request; lists and feeds
 *   are asked again with If-None-Match / If-Modified-Since once they are a few minutes old; offline, the cache alone
 *   answers.
 * Nothing is cached before it is whole and checked (`validate`), so a failed request leaves nothing behind.
 */
import { secUrl } from './addresses';
import { replayOrigin, routedUrl } from './origin';
import type { CacheEntry, DiskCache } from './cache';
import { EdgarError, describeError } from './errors';
import { FairAccess, fairAccess } from './fairAccess';
import { exchange, type Exchange } from './transport';
import { checkUserAgent } from './userAgent';

/** The request headers the client sends (fixed names, never a name from an answer). */
interface RequestHeaders {
  'User-Agent': string;
  'Accept-Encoding': string;
  Accept: string;
  'If-None-Match'?: string;
  'If-Modified-Since'?: string;
}

/** What is being fetched: decides how long a cached answer is used without asking again, and its size limit. */
export type ResourceKind = 'document' | 'listing' | 'tickers' | 'feed' | 'search';

const LIMITS: Record<ResourceKind, { freshMs: number; maxBytes: number }> = {
  // A filing's documents never change once disseminated.
  document: { freshMs: Infinity, maxBytes: 25 * 1024 * 1024 },
  listing: { freshMs: 10 * 60 * 1000, maxBytes: 64 * 1024 * 1024 },
  tickers: { freshMs: 24 * 60 * 60 * 1000, maxBytes: 16 * 1024 * 1024 },
  feed: { freshMs: 60 * 1000, maxBytes: 4 * 1024 * 1024 },
  search: { freshMs: 10 * 60 * 1000, maxBytes: 8 * 1024 * 1024 },
};

export interface EdgarClientOptions {
  userAgent: string | null | undefined;
  /** Where the user sets the User-Agent, for the message when it is missing ("the setting ...", "--user-agent ..."). */
  userAgentHint: string;
  /** At most this many requests a second (1..10; default 5). */
  requestsPerSecond?: number;
  cache?: DiskCache | null;
  /** Answer from the cache only; anything not in it is an error. */
  offline?: boolean;
  /** Time limit of one exchange (default 30 s). */
  timeoutMs?: number;
  /** Retries of a 429, a 503 or a dropped connection (default 3). */
  maxRetries?: number;
  /** First backoff delay when EDGAR gives no Retry-After (doubles each retry; default 1 s). */
  retryBaseMs?: number;
  /** A Retry-After longer than this is not waited for (default 60 s): the request fails saying how long EDGAR asked. */
  maxRetryAfterMs?: number;
  /** Size limits by kind, when a caller needs them lower (tests). */
  maxBytes?: Partial<Record<ResourceKind, number>>;
  /** Where FORM4_EDGAR_ORIGIN is read (default: process.env). */
  env?: Record<string, string | undefined>;
  /** The fair-access state (default: the process's one). */
  access?: FairAccess;
  /** Told of every request sent (for logs): the SEC.gov address and the status, or the error. */
  onRequest?: (event: { url: string; status: number | null; error?: string; conditional: boolean }) => void;
}

export interface GetOptions<T> {
  kind: ResourceKind;
  signal?: AbortSignal;
  /** Checks and converts the body; runs before anything is cached (throw an EdgarError('malformed') to refuse it). */
  validate?: (body: Buffer, url: string) => T;
  /**
   * The latest-filings feed answers a page past its end with a 503 "File Unavailable" page: with this set, such an
   * answer ends the feed (the result is null) instead of being retried.
   */
  endOnFileUnavailable?: boolean;
}

export interface EdgarResponse<T = Buffer> {
  /** The SEC.gov address finally read (after redirects between SEC's hosts). */
  url: string;
  body: Buffer;
  value: T;
  contentType: string | null;
  fromCache: boolean;
}

/** Counts of what the client did, for summaries and the bench. */
export interface ClientStats {
  requests: number;
  conditional: number;
  notModified: number;
  cacheHits: number;
  retries: number;
}

const UNDECLARED = /Undeclared Automated Tool/i;
const RATE_EXCEEDED = /Request Rate Threshold Exceeded/i;
const FILE_UNAVAILABLE = /File Unavailable/i;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new EdgarError('cancelled', 'Cancelled.'));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new EdgarError('cancelled', 'Cancelled.'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Retry-After in ms (seconds or an HTTP date), or null. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

function statusText(status: number): string {
  return status === 429 ? '429 Too Many Requests' : status === 503 ? '503 Service Unavailable' : String(status);
}

export class EdgarClient {
  private readonly origin: string | null;
  private readonly access: FairAccess;
  private readonly rate: number;
  readonly stats: ClientStats = { requests: 0, conditional: 0, notModified: 0, cacheHits: 0, retries: 0 };

  constructor(private readonly options: EdgarClientOptions) {
    this.origin = replayOrigin(options.env ?? process.env);
    this.access = options.access ?? fairAccess;
    this.rate = FairAccess.clampRate(options.requestsPerSecond);
  }

  get offline(): boolean {
    return this.options.offline === true;
  }

  /** The User-Agent, or the error saying why nothing can be requested. */
  userAgent(): string {
    return checkUserAgent(this.options.userAgent, this.options.userAgentHint);
  }

  private maxBytes(kind: ResourceKind): number {
    return this.options.maxBytes?.[kind] ?? LIMITS[kind].maxBytes;
  }

  /** Read an EDGAR address (see the module comment). Throws an EdgarError, or returns null for the end of a feed. */
  async get<T = Buffer>(address: string, options: GetOptions<T>): Promise<EdgarResponse<T> | null> {
    let url = secUrl(address).href;
    const validate = options.validate ?? ((b: Buffer) => b as unknown as T);
    const cache = this.options.cache ?? null;
    const cached = cache ? await cache.get(url) : null;
    if (cached) {
      const fresh = Date.now() - cached.checkedAt < LIMITS[options.kind].freshMs;
      if (fresh || this.offline) {
        const value = this.tryValidate(cached, validate);
        if (value !== undefined) {
          this.stats.cacheHits++;
          return { url, body: cached.body, value: value.v, contentType: cached.contentType, fromCache: true };
        }
      }
    }
    if (this.offline)
      throw new EdgarError('offline', `Offline: ${url} is not in the EDGAR cache (read it once online first)`, url);
    const headers: RequestHeaders = {
      'User-Agent': this.userAgent(),
      'Accept-Encoding': 'gzip, deflate',
      Accept: '*/*',
    };
    let redirects = 0;
    let attempt = 0;
    for (;;) {
      const conditional = cached?.url === url ? cached : null;
      const h = { ...headers };
      if (conditional?.etag) h['If-None-Match'] = conditional.etag;
      if (conditional?.lastModified) h['If-Modified-Since'] = conditional.lastModified;
      await this.access.acquire(this.rate, options.signal);
      this.stats.requests++;
      if (h['If-None-Match'] || h['If-Modified-Since']) this.stats.conditional++;
      let ex: Exchange;
      try {
        ex = await exchange(routedUrl(new URL(url), this.origin), {
          headers: h,
          timeoutMs: this.options.timeoutMs ?? 30000,
          maxBytes: this.maxBytes(options.kind),
          signal: options.signal,
          url,
        });
      } catch (e) {
        const err = e instanceof EdgarError ? e : new EdgarError('network', describeError(e), url);
        this.options.onRequest?.({ url, status: null, error: err.message, conditional: !!conditional });
        if ((err.code === 'network' || err.code === 'truncated') && attempt < this.maxRetries()) {
          await this.backoff(attempt++, null, options.signal);
          continue;
        }
        throw err;
      }
      this.options.onRequest?.({ url, status: ex.status, conditional: !!conditional });
      const { status } = ex;
      if (status === 304 && conditional) {
        this.stats.notModified++;
        const value = this.tryValidate(conditional, validate);
        if (value === undefined) throw this.malformed(url);
        await cache?.confirm(conditional, Date.now());
        return { url, body: conditional.body, value: value.v, contentType: conditional.contentType, fromCache: true };
      }
      if (status === 200) {
        let value: T;
        try {
          value = validate(ex.body, url);
        } catch (e) {
          if (e instanceof EdgarError) throw e;
          throw this.malformed(url, e instanceof SyntaxError ? 'not valid JSON' : `not readable (${describeError(e)})`);
        }
        const entry: CacheEntry = {
          url,
          status,
          etag: ex.headers['etag'] ?? null,
          lastModified: ex.headers['last-modified'] ?? null,
          contentType: ex.headers['content-type'] ?? null,
          checkedAt: Date.now(),
          body: ex.body,
        };
        await cache?.put(entry).catch(() => undefined); // a full disk costs the cache, not the answer
        return { url, body: ex.body, value, contentType: entry.contentType, fromCache: false };
      }
      if (status >= 300 && status < 400 && ex.headers['location']) {
        const target = this.redirectTarget(url, ex.headers['location']);
        if (++redirects > 3)
          throw new EdgarError('redirect', `EDGAR redirected ${address} more than 3 times`, url, status);
        url = target;
        continue;
      }
      const text = ex.body.subarray(0, 64 * 1024).toString('latin1');
      if (status === 403 && (UNDECLARED.test(text) || RATE_EXCEEDED.test(text))) throw this.blocked(url, text);
      if (status === 503 && options.endOnFileUnavailable && !ex.headers['retry-after'] && FILE_UNAVAILABLE.test(text))
        return null;
      if (status === 404 || status === 410)
        throw new EdgarError('not-found', `EDGAR has nothing at ${url} (${status} Not Found)`, url, status);
      if (status === 429 || status === 503 || status === 500 || status === 502 || status === 504) {
        const wait = retryAfterMs(ex.headers['retry-after']);
        const maxWait = this.options.maxRetryAfterMs ?? 60000;
        if (wait !== null && wait > maxWait)
          throw new EdgarError(
            'busy',
            `EDGAR answered ${statusText(status)} for ${url} and asked to wait ${Math.ceil(wait / 1000)} s; try again later`,
            url,
            status,
          );
        if (attempt < this.maxRetries()) {
          await this.backoff(attempt++, wait, options.signal);
          continue;
        }
        throw new EdgarError(
          'busy',
          `EDGAR answered ${statusText(status)} for ${url} ${attempt + 1} times; try again later`,
          url,
          status,
        );
      }
      if (status === 403) throw new EdgarError('http', `EDGAR refused access to ${url} (403 Forbidden)`, url, status);
      throw new EdgarError('http', `EDGAR answered ${url} with HTTP ${status}`, url, status);
    }
  }

  /** `get` for a JSON answer: the parsed value (a body that does not parse is refused before it is cached). */
  async getJson<T = unknown>(address: string, kind: ResourceKind, signal?: AbortSignal): Promise<EdgarResponse<T>> {
    const r = await this.get<T>(address, {
      kind,
      signal,
      validate: (body, url) => {
        try {
          return JSON.parse(body.toString('utf8')) as T;
        } catch {
          throw this.malformed(url, 'not valid JSON');
        }
      },
    });
    return r!;
  }

  private maxRetries(): number {
    return this.options.maxRetries ?? 3;
  }

  private tryValidate<T>(entry: CacheEntry, validate: (b: Buffer, url: string) => T): { v: T } | undefined {
    try {
      return { v: validate(entry.body, entry.url) };
    } catch {
      return undefined;
    }
  }

  private malformed(url: string, what = 'not what that address serves'): EdgarError {
    return new EdgarError('malformed', `EDGAR's answer for ${url} is ${what}; nothing was kept`, url, 200);
  }

  private redirectTarget(from: string, location: string): string {
    let target: URL;
    try {
      target = new URL(location, from);
    } catch {
      throw new EdgarError(
        'redirect',
        `EDGAR redirected ${from} to an address that cannot be read; not followed`,
        from,
      );
    }
    try {
      return secUrl(target.href).href;
    } catch {
      throw new EdgarError(
        'redirect',
        `EDGAR redirected ${from} to ${target.origin}, which is not an SEC host over HTTPS; the redirect was not followed`,
        from,
      );
    }
  }

  private blocked(url: string, page: string): EdgarError {
    const err = UNDECLARED.test(page)
      ? new EdgarError(
          'blocked',
          `SEC.gov blocked the request for ${url} as coming from an undeclared automated tool. Check that the User-Agent ("${this.options.userAgent ?? ''}") is your real name and e-mail address: ${this.options.userAgentHint}. Nothing more is sent to EDGAR for 10 minutes.`,
          url,
          403,
        )
      : new EdgarError(
          'blocked',
          `SEC.gov says requests from this network went over its limit of 10 a second (every tool on the network counts) and is refusing them for now. Nothing more is sent to EDGAR for 10 minutes; try again after that.`,
          url,
          403,
        );
    this.access.block(err);
    return err;
  }

  private async backoff(attempt: number, wait: number | null, signal?: AbortSignal) {
    this.stats.retries++;
    const base = this.options.retryBaseMs ?? 1000;
    const ms = wait ?? base * 2 ** attempt + Math.floor(Math.random() * (base / 4));
    await sleep(ms, signal);
  }
}
