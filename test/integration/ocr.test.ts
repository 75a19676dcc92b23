// Scanned PDFs in the PDF preview, in a real VS Code: the preview says why the scan was not read and how to read it
// by OCR; "Form 4: Read Scanned PDF by OCR" reads its page images through Tesseract and the preview shows the
// filing, every value marked as read by OCR. The scan is made for this test in a folder of its own (from the
// hand-made Form 4 PDF). Needs tesseract and pdftoppm (the install step puts them on CI): skipped without them,
// except under CI=true.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Form4Api } from '../../src/extension/extension';
import type { Reading } from '../../src/extension/reading';
import { ocrToolsOrSkip, scanOf } from '../helpers/scanned-pdf';
import { activate, ownFolder, previewRendered, removeOwnCopies, repoRoot } from './helpers';

describe('OCR of scanned PDFs in the PDF preview', function () {
  after(() => removeOwnCopies());

  it('offers OCR for a scan, then shows what Tesseract read, every value marked', async function () {
    this.timeout(240_000);
    const tools = ocrToolsOrSkip(this);
    const a = await activate<Form4Api>();
    const file = path.join(ownFolder().fsPath, 'scan.pdf');
    fs.writeFileSync(
      file,
      scanOf(tools.pdftoppm, path.join(repoRoot(), 'test', 'fixtures', 'pdf', 'form4-synthetic.pdf')),
    );
    const uri = vscode.Uri.file(file);
    const painted = previewRendered(a, uri, 60_000);
    await vscode.commands.executeCommand('vscode.openWith', uri, 'form4Inspector.pdfPreview');
    await painted;
    const before = a.service.outcomeFor(uri);
    assert.ok(before && !before.ok);
    assert.match(
      before.reason,
      /^the PDF has no text layer .*run "Form 4: Read Scanned PDF by OCR" \(in the preview's title bar\) to read its page images through Tesseract$/,
    );

    const repainted = previewRendered(a, uri, 200_000);
    const reading = await vscode.commands.executeCommand<Reading | undefined>('form4Inspector.readPdfByOcr');
    await repainted;
    assert.ok(reading?.outcome.ok, reading && !reading.outcome.ok ? reading.outcome.reason : 'no reading');
    const filing = a.service.filingFor(uri);
    assert.ok(filing, 'the preview holds the filing read by OCR');
    assert.strictEqual(filing.source, 'pdf');
    assert.strictEqual(filing.issuer.tradingSymbol.value, 'EXWD');
    assert.strictEqual(filing.issuer.tradingSymbol.uncertain, true);
    assert.strictEqual(filing.nonDerivative[0].transactionShares.value, '7402');
    assert.match(filing.findings[0].message, /^Every value was read by OCR/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
