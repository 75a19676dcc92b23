/**
 * EDGAR submission text: both header styles, the PEM wrapper, ACCEPTANCE-DATETIME, a submission without ownership
 * XML, several ownership documents, and exact spans into the whole submission. One hand-written fixture per case.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Field, Filing } from '../../src/core/model';
import { parseSubmission } from '../../src/core/parse/submission';
import { headerEntries, headerRegion, parseSubmissionHeader } from '../../src/core/parse/submission-header';
import { parseText } from '../../src/core/parse';
import { runRules } from '../../src/core/rules';
import { toJson } from '../../src/core/json';
import { assertSpans } from '../helpers/span-assert';

const FIX = path.join(__dirname, '..', 'fixtures', 'submission');
const read = (name: string): string => fs.readFileSync(path.join(FIX, name), 'utf8');

function parsed(name: string): Filing {
  const out = parseSubmission(read(name), name);
  assert.ok(out.ok, out.ok ? '' : `not parsed: ${out.reason}`);
  return out.filing;
}

/** The field's value, and its span slices back to exactly its raw text. */
function val(text: string, f: Field): string | null {
  assert.ok(f.present, 'field absent');
  assert.ok(f.span, 'field without span');
  if (f.raw !== null) assert.equal(text.slice(f.span.start, f.span.end), f.raw);
  return f.value;
}

describe('submission: header in KEY:<tab>value lines (.txt)', () => {
  const text = read('line-header.txt');
  const f = parsed('line-header.txt');
  const h = f.submission!;

  it('reads the top-level values, normalized, with exact spans', () => {
    assert.equal(f.source, 'submission');
    assert.equal(val(text, h.accessionNumber), '0001234567-24-000123');
    assert.equal(val(text, h.conformedSubmissionType), '4');
    assert.equal(val(text, h.filedAsOf), '2024-04-02');
    assert.equal(h.filedAsOf.raw, '20240402');
    assert.equal(val(text, h.periodOfReport), '2024-04-01');
  });

  it('turns <ACCEPTANCE-DATETIME>20240402160512 into 2024-04-02T16:05:12', () => {
    assert.equal(val(text, h.acceptanceDateTime), '2024-04-02T16:05:12');
    assert.equal(h.acceptanceDateTime.raw, '20240402160512');
  });

  it('reads the REPORTING-OWNER and ISSUER sections (CIK and conformed name), not FORMER COMPANY', () => {
    assert.deepEqual(
      h.filers.map((x) => [x.role, val(text, x.cik), val(text, x.name)]),
      [
        ['reporting-owner', '0001700001', 'Benton Todd E'],
        ['issuer', '0001121357', 'Alto Ingredients, Inc.'],
      ],
    );
    assert.deepEqual(
      h.reportingOwnerCiks.map((c) => c.value),
      ['0001700001'],
    );
    assert.equal(val(text, h.issuerCik), '0001121357');
    assert.ok(h.span && text.slice(h.span.start, h.span.end).endsWith('</SEC-HEADER>'));
  });

  it('reads the ownership document in place: spans index the whole submission', () => {
    assert.equal(f.text, text);
    assert.equal(f.documentType.value, '4');
    assert.equal(f.nonDerivative.length, 1);
    const shares = f.nonDerivative[0].transactionShares;
    assert.equal(text.slice(shares.span!.start, shares.span!.end), '7402');
    assert.ok(f.documentSpan && text.slice(f.documentSpan.start).startsWith('<ownershipDocument>'));
    assert.ok(f.documentSpan.start > text.indexOf('<XML>'));
    assertSpans(f);
  });
});

describe('submission: SGML tag header (.nc, CRLF, several owners)', () => {
  const text = read('tag-header.nc');
  const f = parsed('tag-header.nc');
  const h = f.submission!;

  it('maps <ACCESSION-NUMBER>, <TYPE>, <PERIOD>, <FILING-DATE> with spans that stop before the CR', () => {
    assert.ok(text.includes('\r\n'), 'fixture must keep its CRLF line ends');
    assert.equal(val(text, h.accessionNumber), '0000950170-25-003585');
    assert.equal(val(text, h.conformedSubmissionType), '4/A');
    assert.equal(val(text, h.periodOfReport), '2025-01-06');
    assert.equal(val(text, h.filedAsOf), '2025-01-08');
    assert.equal(h.acceptanceDateTime.present, false, 'the .nc form has no ACCEPTANCE-DATETIME');
  });

  it('reads each <REPORTING-OWNER> block and the <ISSUER> block', () => {
    assert.deepEqual(
      h.reportingOwnerCiks.map((c) => val(text, c)),
      ['0001331680', '0001331681'],
    );
    assert.deepEqual(
      h.filers.map((x) => [x.role, x.name.value]),
      [
        ['reporting-owner', 'Doe Jane'],
        ['reporting-owner', 'Doe Family Trust'],
        ['issuer', 'Example Motors, Inc.'],
      ],
    );
    assert.equal(val(text, h.issuerCik), '0001318605');
  });

  it('reads the document and keeps spans exact', () => {
    assert.equal(f.documentType.value, '4/A');
    assert.equal(f.reportingOwners.length, 2);
    assert.equal(f.nonDerivative[0].kind, 'holding');
    assertSpans(f);
  });

  it('reads a header written on one line (no line ends at all) the same way', () => {
    const oneLine = text.replace(/\r\n/g, '');
    const { header } = parseSubmissionHeader(oneLine);
    assert.equal(val(oneLine, header.accessionNumber), '0000950170-25-003585');
    assert.equal(val(oneLine, header.conformedSubmissionType), '4/A');
    assert.deepEqual(
      header.filers.map((x) => x.cik.value),
      ['0001331680', '0001331681', '0001318605'],
    );
    const out = parseSubmission(oneLine, 'one-line.nc');
    assert.ok(out.ok);
    assertSpans(out.filing);
  });
});

