/**
 * The holdings timeline: series per first owner, issuer and holding, points in time order with exact values, the
 * cross-filing break on the row it is about, duplicates drawn once, and the flat records of `form4 timeline`. (The
 * command itself: test/robustness/cli.test.ts; the corpus: test/corpus/timeline-corpus.test.ts.)
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Filing } from '../../src/core/model';
import { parseText } from '../../src/core/parse';
import { runRules } from '../../src/core/rules';
import { absent } from '../../src/core/model';
import { buildTimeline, TimelineBuilder, timelineEntry } from '../../src/core/timeline';
import { timelineRecords, TIMELINE_COLUMNS } from '../../src/core/timeline-views';
import { REPO_ROOT } from '../helpers/shared';

const DIR = path.join(__dirname, '..', 'fixtures', 'summary', 'timeline');

function load(full: string): Filing {
  const out = parseText(fs.readFileSync(full, 'utf8'), full);
  assert.ok(out.ok, out.ok ? '' : out.reason);
  return out.filing;
}

function folder(dir: string): Filing[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.xml'))
    .map((f) => load(path.join(dir, f)));
}

describe('timeline: series of amounts owned', () => {
  it('one group per first owner and issuer, one series per holding, points in date order with exact values', () => {
    // Given out of order on purpose; the duplicate copy is drawn once.
    const data = buildTimeline(folder(DIR).reverse());
    assert.equal(data.groups.length, 1);
    const g = data.groups[0];
    assert.deepEqual(g.owner, { cik: '0001900100', name: 'Harold B. Quince' });
    assert.deepEqual(g.issuer, { cik: '0000912345', name: 'Larkspur Devices, Inc.', symbol: 'LRKD' });
    assert.deepEqual(
      g.series.map((s) => s.label),
      ['Common Stock, direct', 'Common Stock, indirect (By Quince Family Trust)'],
    );
    const [direct, trust] = g.series;
    assert.deepEqual(
      direct.points.map((p) => [
        p.date,
        p.code,
        p.acquiredDisposed,
        p.shares,
        p.price,
        p.value,
        p.owned,
        path.basename(data.filings[p.filing].file).replace(/^copy-of-/, ''),
        p.path,
      ]),
      [
        ['2024-01-10', 'P', 'A', '1000', '20.00', '20000', '11000', '2024-01-10-purchase.xml', 'nonDerivative[0]'],
        ['2024-02-12', 'S', 'D', '500', '22.50', '11250', '10500', '2024-02-12-sale.xml', 'nonDerivative[0]'],
        ['2024-03-15', 'S', 'D', '500', '23', '11500', '9800', '2024-03-15-sale.xml', 'nonDerivative[0]'],
      ],
    );
    assert.deepEqual(
      trust.points.map((p) => [p.date, p.kind, p.code, p.owned, p.path]),
      [
        ['2024-01-10', 'holding', null, '4000', 'nonDerivative[1]'],
        ['2024-03-15', 'transaction', 'G', '3000', 'nonDerivative[1]'],
      ],
    );
    assert.equal(data.skipped.length, 1, 'exactly one of the two identical filings is skipped');
    assert.match(path.basename(data.skipped[0].file), /^(copy-of-)?2024-01-10-purchase\.xml$/);
    assert.equal(data.filings.length, 3);
    assert.deepEqual(data.counts, { points: 5, breaks: 1, series: 2 });
  });

  it('the cross-filing break sits on the row that does not follow, with the rule and its message', () => {
    const data = buildTimeline(folder(DIR));
    const direct = data.groups[0].series[0];
    assert.deepEqual(
      direct.points.map((p) => p.breaks.length),
      [0, 0, 1],
    );
    const b = direct.points[2].breaks[0];
    assert.equal(b.rule, 'holdings-reconcile-cross');
    assert.equal(b.scope, 'cross');
    assert.match(b.message, /10,500 - 500 disposed = 10,000, but this filing states 9,800/);
    assert.equal(direct.breaks, 1);
    assert.equal(data.groups[0].series[1].breaks, 0);
  });

  it('a rule turned off marks no break; precomputed cross findings are used as given', () => {
    assert.equal(
      buildTimeline(folder(DIR), { rules: { severities: { 'holdings-reconcile-cross': 'off' } } }).counts.breaks,
      0,
    );
    assert.equal(buildTimeline(folder(DIR), { cross: [] }).counts.breaks, 0);
  });

  it('a within-filing tally break (holdings-reconcile) is marked on its row', () => {
    const f = load(path.join(REPO_ROOT, 'examples', 'holdings-mismatch-form4.xml'));
    f.findings.push(...runRules(f));
    const data = buildTimeline([f]);
    const s = data.groups[0].series.find((x) => x.table === 'nonDerivative')!;
    assert.deepEqual(
      s.points.map((p) => [p.code, p.owned, p.breaks.map((b) => `${b.scope}:${b.rule}`)]),
      [
        ['M', '60000', []],
        ['S', '50000', []],
        ['S', '47000', ['within:holdings-reconcile']],
      ],
    );
  });

  it('flat records for CSV: one per point, every column, "" for missing values', () => {
    const data = buildTimeline(folder(DIR));
    const rec = timelineRecords(data);
    assert.equal(rec.length, 5);
    assert.deepEqual(Object.keys(rec[0]), [...TIMELINE_COLUMNS]);
    assert.deepEqual(
      { ...rec[3], file: path.basename(rec[3].file) },
      {
        owner: 'Harold B. Quince',
        ownerCik: '0001900100',
        issuer: 'Larkspur Devices, Inc.',
        issuerCik: '0000912345',
        symbol: 'LRKD',
        security: 'Common Stock',
        table: 'I',
        ownership: 'I',
        nature: 'By Quince Family Trust',
        date: '2024-01-10',
        kind: 'holding',
        code: '',
        acquiredDisposed: '',
        shares: '',
        price: '',
        value: '',
        owned: '4000',
        file: '2024-01-10-purchase.xml',
        row: '2',
        breaks: '',
      },
    );
  });

  /** The Alto example as an OCR reading gives it: no CIKs, the middle initial misread, read from text. */
  function asOcrText(f: Filing): Filing {
    const o = f.reportingOwners[0];
    return {
      ...f,
      file: f.file.replace(/\.xml$/, '.ocr.txt'),
      source: 'text',
      issuer: { ...f.issuer, cik: absent() },
      reportingOwners: [
        { ...o, cik: absent(), name: { ...o.name, raw: 'Benton Todd I', value: 'Benton Todd I', uncertain: true } },
      ],
    };
  }

  it('one filing read from its XML and its OCR text: one owner entry, one point, the text listed as skipped', () => {
    const xml = load(path.join(REPO_ROOT, 'examples', 'alto-ingredients-form4.xml'));
    const data = buildTimeline([asOcrText(xml), xml]);
    assert.equal(data.groups.length, 1, JSON.stringify(data.groups.map((g) => g.owner)));
    assert.deepEqual(data.groups[0].owner, { cik: '0001774950', name: 'Todd E. Benton' });
    assert.equal(data.counts.points, 1);
    assert.deepEqual(
      data.skipped.map((x) => [path.basename(x.file), x.reason]),
      [['alto-ingredients-form4.ocr.txt', 'the same filing as alto-ingredients-form4.xml (read from its XML)']],
    );
  });

  it('a filing without CIKs joins the pair its owner and issuer names lead to; an unknown name keeps its own pair', () => {
    const xml = load(path.join(REPO_ROOT, 'examples', 'alto-ingredients-form4.xml'));
    const later = asOcrText(xml);
    // another filing (another day) of the same owner, read without CIKs
    later.nonDerivative = later.nonDerivative.map((r) => ({
      ...r,
      transactionDate: { ...r.transactionDate, value: '2024-05-01' },
    }));
    const stranger = asOcrText(xml);
    stranger.file = 'stranger.txt';
    stranger.reportingOwners = [
      {
        ...stranger.reportingOwners[0],
        name: { ...stranger.reportingOwners[0].name, value: 'Other Person', raw: 'Other Person', uncertain: false },
      },
    ];
    const data = buildTimeline([xml, later, stranger]);
    assert.deepEqual(
      data.groups.map((g) => [g.owner.name, g.owner.cik, g.series.reduce((n, s) => n + s.points.length, 0)]),
      [
        ['Other Person', null, 1],
        ['Todd E. Benton', '0001774950', 2],
      ],
    );
  });

  it('inputs not drawn are listed with the reason: duplicates, amended originals and files given as skipped', () => {
    const b = new TimelineBuilder();
    for (const f of folder(DIR)) b.add(f);
    const amended = load(path.join(DIR, '2024-02-12-sale.xml'));
    amended.file = path.join(DIR, '2024-02-12-sale-amendment.xml');
    amended.documentType = { ...amended.documentType, value: '4/A', raw: '4/A' };
    b.add(amended);
    b.skip('/w/readme.txt', 'not an ownership filing');
    const data = b.finish();
    assert.deepEqual(data.skipped.map((x) => [path.basename(x.file), x.reason]).sort(), [
      ['2024-02-12-sale.xml', 'replaced by its amendment 2024-02-12-sale-amendment.xml'],
      ['copy-of-2024-01-10-purchase.xml', 'the same filing as 2024-01-10-purchase.xml'],
      ['readme.txt', 'not an ownership filing'],
    ]);
  });

  it('an entry is plain data that survives structured cloning (a worker thread can make it)', () => {
    const entries = folder(DIR).map(timelineEntry);
    const b = new TimelineBuilder();
    for (const e of entries) b.addEntry(structuredClone(e));
    assert.deepEqual(b.finish(), buildTimeline(folder(DIR)));
  });
});
