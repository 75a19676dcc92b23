/**
 * Span checks for filings read from rendered forms (EDGAR HTML, plain/OCR text): a field's span, with markup
 * removed, entities decoded and white space collapsed, reads exactly its `raw`; a footnote ref's span reads
 * its marker ("(1)", "1", "F1") for that id; every span lies inside the text.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Filing, type FootnoteRef, type Span } from '../../src/core/model';
import { parseEdgarHtml } from '../../src/core/parse/html';
import { decodeRange } from '../../src/core/parse/form/htmltree';
import { allFields } from './span-assert';
import { visibleText } from '../../src/core/parse/form/clean';

function visible(slice: string, markup: boolean): string {
  let s = slice;
  if (markup) {
    s = s.replace(/<[^>]*>/g, '');
    s = decodeRange(s, 0, s.length).text;
  }
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

export function htmlSpanProblems(
  f: Filing,
  opts: { markup?: boolean; same?: (slice: string, raw: string) => boolean } = {},
): string[] {
  const markup = opts.markup ?? f.source === 'html';
  const text = f.text;
  const probs: string[] = [];
  const ok = (path: string, s: Span | null | undefined): s is Span => {
    if (!s) return false;
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
  const refs: { path: string; ref: FootnoteRef }[] = [];
  for (const { path, field } of allFields(f)) {
    field.footnotes.forEach((ref, i) => refs.push({ path: `${path}.footnotes[${i}]`, ref }));
    if (!ok(path, field.span)) {
      if (field.present && field.raw != null && !field.span) probs.push(`${path}: has raw text but no span`);
      continue;
    }
    if (field.raw == null) continue;
    const got = visible(text.slice(field.span!.start, field.span!.end), markup);
    const same = opts.same ? opts.same(got, field.raw) : got === field.raw;
    if (!same)
      probs.push(
        `${path}: span reads ${JSON.stringify(got.slice(0, 80))}, raw is ${JSON.stringify(field.raw.slice(0, 80))}`,
      );
  }
  for (const row of [...f.nonDerivative, ...f.derivative]) {
    row.codingFootnotes.forEach((ref, i) =>
      refs.push({ path: `${row.table}[${row.index}].codingFootnotes[${i}]`, ref }),
    );
    ok(`${row.table}[${row.index}]`, row.span);
  }
  for (const { path, ref } of refs) {
    if (!ok(path, ref.span)) {
      probs.push(`${path}: footnote ref ${ref.id} without a usable span`);
      continue;
    }
    const got = visible(text.slice(ref.span!.start, ref.span!.end), markup);
    const m = /^[([]?\s*F?(\d+)\s*[)\]]?$/i.exec(got);
    if (!m || `F${Number(m[1])}` !== ref.id)
      probs.push(`${path}: ref span reads ${JSON.stringify(got)}, id is ${ref.id}`);
  }
  for (const [i, x] of f.findings.entries()) if (x.span) ok(`findings[${i}] (${x.rule})`, x.span);
  return probs;
}

/** The same checks for plain/OCR text: a slice is compared after the text reader's cleaning (escapes, simple tags). */
export function textSpanProblems(f: Filing): string[] {
  return htmlSpanProblems(f, { markup: false, same: (slice, raw) => visibleText(slice) === raw });
}

/** An EDGAR HTML page read by the HTML reader, which must read it, with every span exact. */
export function readHtmlChecked(file: string): { text: string; filing: Filing } {
  const text = fs.readFileSync(file, 'utf8');
  const r = parseEdgarHtml(text, file);
  assert.ok(r.ok, r.ok ? '' : r.reason);
  assert.deepEqual(htmlSpanProblems(r.filing), [], `${path.basename(file)}: spans`);
  return { text, filing: r.filing };
}
