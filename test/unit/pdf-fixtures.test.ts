/**
 * The PDF reader on hand-made PDFs (test/fixtures/pdf, written by make-fixtures.mjs): a Form 4 laid out as EDGAR's
 * own PDFs are, and one PDF per kind of bad input. (Mutated PDFs and the reader's worker thread:
 * test/robustness/pdf-worker.test.ts.)
 */
import * as assert from 'node:assert/strict';
import { dropPrintMargins, loadPdf, mergeRuns, wordByWord, type PdfItem } from '../../src/core/pdf/load';
import { extractFiling } from '../../src/core/pdf/extract';
import { rowFields, type Field, type Filing } from '../../src/core/model';
import { toJson } from '../../src/core/json';
import { parsePdfUntimed, readPdfFixture, syntheticPdfFiling } from '../helpers/pdf';

const read = readPdfFixture;
const synthetic = syntheticPdfFiling;

describe('PDF reader: hand-made Form 4 (EDGAR PDF layout)', () => {
  let f: Filing;
  before(async () => {
    f = await synthetic();
  });

  it('reads the header boxes', () => {
    assert.equal(f.source, 'pdf');
    assert.equal(f.text, '');
    assert.equal(f.documentType.value, '4');
    assert.equal(f.periodOfReport.value, '2024-01-03');
    assert.equal(f.periodOfReport.raw, '01/03/2024');
    assert.equal(f.dateOfOriginalSubmission.value, null);
    assert.equal(f.notSubjectToSection16.value, false);
    assert.equal(f.issuer.name.value, 'Example Widgets, Inc.');
    assert.equal(f.issuer.tradingSymbol.value, 'EXWD');
    assert.deepEqual(f.pdf, {
      pages: 1,
      producer: 'form4-inspector test fixture',
      subject: 'Form 4 filed on 2024-01-05 for the period ending 2024-01-03',
      filedOn: '2024-01-05',
      accession: '0000000000-24-000001',
    });
  });

  it('reads the reporting owner from the Reporting Owners table, relationship and title included', () => {
    assert.equal(f.reportingOwners.length, 1);
    const o = f.reportingOwners[0];
    assert.equal(o.name.value, 'Doe Jane Q.');
    assert.equal(o.street1.value, 'C/O EXAMPLE WIDGETS, INC.');
    assert.equal(o.street2.value, '100 MAIN STREET');
    assert.deepEqual([o.city.value, o.state.value, o.zipCode.value], ['SPRINGFIELD', 'IL', '62701']);
    assert.deepEqual(
      [o.isDirector.value, o.isOfficer.value, o.isTenPercentOwner.value, o.isOther.value],
      [false, true, false, false],
    );
    assert.equal(o.officerTitle.value, 'Chief Financial Officer');
  });

  it('reads Table I by columns, keeps empty cells empty and puts footnote markers on the value they follow', () => {
    assert.equal(f.nonDerivative.length, 2);
    assert.equal(f.derivative.length, 0);
    const [t, h] = f.nonDerivative;
    assert.equal(t.kind, 'transaction');
    assert.equal(t.securityTitle.value, 'Common Stock');
    assert.equal(t.transactionDate.value, '2024-01-03');
    assert.equal(t.deemedExecutionDate.present, false);
    assert.equal(t.transactionCode.value, 'S');
    assert.equal(t.transactionShares.raw, '7,402');
    assert.equal(t.transactionShares.value, '7402');
    assert.deepEqual(
      t.transactionShares.footnotes.map((r) => r.id),
      ['F1'],
    );
    assert.equal(t.transactionPricePerShare.raw, '$2.29');
    assert.equal(t.transactionPricePerShare.value, '2.29');
    assert.deepEqual(
      t.transactionPricePerShare.footnotes.map((r) => r.id),
      ['F2'],
    );
    assert.equal(t.transactionAcquiredDisposedCode.value, 'D');
    assert.equal(t.sharesOwnedFollowingTransaction.value, '133612');
    assert.equal(t.directOrIndirectOwnership.value, 'D');
    assert.equal(t.natureOfOwnership.present, false);
    // The holding row: only title, amount owned, I and nature; everything between stays empty.
    assert.equal(h.kind, 'holding');
    assert.equal(h.securityTitle.value, 'Common Stock');
    for (const name of [
      'transactionDate',
      'transactionCode',
      'transactionShares',
      'transactionPricePerShare',
      'transactionAcquiredDisposedCode',
    ] as const)
      assert.equal(h[name].present, false, name);
    assert.equal(h.sharesOwnedFollowingTransaction.value, '25000');
    assert.equal(h.directOrIndirectOwnership.value, 'I');
    assert.equal(h.natureOfOwnership.value, 'By Trust');
    assert.deepEqual(
      h.natureOfOwnership.footnotes.map((r) => r.id),
      ['F3'],
    );
  });

  it('gives every field read a page and a box name and no span', () => {
    const fields: Field<unknown>[] = [f.documentType, f.periodOfReport, f.issuer.name, f.issuer.tradingSymbol];
    for (const o of f.reportingOwners) fields.push(o.name, o.street1, o.city, o.isOfficer, o.officerTitle);
    for (const r of f.nonDerivative) for (const { field } of rowFields(r)) if (field.present) fields.push(field);
    for (const n of f.footnotes) fields.push(n.id, n.text);
    for (const s of f.signatures) fields.push(s.name, s.date);
    for (const fld of fields) {
      assert.equal(fld.span, null);
      assert.equal(fld.page, 1, JSON.stringify(fld));
      assert.ok(fld.box && fld.box.length > 3, JSON.stringify(fld));
    }
    assert.equal(f.nonDerivative[0].transactionShares.box, 'Table I row 1, column 4 (Amount)');
    assert.equal(
      f.nonDerivative[1].natureOfOwnership.box,
      'Table I row 2, column 7 (Nature of Indirect Beneficial Ownership)',
    );
  });

  it('reads the explanation of responses and the signature', () => {
    assert.deepEqual(
      f.footnotes.map((n) => [n.id.value, n.text.value]),
      [
        [
          'F1',
          'Represents shares withheld by the issuer to satisfy tax withholding obligations on the vesting of restricted stock units.',
        ],
        [
          'F2',
          'The price reported is a weighted average price; the shares were sold at prices ranging from $2.25 to $2.33.',
        ],
        [
          'F3',
          'Held by the Doe Family Trust. The reporting person disclaims beneficial ownership except to the extent of her pecuniary interest therein.',
        ],
      ],
    );
    assert.equal(f.remarks.present, false);
    assert.deepEqual(
      f.signatures.map((s) => [s.name.value, s.date.value]),
      [['/s/ John Roe, Attorney-in-Fact for Jane Q. Doe', '2024-01-05']],
    );
  });

  it('is sure of everything in a clean page (no extraction-uncertain findings)', () => {
    assert.deepEqual(f.findings, []);
  });
});

