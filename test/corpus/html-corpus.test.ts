/**
 * EDGAR's rendered HTML pages of the corpus against their ownership XML: each page is parsed with the HTML
 * reader, its XML counterpart is found by content (issuer CIK, period, reporting owners, row counts — not by
 * file name), both go through `toJson`, and every JSON leaf is compared. The accuracy figure and every
 * mismatch are printed; the test requires a high match and exact spans on every page.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORPUS_DIR, corpusFiles, corpusOrSkip } from '../helpers/shared';
import { parseText } from '../../src/core/parse/index';
import { parseEdgarHtml } from '../../src/core/parse/html';
import type { Filing } from '../../src/core/model';
import { htmlSpanProblems, readHtmlChecked } from '../helpers/html-spans';
import { compareModels } from '../helpers/html-compare';

const read = readHtmlChecked;

/** The XML of the corpus that holds the same filing as `html`, or null. */
function counterpart(html: Filing, xmlFiles: string[]): { file: string; filing: Filing } | null {
  const cik = html.issuer.cik.value;
  const period = html.periodOfReport.value;
  let best: { file: string; filing: Filing; score: number } | null = null;
  for (const file of xmlFiles) {
    const text = fs.readFileSync(file, 'utf8');
    if (cik && !text.includes(cik.replace(/^0+/, ''))) continue;
    if (period && !text.includes(period)) continue;
    const r = parseText(text, file);
    if (!r.ok) continue;
    const x = r.filing;
    if (x.periodOfReport.value !== period) continue;
    const owners = (f: Filing) => f.reportingOwners.map((o) => o.cik.value ?? o.name.value).join('|');
    if (owners(x) !== owners(html)) continue;
    const score =
      Number(x.nonDerivative.length === html.nonDerivative.length) +
      Number(x.derivative.length === html.derivative.length) +
      compareModels(html, x).matched / 1000;
    if (!best || score > best.score) best = { file, filing: x, score };
  }
  return best && best.score >= 2 ? best : null;
}

describe('EDGAR rendered HTML: corpus pages against their ownership XML', function () {
  this.timeout(120000);
  before(function () {
    corpusOrSkip(this);
  });

  it('reads every page, with exact spans, and matches the XML counterpart field by field', function () {
    const pages = corpusFiles('html', (n) => n.endsWith('.html'));
    assert.ok(pages.length >= 5, 'expected the corpus html pages');
    const xmlFiles = [
      ...corpusFiles('xml', (n) => n.endsWith('.xml')),
      ...corpusFiles('doc', (n) => n.endsWith('.xml')),
    ];
    let matched = 0;
    let total = 0;
    let paired = 0;
    let sameNumber = 0;
    const report: string[] = [];
    for (const page of pages) {
      const r = parseEdgarHtml(fs.readFileSync(page, 'utf8'), page);
      assert.ok(r.ok, `${path.basename(page)}: ${r.ok ? '' : r.reason}`);
      const html = r.filing;
      assert.deepEqual(htmlSpanProblems(html), [], `${path.basename(page)}: span problems`);
      assert.ok(
        html.reportingOwners.length >= 1 && html.issuer.name.value && html.periodOfReport.value,
        `${path.basename(page)}: header boxes`,
      );
      const x = counterpart(html, xmlFiles);
      if (!x) {
        report.push(
          `${path.basename(page)}: no XML counterpart in the corpus (read: ${html.nonDerivative.length} + ${html.derivative.length} rows, ${html.reportingOwners.length} owner(s))`,
        );
        continue;
      }
      paired++;
      const c = compareModels(html, x.filing);
      matched += c.matched;
      total += c.total;
      sameNumber += c.sameNumber;
      report.push(`${path.basename(page)} vs ${path.basename(x.file)}: ${c.matched}/${c.total}`);
      for (const m of c.mismatches)
        report.push(`    ${m.path}: html=${JSON.stringify(m.html)} xml=${JSON.stringify(m.xml)}`);
    }
    const ratio = total ? matched / total : 0;
    console.log(
      `      HTML vs XML: ${paired} pairs, ${matched}/${total} JSON values equal (${(ratio * 100).toFixed(2)}%); ${matched + sameNumber}/${total} equal in value (the rest: the page prints numbers formatted)\n      ${report.join('\n      ')}`,
    );
    assert.ok(paired >= 5, `expected at least 5 HTML pages with an XML counterpart, found ${paired}`);
    assert.ok(ratio >= 0.99, `match ${matched}/${total} below 99%`);
    assert.equal(matched + sameNumber, total, 'every value that is not a formatted number must match');
  });
});

