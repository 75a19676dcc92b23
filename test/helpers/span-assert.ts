/**
 * Span checks for any parsed Filing (XML, submission, HTML, text sources): every Field's span must point at
 * exactly the text it claims. Reused by the XML tests and the corpus test.
 *
 * - a field with raw text: the slice, with markup removed and entities decoded, trimmed, equals `raw`
 *   (for rendered forms, `text` and `html` sources, white space is collapsed on both sides first);
 * - XML sources (`xml`, `submission`): a present field without a value has its element as span (starts
 *   with "<", ends with ">"), a value always comes with raw text, a footnote citation's slice is its id;
 * - every span lies inside the text, start <= end.
 * PDF filings have no spans and are skipped. (For rendered forms `html-spans.ts` checks footnote markers.)
 */
import * as assert from 'node:assert/strict';
import { rowFields, type Field, type Filing, type FootnoteRef, type Span } from '../../src/core/model';
import { decodeReference } from '../../src/core/xml/entities';

/** Markup removed (comments, tags; CDATA unwrapped), references decoded: the text an XML slice stands for. */
export function xmlTextOfSlice(slice: string): string {
  let out = '';
  let i = 0;
  while (i < slice.length) {
    const lt = slice.indexOf('<', i);
    const stop = lt === -1 ? slice.length : lt;
    out += decodeRefs(slice.slice(i, stop));
    if (lt === -1) break;
    if (slice.startsWith('<!--', lt)) {
      const e = slice.indexOf('-->', lt + 4);
      i = e === -1 ? slice.length : e + 3;
    } else if (slice.startsWith('<![CDATA[', lt)) {
      const e = slice.indexOf(']]>', lt + 9);
      out += slice.slice(lt + 9, e === -1 ? slice.length : e);
      i = e === -1 ? slice.length : e + 3;
    } else if (
      /[A-Za-z_:?\u0080-\uffff]/.test(slice.charAt(lt + 1)) ||
      (slice.charAt(lt + 1) === '/' && /[A-Za-z_:\u0080-\uffff]/.test(slice.charAt(lt + 2)))
    ) {
      // A tag ends at its '>', or (broken) where the next '<' begins; a broken closing tag ends after its name
      // and the white space after it (what follows stays text).
      const e = slice.indexOf('>', lt);
      const n = slice.indexOf('<', lt + 1);
      if (e !== -1 && (n === -1 || e < n)) i = e + 1;
      else if (slice.charAt(lt + 1) === '/') {
        const m = /^<\/[^\s<>/]*\s*/.exec(slice.slice(lt, n === -1 ? slice.length : n));
        i = lt + (m ? m[0].length : 2);
      } else i = n === -1 ? slice.length : n;
    } else if (
      slice.charAt(lt + 1) === '!' &&
      slice.indexOf('>', lt) !== -1 &&
      (slice.indexOf('<', lt + 1) === -1 || slice.indexOf('>', lt) < slice.indexOf('<', lt + 1))
    ) {
      i = slice.indexOf('>', lt) + 1;
    } else {
      // A stray "<" that starts no markup: the parser keeps it as text.
      out += '<';
      i = lt + 1;
    }
  }
  return out;
}

function decodeRefs(s: string): string {
  return s.replace(
    /&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,10}|[A-Za-z][A-Za-z0-9]{0,11});/g,
    (m, body: string) => decodeReference(body) ?? m,
  );
}

interface Walked {
  path: string;
  field: Field<unknown>;
}

/** Every Field of a filing with a readable path. */
export function allFields(f: Filing): Walked[] {
  const out: Walked[] = [];
  const push = (path: string, field: Field<unknown> | undefined): void => {
    if (field) out.push({ path, field });
  };
  for (const k of [
    'schemaVersion',
    'documentType',
    'periodOfReport',
    'dateOfOriginalSubmission',
    'notSubjectToSection16',
    'noSecuritiesOwned',
    'form3HoldingsReported',
    'form4TransactionsReported',
    'aff10b5One',
    'remarks',
  ] as const)
    push(k, f[k] as Field<unknown>);
  push('issuer.cik', f.issuer.cik);
  push('issuer.name', f.issuer.name);
  push('issuer.tradingSymbol', f.issuer.tradingSymbol);
  f.reportingOwners.forEach((o, i) => {
    for (const [k, v] of Object.entries(o)) if (k !== 'span') push(`reportingOwners[${i}].${k}`, v as Field<unknown>);
  });
  for (const row of [...f.nonDerivative, ...f.derivative])
    for (const { name, field } of rowFields(row)) push(`${row.table}[${row.index}].${name}`, field);
  f.footnotes.forEach((fn, i) => {
    push(`footnotes[${i}].id`, fn.id);
    push(`footnotes[${i}].text`, fn.text);
  });
  f.signatures.forEach((s, i) => {
    push(`signatures[${i}].name`, s.name);
    push(`signatures[${i}].date`, s.date);
  });
  const sub = f.submission;
  if (sub) {
    for (const k of [
      'accessionNumber',
      'conformedSubmissionType',
      'filedAsOf',
      'acceptanceDateTime',
      'periodOfReport',
      'issuerCik',
    ] as const)
      push(`submission.${k}`, sub[k]);
    sub.reportingOwnerCiks.forEach((c, i) => push(`submission.reportingOwnerCiks[${i}]`, c));
    sub.filers.forEach((x, i) => {
      push(`submission.filers[${i}].cik`, x.cik);
      push(`submission.filers[${i}].name`, x.name);
    });
  }
  return out;
}

