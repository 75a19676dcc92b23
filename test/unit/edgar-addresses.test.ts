/**
 * The EDGAR client's pure rules: which addresses it may request and how the replay origin maps them, what the user
 * typed, the declared User-Agent, Retry-After, the day a filing counts as filed, and the editor address that carries
 * a filing's EDGAR origin into the one reading path.
 */
import { strict as assert } from 'node:assert';
import {
  EdgarError,
  accessionDashed,
  checkUserAgent,
  deemedFilingDate,
  edgarDocumentId,
  edgarSource,
  edgarSourceFromId,
  parseArchivesPath,
  parseQuery,
  rawDocumentName,
  replayOrigin,
  retryAfterMs,
  routedUrl,
  secUrl,
} from '../../src/core/edgar';

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof EdgarError, `not an EdgarError: ${String(e)}`);
    return e.code;
  }
  assert.fail('no error');
}

describe('EDGAR addresses', () => {
  it('requests only https on www.sec.gov, data.sec.gov and efts.sec.gov', () => {
    assert.equal(secUrl('https://www.sec.gov/files/company_tickers.json').hostname, 'www.sec.gov');
    assert.equal(secUrl('https://data.sec.gov/submissions/CIK0000320193.json#x').hash, '');
    for (const bad of [
      'http://www.sec.gov/files/company_tickers.json',
      'https://sec.gov/x',
      'https://www.sec.gov.evil.example/x',
      'https://www.sec.gov:8443/x',
      'https://user:pw@www.sec.gov/x',
      'file:///etc/passwd',
      'not a url',
    ])
      assert.equal(
        code(() => secUrl(bad)),
        'address',
        bad,
      );
  });

  it('takes the replay origin only from FORM4_EDGAR_ORIGIN and only as a loopback http server', () => {
    assert.equal(replayOrigin({}), null);
    assert.equal(replayOrigin({ FORM4_EDGAR_ORIGIN: 'http://127.0.0.1:8123/' }), 'http://127.0.0.1:8123');
    assert.equal(replayOrigin({ FORM4_EDGAR_ORIGIN: 'http://localhost:9' }), 'http://localhost:9');
    for (const bad of [
      'https://127.0.0.1:1',
      'http://10.0.0.1:80',
      'http://edgar.example.com:80',
      'http://127.0.0.1',
      'http://127.0.0.1:0',
    ])
      assert.equal(
        code(() => replayOrigin({ FORM4_EDGAR_ORIGIN: bad })),
        'address',
        bad,
      );
  });

  it('maps https://HOST/PATH?QUERY to ORIGIN/HOST/PATH?QUERY, and leaves SEC addresses alone without an origin', () => {
    const u = secUrl('https://www.sec.gov/cgi-bin/browse-edgar?action=getcurrent&type=4');
    assert.equal(
      routedUrl(u, 'http://127.0.0.1:5000').href,
      'http://127.0.0.1:5000/www.sec.gov/cgi-bin/browse-edgar?action=getcurrent&type=4',
    );
    assert.equal(routedUrl(u, null).href, u.href);
  });

  it('reads the CIK, accession number and document of every kind of Archives address', () => {
    assert.deepEqual(parseArchivesPath('/Archives/edgar/data/320193/000032019324000084/wk-form4_1723069808.xml'), {
      cik: '320193',
      accession: '0000320193-24-000084',
      document: 'wk-form4_1723069808.xml',
      kind: 'document',
    });
    assert.equal(parseArchivesPath('/Archives/edgar/data/1609804/0000950142-22-003095-index.html')?.kind, 'index');
    assert.equal(
      parseArchivesPath('/Archives/edgar/data/1045810/000104581023000128/0001045810-23-000128.txt')?.kind,
      'full-text',
    );
    assert.equal(parseArchivesPath('/Archives/edgar/data/0000320193/000032019324000084/')?.cik, '320193');
    assert.equal(parseArchivesPath('/Archives/edgar/data/320193/'), null);
    assert.equal(parseArchivesPath('/cgi-bin/browse-edgar'), null);
    assert.equal(accessionDashed('000032019324000084'), '0000320193-24-000084');
    assert.equal(accessionDashed('0000320193-24-84'), null);
    assert.equal(rawDocumentName('xslF345X05/wk-form4_1.xml'), 'wk-form4_1.xml');
  });
});