describe('PDF reader: text written a word at a time', () => {
  it('reads the same filing when every phrase of the page comes as separate words', async () => {
    const bytes = read('form4-synthetic.pdf');
    const loaded = await loadPdf(bytes, { maxPages: 10, deadline: Date.now() + 30_000 });
    // Split every run into its words, one after the other with a space's width (0.28 em) between them, as a
    // generator that writes a word at a time places them.
    const split = (it: PdfItem): PdfItem[] => {
      const words = it.str.split(/\s+/).filter((x) => x);
      const w = (it.x1 - it.x0) / Math.max(1, it.str.length);
      let x = it.x0;
      return words.map((word) => {
        const out = { ...it, str: word, x0: x, x1: x + w * word.length };
        x = out.x1 + 0.28 * it.size;
        return out;
      });
    };
    const words = { ...loaded, pages: loaded.pages.map((p) => ({ ...p, items: p.items.flatMap(split) })) };
    assert.ok(words.pages[0].items.length > loaded.pages[0].items.length * 2);
    assert.equal(wordByWord(words.pages[0].items), true);
    assert.equal(wordByWord(loaded.pages[0].items), false);
    const rejoined = { ...words, pages: words.pages.map((p) => ({ ...p, items: mergeRuns(p.items) })) };
    const a = extractFiling(loaded, 'f.pdf');
    const b = extractFiling(rejoined, 'f.pdf');
    assert.ok(a.ok && b.ok);
    const ja = toJson(a.filing);
    const jb = toJson(b.filing);
    // Table II's header is left out: in this fixture (Helvetica, wider than EDGAR's Times) a few of its labels run
    // into the next column, so their words touch and are rightly joined; a real page keeps its cells apart.
    for (const k of [
      'documentType',
      'periodOfReport',
      'issuer',
      'reportingOwners',
      'nonDerivative',
      'footnotes',
      'signatures',
    ] as const)
      assert.deepEqual(jb[k], ja[k], k);
    assert.equal(jb.nonDerivative.length, 2);
  });
});

