/**
 * Inputs of the shapes that are costly for a reader (huge numbers, floods of markup, many rows, deep PDF content),
 * rebuilt from a small hand-written fixture in test/fixtures/fuzz and run through the fuzzer's own check: a filing or
 * a plain reason, no exception, spans inside the text, the JSON model and the rendering built, within the fuzzer's
 * CPU-time budget (CPU time, so a loaded machine does not change the verdict). Each shape is one the fuzzer found
 * to be super-linear somewhere in the path; a budget of seconds separates linear work from that.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dec, MAX_DECIMAL_LENGTH } from '../../src/core/decimal';
import { fmtAmount, groupDigits } from '../../src/core/format';
import { inspectBytes } from '../../src/core/inspect';
import { normTitle } from '../../src/core/holdings';
import { exactProduct, toViewModel } from '../../src/extension/viewModel';
import { parsePdfInWorker } from '../../src/core/pdf/worker-client';
import { onePage, textOp } from '../fuzz/pdf';
import { fuzzFixture, throughCliPath, withValue } from '../fuzz/cli-path';
import { CPU_BUDGET_MS, cpuMsSince } from '../helpers/cpu-time';
import { REPO_ROOT } from '../helpers/shared';

const BASE = fuzzFixture('form4-base.xml');

function passes(r: Awaited<ReturnType<typeof throughCliPath>>): void {
  assert.equal(r.failure, undefined, r.failure ? `${r.failure.kind}: ${r.failure.message}` : '');
}

describe('inputs of costly shapes, found by the fuzzer', function () {
  this.timeout(60_000);

  describe('huge decimal values: kept as written, with no arithmetic on more digits than a real amount has', () => {
    it('a 5 MB share count is read (raw kept) without arithmetic on it', async () => {
      const text = withValue(BASE, 'transactionShares', '9'.repeat(5 * 1024 * 1024));
      const r = await throughCliPath('huge-decimal-5mb', text, CPU_BUDGET_MS);
      passes(r);
      assert.equal(r.ok, true);
      const out = await inspectBytes(Buffer.from(text, 'latin1'), 'huge.xml');
      assert.ok(out.ok);
      assert.equal(out.filing.nonDerivative[0].transactionShares.raw?.length, 5 * 1024 * 1024);
    });

    it('shares and price of a million digits each (big.js multiplication and division are quadratic in the digits)', async () => {
      const text = withValue(
        withValue(BASE, 'transactionShares', '9'.repeat(1_000_000)),
        'transactionPricePerShare',
        '9'.repeat(1_000_000),
      );
      passes(await throughCliPath('huge-decimals-shares-price', text, CPU_BUDGET_MS));
    });

    it('the preview model of a 5 MB share count and a 20,000-digit price: no exact product computed, the price kept', async () => {
      const text = withValue(
        withValue(BASE, 'transactionShares', '9'.repeat(5 * 1024 * 1024)),
        'transactionPricePerShare',
        '9'.repeat(20_000),
      );
      const out = await inspectBytes(Buffer.from(text, 'latin1'), 'huge.xml');
      assert.ok(out.ok);
      const cpu0 = process.cpuUsage();
      const view = toViewModel(out.filing);
      const cpuMs = cpuMsSince(cpu0);
      assert.ok(cpuMs < CPU_BUDGET_MS, `toViewModel took ${cpuMs.toFixed(0)} ms of CPU time`);
      assert.ok(JSON.stringify(view).includes('9'.repeat(20_000)), 'the price is kept, digit for digit');
      assert.equal(exactProduct('9'.repeat(65), '2'), null);
      assert.equal(exactProduct('123456789012.123456', '2.29'), '282716046837.76271424');
    });

    it('a million fraction digits in the amount owned', async () => {
      passes(
        await throughCliPath(
          'huge-fraction-digits',
          withValue(BASE, 'sharesOwnedFollowingTransaction', '1.' + '3'.repeat(1_000_000)),
          CPU_BUDGET_MS,
        ),
      );
    });

    it('dec() computes with decimals up to MAX_DECIMAL_LENGTH characters and no longer', () => {
      assert.equal(MAX_DECIMAL_LENGTH, 64);
      assert.equal(dec('1'.repeat(64))?.toFixed(), '1'.repeat(64));
      assert.equal(dec('1'.repeat(32) + '.' + '5'.repeat(31))?.toFixed(), '1'.repeat(32) + '.' + '5'.repeat(31));
      assert.equal(dec('1'.repeat(65)), null);
      // Real values keep exact arithmetic.
      assert.equal(
        dec('123456789012.123456')
          ?.times(dec('2.29') as NonNullable<ReturnType<typeof dec>>)
          .toFixed(),
        '282716046837.76271424',
      );
    });

    it('thousands grouping equals the look-ahead regex, and a million digits stay within the budget (that regex is quadratic)', () => {
      const reference = (d: string): string => d.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
      for (let n = 0; n <= 40; n++) {
        const d = Array.from({ length: n }, (_, i) => String((i * 7 + 3) % 10)).join('');
        assert.equal(groupDigits(d), reference(d), `length ${n}`);
      }
      assert.equal(fmtAmount('-1234567.891'), '-1,234,567.891');
      const cpu0 = process.cpuUsage();
      const g = groupDigits('9'.repeat(1_000_000));
      const cpuMs = cpuMsSince(cpu0);
      assert.equal(g.length, 1_000_000 + Math.floor((1_000_000 - 1) / 3));
      assert.ok(cpuMs < CPU_BUDGET_MS, `grouping a million digits took ${cpuMs.toFixed(0)} ms of CPU time`);
    });
  });

  describe('floods and many rows: every reader and rule stays linear in the size of the input', () => {
    const row = (() => {
      const m = /<nonDerivativeTransaction>[\s\S]*?<\/nonDerivativeTransaction>/.exec(BASE);
      if (!m) throw new Error('no row in the base');
      return m[0];
    })();
    const withRows = (rows: string): string => BASE.replace(row, rows);
    const withRemarks = (inner: string): string =>
      BASE.replace(/<remarks>[\s\S]*?<\/remarks>/, `<remarks>${inner}</remarks>`);
    const submission = fs.readFileSync(
      path.join(REPO_ROOT, 'test', 'fixtures', 'submission', 'line-header.txt'),
      'latin1',
    );
    const html = fs.readFileSync(
      path.join(REPO_ROOT, 'test', 'fixtures', 'html', 'form4a-joint-filers.html'),
      'latin1',
    );
    const ownerSection = /REPORTING-OWNER:[\s\S]*?(?=\nISSUER:)/.exec(submission)?.[0] ?? '';
    const ocrOwners = fs.readFileSync(
      path.join(REPO_ROOT, 'test', 'fixtures', 'text-ocr', 'form4-tesseract-owners-table-lost-letters.txt'),
      'utf8',
    );
    const ocrTemplate = fs.readFileSync(
      path.join(REPO_ROOT, 'test', 'fixtures', 'text-ocr', 'form4-tesseract-template-footnotes.txt'),
      'utf8',
    );
    const ocrOwnerIssuer = fs.readFileSync(
      path.join(REPO_ROOT, 'test', 'fixtures', 'text-ocr', 'form4-tesseract-issuer-split-by-symbol.txt'),
      'utf8',
    );
    // A number as letters ("baf"): a word of its own for each footnote.
    const letters = (i: number): string =>
      i.toString(26).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26)));
    const ocrFootnotes = (note: (i: number) => string): string =>
      ocrTemplate.replace(
        'Remarks:',
        Array.from({ length: 5_000 }, (_, i) => `${i + 9}. ${note(i)}\n`).join('') + 'Remarks:',
      );
    const cases: [string, () => string][] = [
      // A million stray '<' in a value: each problem's line number must not be counted from the start.
      ['lt-flood-in-document', () => withRemarks('< '.repeat(1_000_000))],
      // Half a million stray end tags: each message names the line of the open element.
      ['close-tag-flood', () => withRemarks('</x>'.repeat(500_000))],
      // 200,000 attributes on one element, duplicated or unquoted: the duplicate check must not compare all pairs.
      [
        'duplicate-attribute-flood',
        () => BASE.replace('<ownershipDocument>', '<ownershipDocument' + ' a="v"'.repeat(200_000) + '>'),
      ],
      [
        'unquoted-attribute-flood',
        () => BASE.replace('<ownershipDocument>', '<ownershipDocument' + ' a=v'.repeat(200_000) + '>'),
      ],
      // 300 rows on one date whose running tally never balances: the search for a same-date order must stay bounded.
      [
        'rows-300-same-date-unbalanced',
        () =>
          withRows(
            Array.from({ length: 300 }, (_, i) =>
              withValue(
                withValue(row, 'transactionShares', String(i * 7 + 1)),
                'sharesOwnedFollowingTransaction',
                String((i * 7919) % 1000),
              ),
            ).join(''),
          ),
      ],
      // 2,000 identical rows: the element limit cuts in, and the tally of what was read stays linear.
      ['rows-2000-same-date', () => withRows(row.repeat(2000))],
      // 50,000 footnote references on one value.
      [
        'footnote-refs-50000',
        () => withValue(BASE, 'transactionShares', '100</value>' + '<footnoteId id="F1"/>'.repeat(50_000) + '<value>'),
      ],
      // An EDGAR header with 50,000 REPORTING-OWNER sections.
      ['submission-50000-owner-sections', () => submission.replace(ownerSection, ownerSection.repeat(50_000))],
      // Plain text of a form with 200,000 table lines: no recursion or argument spread as deep as the input is long.
      [
        'form-text-many-lines',
        () =>
          'FORM 4\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP OF SECURITIES\nTable I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n' +
          'Common Stock 01/02/2024 S 100 D $1.00 1,000 D\n'.repeat(200_000),
      ],
      // OCR text whose "Reporting Owners" table lists 20,000 owners, each name and city without its first letter:
      // matching them to the owners read, and their addresses to one another, must not compare all pairs.
      [
        'form-text-ocr-owners-20000',
        () =>
          ocrOwners.replace(
            'Signatures',
            Array.from(
              { length: 20_000 },
              (_, i) =>
                `estrel Harbor Partners ${i} L.P.\nC/O KESTREL HARBOR PARTNERS x\n${i} QUINCY AVENUE, UITE 5\nARCHMONT, NY 10538\n`,
            ).join('') + 'Signatures',
          ),
      ],
      // OCR text with 5,000 footnotes of one template, each with its own non-words: reading them back by the text's
      // frequent words and by the other footnotes must not compare every word with every word.
      [
        'form-text-ocr-template-footnotes-5000',
        () =>
          ocrFootnotes(
            (i) =>
              `The sh${letters(i)}res were sold in multiple tf${letters(i)}actions at prices ranging from $1.${i} to $2.${i}, inclusive`,
          ),
      ],
      // OCR text whose owner's and issuer's line holds 20,000 words before "Inc. [ KBMI ]": splitting it where a
      // company's name starts must not try every number of words against the whole text.
      [
        'form-text-ocr-name-line-20000-words',
        () =>
          ocrOwnerIssuer.replace(
            'Lindqvist Tove Kestrel',
            Array.from({ length: 20_000 }, (_, i) => `Word${i % 97}x`).join(' ') + ' Kestrel',
          ),
      ],
      // 5,000 footnotes each writing its own word between the same two words: no template's slot.
      ['form-text-ocr-one-context-5000-words', () => ocrFootnotes((i) => `The q${letters(i)}x were sold.`)],
      // EDGAR HTML with 100,000 extra table rows, and with 100,000 nested tables.
      [
        'html-rows-100k',
        () => html.replace(/<\/table>/i, '<tr><td>1</td><td>2</td></tr>'.repeat(100_000) + '</table>'),
      ],
      ['html-nested-tables-100k', () => html.replace(/<\/body>/i, '<table><tr><td>'.repeat(100_000) + '</body>')],
    ];
    for (const [name, build] of cases)
      it(name, async () => {
        const r = await throughCliPath(name, build(), CPU_BUDGET_MS);
        passes(r);
      });
    it('the submission base has the owner section the flood repeats', () =>
      assert.match(ownerSection, /^REPORTING-OWNER:[\s\S]*CENTRAL INDEX KEY/));
  });

  it('the PDF worker: a PDF read after one that was stopped for time is read by a new worker, not failed by the old one', async () => {
    // 100,000 nested q/Q in a content stream hold pdf.js for minutes (quadratic in the depth): the worker is stopped.
    const hostile = onePage('q '.repeat(100_000) + textOp(72, 700, 'FORM 4') + 'Q '.repeat(100_000));
    const stopped = await parsePdfInWorker(hostile, 'nested-q.pdf', { timeoutMs: 3000 });
    assert.ok(!stopped.ok);
    assert.match(
      stopped.reason,
      /took longer than 3 s; stopped/,
      'the worker was killed, not stopped by its own clock',
    );
    const next = await parsePdfInWorker(onePage(textOp(72, 700, 'Nothing to see')), 'plain.pdf', { timeoutMs: 10_000 });
    assert.ok(!next.ok);
    assert.match(next.reason, /^not a Form 3, 4 or 5/);
  });

  it('a 5 MB security title: the holding key normalizes it once, to at most 1,000 characters', async () => {
    passes(
      await throughCliPath(
        'huge-security-title-5mb',
        withValue(BASE, 'securityTitle', 'Common '.repeat(750_000)),
        CPU_BUDGET_MS,
      ),
    );
    assert.ok(normTitle('Common '.repeat(750_000)).length <= 1000);
    assert.equal(normTitle('  Common  Stock, Class A. '), 'common stock class a');
  });
});
