/**
 * Scoring a reading of OCR text against the known values, field by field (./../pdf-accuracy's comparison), and
 * the two counts that say whether the reader is honest about what it could not read:
 * - tables lost without a finding: a table the truth has rows in, read with fewer rows, and no
 *   `extraction-uncertain` finding naming that table;
 * - wrong values without a finding: a value read (not absent) that differs from the truth, on a field that is not
 *   marked uncertain and that no `extraction-uncertain` finding covers.
 */
import type { Field, Filing, Finding, Span } from '../../src/core/model';
import { compareWithTruth, type Accuracy, type FieldMismatch } from '../pdf-accuracy';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface OcrScore extends Accuracy {
  tablesLostSilently: string[];
  wrongSilently: FieldMismatch[];
  /** Wrong values that were flagged (uncertain, or a finding at their place). */
  wrongFlagged: number;
}

const overlaps = (a: Span | null | undefined, b: Span | null | undefined) =>
  !!a && !!b && a.start < b.end && b.start < a.end;

/** The model object a comparison path points at (a Field, or for `footnoteIds`/`kind` the row). */
function resolve(f: Filing, at: string): { field: Field<unknown> | null; span: Span | null } {
  const parts = at.replace(/\[(\d+)\]/g, '.$1').split('.');
  let cur: unknown = f;
  let span: Span | null = null;
  for (const p of parts) {
    if (cur == null || typeof cur !== 'object') return { field: null, span };
    const next = (cur as Record<string, unknown>)[p];
    const s = (cur as { span?: Span | null }).span;
    if (s) span = s;
    cur = next;
  }
  if (cur && typeof cur === 'object' && 'present' in cur && 'value' in cur) {
    const fld = cur as Field<unknown>;
    return { field: fld, span: fld.span ?? span };
  }
  return { field: null, span };
}

const UNCERTAIN_RULES = new Set(['extraction-uncertain', 'value-unreadable']);

function flagged(f: Filing, at: string): boolean {
  const { field, span } = resolve(f, at);
  if (field?.uncertain) return true;
  const fs: Finding[] = f.findings.filter((x) => UNCERTAIN_RULES.has(x.rule));
  return fs.some((x) => overlaps(x.span, field?.span ?? span));
}

function isAbsent(v: Json | undefined): boolean {
  return v === undefined || v === null || (Array.isArray(v) && v.length === 0);
}

export function scoreOcr(got: Filing, truth: Filing | Json): OcrScore {
  const acc = compareWithTruth(got, truth);
  const wrongSilently: FieldMismatch[] = [];
  let wrongFlagged = 0;
  for (const m of acc.mismatches) {
    // A value not read at all is a miss, not a wrong value (a boolean box read as unchecked is a value).
    if (isAbsent(m.actual as Json | undefined)) continue;
    if (flagged(got, m.path)) wrongFlagged++;
    else wrongSilently.push(m);
  }
  const tablesLostSilently: string[] = [];
  const t = truth as { nonDerivative?: unknown[]; derivative?: unknown[] };
  for (const [key, name] of [
    ['nonDerivative', 'Table I'],
    ['derivative', 'Table II'],
  ] as const) {
    const want = Array.isArray(t[key]) ? t[key].length : 0;
    const have = got[key].length;
    if (want > have && !got.findings.some((x) => x.rule === 'extraction-uncertain' && x.message.includes(name)))
      tablesLostSilently.push(`${name}: ${have} of ${want} rows`);
  }
  return { ...acc, tablesLostSilently, wrongSilently, wrongFlagged };
}
