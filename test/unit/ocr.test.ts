/**
 * OCR of scanned PDFs: finding Tesseract and pdftoppm, when OCR runs (only when asked; otherwise the reason says how
 * to ask or how to get Tesseract), and a scan read through the real programs with every value marked as read by
 * OCR. The end-to-end read through the real programs is in test/robustness/ocr-tesseract.test.ts (it runs them as
 * child processes for half a minute, which a unit tier should not).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { emptyFiling, type ParseOutcome } from '../../src/core/model';
import { needsOcr, ocrOffer, withOcr } from '../../src/core/ocr/offer';
import { markReadByOcr, ocrPdf } from '../../src/core/ocr/pdf';
import { joinPages, pageStarts } from '../../src/core/ocr/run';
import { findOcrTools } from '../../src/core/ocr/tools';
import { parsePdf } from '../../src/core/pdf/index';
import { PDF_FIXTURES, readPdfFixture } from '../helpers/pdf';

const fail = (reason: string): ParseOutcome => ({ ok: false, reason, findings: [] });

describe('OCR: finding Tesseract and pdftoppm', function () {
  it('says how to install them when they are not on the PATH', function () {
    const r = findOcrTools({ envPath: '' });
    assert.equal(r.ok, false);
    assert.match(
      r.ok ? '' : r.reason,
      /^tesseract and pdftoppm not found: install Tesseract .*apt-get install tesseract-ocr poppler-utils/,
    );
  });

  it('refuses a configured Tesseract path that is not an executable file', function () {
    const r = findOcrTools({ tesseractPath: path.join(PDF_FIXTURES, 'no-text.pdf') });
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.reason, /configured Tesseract path ".*no-text\.pdf" is not an executable file/);
  });

  it('takes pdftoppm from beside a configured Tesseract first', function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-tools-'));
    try {
      for (const n of ['tesseract', 'pdftoppm']) fs.writeFileSync(path.join(dir, n), '#!/bin/sh\n', { mode: 0o755 });
      const r = findOcrTools({ tesseractPath: path.join(dir, 'tesseract'), envPath: '' });
      assert.ok(r.ok);
      assert.deepEqual(r.tools, { tesseract: path.join(dir, 'tesseract'), pdftoppm: path.join(dir, 'pdftoppm') });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('OCR: when it runs', function () {
  it('knows the PDF reader’s refusal of a PDF without a text layer', async function () {
    const out = await parsePdf(readPdfFixture('no-text.pdf'), 'no-text.pdf', { timeoutMs: 120_000 });
    assert.ok(needsOcr(out), out.ok ? 'read' : out.reason);
    assert.equal(needsOcr(await parsePdf(readPdfFixture('corrupt.pdf'), 'corrupt.pdf', { timeoutMs: 120_000 })), false);
  });

  it('does not OCR a scan unless asked, and says how to ask or how to get Tesseract', async function () {
    const scan = fail('the PDF has no text layer (a scanned image?); run OCR and inspect the text instead');
    let ocrRuns = 0;
    const reader = (envPath: string, wanted: boolean) =>
      withOcr(async () => scan, {
        wanted: () => wanted,
        readByOcr: async () => (ocrRuns++, fail('read by OCR')),
        howToAsk: 'add --ocr',
        tools: () => ({ envPath }),
      });
    const missing = await reader('', false)(new Uint8Array(), 'a.pdf');
    assert.match(
      missing.ok ? '' : missing.reason,
      /^the PDF has no text layer \(a scanned image\?\); reading its page images by OCR needs Tesseract: tesseract and pdftoppm not found: install/,
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-tools-'));
    try {
      for (const n of ['tesseract', 'pdftoppm']) fs.writeFileSync(path.join(dir, n), '#!/bin/sh\n', { mode: 0o755 });
      assert.equal(ocrOffer('add --ocr', { envPath: dir }), 'add --ocr to read its page images through Tesseract');
      const offered = await reader(dir, false)(new Uint8Array(), 'a.pdf');
      assert.equal(
        offered.ok ? '' : offered.reason,
        'the PDF has no text layer (a scanned image?); add --ocr to read its page images through Tesseract',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    assert.equal(ocrRuns, 0);
    const asked = await reader('', true)(new Uint8Array(), 'a.pdf');
    assert.equal(asked.ok ? '' : asked.reason, 'read by OCR');
    assert.equal(ocrRuns, 1);
  });

  it('leaves every other outcome of the PDF reader as it is', async function () {
    const other = fail('the PDF is encrypted');
    const r = await withOcr(async () => other, {
      wanted: () => true,
      readByOcr: async () => fail('read by OCR'),
      howToAsk: 'add --ocr',
      tools: () => ({}),
    })(new Uint8Array(), 'a.pdf');
    assert.equal(r, other);
  });
});

describe('OCR: values read from page images', function () {
  it('places every value by its page, uncertain, without spans into the OCR text', function () {
    const pages = ['FORM 4\f\n', 'page two  \n'];
    const text = joinPages(pages);
    const starts = pageStarts(pages);
    assert.deepEqual(starts, [0, 8]);
    assert.equal(text.slice(starts[1]), 'page two');
    const f = emptyFiling('scan.pdf', 'text', text);
    f.issuer.name = { present: true, value: 'Two', raw: 'Two', span: { start: 9, end: 12 }, footnotes: [] };
    f.findings.push({ rule: 'extraction-uncertain', severity: 'info', message: 'x', span: { start: 1, end: 2 } });
    markReadByOcr(f, starts);
    assert.equal(f.issuer.name.uncertain, true);
    assert.equal(f.issuer.name.span, null);
    assert.equal(f.issuer.name.page, 2);
    assert.equal(f.issuer.tradingSymbol.uncertain, undefined, 'an absent value is not marked');
    assert.match(
      f.findings[0].message,
      /^Every value was read by OCR \(Tesseract\) from the PDF's page images \(2 pages\)/,
    );
    assert.deepEqual([f.findings[1].span, f.findings[1].page], [null, 1]);
  });

  it('says why when Tesseract cannot be found for a scan', async function () {
    const out = await ocrPdf(readPdfFixture('no-text.pdf'), 'no-text.pdf', { tesseractPath: '/nonexistent/tesseract' });
    assert.equal(
      out.ok ? '' : out.reason,
      'the PDF cannot be read by OCR: the configured Tesseract path "/nonexistent/tesseract" is not an executable file',
    );
  });
});
