/**
 * The EDGAR client against EDGAR replayed on this machine (test/edgar/replay-server.cjs, from the recorded responses
 * in ../shared/edgar-recorded), through the one redirection contract, FORM4_EDGAR_ORIGIN. Every count of requests
 * and the rate are read from the server's own request log, not from the client's counters.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  DiskCache,
  EdgarClient,
  EdgarError,
  FairAccess,
  currentFilings,
  downloadFilings,
  fetchDocument,
  listOwnershipFilings,
  planEntity,
  refFromListing,
  resolveQuery,
  type EdgarClientOptions,
  type FilingRef,
} from '../../src/core/edgar';
import { SHARED_DIR, sharedOrSkip } from '../helpers/shared';
import { ReplayServer } from '../edgar/replay-server.cjs';
import { inspectDocument, readHere } from '../../src/core/edgar/read';

const RECORDED = path.join(SHARED_DIR, 'edgar-recorded');
const UA = 'Form4 Tests form4-tests@example.com';
const APPLE_2024 = 'https://www.sec.gov/Archives/edgar/data/320193/000032019324000084/wk-form4_1723069808.xml';
const APPLE_SUBMISSIONS = 'https://data.sec.gov/submissions/CIK0000320193.json';
const APPLE_REF: FilingRef = {
  cik: '320193',
  accessionNumber: '0000320193-24-000084',
  form: '4',
  filingDate: '2024-08-07',
  acceptanceDateTime: null,
  primaryDocument: 'xslF345X05/wk-form4_1723069808.xml',
};

function codeOf(e: unknown): string {
  assert.ok(e instanceof EdgarError, `not an EdgarError: ${String(e)}`);
  return e.code;
}

describe('the EDGAR client against the replay server', function () {
  let server: ReplayServer;
  let origin: string;
  let tmp: string;

  before(async function () {
    sharedOrSkip(this, path.join(RECORDED, 'INDEX.tsv'));
    server = new ReplayServer({ dir: RECORDED });
    origin = await server.start();
  });
  after(async () => {
    await server?.stop();
  });
  beforeEach(() => {
    server.clearFaults();
    server.clearLog();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-edgar-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  /** A client on its own fair-access state (a block in one test does not stop the next), routed to the server. */
  function client(options: Partial<EdgarClientOptions> = {}): EdgarClient {
    return new EdgarClient({
      userAgent: UA,
      userAgentHint: 'the test',
      requestsPerSecond: 10,
      env: { FORM4_EDGAR_ORIGIN: origin },
      access: new FairAccess(),
      retryBaseMs: 10,
      cache: new DiskCache(path.join(tmp, 'cache')),
      ...options,
    });
  }

  function cacheFiles(): string[] {
    const dir = path.join(tmp, 'cache');
    return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String) : [];
  }

  describe('what it reads', () => {
    it('lists an issuer’s ownership filings from its submissions JSON and its older pages, by form and date', async () => {
      const c = client();
      const {
        entity,
        filings: listings,
        unreadPages,
      } = await listOwnershipFilings(c, '320193', {
        forms: ['4'],
        since: '2013-01-01',
        until: '2015-12-31',
      });
      assert.equal(entity.name, 'Apple Inc.');
      assert.deepEqual(unreadPages, []);
      assert.ok(listings.length > 10, `listings: ${listings.length}`);
      assert.ok(
        listings.every((l) => l.form.startsWith('4') && l.filingDate >= '2013-01-01' && l.filingDate <= '2015-12-31'),
      );
      const asked = server.requests.map((r) => r.url);
      assert.ok(asked.includes('https://data.sec.gov/submissions/CIK0000320193-submissions-001.json'), 'older page');
      assert.ok(
        server.requests.every(
          (r) => r.headers['user-agent'] === UA && /gzip/.test(String(r.headers['accept-encoding'])),
        ),
      );
    });

    it('resolves a ticker, a CIK and an Archives address', async () => {
      const c = client();
      const t = await resolveQuery(c, 'aapl');
      assert.deepEqual(t.kind === 'entity' && t.cik, '320193');
      const k = await resolveQuery(c, '0000315090');
      assert.deepEqual(k.kind === 'entity' && k.cik, '315090');
      const f = await resolveQuery(c, APPLE_2024);
      assert.ok(f.kind === 'filing' && f.ref.accessionNumber === '0000320193-24-000084');
    });

    it('reads a filing’s ownership XML into the model with its EDGAR address, accession and filing date', async () => {
      const doc = await fetchDocument(client(), APPLE_REF, 'xml');
      const out = await inspectDocument(doc);
      assert.ok(out.ok, out.ok ? '' : out.reason);
      assert.equal(out.filing.edgar?.url, APPLE_2024);
      assert.equal(out.filing.edgar?.accessionNumber, '0000320193-24-000084');
      assert.equal(out.filing.edgar?.filingDate, '2024-08-07');
      assert.equal(out.filing.issuer.name.value, 'Apple Inc.');
    });
  });

  describe('the latest-filings feed', () => {
    it('pages through EDGAR’s whole recorded getcurrent run and ends at its “File Unavailable” page', async () => {
      let pages = 0;
      let filings = 0;
      for await (const page of currentFilings(client({ cache: null }), { forms: ['4'] })) {
        pages++;
        filings += page.length;
      }
      assert.equal(pages, 51);
      assert.ok(filings > 1000, `filings: ${filings}`);
      const last = server.requests.at(-1)!;
      assert.equal(last.status, 503, 'the page past the end');
      assert.equal(server.requests.length, 52);
    });
  });

  describe('fair access, measured from the server’s log', () => {
    it('keeps at most the rate in any second of arrivals, across clients of one process', async () => {
      const access = new FairAccess();
      const a = client({ access, cache: null, requestsPerSecond: 10 });
      const b = client({ access, cache: null, requestsPerSecond: 10 });
      await Promise.all(
        Array.from({ length: 15 }, (_, i) => (i % 2 ? a : b).get(APPLE_SUBMISSIONS, { kind: 'listing' })),
      );
      assert.equal(server.requests.length, 15);
      assert.ok(server.maxInWindow(1000) <= 10, `most in a second: ${server.maxInWindow(1000)}`);
    });

    it('asks nothing without a User-Agent with a name and an e-mail address, and says where to set it', async () => {
      for (const ua of [null, '', 'curl/8.0', 'Jane Doe']) {
        await assert.rejects(client({ userAgent: ua }).get(APPLE_2024, { kind: 'document' }), (e: unknown) => {
          assert.equal(codeOf(e), 'user-agent');
          assert.match((e as Error).message, /the test/);
          return true;
        });
      }
      assert.equal(server.requests.length, 0);
    });
  });

  describe('the cache', () => {
    it('serves a filing again without a request, and asks for a stale list with a conditional request', async () => {
      const c = client();
      await c.get(APPLE_2024, { kind: 'document' });
      await c.get(APPLE_SUBMISSIONS, { kind: 'listing' });
      assert.equal(server.requests.length, 2);
      const again = await c.get(APPLE_2024, { kind: 'document' });
      assert.ok(again?.fromCache);
      assert.equal(server.requests.length, 2, 'a filing never changes: no request');
      // A list older than its freshness is asked again, conditionally, and the 304 serves the cached body.
      const stale = client({ cache: new DiskCache(path.join(tmp, 'cache')) });
      const meta = cacheFiles().filter((f) => f.endsWith('.json'));
      for (const m of meta) {
        const p = path.join(tmp, 'cache', m);
        const j = JSON.parse(fs.readFileSync(p, 'utf8'));
        fs.writeFileSync(p, JSON.stringify({ ...j, checkedAt: 0 }));
      }
      const listed = await stale.get(APPLE_SUBMISSIONS, { kind: 'listing' });
      assert.ok(listed?.fromCache);
      const last = server.requests.at(-1)!;
      assert.equal(last.status, 304);
      assert.ok(last.headers['if-none-match'] || last.headers['if-modified-since']);
    });

    it('offline, answers from the cache only and says what it does not have', async () => {
      await client().get(APPLE_2024, { kind: 'document' });
      server.clearLog();
      const off = client({ offline: true });
      assert.ok((await off.get(APPLE_2024, { kind: 'document' }))?.fromCache);
      await assert.rejects(off.get(APPLE_SUBMISSIONS, { kind: 'listing' }), (e: unknown) => {
        assert.equal(codeOf(e), 'offline');
        assert.match((e as Error).message, /not in the EDGAR cache/);
        return true;
      });
      assert.equal(server.requests.length, 0);
    });
  });

  describe('faults: a plain message each, and nothing kept', () => {
    async function fails(url: string, code: string, message: RegExp, options: Partial<EdgarClientOptions> = {}) {
      let err: unknown;
      try {
        await client(options).get(url, { kind: url.endsWith('.json') ? 'listing' : 'document' });
      } catch (e) {
        err = e;
      }
      assert.ok(err, 'no error');
      assert.equal(codeOf(err), code, (err as Error).message);
      assert.match((err as Error).message, message);
      assert.deepEqual(
        cacheFiles().filter((f) => !f.startsWith('.')),
        [],
        'nothing cached',
      );
      return err as EdgarError;
    }

    it('SEC’s “Undeclared Automated Tool” page stops every later request of the process', async () => {
      const access = new FairAccess();
      server.fault('320193', { type: 'block-undeclared' });
      await fails(APPLE_2024, 'blocked', /undeclared automated tool.*User-Agent.*10 minutes/s, { access });
      const n = server.requests.length;
      await assert.rejects(client({ access }).get(APPLE_SUBMISSIONS, { kind: 'listing' }), /undeclared/);
      assert.equal(server.requests.length, n, 'nothing more sent');
    });

    it('SEC’s “Request Rate Threshold Exceeded” page', async () => {
      server.fault('320193', { type: 'block-rate' });
      await fails(APPLE_2024, 'blocked', /over its limit of 10 a second.*10 minutes/s);
    });

    it('a 404 (S3’s NoSuchKey)', async () => {
      server.fault('320193', { type: 'not-found' });
      await fails(APPLE_2024, 'not-found', /EDGAR has nothing at .*404/);
    });

    it('429 and 503 are retried after their Retry-After; still busy after the retries, it says so', async () => {
      server.fault('320193', { type: 'rate-limited', times: 1, retryAfter: 1 });
      server.fault('320193', { type: 'unavailable', times: 1, retryAfter: 0 });
      const r = await client({ cache: null }).get(APPLE_2024, { kind: 'document' });
      assert.ok(r && !r.fromCache);
      const [first, second, third] = server.requests;
      assert.deepEqual(
        server.requests.map((q) => q.status),
        [429, 503, 200],
      );
      assert.ok(second.t - first.t >= 950, `waited ${Math.round(second.t - first.t)} ms for Retry-After: 1`);
      assert.ok(third);
      server.clearLog();
      server.clearFaults();
      server.fault('320193', { type: 'unavailable', retryAfter: 0 });
      await fails(APPLE_2024, 'busy', /503 Service Unavailable .* 3 times; try again later/, {
        maxRetries: 2,
        cache: null,
      });
      assert.equal(server.requests.length, 3);
      server.clearFaults();
      server.fault('320193', { type: 'rate-limited', retryAfter: 3600 });
      await fails(APPLE_2024, 'busy', /asked to wait 3600 s; try again later/, { cache: null });
    });

    it('a response that stalls past the time limit', async () => {
      server.fault('320193', { type: 'slow' });
      await fails(APPLE_2024, 'timeout', /did not answer within 0.5 s/, { timeoutMs: 500, maxRetries: 0 });
    });

    it('a truncated body is retried, then reported', async () => {
      server.fault('320193', { type: 'truncated' });
      await fails(APPLE_2024, 'truncated', /closed before .* whole answer.*nothing was kept/, { maxRetries: 1 });
      assert.equal(server.requests.length, 2);
    });

    it('malformed JSON', async () => {
      server.fault('CIK0000320193.json', { type: 'malformed-json' });
      const c = client();
      await assert.rejects(listOwnershipFilings(c, '320193'), (e: unknown) => {
        assert.equal(codeOf(e), 'malformed');
        assert.match((e as Error).message, /not valid JSON; nothing was kept/);
        return true;
      });
      assert.deepEqual(cacheFiles(), []);
    });

    it('an oversized body, plain or as a small gzip that unfolds past the limit', async () => {
      server.fault('320193', { type: 'oversized', bytes: 4 * 1024 * 1024 });
      await fails(APPLE_2024, 'too-large', /larger than 1 MB; it was not kept/, {
        maxBytes: { document: 1024 * 1024 },
      });
      server.clearFaults();
      server.fault('320193', { type: 'oversized', bytes: 4 * 1024 * 1024, gzip: true });
      await fails(APPLE_2024, 'too-large', /larger than 1 MB/, { maxBytes: { document: 1024 * 1024 } });
    });

    it('a redirect to another host is not followed', async () => {
      server.fault('320193', { type: 'redirect', location: 'https://edgar.example.com/phish' });
      await fails(
        APPLE_2024,
        'redirect',
        /edgar\.example\.com, which is not an SEC host over HTTPS; the redirect was not followed/,
      );
      assert.equal(server.requests.length, 1);
    });
  });

  describe('downloads', () => {
    it('writes each filing once, atomically, skips it on the next run without a request, keeps a changed file', async () => {
      const out = path.join(tmp, 'out');
      const c = client();
      const plan = await planEntity(c, '320193', 'Apple Inc.', {
        forms: ['4'],
        since: '2024-08-01',
        until: '2024-10-31',
      });
      const items = plan.items.filter((i) => /24-0000(84|86|88|96|97|98)$/.test(i.ref.accessionNumber));
      assert.equal(items.length, 6);
      const first = await downloadFilings(c, items, { dir: out, format: 'xml', read: readHere });
      assert.deepEqual(
        first.outcomes.map((o) => o.outcome.status),
        Array(6).fill('written'),
      );
      const files = fs.readdirSync(out).sort();
      assert.ok(files.includes('0000320193-24-000084.xml') && files.includes('form4-edgar.json'));
      assert.ok(!files.some((f) => f.includes('.tmp')), 'no temporary file left');
      server.clearLog();
      const second = await downloadFilings(client({ cache: null }), items, { dir: out, format: 'xml', read: readHere });
      assert.ok(second.outcomes.every((o) => o.outcome.status === 'present'));
      assert.equal(server.requests.length, 0, 'a second run asks nothing');
      // A file changed by hand is kept, and the outcome says so.
      const changed = path.join(out, '0000320193-24-000084.xml');
      fs.writeFileSync(changed, 'my notes');
      const item = items.filter((i) => i.ref.accessionNumber === '0000320193-24-000084');
      const third = await downloadFilings(c, item, { dir: out, format: 'xml', read: readHere });
      assert.equal(third.outcomes[0].outcome.status, 'conflict');
      assert.equal(fs.readFileSync(changed, 'utf8'), 'my notes');
    });

    it('an interrupted run leaves nothing half-written and the next run finishes it', async () => {
      const out = path.join(tmp, 'out');
      const refs = [
        APPLE_REF,
        {
          ...APPLE_REF,
          accessionNumber: '0000320193-24-000086',
          primaryDocument: 'xslF345X05/wk-form4_1723590126.xml',
        },
      ];
      server.fault('000032019324000086', { type: 'truncated' });
      const c = client({ maxRetries: 0 });
      const first = await downloadFilings(
        c,
        refs.map((ref) => ({ ref })),
        { dir: out, format: 'xml', read: readHere },
      );
      assert.deepEqual(
        first.outcomes.map((o) => o.outcome.status),
        ['written', 'failed'],
      );
      assert.deepEqual(fs.readdirSync(out).sort(), ['0000320193-24-000084.xml', 'form4-edgar.json']);
      server.clearFaults();
      const next = await downloadFilings(
        c,
        refs.map((ref) => ({ ref })),
        { dir: out, format: 'xml', read: readHere },
      );
      assert.deepEqual(
        next.outcomes.map((o) => o.outcome.status),
        ['present', 'written'],
      );
    });

    it('keeps only the filings on which the entity has the role asked', async () => {
      const c = client();
      const ref = refFromListing(
        (await listOwnershipFilings(c, '320193', { forms: ['4'], since: '2024-08-07', until: '2024-08-07' }))
          .filings[0],
      );
      const r = await downloadFilings(c, [{ ref, role: { cik: '320193', as: 'owner' } }], {
        dir: path.join(tmp, 'o'),
        format: 'xml',
        read: readHere,
      });
      assert.equal(r.outcomes[0].outcome.status, 'skipped');
      assert.match((r.outcomes[0].outcome as { reason: string }).reason, /not a reporting owner/);
    });
  });
});