/** Every footnote citation with a path (fields and transactionCoding). */
function allRefs(f: Filing): { path: string; ref: FootnoteRef }[] {
  const out: { path: string; ref: FootnoteRef }[] = [];
  for (const { path, field } of allFields(f))
    field.footnotes.forEach((ref, i) => out.push({ path: `${path}.footnotes[${i}]`, ref }));
  for (const row of [...f.nonDerivative, ...f.derivative])
    row.codingFootnotes.forEach((ref, i) =>
      out.push({ path: `${row.table}[${row.index}].codingFootnotes[${i}]`, ref }),
    );
  return out;
}

/** Problems with the spans of a filing (empty when all are exact). */
export function spanProblems(f: Filing): string[] {
  if (f.source === 'pdf') return [];
  const text = f.text;
  const probs: string[] = [];
  const xmlLike = f.source === 'xml' || f.source === 'submission';
  // In a malformed document an element closed by recovery ends where it was closed, not at a '>'.
  // (Also when an element nested against the schema was read as a sibling: the outer one ends where it begins.)
  const malformed = f.findings.some(
    (x) => x.rule === 'xml-malformed' || x.rule === 'xml-limit' || x.rule === 'xml-unexpected-element',
  );
  const inText = (path: string, s: Span): boolean => {
    if (!(
      Number.isInteger(s.start) &&
      Number.isInteger(s.end) &&
      0 <= s.start &&
      s.start <= s.end &&
      s.end <= text.length
    )) {
      probs.push(`${path}: span ${s.start}..${s.end} outside the text (length ${text.length})`);
      return false;
    }
    return true;
  };
  const isElement = (path: string, s: Span | null | undefined, what: string): void => {
    if (!s || !inText(path, s)) return;
    const sl = text.slice(s.start, s.end);
    if (xmlLike && !(sl.startsWith('<') && (sl.endsWith('>') || malformed)))
      probs.push(`${path}: ${what} span is not an element: ${JSON.stringify(sl.slice(0, 60))}`);
  };

  for (const { path, field } of allFields(f)) {
    if (!field.present) {
      if (field.raw !== null || field.value !== null) probs.push(`${path}: absent but has raw/value`);
      continue;
    }
    isElement(path, field.elementSpan, 'elementSpan');
    const s = field.span;
    if (!s) {
      probs.push(`${path}: present but has no span`);
      continue;
    }
    if (!inText(path, s)) continue;
    const sl = text.slice(s.start, s.end);
    if (field.raw !== null) {
      const collapse = (x: string): string => x.replace(/[\s\u00a0]+/g, ' ').trim();
      const got = xmlLike ? xmlTextOfSlice(sl).trim() : collapse(f.source === 'html' ? xmlTextOfSlice(sl) : sl);
      const want = xmlLike ? field.raw : collapse(field.raw);
      // The slice as written may be the value itself (a span inside CDATA holds no markup to remove).
      if (got !== want && !(xmlLike && sl.trim() === field.raw))
        probs.push(
          `${path}: span text ${JSON.stringify(got.slice(0, 80))} != raw ${JSON.stringify(field.raw.slice(0, 80))}`,
        );
      if (field.elementSpan && (s.start < field.elementSpan.start || s.end > field.elementSpan.end))
        probs.push(
          `${path}: value span ${s.start}..${s.end} outside its element ${field.elementSpan.start}..${field.elementSpan.end}`,
        );
    } else {
      // A rendered form's blank box is read as a value (an unchecked box is false); XML values always have text.
      if (field.value !== null && xmlLike) probs.push(`${path}: value without raw`);
      if (
        field.elementSpan &&
        (s.start !== field.elementSpan.start || s.end !== field.elementSpan.end) &&
        !path.endsWith('.id')
      )
        probs.push(`${path}: empty field's span is not its element`);
    }
  }
  for (const { path, ref } of xmlLike ? allRefs(f) : []) {
    if (!ref.span) {
      probs.push(`${path}: footnote ref ${ref.id} has no span`);
      continue;
    }
    if (!inText(path, ref.span)) continue;
    const got = xmlTextOfSlice(text.slice(ref.span.start, ref.span.end)).trim();
    if (got !== ref.id)
      probs.push(`${path}: footnote ref span text ${JSON.stringify(got)} != id ${JSON.stringify(ref.id)}`);
  }
  for (const row of [...f.nonDerivative, ...f.derivative]) {
    isElement(`${row.table}[${row.index}]`, row.span, 'row');
    isElement(`${row.table}[${row.index}]`, row.codingSpan, 'transactionCoding');
  }
  f.reportingOwners.forEach((o, i) => isElement(`reportingOwners[${i}]`, o.span, 'owner'));
  f.footnotes.forEach((fn, i) => isElement(`footnotes[${i}]`, fn.span, 'footnote'));
  f.signatures.forEach((s, i) => isElement(`signatures[${i}]`, s.span, 'signature'));
  isElement('issuer', f.issuer.span, 'issuer');
  isElement('document', f.documentSpan, 'ownershipDocument');
  for (const [i, x] of f.findings.entries()) if (x.span) inText(`findings[${i}] (${x.rule})`, x.span);
  return probs;
}

/** Assert that every span of the filing is exact (see the module comment). */
export function assertSpans(f: Filing): void {
  const probs = spanProblems(f);
  assert.equal(probs.length, 0, `${f.file}: ${probs.length} span problem(s):\n  ${probs.slice(0, 15).join('\n  ')}`);
}