describe('EDGAR inputs', () => {
  it('tells tickers, names, CIKs, accession numbers and addresses apart without asking EDGAR', () => {
    assert.deepEqual(parseQuery('AAPL'), { kind: 'ticker', text: 'AAPL' });
    assert.deepEqual(parseQuery('brk-b'), { kind: 'ticker', text: 'brk-b' });
    assert.deepEqual(parseQuery('Warren Buffett'), { kind: 'name', text: 'Warren Buffett' });
    assert.deepEqual(parseQuery('320193'), { kind: 'cik', cik: '320193' });
    assert.deepEqual(parseQuery('CIK0000320193'), { kind: 'cik', cik: '320193' });
    assert.deepEqual(parseQuery('0000320193-24-000084'), {
      kind: 'filing',
      cik: null,
      accession: '0000320193-24-000084',
      document: null,
    });
    assert.deepEqual(parseQuery('1462356:000032019324000084'), {
      kind: 'filing',
      cik: '1462356',
      accession: '0000320193-24-000084',
      document: null,
    });
    assert.deepEqual(parseQuery('https://data.sec.gov/submissions/CIK0001045810.json'), {
      kind: 'cik',
      cik: '1045810',
    });
    assert.deepEqual(parseQuery('https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0000789019&type=4'), {
      kind: 'cik',
      cik: '789019',
    });
    assert.deepEqual(parseQuery('https://www.sec.gov/Archives/edgar/data/1652044/000120919122024550/doc4.xml'), {
      kind: 'filing',
      cik: '1652044',
      accession: '0001209191-22-024550',
      document: 'doc4.xml',
    });
    assert.equal(
      code(() => parseQuery('https://www.sec.gov/about.shtml')),
      'address',
    );
    assert.equal(
      code(() => parseQuery('https://example.com/Archives/edgar/data/1/000000000100000001/x.xml')),
      'address',
    );
  });
});

describe('EDGAR User-Agent', () => {
  const where = 'set it here';
  it('wants a name and an e-mail address, and says why SEC needs them', () => {
    assert.equal(checkUserAgent('  Jane Doe jane.doe@example.com ', where), 'Jane Doe jane.doe@example.com');
    assert.equal(checkUserAgent('Acme Research admin@acme.com', where), 'Acme Research admin@acme.com');
    for (const bad of [null, '', 'jane@example.com', 'Jane Doe', 'Mozilla/5.0', 'Jane\r\nX-Evil: 1 jane@example.com'])
      assert.equal(
        code(() => checkUserAgent(bad, where)),
        'user-agent',
        String(bad),
      );
    try {
      checkUserAgent('', where);
    } catch (e) {
      assert.match(
        (e as Error).message,
        /declare who is behind it.*Nothing is requested from EDGAR until you set it: set it here/,
      );
    }
  });
});

describe('EDGAR timing', () => {
  it('reads Retry-After in seconds or as an HTTP date', () => {
    assert.equal(retryAfterMs('3'), 3000);
    assert.equal(retryAfterMs('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')), 30000);
    assert.equal(retryAfterMs(undefined), null);
    assert.equal(retryAfterMs('soon'), null);
  });

  it('counts a Form 4 accepted by 10 p.m. Eastern for that business day, and later ones for the next', () => {
    assert.equal(deemedFilingDate('2025-12-12T18:02:43-05:00'), '2025-12-12');
    assert.equal(deemedFilingDate('2025-12-12T22:00:00-05:00'), '2025-12-12');
    assert.equal(deemedFilingDate('2025-12-12T22:00:01-05:00'), '2025-12-15'); // Friday night: Monday
    assert.equal(deemedFilingDate('20230623194409'), '2023-06-23'); // a submission header's ACCEPTANCE-DATETIME
    assert.equal(deemedFilingDate('2024-07-04T10:00:00-04:00'), '2024-07-05'); // Independence Day
    // The submissions API's "Z" is UTC for some filers and Eastern time for others: no day can be derived from it.
    assert.equal(deemedFilingDate('2024-08-07T18:30:15.000Z'), null);
    assert.equal(deemedFilingDate('2024-13-45T10:00:00-05:00'), null);
  });
});

describe('EDGAR editor addresses', () => {
  const url = 'https://www.sec.gov/Archives/edgar/data/320193/000032019324000084/wk-form4_1723069808.xml';
  const source = edgarSource(url, {
    form: '4',
    filingDate: '2024-08-07',
    acceptanceDateTime: '2024-08-07T18:30:15.000Z',
  });

  it('carry the listing into the reading path, also as VS Code writes them (query escaped)', () => {
    const id = edgarDocumentId(source);
    assert.equal(
      id,
      'form4-edgar://www.sec.gov/Archives/edgar/data/320193/000032019324000084/wk-form4_1723069808.xml?filed=2024-08-07&accepted=2024-08-07T18%3A30%3A15.000Z&form=4',
    );
    assert.deepEqual(edgarSourceFromId(id), source);
    const asVsCodeWritesIt = id.replace(/\?(.*)$/, (_, q: string) => `?${encodeURIComponent(decodeURIComponent(q))}`);
    assert.deepEqual(edgarSourceFromId(asVsCodeWritesIt), source);
    assert.equal(
      source.indexUrl,
      'https://www.sec.gov/Archives/edgar/data/320193/000032019324000084/0000320193-24-000084-index.htm',
    );
  });

  it('are the only names that give a filing an EDGAR origin', () => {
    assert.equal(edgarSourceFromId('/home/u/wk-form4_1723069808.xml'), null);
    assert.equal(edgarSourceFromId(url), null);
    assert.equal(edgarSourceFromId('form4-edgar://evil.example/Archives/edgar/data/1/000000000100000001/x.xml'), null);
    assert.equal(edgarSourceFromId('form4-edgar://www.sec.gov/files/company_tickers.json'), null);
  });
});
