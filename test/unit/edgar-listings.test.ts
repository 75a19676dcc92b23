/**
 * Reading EDGAR's answers (hand-made samples in EDGAR's shapes; the recorded answers are read in the corpus tier):
 * the submissions JSON, the ticker list and its search, the latest-filings feed, full-text search hits, and a
 * filing read from EDGAR getting its EDGAR filing date for the late-filing rule. Also the process-wide rate.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  EdgarError,
  FairAccess,
  entitiesNamed,
  parseColumns,
  parseCurrentFeed,
  parseFullTextSearch,
  parseSubmissions,
  parseTickers,
  searchCompanies,
} from '../../src/core/edgar';
import { inspectBytes } from '../../src/core/inspect';

const ROOT = path.resolve(__dirname, '..', '..');

describe('EDGAR submissions JSON', () => {
  const json = {
    cik: '0000320193',
    name: 'Apple Inc.',
    entityType: 'operating',
    tickers: ['AAPL'],
    insiderTransactionForOwnerExists: 0,
    insiderTransactionForIssuerExists: 1,
    filings: {
      recent: {
        accessionNumber: ['0000320193-24-000084', '0000320193-24-000081', 'bad', '0000320193-24-000070'],
        filingDate: ['2024-08-07', '2024-08-02', '2024-08-01', 'yesterday'],
        reportDate: ['2024-08-05', '2024-06-29', '', ''],
        acceptanceDateTime: ['2024-08-07T18:30:15.000Z', '2024-08-01T18:03:34.000Z', '', ''],
        form: ['4', '10-Q', '4', '4'],
        primaryDocument: ['xslF345X05/wk-form4_1723069808.xml', 'aapl-20240629.htm', 'x.xml', '../../etc/passwd'],
        size: [6699, 1, 1, 1],
      },
      files: [
        {
          name: 'CIK0000320193-submissions-001.json',
          filingCount: 1206,
          filingFrom: '1994-01-26',
          filingTo: '2015-03-11',
        },
        { name: '../../elsewhere.json', filingCount: 1, filingFrom: '1994-01-26', filingTo: '2015-03-11' },
      ],
    },
  };

  it('reads the entity, its flags, its older pages and its filings, dropping rows that are not well formed', () => {
    const { entity, recent } = parseSubmissions(json, 'u');
    assert.deepEqual(
      { cik: entity.cik, issuer: entity.isIssuer, owner: entity.isOwner, pages: entity.olderPages.map((p) => p.name) },
      { cik: '320193', issuer: true, owner: false, pages: ['CIK0000320193-submissions-001.json'] },
    );
    assert.deepEqual(
      recent.map((l) => l.accessionNumber),
      ['0000320193-24-000084', '0000320193-24-000081'],
    );
    assert.equal(recent[0].primaryDocument, 'xslF345X05/wk-form4_1723069808.xml');
    assert.equal(recent[0].reportDate, '2024-08-05');
  });

  it('refuses shapes it cannot read with a malformed error, never a crash', () => {
    for (const bad of [
      null,
      [],
      'x',
      { cik: '1' },
      { cik: '1', filings: { recent: { accessionNumber: [1], form: [], filingDate: [] } } },
    ])
      assert.throws(
        () => parseSubmissions(bad, 'u'),
        (e: unknown) => e instanceof EdgarError && e.code === 'malformed',
      );
    assert.throws(() => parseColumns({ form: 'x' }, '1', 'u'), EdgarError);
  });
});

describe('EDGAR ticker list', () => {
  const index = parseTickers({
    0: { cik_str: 320193, ticker: 'AAPL', title: 'Apple Inc.' },
    1: { cik_str: 1418121, ticker: 'APLE', title: 'Apple Hospitality REIT, Inc.' },
    2: { cik_str: 1067983, ticker: 'BRK-B', title: 'BERKSHIRE HATHAWAY INC' },
    3: { cik_str: 1067983, ticker: 'BRK-A', title: 'BERKSHIRE HATHAWAY INC' },
    4: { cik_str: 789019, ticker: 'MSFT', title: 'MICROSOFT CORP' },
    5: { cik_str: 'x', ticker: 'BAD', title: 'Not a CIK' },
  });

  it('finds the exact ticker first, then tickers it starts, then names word by word (Apple Inc. for "AP" after APLE), each company once', () => {
    assert.deepEqual(
      searchCompanies(index, 'aapl').map((c) => c.ticker),
      ['AAPL'],
    );
    assert.deepEqual(
      searchCompanies(index, 'AP').map((c) => c.ticker),
      ['APLE', 'AAPL'],
    );
    assert.deepEqual(
      searchCompanies(index, 'apple').map((c) => c.cik),
      ['320193', '1418121'],
    );
    assert.deepEqual(
      searchCompanies(index, 'berkshire hath').map((c) => c.cik),
      ['1067983'],
    );
    assert.deepEqual(searchCompanies(index, 'Not a'), []);
    assert.equal(index.companies.length, 5);
  });
});

describe("EDGAR's latest-filings feed", () => {
  const feed = `<?xml version="1.0" encoding="ISO-8859-1" ?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Latest Filings</title>
<entry>
<title>4 - Perez Daniel Antonio (0002063236) (Reporting)</title>
<link rel="alternate" type="text/html" href="https://www.sec.gov/Archives/edgar/data/2063236/000206323625000004/0002063236-25-000004-index.htm"/>
<summary type="html"> &lt;b&gt;Filed:&lt;/b&gt; 2025-12-12 &lt;b&gt;AccNo:&lt;/b&gt; 0002063236-25-000004 &lt;b&gt;Size:&lt;/b&gt; 10 KB</summary>
<updated>2025-12-12T18:02:43-05:00</updated>
<category scheme="https://www.sec.gov/" label="form type" term="4"/>
<id>urn:tag:sec.gov,2008:accession-number=0002063236-25-000004</id>
</entry>
<entry>
<title>4 - Hinge Health, Inc. (0001673743) (Issuer)</title>
<link rel="alternate" type="text/html" href="https://www.sec.gov/Archives/edgar/data/1673743/000206323625000004/0002063236-25-000004-index.htm"/>
<summary type="html"> &lt;b&gt;Filed:&lt;/b&gt; 2025-12-12 &lt;b&gt;AccNo:&lt;/b&gt; 0002063236-25-000004</summary>
<updated>2025-12-12T18:02:43-05:00</updated>
<category scheme="https://www.sec.gov/" label="form type" term="4"/>
<id>urn:tag:sec.gov,2008:accession-number=0002063236-25-000004</id>
</entry>
<entry>
<title>424B2 - BANK (0000000001) (Filer)</title>
<link rel="alternate" type="text/html" href="https://evil.example/Archives/edgar/data/1/000000000125000001/x-index.htm"/>
<summary type="html"> &lt;b&gt;Filed:&lt;/b&gt; 2025-12-12 &lt;b&gt;AccNo:&lt;/b&gt; 0000000001-25-000001</summary>
<updated>2025-12-12T18:00:00-05:00</updated>
<category scheme="https://www.sec.gov/" label="form type" term="424B2"/>
<id>urn:tag:sec.gov,2008:accession-number=0000000001-25-000001</id>
</entry>
</feed>`;

  it('groups the entries of one filing, with its issuer, owners, filing date and acceptance time', () => {
    const { filings, entries } = parseCurrentFeed(feed, 'u');
    assert.equal(entries, 3);
    assert.deepEqual(filings[0], {
      accessionNumber: '0002063236-25-000004',
      form: '4',
      filingDate: '2025-12-12',
      acceptedAt: '2025-12-12T18:02:43-05:00',
      indexUrl: 'https://www.sec.gov/Archives/edgar/data/2063236/000206323625000004/0002063236-25-000004-index.htm',
      issuer: { cik: '1673743', name: 'Hinge Health, Inc.' },
      owners: [{ cik: '2063236', name: 'Perez Daniel Antonio' }],
      others: [],
    });
    assert.equal(filings[1].indexUrl, null, 'a link off SEC.gov is not kept');
  });

  it('says a body that is not a feed is malformed', () => {
    assert.throws(
      () => parseCurrentFeed('<html><body>File Unavailable</body></html>', 'u'),
      (e: unknown) => e instanceof EdgarError && e.code === 'malformed',
    );
  });
});

describe('EDGAR full-text search', () => {
  const hits = parseFullTextSearch(
    {
      hits: {
        hits: [
          {
            _source: {
              adsh: 'a',
              form: '4',
              display_names: [
                'BUFFETT WARREN E  (CIK 0000315090)',
                'BERKSHIRE HATHAWAY INC  (BRK-B, BRK-A)  (CIK 0001067983)',
              ],
            },
          },
          {
            _source: {
              adsh: 'b',
              form: '4',
              display_names: ['BUFFETT WARREN E  (CIK 0000315090)', 'Buffett Howard G  (CIK 0001178420)'],
            },
          },
          { _source: null },
        ],
      },
    },
    'u',
  );

  it('finds the entities whose name holds every word typed, in any order', () => {
    assert.deepEqual(entitiesNamed(hits, 'Warren Buffett'), [{ cik: '315090', name: 'BUFFETT WARREN E', hits: 2 }]);
    assert.deepEqual(
      entitiesNamed(hits, 'buffett').map((e) => e.cik),
      ['315090', '1178420'],
    );
    assert.deepEqual(
      entitiesNamed(hits, 'Berkshire').map((e) => e.cik),
      ['1067983'],
    );
  });
});

describe('a filing read from EDGAR', () => {
  it("gets EDGAR's filing date for the late-filing rule when it has no submission header", async () => {
    const bytes = fs.readFileSync(path.join(ROOT, 'examples', 'alto-ingredients-form4.xml'));
    const plain = await inspectBytes(bytes, 'alto.xml');
    assert.ok(plain.ok && !plain.filing.findings.some((f) => f.rule === 'late-filing'));
    const edgar = {
      url: 'https://www.sec.gov/Archives/edgar/data/778164/000077816424000010/form4.xml',
      indexUrl: null,
      cik: '778164',
      accessionNumber: '0000778164-24-000010',
      form: '4',
      filingDate: '2024-04-10',
      acceptanceDateTime: null,
    };
    const late = await inspectBytes(bytes, 'alto.xml', { edgar });
    assert.ok(late.ok);
    assert.deepEqual(late.filing.edgar, edgar);
    const f = late.filing.findings.find((x) => x.rule === 'late-filing');
    assert.ok(f, 'late-filing found');
    assert.match(f.message, /filed 2024-04-10/);
    // From the feed's acceptance time (Eastern, with its offset) when the filing date is not known.
    const accepted = await inspectBytes(bytes, 'alto.xml', {
      edgar: { ...edgar, filingDate: null, acceptanceDateTime: '2024-04-03T21:59:00-04:00' },
    });
    assert.ok(accepted.ok && !accepted.filing.findings.some((x) => x.rule === 'late-filing'));
  });
});

describe('the process-wide EDGAR rate', () => {
  it('starts at most the rate in any one-second window, however many ask at once', async () => {
    const access = new FairAccess();
    await Promise.all(Array.from({ length: 14 }, () => access.acquire(10)));
    const s = access.stats();
    assert.equal(s.requests, 14);
    assert.ok(s.maxInWindow <= 10, `max in a second: ${s.maxInWindow}`);
  });

  it('clamps the rate to 1..10 and refuses everything while SEC blocks', async () => {
    assert.equal(FairAccess.clampRate(50), 10);
    assert.equal(FairAccess.clampRate(0), 1);
    assert.equal(FairAccess.clampRate(undefined), 5);
    const access = new FairAccess();
    const blocked = new EdgarError('blocked', 'blocked');
    access.block(blocked);
    await assert.rejects(access.acquire(10), blocked);
    access.reset();
    await access.acquire(10);
  });

  it('lets a cancelled request leave the queue', async () => {
    const access = new FairAccess();
    await access.acquire(1);
    const ac = new AbortController();
    const waiting = access.acquire(1, ac.signal);
    ac.abort();
    await assert.rejects(waiting, (e: unknown) => e instanceof EdgarError && e.code === 'cancelled');
    access.reset();
  });
});