describe('submission: PEM wrapper', () => {
  const text = read('pem-wrapped.txt');
  const f = parsed('pem-wrapped.txt');

  it('skips the PEM lines and reads the header inside', () => {
    const h = f.submission!;
    assert.equal(val(text, h.accessionNumber), '0001104659-06-067430');
    assert.equal(val(text, h.acceptanceDateTime), '2006-10-19T11:19:51');
    assert.deepEqual(
      h.filers.map((x) => x.role),
      ['issuer', 'reporting-owner'],
    );
    assert.ok(!headerEntries(text).some((e) => /^(PROC-TYPE|MIC-INFO|ORIGINATOR)/i.test(e.key)));
    assert.ok(headerRegion(text).start === text.indexOf('<SEC-DOCUMENT>'));
  });

  it('reads the ownership XML and ignores a mere mention of <ownershipDocument> in the EX-24 text', () => {
    assert.equal(f.derivative.length, 1);
    assert.equal(f.derivative[0].conversionOrExercisePrice.value, '12.50');
    assert.equal(f.findings.filter((x) => x.rule === 'submission-several-ownership-documents').length, 0);
    assert.ok(f.documentSpan!.end < text.indexOf('<TYPE>EX-24'));
    assertSpans(f);
  });
});

describe('submission: not an ownership filing', () => {
  it('a 10-Q gives ok:false with a one-line reason naming the type', () => {
    const out = parseSubmission(read('ten-q.txt'), 'ten-q.txt');
    assert.equal(out.ok, false);
    assert.ok(!out.ok);
    assert.equal(out.reason, 'EDGAR submission of type 10-Q: not an ownership filing (Forms 3, 4, 5)');
  });

  it('a header-only file gives ok:false saying there is no document', () => {
    const out = parseSubmission(read('header-only.html'), 'header-only.html');
    assert.ok(!out.ok);
    assert.match(out.reason, /header of type 4 without any document/);
  });

  it('a Form 4 filed as text (before 2003) gives ok:false saying there is no ownership XML', () => {
    const out = parseSubmission(read('text-form-2000.txt'), 'text-form-2000.txt');
    assert.ok(!out.ok);
    assert.match(out.reason, /type 4 holds no ownership XML/);
  });

  it('a Form 4 filed as text (before 2003) is read as text with the header kept: its filing date is known', () => {
    const out = parseText(read('text-form-2001-filed.txt'), 'text-form-2001-filed.txt');
    assert.ok(out.ok, out.ok ? '' : out.reason);
    assert.equal(out.filing.source, 'text');
    assert.equal(out.filing.submission?.filedAsOf.value, '2001-04-11');
    assert.equal(toJson(out.filing).submission?.filedAsOf, '2001-04-11');
    // Signed April 9 but filed April 11, the day after the tenth-of-the-month deadline of the time.
    assert.deepEqual(
      runRules(out.filing, { now: new Date('2025-01-01T00:00:00Z') })
        .filter((f) => f.rule === 'late-filing')
        .map((f) => f.message.replace(/^.*, but /, '')),
      ['it was filed 2001-04-11 (Wednesday): 1 business day late'],
    );
  });

  it('the old mixed header still yields the owner and the SUBJECT COMPANY as issuer', () => {
    const text = read('text-form-2000.txt');
    const { header } = parseSubmissionHeader(text);
    assert.deepEqual(
      header.filers.map((x) => [x.role, x.cik.value, x.name.value]),
      [
        ['subject-company', '0000911787', 'PRODUCTIVITY TECHNOLOGIES CORP /'],
        ['reporting-owner', '0001050609', 'FOSTER ALAN H'],
      ],
    );
    assert.equal(val(text, header.issuerCik), '0000911787');
  });
});

describe('submission: several ownership documents', () => {
  it('reads the first and says so in an info finding pointing at the second', () => {
    const text = read('two-ownership-documents.txt');
    const f = parsed('two-ownership-documents.txt');
    assert.equal(f.issuer.name.value, 'First Issuer');
    const note = f.findings.filter((x) => x.rule === 'submission-several-ownership-documents');
    assert.equal(note.length, 1);
    assert.equal(note[0].severity, 'info');
    assert.match(note[0].message, /2 ownership documents/);
    assert.match(note[0].message, /first\.xml/);
    assert.equal(text.slice(note[0].span!.start, note[0].span!.end), '<ownershipDocument');
    assert.ok(note[0].span!.start > text.indexOf('second.xml'));
    assertSpans(f);
  });
});

describe('submission: header values that cannot be read', () => {
  it('keeps the raw text, gives a null value and a warning with the span', () => {
    const text = read('line-header.txt').replace('FILED AS OF DATE:\t\t20240402', 'FILED AS OF DATE:\t\t20240231');
    const out = parseSubmission(text, 'bad-date.txt');
    assert.ok(out.ok);
    const h = out.filing.submission!;
    assert.equal(h.filedAsOf.raw, '20240231');
    assert.equal(h.filedAsOf.value, null);
    const w = out.filing.findings.find((x) => x.rule === 'submission-header');
    assert.ok(w && w.severity === 'warning');
    assert.equal(text.slice(w.span!.start, w.span!.end), '20240231');
  });

  it('falls back to the <SEC-DOCUMENT> line for the accession number', () => {
    const text = read('line-header.txt').replace(/^ACCESSION NUMBER:.*\n/m, '');
    const { header } = parseSubmissionHeader(text);
    assert.equal(val(text, header.accessionNumber), '0001234567-24-000123');
  });
});
