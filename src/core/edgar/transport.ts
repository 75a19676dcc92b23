/**
 * One HTTP GET, with Node's own http/https (no fetch: this way the extension host's proxy support, which VS Code
 * installs on these modules according to its `http.proxy` settings, applies to every request, and the body can be
 * counted as it arrives). Bounded in time (the whole exchange) and size (the decoded body, so a small compressed
 * answer cannot unfold into gigabytes); gzip and deflate decoded; redirects returned to the caller, never followed.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import * as zlib from 'node:zlib';
import { EdgarError } from './errors';

export interface Exchange {
  status: number;
  /** Response headers, names in lower case, repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The decoded body. */
  body: Buffer;
}

export interface ExchangeOptions {
  headers: Record<string, string>;
  /** Limit for the whole exchange, from connecting to the last byte. */
  timeoutMs: number;
  /** Limit for the decoded body. */
  maxBytes: number;
  signal?: AbortSignal;
  /** The SEC.gov address this is for (messages name it, not the replay server's). */
  url: string;
}

function mb(n: number): string {
  return n >= 1048576 ? `${(n / 1048576).toFixed(n % 1048576 ? 1 : 0)} MB` : `${Math.round(n / 1024)} KB`;
}

function decoder(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null | 'unknown' {
  const e = (encoding ?? '').trim().toLowerCase();
  if (e === '' || e === 'identity') return null;
  if (e === 'gzip' || e === 'x-gzip') return zlib.createGunzip();
  if (e === 'deflate') return zlib.createInflate();
  if (e === 'br') return zlib.createBrotliDecompress();
  return 'unknown';
}

/** GET `target` (an https SEC.gov address, or the replay server's http address for it). */
export function exchange(target: URL, options: ExchangeOptions): Promise<Exchange> {
  const { url, maxBytes } = options;
  return new Promise<Exchange>((resolve, reject) => {
    let settled = false;
    const finish = (err: EdgarError | null, value?: Exchange) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (err) {
        req.destroy();
        reject(err);
      } else resolve(value!);
    };
    const seconds = Math.round(options.timeoutMs / 100) / 10;
    const timer = setTimeout(
      () =>
        finish(new EdgarError('timeout', `EDGAR did not answer within ${seconds} s (${url}); try again later`, url)),
      options.timeoutMs,
    );
    const onAbort = () => finish(new EdgarError('cancelled', 'Cancelled.', url));
    options.signal?.addEventListener('abort', onAbort, { once: true });

    const mod = target.protocol === 'http:' ? http : https;
    const req = mod.request(target, { method: 'GET', headers: options.headers });
    req.on('error', (e: NodeJS.ErrnoException) =>
      finish(
        new EdgarError(
          'network',
          `EDGAR could not be reached (${e.code ?? e.message}) for ${url}; check the network connection${
            mod === https ? " and VS Code's or the system's proxy settings" : ''
          }`,
          url,
        ),
      ),
    );
    req.on('response', (res) => {
      // Named by the server: a table without a prototype, so a header called "constructor" is only a header.
      const headers = Object.create(null) as Record<string, string>;
      for (const [k, v] of Object.entries(res.headers))
        if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      const status = res.statusCode ?? 0;
      const tooLarge = () =>
        new EdgarError(
          'too-large',
          `EDGAR's answer for ${url} is larger than ${mb(maxBytes)}; it was not kept`,
          url,
          status,
        );
      const declared = Number(headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        finish(tooLarge());
        res.destroy();
        return;
      }
      const dec = decoder(headers['content-encoding']);
      if (dec === 'unknown') {
        res.destroy();
        finish(
          new EdgarError('malformed', `EDGAR answered ${url} in an encoding this tool does not read`, url, status),
        );
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      const truncated = () =>
        new EdgarError(
          'truncated',
          `The connection closed before EDGAR's whole answer for ${url} arrived; nothing was kept, try again`,
          url,
          status,
        );
      const body = dec ?? res;
      body.on('data', (c: Buffer) => {
        size += c.length;
        if (size > maxBytes) {
          // Settled first: destroying the response emits 'aborted', which must not read as a truncated answer.
          finish(tooLarge());
          res.destroy();
          if (dec) dec.destroy();
          return;
        }
        chunks.push(c);
      });
      body.on('error', () => finish(truncated()));
      res.on('aborted', () => finish(truncated()));
      res.on('error', () => finish(truncated()));
      body.on('end', () => {
        if (!res.complete) finish(truncated());
        else finish(null, { status, headers, body: Buffer.concat(chunks, size) });
      });
      if (dec) res.pipe(dec);
    });
    req.end();
  });
}
