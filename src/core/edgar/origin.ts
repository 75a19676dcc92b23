/**
 * The one way to point the client at a local replay server (tests, the bench): the FORM4_EDGAR_ORIGIN environment
 * variable, `http://127.0.0.1:PORT`, which sends every request for https://HOST/PATH?QUERY to
 * http://127.0.0.1:PORT/HOST/PATH?QUERY. No setting can redirect the client; the variable takes a loopback address only.
 */
import { EdgarError } from './errors';

export const ORIGIN_ENV = 'FORM4_EDGAR_ORIGIN';

/**
 * The replay origin from the environment: `http://127.0.0.1:PORT` (or localhost, [::1]); null when unset. Anything
 * else is refused, so the variable cannot send requests (and the User-Agent) to another machine.
 */
export function replayOrigin(env: Record<string, string | undefined> = process.env): string | null {
  const raw = env[ORIGIN_ENV];
  if (raw === undefined || raw === '') return null;
  const m = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):(\d{1,5})\/?$/.exec(raw.trim());
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 65535)
    throw new EdgarError(
      'address',
      `${ORIGIN_ENV} must be a replay server on this machine, http://127.0.0.1:PORT (it is "${raw.slice(0, 100)}")`,
    );
  return `http://${m[1]}:${m[2]}`;
}

/** Where a request for `url` goes: SEC.gov itself, or the replay server's /HOST/PATH?QUERY. */
export function routedUrl(url: URL, origin: string | null): URL {
  return origin ? new URL(`${origin}/${url.hostname}${url.pathname}${url.search}`) : url;
}