describe('html: corpus pages without an XML counterpart', function () {
  before(function () {
    corpusOrSkip(this);
  });

  it('a Form 3 of ten joint filers (BAM Partners): every owner, relationship of the first from the box', function () {
    const { filing } = read(path.join(CORPUS_DIR, 'html', 'edgartools__form3.BAMPartners.html'));
    assert.equal(filing.documentType.value, '3');
    assert.equal(filing.periodOfReport.value, '2023-09-28');
    assert.equal(
      filing.issuer.name.value,
      'Triton International Ltd',
      'a name broken over two source lines is collapsed',
    );
    assert.equal(filing.reportingOwners.length, 10);
    assert.equal(new Set(filing.reportingOwners.map((o) => o.cik.value)).size, 10);
    const [first, second] = filing.reportingOwners;
    assert.equal(first.name.value, 'BROOKFIELD Corp /ON/');
    assert.equal(first.isTenPercentOwner.value, true);
    assert.deepEqual([first.city.value, first.state.value, first.zipCode.value], ['TORONTO ONTARIO', 'A6', 'M5J2T3']);
    assert.equal(second.name.value, 'BAM Partners Trust');
    assert.equal(second.street2.value, 'BROOKFIELD PLACE 181 BAY ST SUITE 100');
    assert.equal(second.isTenPercentOwner.present, false, 'the page prints no relationship for later owners');
    const row = filing.nonDerivative[0];
    assert.deepEqual(
      [
        row.kind,
        row.sharesOwnedFollowingTransaction.value,
        row.directOrIndirectOwnership.value,
        row.natureOfOwnership.value,
      ],
      ['holding', '101158891', 'I', 'See Footnotes'],
    );
    assert.deepEqual(
      row.natureOfOwnership.footnotes.map((r) => r.id),
      ['F2', 'F3'],
    );
    assert.equal(filing.derivative.length, 0);
    assert.equal(filing.footnotes.length, 3);
    assert.match(filing.remarks.value!, /^On September 28, 2023, Brookfield Infrastructure Corporation/);
  });

  it('says so when box 6 claims more than one reporting person but one was read', function () {
    const page = fs
      .readFileSync(path.join(CORPUS_DIR, 'html', 'edgartools__form4.Evans.html'), 'utf8')
      .replace(/<span class="FormData">X<\/span>(<\/td>\s*<td[^>]*>Form filed by One)/, '$1')
      .replace(/<\/td>(\s*<td[^>]*>Form filed by More than One)/, '<span class="FormData">X</span></td>$1');
    const r = parseEdgarHtml(page, 'evans-joint.html');
    assert.ok(r.ok);
    const f = r.filing.findings.find((x) =>
      /box 6 says the form is filed by more than one reporting person, but 1 was read/.test(x.message),
    );
    assert.ok(f, 'a finding about box 6');
    assert.equal(page.slice(f.span!.start, f.span!.end), 'X');
  });

  it('a Form 4 with a fractional holding (Evans)', function () {
    const { filing } = read(path.join(CORPUS_DIR, 'html', 'edgartools__form4.Evans.html'));
    const r = filing.nonDerivative[0];
    assert.deepEqual(
      [
        r.transactionCode.value,
        r.transactionShares.value,
        r.transactionPricePerShare.value,
        r.sharesOwnedFollowingTransaction.value,
      ],
      ['A', '519', '39.52', '5381.2'],
    );
    assert.equal(filing.reportingOwners[0].isDirector.value, true);
    assert.equal(filing.signatures[0].date.value, '2023-01-26');
  });
});