describe('PDF reader: footnote markers written as raised digits or Unicode superscripts', () => {
  it('reads "7,402" with a small raised "1" and "$2.29²" as values with footnotes F1 and F2', async () => {
    const loaded = await loadPdf(read('form4-synthetic.pdf'), { maxPages: 10, deadline: Date.now() + 30_000 });
    const items = loaded.pages[0].items;
    const m1 = items.findIndex((it) => it.str === '(1)' && it.y < 360);
    const m2 = items.findIndex((it) => it.str === '(2)' && it.y < 360);
    const price = items.findIndex((it) => it.str === '$2.29');
    assert.ok(m1 >= 0 && m2 >= 0 && price >= 0);
    const changed = items
      .map((it, i) => (i === m1 ? { ...it, str: '1' } : i === price ? { ...it, str: '$2.29²' } : it))
      .filter((_, i) => i !== m2);
    const r = extractFiling({ ...loaded, pages: [{ ...loaded.pages[0], items: changed }] }, 'sup.pdf');
    assert.ok(r.ok);
    const row = r.filing.nonDerivative[0];
    assert.equal(row.transactionShares.value, '7402');
    assert.deepEqual(
      row.transactionShares.footnotes.map((x) => x.id),
      ['F1'],
    );
    assert.equal(row.transactionPricePerShare.value, '2.29');
    assert.deepEqual(
      row.transactionPricePerShare.footnotes.map((x) => x.id),
      ['F2'],
    );
    // A plain number of the same size on the same baseline stays a value.
    assert.equal(r.filing.nonDerivative[1].sharesOwnedFollowingTransaction.value, '25000');
  });
});

describe('PDF reader: box 6 checked against the reporting owners read', () => {
  it('says so when box 6 claims more than one reporting person but one was read', async () => {
    const loaded = await loadPdf(read('form4-synthetic.pdf'), { maxPages: 10, deadline: Date.now() + 30_000 });
    const page = loaded.pages[0];
    // Move box 6's X from the "one reporting person" line ("_X _ Form filed by One ...") to the "more than one" line.
    const items = page.items.map((it) =>
      /Form filed by One Reporting Person/.test(it.str)
        ? { ...it, str: it.str.replace(/X/, '_') }
        : /Form filed by More than One/.test(it.str)
          ? { ...it, str: it.str.replace(/^_+/, '_X_') }
          : it,
    );
    assert.ok(items.some((it) => it.str.startsWith('_X_ Form filed by More')));
    const clean = extractFiling(loaded, 'one.pdf');
    assert.ok(clean.ok);
    assert.deepEqual(clean.filing.findings, []);
    const r = extractFiling({ ...loaded, pages: [{ ...page, items }] }, 'more.pdf');
    assert.ok(r.ok);
    assert.deepEqual(
      r.filing.findings.map((x) => x.message),
      ['box 6 says the form is filed by more than one reporting person, but 1 was read'],
    );
  });
});

describe('PDF reader: a table continued on the next page', () => {
  it('carries the columns over a page break without a repeated header and keeps the rows in order', async () => {
    const r = await parsePdfUntimed(read('form4-continued.pdf'), 'form4-continued.pdf');
    assert.ok(r.ok, r.ok ? '' : r.reason);
    const rows = r.filing.nonDerivative;
    assert.equal(rows.length, 32);
    assert.deepEqual(
      rows.map((x) => x.index),
      [...Array(32).keys()],
    );
    assert.equal(rows[0].transactionShares.value, '7402');
    assert.equal(rows[1].natureOfOwnership.value, 'By Trust');
    assert.deepEqual(
      rows.slice(2).map((x) => [x.sharesOwnedFollowingTransaction.value, x.directOrIndirectOwnership.value, x.page]),
      Array.from({ length: 30 }, (_, i) => [String(1001 + i), 'D', i < 28 ? 1 : 2]),
    );
    assert.equal(rows[31].sharesOwnedFollowingTransaction.box, 'Table I row 32, column 5 (Amount Owned)');
    assert.equal(r.filing.derivative.length, 0);
    assert.equal(r.filing.footnotes.length, 3);
    assert.equal(r.filing.signatures.length, 1);
    assert.equal(r.filing.pdf?.pages, 2);
    assert.deepEqual(r.filing.findings, []);
  });
});

