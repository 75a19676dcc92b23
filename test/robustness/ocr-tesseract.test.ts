/**
 * A scan read end to end through the real programs (pdftoppm, then Tesseract as child processes), every value marked
 * as read by OCR. Needs tesseract and pdftoppm (Debian tesseract-ocr, poppler-utils: the install step puts them on
 * CI); without them it is skipped, except under CI=true.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { needsOcr } from '../../src/core/ocr/offer';
import { ocrPdf } from '../../src/core/ocr/pdf';
import { parsePdf } from '../../src/core/pdf/index';
import { PDF_FIXTURES } from '../helpers/pdf';
import { ocrToolsOrSkip, scanOf } from '../helpers/scanned-pdf';

describe('OCR through Tesseract', function () {
  it('reads a scan of the hand-made Form 4 through Tesseract, every value marked', async function () {
    this.timeout(180_000);
    const tools = ocrToolsOrSkip(this);
    const scan = scanOf(tools.pdftoppm, path.join(PDF_FIXTURES, 'form4-synthetic.pdf'));
    assert.ok(
      needsOcr(await parsePdf(new Uint8Array(scan), 'scan.pdf', { timeoutMs: 120_000 })),
      'the scan has no text layer',
    );
    const out = await ocrPdf(new Uint8Array(scan), 'scan.pdf', { timeoutMs: 170_000 });
    assert.ok(out.ok, out.ok ? '' : out.reason);
    const f = out.filing;
    assert.equal(f.source, 'pdf');
    assert.equal(f.text, '');
    assert.equal(f.issuer.tradingSymbol.value, 'EXWD');
    assert.equal(f.issuer.tradingSymbol.uncertain, true);
    const row = f.nonDerivative[0];
    assert.deepEqual(
      [
        row.transactionDate.value,
        row.transactionCode.value,
        row.transactionShares.value,
        row.sharesOwnedFollowingTransaction.value,
      ],
      ['2024-01-03', 'S', '7402', '133612'],
    );
    assert.ok(
      [row.transactionDate, row.transactionShares].every((x) => x.uncertain && x.span === null && x.page === 1),
    );
    assert.ok(f.findings.every((x) => x.span === null));
    assert.match(f.findings[0].message, /^Every value was read by OCR/);
  });
});
