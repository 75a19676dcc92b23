/** Small accessors the reader tests share: the text a span covers, the one finding of a rule, a field's flags. */
import * as assert from 'node:assert/strict';
import type { Field, Filing, Finding, Span } from '../../src/core/model';

/** The filing's text under `s` (which must be there). */
export function spanText(f: Filing, s: Span | null | undefined): string {
  assert.ok(s, 'span expected');
  return f.text.slice(s.start, s.end);
}

/** The single finding of `rule` (fails when there are none or several). */
export function onlyFinding(f: Filing, rule: string): Finding {
  const xs = f.findings.filter((x) => x.rule === rule);
  assert.equal(xs.length, 1, `expected one ${rule} finding, got ${JSON.stringify(f.findings, null, 1)}`);
  return xs[0];
}

/** The extraction-uncertain messages whose span covers the field's span. */
export function flagsAt(f: Filing, field: Field<unknown>): string[] {
  const s = field.span;
  return f.findings
    .filter((x) => x.rule === 'extraction-uncertain' && s && x.span && x.span.start <= s.start && x.span.end >= s.end)
    .map((x) => x.message);
}

/** Asserts that an extraction-uncertain finding at the field's place says `said` (failing, it lists what was said). */
export function assertFlagged(f: Filing, field: Field<unknown>, said: string | RegExp): void {
  const flags = flagsAt(f, field);
  const hit = flags.some((m) => (typeof said === 'string' ? m.includes(said) : said.test(m)));
  assert.ok(hit, `no finding at the field says ${String(said)}; said: ${JSON.stringify(flags, null, 1)}`);
}