describe('PDF reader: browser headers and footers in the print margins', () => {
  it('drops the date, URL and page counter a browser prints, keeps everything else', () => {
    const it = (y: number, str: string): PdfItem => ({ page: 2, str, x0: 20, x1: 120, y, size: 8, font: 'f' });
    const items = [
      it(15, '11/29/26, 11:43 AM'),
      it(15, 'SEC FORM 4'),
      it(60, 'Common Stock'),
      it(780, 'https://www.sec.gov/Archives/edgar/data/1/000000000024000001/xslF345X05/doc4.xml'),
      it(780, '2/2'),
      it(400, '1/2'),
    ];
    assert.deepEqual(
      dropPrintMargins(items, 792).map((x) => x.str),
      ['SEC FORM 4', 'Common Stock', '1/2'],
    );
  });
});

describe('PDF reader: doubt is marked, never a silent guess', () => {
  it('an amount that is not a number: raw kept, value null, field uncertain, and an info finding on its page', async () => {
    const r = await parsePdfUntimed(read('form4-unreadable.pdf'), 'form4-unreadable.pdf');
    assert.ok(r.ok);
    const fld = r.filing.nonDerivative[0].transactionShares;
    assert.equal(fld.raw, '7,4O2');
    assert.equal(fld.value, null);
    assert.equal(fld.uncertain, true);
    assert.deepEqual(
      fld.footnotes.map((x) => x.id),
      ['F1'],
    );
    assert.deepEqual(
      r.filing.findings.map((x) => ({ rule: x.rule, severity: x.severity, message: x.message, page: x.page })),
      [
        {
          rule: 'extraction-uncertain',
          severity: 'info',
          message: 'Table I row 1, column 4 (Amount): "7,4O2" is not a readable number',
          page: 1,
        },
      ],
    );
    // Everything else on the page is read as before.
    assert.equal(r.filing.nonDerivative[0].transactionPricePerShare.value, '2.29');
    assert.equal(r.filing.nonDerivative[0].transactionPricePerShare.uncertain, undefined);
  });
});

describe('PDF reader: sub-columns without their labels', () => {
  it('estimates the edges, still reads the value, and marks it uncertain with a finding', async () => {
    const loaded = await loadPdf(read('form4-synthetic.pdf'), { maxPages: 10, deadline: Date.now() + 30_000 });
    const page = loaded.pages[0];
    const tableII = page.items.find((it) => it.str.startsWith('Table II'))!;
    // Take away Table I's "Code" and "V" sub-labels.
    const items = page.items.filter((it) => !((it.str === 'Code' || it.str === 'V') && it.y < tableII.y));
    assert.equal(items.length, page.items.length - 2);
    const r = extractFiling({ ...loaded, pages: [{ ...page, items }] }, 'nosub.pdf');
    assert.ok(r.ok);
    const code = r.filing.nonDerivative[0].transactionCode;
    assert.equal(code.value, 'S');
    assert.equal(code.uncertain, true);
    assert.deepEqual(
      r.filing.findings.map((x) => x.message),
      [
        'Table I on page 1: the sub-columns of column 3 could not be told apart from their labels; equal widths assumed',
        'Table I row 1, column 3 (Code): the edges of this sub-column were estimated, not found from its label',
      ],
    );
  });
});

describe('PDF reader: bad input gives one clear reason, never a throw', () => {
  const cases: [string, RegExp][] = [
    ['corrupt.pdf', /^the file is not a readable PDF/],
    ['password.pdf', /^the PDF is protected by a password$/],
    ['no-text.pdf', /no text layer/],
    ['not-a-form.pdf', /^not a Form 3, 4 or 5/],
    ['many-pages.pdf', /^the PDF has 100 pages, more than the 60/],
  ];
  for (const [name, re] of cases) {
    it(name, async () => {
      const r = await parsePdfUntimed(read(name), name);
      assert.equal(r.ok, false);
      if (!r.ok) {
        assert.match(r.reason, re);
        assert.ok(!r.reason.includes('\n'), 'one line');
      }
    });
  }

  it('bytes that are not a PDF at all', async () => {
    const r = await parsePdfUntimed(new TextEncoder().encode('<ownershipDocument/>'), 'x.pdf');
    assert.deepEqual(r, { ok: false, reason: 'not a PDF file (no %PDF- header)', findings: [] });
  });

  it('a page cap below the page count refuses the file', async () => {
    const r = await parsePdfUntimed(read('form4-synthetic.pdf'), 'f.pdf', { maxPages: 0 });
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.reason, /has 1 pages, more than the 0/);
  });
});
